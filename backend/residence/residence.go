// Package residence checks that the status of residence an offer plans
// fits the offer: Highly Skilled Professional (i)(a) and (i)(b), J-Skip,
// Engineer/Specialist in Humanities/International Services, Professor,
// Researcher, Designated Activities (internship, and J-Find) and Cultural
// Activities, each allowing certain kinds of post, pay, terms and hosts.
// The rules are versioned reference data (statuses.json); the package is
// pure and imports only talent.
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

// CheckOffer checks that an offer's planned status of residence fits its
// kind, pay, term, host and the university agreement it records. It returns
// nil, or an ErrInvalid *talent.Problem with field errors on field (the key
// the caller reads the planned status from) saying each thing that does not
// fit, as messages field.residence.*.
func CheckOffer(field, status string, o Offer) error {
	var v talent.Validator
	i := slices.IndexFunc(loadRules().Statuses, func(s rule) bool { return s.Status == status })
	if i < 0 {
		v.Add(field, "one_of", "Values", strings.Join(talent.VisaStatuses, ", "))
		return v.Err()
	}
	for _, m := range loadRules().Statuses[i].mismatches(o) {
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

// mismatches lists how o does not fit the status by its kind, pay, term,
// host and agreement.
func (s rule) mismatches(o Offer) []mismatch {
	status := talent.Term{Set: "visa", Code: s.Status}
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
	if s.Agreement && !o.UniversityAgreement {
		add("agreement")
	}
	return out
}
