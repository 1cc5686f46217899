package talent

import (
	"context"
	"time"
)

// HSPItem is one item of the Highly Skilled Professional points table that
// scored, by its stable code (labelled in the catalogue as hsp.item.<code>).
type HSPItem struct {
	Item   string
	Points int
}

// HSPResult is an assessment for Highly Skilled Professional (i)(b) status,
// J-Skip and J-Find.
type HSPResult struct {
	Category  string    // the points table used: specialised_technical ((i)(b)) or academic_research ((i)(a))
	Points    int       // the points total
	Breakdown []HSPItem // every item that scored, in the table's order
	Eligible  bool      // at least 70 points and a salary at the category's floor (¥3,000,000 in (i)(b), none in (i)(a)), or J-Skip
	FastTrack bool      // at least 80 points and a salary at the floor, or J-Skip (treated like 80 points)
	JSkip     bool      // J-Skip: master's or higher (or 10+ years' experience) and a salary of at least ¥20,000,000
	JFind     bool      // J-Find: a recent degree from a university top-100 in two rankings, and savings
	Reasons   []Reason
}

// HSPLift is one change that would raise an HSP assessment.
type HSPLift struct {
	// Change is a stable code: jlpt_n2, jlpt_n1, qualifications_one,
	// qualifications_two_or_more, experience, salary, research_achievements
	// (or research_achievements_one_kind / _two_kinds in (i)(a)),
	// foreign_qualification, growth_field_project,
	// employer_innovation_support, or salary_floor (the salary must reach the
	// floor before any points count).
	Change  string
	Points  int // points the change adds
	Total   int // the points total with the change
	Reaches int // the threshold (80 or 70) the change reaches, salary floor included; 0 if none
	Reason  Reason
}

// HSPBasis says what pay an HSP standing is worked out from.
type HSPBasis string

// Bases of a standing.
const (
	// HSPOnOffer is the salary of the offer the candidate holds for the role.
	HSPOnOffer HSPBasis = "offer"
	// HSPOnRange is the role's pay range, at its bottom and its top.
	HSPOnRange HSPBasis = "range"
	// HSPNotApplicable is an internship: not a Highly Skilled Professional
	// activity (Designated Activities or Cultural Activities apply).
	HSPNotApplicable HSPBasis = "not_applicable"
)

// HSPStanding is where a candidate stands for HSP status in a role: at the
// salary of their offer once there is one, before that at both ends of the
// role's pay range (never the top alone), with the single changes that
// would lift them.
type HSPStanding struct {
	RoleID   int64
	Basis    HSPBasis
	Category string // the points table: academic_research for research posts, else specialised_technical
	// High is the assessment at the offer's salary, or at the top of the
	// range; Low at the bottom of the range (the same as High for an offer
	// or a range of one figure).
	High, Low             HSPResult
	HighSalary, LowSalary int64
	// Lifts are worked out from Low: what would lift the candidate whatever
	// the final pay within the range.
	Lifts []HSPLift
}

// HSPAssessor assesses candidate p on category's points table at an annual
// salary, on day today, from what the profile records, with the single
// changes that would lift them; a profile without a date of birth is an
// ErrInvalid problem naming date_of_birth (package matching provides one).
type HSPAssessor func(p Profile, category string, salaryJPY int64, today Date) (HSPResult, []HSPLift, error)

// HSPOffers finds the offers on a candidate's application to a role.
type HSPOffers interface {
	// OfferForRole returns the latest offer on candidateID's application to
	// roleID; found false when there is none.
	OfferForRole(ctx context.Context, candidateID, roleID int64) (o Offer, found bool, err error)
}

// HSP tells candidates where they stand for Highly Skilled Professional
// status.
type HSP struct {
	profiles *Profiles
	roles    *Roles
	offers   HSPOffers
	assess   HSPAssessor
	now      func() time.Time
}

func newHSP(profiles *Profiles, roles *Roles, offers HSPOffers, assess HSPAssessor) *HSP {
	return &HSP{profiles: profiles, roles: roles, offers: offers, assess: assess, now: time.Now}
}

// Mine assesses the signed-in candidate from their profile for a role they
// may see: at their offer's salary if they hold one, else at the bottom and
// the top of the role's pay range; internships are not applicable. Only
// candidates have profiles (ErrForbidden); a profile without a date of
// birth, or a role without pay, is ErrInvalid naming date_of_birth or
// salary_max_jpy.
func (s *HSP) Mine(ctx context.Context, actor Actor, roleID int64) (HSPStanding, error) {
	profile, err := s.profiles.Mine(ctx, actor)
	if err != nil {
		return HSPStanding{}, err
	}
	role, err := s.roles.Get(ctx, actor, roleID)
	if err != nil {
		return HSPStanding{}, err
	}
	out := HSPStanding{RoleID: roleID, Basis: HSPOnRange, Category: hspCategoryOf(role.Type)}
	offer, found, err := s.offers.OfferForRole(ctx, actor.UserID, roleID)
	switch {
	case err != nil:
		return HSPStanding{}, err
	case found:
		out.Basis, out.Category = HSPOnOffer, hspCategoryOf(offer.Kind)
		out.LowSalary, out.HighSalary = offer.AnnualSalaryJPY, offer.AnnualSalaryJPY
		if offer.Kind == "internship" {
			out.Basis = HSPNotApplicable
		}
	case role.Type == "internship":
		out.Basis = HSPNotApplicable
	default:
		low, high, ok := role.AnnualPay()
		if !ok {
			var v Validator
			v.Add("salary_max_jpy", "required")
			return HSPStanding{}, v.Err()
		}
		out.LowSalary, out.HighSalary = low, high
	}
	if out.Basis == HSPNotApplicable {
		return HSPStanding{RoleID: roleID, Basis: HSPNotApplicable}, nil
	}
	today := DateOf(s.now())
	if out.Low, out.Lifts, err = s.assess(profile, out.Category, out.LowSalary, today); err != nil {
		return HSPStanding{}, err
	}
	out.High = out.Low
	if out.HighSalary != out.LowSalary {
		if out.High, _, err = s.assess(profile, out.Category, out.HighSalary, today); err != nil {
			return HSPStanding{}, err
		}
	}
	return out, nil
}

// hspCategoryOf is the HSP points table for a kind of post: (i)(a) academic
// research for research posts, (i)(b) specialised/technical otherwise.
func hspCategoryOf(kind string) string {
	if kind == "research" {
		return "academic_research"
	}
	return "specialised_technical"
}

// AnnualPay returns the yearly pay a role offers, from its bottom to its
// top: its salary range (one end standing for both when only one is given),
// or its monthly stipend for twelve months; ok false when it states none.
func (r Role) AnnualPay() (low, high int64, ok bool) {
	switch {
	case r.StipendMonthlyJPY != nil:
		y := *r.StipendMonthlyJPY * 12
		return y, y, true
	case r.SalaryMinJPY != nil && r.SalaryMaxJPY != nil:
		return *r.SalaryMinJPY, max(*r.SalaryMinJPY, *r.SalaryMaxJPY), true
	case r.SalaryMinJPY != nil:
		return *r.SalaryMinJPY, *r.SalaryMinJPY, true
	case r.SalaryMaxJPY != nil:
		return *r.SalaryMaxJPY, *r.SalaryMaxJPY, true
	}
	return 0, 0, false
}
