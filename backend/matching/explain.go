package matching

import "github.com/setubashi/setubashi/backend/talent"

// Viewer says who reads a match's reasons: the candidate reading about a role
// ("above your expectation") or the organisation reading about a candidate
// ("above the candidate's expectation"). Reasons whose wording does not
// depend on the reader use the same message either way.
type Viewer int

// The two readers of a match.
const (
	// CandidateView is a candidate reading about a role (RankRoles).
	CandidateView Viewer = iota
	// OrganizationView is an organisation reading about a candidate
	// (RankCandidates).
	OrganizationView
)

// orgSuffix ends the ID of a reader-dependent message in its organisation
// wording; the ID without it is the candidate wording.
const orgSuffix = "_org"

// explainer collects the reasons of one component or of the blockers. A nil
// explainer collects nothing: the cheap scoring pass runs the same code as the
// explaining pass, without building reasons.
type explainer struct {
	viewer  Viewer
	reasons []talent.Reason
}

// on reports whether reasons are being collected; components check it before
// building arguments, so the cheap pass allocates nothing.
func (e *explainer) on() bool { return e != nil }

// add records message id with arguments given as key, value pairs.
func (e *explainer) add(id string, kv ...any) {
	if e == nil {
		return
	}
	e.reasons = append(e.reasons, newReason(id, kv...))
}

// addViewed records a reader-dependent message: id for the candidate, id_org
// for the organisation.
func (e *explainer) addViewed(id string, kv ...any) {
	if e == nil {
		return
	}
	if e.viewer == OrganizationView {
		id += orgSuffix
	}
	e.reasons = append(e.reasons, newReason(id, kv...))
}

// take returns the reasons collected so far and starts afresh.
func (e *explainer) take() []talent.Reason {
	r := e.reasons
	e.reasons = nil
	return r
}

// newReason returns a reason with arguments given as key, value pairs.
func newReason(id string, kv ...any) talent.Reason {
	r := talent.Reason{ID: id}
	if len(kv) > 0 {
		r.Args = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			r.Args[kv[i].(string)] = kv[i+1]
		}
	}
	return r
}

// Terms for message arguments, shown as their localized labels.
func jlptTerm(level string) talent.Term    { return talent.Term{Set: "jlpt", Code: level} }
func prefTerm(slug string) talent.Term     { return talent.Term{Set: "prefecture", Code: slug} }
func roleTypeTerm(t string) talent.Term    { return talent.Term{Set: "role_type", Code: t} }
func educationTerm(l string) talent.Term   { return talent.Term{Set: "education", Code: l} }
func englishTerm(level string) talent.Term { return talent.Term{Set: "english", Code: level} }

// termsOf returns the terms of a set for codes.
func termsOf(term func(string) talent.Term, codes []string) talent.Terms {
	out := make(talent.Terms, len(codes))
	for i, c := range codes {
		out[i] = term(c)
	}
	return out
}
