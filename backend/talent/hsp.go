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

// HSPStanding is a candidate's HSP assessment against a role's pay, with
// the single changes that would lift it.
type HSPStanding struct {
	RoleID     int64
	Assessment HSPResult
	Lifts      []HSPLift
}

// HSPAssessor assesses candidate p taking role r on day today from what the
// profile records; a profile without a date of birth or a role without pay
// is an ErrInvalid problem naming date_of_birth or salary_max_jpy (package
// matching provides one).
type HSPAssessor func(p Profile, r Role, today Date) (HSPStanding, error)

// HSP tells candidates where they stand for Highly Skilled Professional
// status.
type HSP struct {
	profiles *Profiles
	roles    *Roles
	assess   HSPAssessor
	now      func() time.Time
}

func newHSP(profiles *Profiles, roles *Roles, assess HSPAssessor) *HSP {
	return &HSP{profiles: profiles, roles: roles, assess: assess, now: time.Now}
}

// Mine assesses the signed-in candidate from their profile against the pay
// of a role they may see, with what would lift them. Only candidates have
// profiles (ErrForbidden); see HSPAssessor for what the profile and role
// must hold.
func (s *HSP) Mine(ctx context.Context, actor Actor, roleID int64) (HSPStanding, error) {
	profile, err := s.profiles.Mine(ctx, actor)
	if err != nil {
		return HSPStanding{}, err
	}
	role, err := s.roles.Get(ctx, actor, roleID)
	if err != nil {
		return HSPStanding{}, err
	}
	return s.assess(profile, role, DateOf(s.now()))
}
