package matching

import "github.com/setubashi/setubashi/backend/talent"

// Scorer scores candidate–role pairs from 0 to 100 and ranks them. A pair's
// score is the weighted mean of the components that apply to it (see
// Weights; a component that does not apply, such as the research record for
// a job, or salary when the candidate gives no expectation, is left out and
// the others' weights are scaled up to fill its place). With no component
// applying the score is a neutral 50. Hard requirements do not change the
// score; they make the pair ineligible, with Blockers saying why.
//
// A Scorer is immutable and safe for concurrent use (its Taxonomy must be
// too). It implements talent.Recommender.
type Scorer struct {
	tax     Taxonomy
	weights [len(components)]float64
}

var _ talent.Recommender = (*Scorer)(nil)

// NewScorer returns a scorer comparing skills with tax (nil: only the same
// skill counts) and weighing components by w (normally DefaultWeights()).
// Weights of zero or less switch their component off.
func NewScorer(tax Taxonomy, w Weights) *Scorer {
	s := &Scorer{tax: tax}
	for i, c := range components {
		s.weights[i] = max(c.weight(w), 0)
	}
	return s
}

// Score returns the match of one candidate and one role on day today, with
// reasons worded for viewer. Its ID is the role's id for CandidateView and
// the candidate's user id for OrganizationView.
func (s *Scorer) Score(p talent.Profile, r talent.Role, today talent.Date, v Viewer) talent.Scored {
	pr := pair{p: &p, r: &r, cand: candidateFactsOf(&p), role: roleFactsOf(&r), today: today}
	pr.skills = newProfileSkills(s.tax, p.Skills).fill(&r, nil)
	id := r.ID
	if v == OrganizationView {
		id = p.UserID
	}
	return s.explain(&pr, id, v)
}

// RankRoles ranks roles for candidate p on day today, best first: eligible
// roles before ineligible ones, then by score, then by role id. It returns
// at most limit roles (all of them if limit ≤ 0), each with its reasons
// worded for the candidate. The caller passes the roles it wants ranked
// (normally the open ones).
func (s *Scorer) RankRoles(p talent.Profile, roles []talent.Role, limit int, today talent.Date) []talent.Scored {
	skills := newProfileSkills(s.tax, p.Skills)
	base := pair{p: &p, cand: candidateFactsOf(&p), today: today}
	return s.rank(len(roles), limit, CandidateView, base,
		func(i int) int64 { return roles[i].ID },
		func(i int, pr *pair) {
			pr.r = &roles[i]
			pr.role = roleFactsOf(pr.r)
			pr.skills = skills.fill(pr.r, pr.skills)
		})
}

// RankCandidates ranks candidates' profiles for role r on day today, best
// first: eligible candidates before ineligible ones, then by score, then by
// user id. It returns at most limit candidates (all of them if limit ≤ 0),
// each with its reasons worded for the role's organisation.
func (s *Scorer) RankCandidates(r talent.Role, profiles []talent.Profile, limit int, today talent.Date) []talent.Scored {
	skills := newRoleSkills(s.tax, &r)
	base := pair{r: &r, role: roleFactsOf(&r), today: today}
	return s.rank(len(profiles), limit, OrganizationView, base,
		func(i int) int64 { return profiles[i].UserID },
		func(i int, pr *pair) {
			pr.p = &profiles[i]
			pr.cand = candidateFactsOf(pr.p)
			pr.skills = skills.fill(pr.p, pr.skills)
		})
}

// rank scores n pairs cheaply (no reasons), keeps the best limit in a heap,
// and explains those alone. set fills the varying side of pair i into base.
func (s *Scorer) rank(n, limit int, v Viewer, base pair, id func(int) int64, set func(int, *pair)) []talent.Scored {
	k := limit
	if k <= 0 || k > n {
		k = n
	}
	top := newTopK(k)
	pr := base
	for i := range n {
		set(i, &pr)
		ok := eligible(&pr, nil)
		score, _ := evaluate(&s.weights, &pr, nil)
		top.offer(rankKey{eligible: ok, score: score, id: id(i), index: i})
	}
	keys := top.sorted()
	out := make([]talent.Scored, len(keys))
	for j, key := range keys {
		set(key.index, &pr)
		out[j] = s.explain(&pr, key.id, v)
	}
	return out
}

// explain scores one pair with its blockers and reasons.
func (s *Scorer) explain(pr *pair, id int64, v Viewer) talent.Scored {
	ex := &explainer{viewer: v}
	ok := eligible(pr, ex)
	blockers := ex.take()
	score, parts := evaluate(&s.weights, pr, ex)
	if blockers == nil {
		blockers = []talent.Reason{}
	}
	if parts == nil {
		parts = []talent.ScoreComponent{}
	}
	return talent.Scored{ID: id, Score: score, Eligible: ok, Blockers: blockers, Components: parts}
}
