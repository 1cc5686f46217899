// Package residence says which statuses of residence fit a candidate and an
// offer, and why the others do not: Highly Skilled Professional (i)(a) and
// (i)(b), J-Skip, Engineer/Specialist in Humanities/International Services,
// Professor, Researcher, Designated Activities (internship, and J-Find) and
// Cultural Activities. The rules are versioned reference data
// (statuses.json); the package is pure and imports only talent.
package residence

import (
	"slices"
	"strings"

	"github.com/setubashi/setubashi/backend/talent"
)

// Offer is what an offer says that decides its status of residence.
type Offer struct {
	Kind            string // one of talent.RoleTypes
	AnnualSalaryJPY int64  // 0: unpaid
	TermMonths      int    // the fixed term in months; 0: no fixed term
	HostKind        string // one of talent.OrganizationKinds
	// UniversityAgreement says an agreement between the student's university
	// and the host is recorded (Designated Activities internships need one).
	UniversityAgreement bool
}

// HSPStanding is a candidate's HSP assessment on one points table, for the
// offer's pay.
type HSPStanding struct {
	Points    int
	Threshold int  // the points needed (70)
	Eligible  bool // the points and, in (i)(b), the salary floor are met
}

// Candidate is what the candidate brings.
type Candidate struct {
	HighestDegree   string // one of talent.EducationLevels; "" or "none" for no degree
	ExperienceYears int    // in the field
	// EnrolledStudent says the candidate studies at a university outside
	// Japan.
	EnrolledStudent bool
	Technical       HSPStanding // HSP (i)(b)
	Academic        HSPStanding // HSP (i)(a)
	JSkip           bool
	JFind           bool
}

// Fit is one status of residence judged for a candidate and an offer.
type Fit struct {
	Status  string // one of talent.VisaStatuses
	Fits    bool
	Reasons []talent.Reason // why it fits (residence.fits), or each thing that does not
}

// Assess judges every status of residence for c and o, in the order of the
// reference data (the most favourable statuses first).
func Assess(c Candidate, o Offer) []Fit {
	r := loadRules()
	out := make([]Fit, 0, len(r.Statuses))
	for _, s := range r.Statuses {
		var reasons []talent.Reason
		for _, m := range s.offerMismatches(o) {
			reasons = append(reasons, reason("field."+m.Code, m.KV))
		}
		reasons = append(reasons, s.candidateGaps(c, o)...)
		fit := Fit{Status: s.Status, Fits: len(reasons) == 0, Reasons: reasons}
		if fit.Fits {
			fit.Reasons = []talent.Reason{reason("residence.fits", []any{"Status", statusTerm(s.Status)})}
		}
		out = append(out, fit)
	}
	return out
}

// CheckOffer checks that an offer's planned status of residence fits its
// kind, pay, term and host (what the offer alone decides; the candidate's
// side is Assess's). It returns nil, or an ErrInvalid *talent.Problem with
// field errors on field (the key the caller reads the planned status from)
// saying each thing that does not fit.
func CheckOffer(field, status string, o Offer) error {
	var v talent.Validator
	i := slices.IndexFunc(loadRules().Statuses, func(s rule) bool { return s.Status == status })
	if i < 0 {
		v.Add(field, "one_of", "Values", strings.Join(talent.VisaStatuses, ", "))
		return v.Err()
	}
	for _, m := range loadRules().Statuses[i].offerMismatches(o) {
		v.Add(field, m.Code, m.KV...)
	}
	return v.Err()
}

// CheckTerms checks an offer's planned status against its terms and the
// host's kind of organisation (see CheckOffer): the talent.ResidenceRules
// the services use.
func CheckTerms(field string, t talent.OfferTerms, hostKind string) error {
	return CheckOffer(field, t.PlannedStatus, Offer{Kind: t.Kind, AnnualSalaryJPY: t.AnnualSalaryJPY, TermMonths: t.TermMonths,
		HostKind: hostKind, UniversityAgreement: t.UniversityAgreement})
}

var _ talent.ResidenceRules = CheckTerms

// mismatch is one way an offer does not fit a status: a message code under
// field. and its arguments as key, value pairs.
type mismatch struct {
	Code string
	KV   []any
}

// offerMismatches lists how o does not fit the status by its kind, pay,
// term and host.
func (s rule) offerMismatches(o Offer) []mismatch {
	status := statusTerm(s.Status)
	var out []mismatch
	add := func(code string, kv ...any) {
		out = append(out, mismatch{Code: "residence." + code, KV: append([]any{"Status", status}, kv...)})
	}
	switch {
	case len(s.Kinds) == 0:
		add("no_offer")
		return out
	case !slices.Contains(s.Kinds, o.Kind):
		add("kind", "Kind", talent.Term{Set: "role_type", Code: o.Kind})
	}
	switch {
	case s.Pay == payPaid && o.AnnualSalaryJPY <= 0:
		add("paid")
	case s.Pay == payUnpaid && o.AnnualSalaryJPY > 0:
		add("unpaid", "Salary", talent.Yen(o.AnnualSalaryJPY))
	case s.MinSalaryJPY > 0 && o.AnnualSalaryJPY < s.MinSalaryJPY:
		add("min_salary", "Min", talent.Yen(s.MinSalaryJPY), "Salary", talent.Yen(o.AnnualSalaryJPY))
	}
	switch {
	case s.MaxTermMonths > 0 && (o.TermMonths <= 0 || o.TermMonths > s.MaxTermMonths):
		add("max_term", "Months", s.MaxTermMonths)
	case s.MinTermMonths > 0 && o.TermMonths > 0 && o.TermMonths < s.MinTermMonths:
		add("min_term", "Months", s.MinTermMonths)
	}
	if len(s.Hosts) > 0 && !slices.Contains(s.Hosts, o.HostKind) {
		add("host", "Host", talent.Term{Set: "org_kind", Code: o.HostKind})
	}
	return out
}

// candidateGaps lists what the candidate (or the case) lacks for the status.
func (s rule) candidateGaps(c Candidate, o Offer) []talent.Reason {
	status := statusTerm(s.Status)
	var out []talent.Reason
	add := func(id string, kv ...any) {
		out = append(out, reason("residence.needs."+id, append([]any{"Status", status}, kv...)))
	}
	for _, n := range s.Needs {
		switch n {
		case needHSPTechnical:
			if !c.Technical.Eligible {
				add("hsp", "Points", c.Technical.Points, "Threshold", c.Technical.Threshold)
			}
		case needHSPAcademic:
			if !c.Academic.Eligible {
				add("hsp", "Points", c.Academic.Points, "Threshold", c.Academic.Threshold)
			}
		case needJSkip:
			if !c.JSkip {
				add("j_skip")
			}
		case needJFind:
			if !c.JFind {
				add("j_find")
			}
		case needDegreeOr10Years:
			if talent.EducationRank(c.HighestDegree) < 0 && c.ExperienceYears < yearsInsteadOfDegree {
				add("degree_or_experience", "Years", yearsInsteadOfDegree)
			}
		case needEnrolledStudent:
			if !c.EnrolledStudent {
				add("enrolled_student")
			}
		case needUniversityAgreement:
			if !o.UniversityAgreement {
				add("university_agreement")
			}
		}
	}
	return out
}

// statusTerm is a status of residence as a message argument.
func statusTerm(status string) talent.Term { return talent.Term{Set: "visa", Code: status} }

// reason is message id with arguments given as key, value pairs.
func reason(id string, kv []any) talent.Reason {
	args := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		args[kv[i].(string)] = kv[i+1]
	}
	return talent.Reason{ID: id, Args: args}
}
