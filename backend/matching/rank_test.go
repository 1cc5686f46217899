package matching_test

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/matching"
	"github.com/setubashi/setubashi/backend/talent"
)

func ids(ranked []talent.Scored) []int64 {
	out := make([]int64, len(ranked))
	for i, r := range ranked {
		out[i] = r.ID
	}
	return out
}

func TestRankRolesOrderTiesAndIneligibleLast(t *testing.T) {
	sc := newScorer()
	p := baseProfile()
	var roles []talent.Role
	for _, id := range []int64{40, 12, 33, 5} { // the same role under four ids
		r := baseRole()
		r.ID = id
		roles = append(roles, r)
	}
	weak := baseRole()
	weak.ID, weak.RequiredSkills = 1, []talent.SkillRequirement{{Skill: "kubernetes", MinProficiency: 5}}
	closed := baseRole()
	closed.ID, closed.Deadline = 2, datePtr(2026, time.January, 1) // ineligible, same score as the best
	roles = append(roles, closed, weak)

	got := sc.RankRoles(p, roles, 0, today)
	if want := []int64{5, 12, 33, 40, 1, 2}; !slices.Equal(ids(got), want) {
		t.Fatalf("order %v, want %v", ids(got), want)
	}
	if got[0].Score != got[3].Score || got[4].Score >= got[0].Score || got[5].Eligible || !got[4].Eligible {
		t.Errorf("scores %+v", got)
	}
	if top := sc.RankRoles(p, roles, 2, today); !slices.Equal(ids(top), []int64{5, 12}) {
		t.Errorf("limit 2: %v", ids(top))
	}
	if none := sc.RankRoles(p, nil, 20, today); none == nil || len(none) != 0 {
		t.Errorf("no roles: %#v", none)
	}
}

func TestRankCandidatesWordsForTheOrganization(t *testing.T) {
	sc := newScorer()
	a, b := baseProfile(), baseProfile()
	a.UserID, b.UserID = 9, 3
	b.SalaryExpectationJPY = yen(9_000_000)
	got := sc.RankCandidates(baseRole(), []talent.Profile{b, a}, 0, today)
	if !slices.Equal(ids(got), []int64{9, 3}) {
		t.Fatalf("order %v", ids(got))
	}
	if id := component(t, got[1], "salary").Reasons[0].ID; id != "match.salary.below_expectation_org" {
		t.Errorf("organisation reads %s", id)
	}
}

// TestRankingsAgree checks, over random pairs, that ranking roles for a
// candidate, ranking candidates for a role and scoring one pair give the
// same score, eligibility and components (the two rankings match skills in
// opposite directions), that a top k is the start of the full ranking, and
// that shuffling the input changes nothing.
func TestRankingsAgree(t *testing.T) {
	tax, slugs := testTaxonomy()
	sc := matching.NewScorer(tax, matching.DefaultWeights())
	rng := rand.New(rand.NewPCG(1, 2))
	var profiles []talent.Profile
	var roles []talent.Role
	for i := range 40 {
		profiles = append(profiles, randomProfile(rng, int64(100+i), slugs))
		roles = append(roles, randomRole(rng, int64(500+i), slugs))
	}
	byRole := map[int64]map[int64]talent.Scored{}
	for _, r := range roles {
		byRole[r.ID] = map[int64]talent.Scored{}
		for _, s := range sc.RankCandidates(r, profiles, 0, today) {
			byRole[r.ID][s.ID] = s
		}
	}
	for _, p := range profiles {
		ranked := sc.RankRoles(p, roles, 0, today)
		if len(ranked) != len(roles) {
			t.Fatalf("ranked %d of %d roles", len(ranked), len(roles))
		}
		for i, s := range ranked {
			r := roles[slices.IndexFunc(roles, func(r talent.Role) bool { return r.ID == s.ID })]
			other := byRole[r.ID][p.UserID]
			single := sc.Score(p, r, today, matching.CandidateView)
			if s.Score != other.Score || s.Eligible != other.Eligible || !sameComponents(s, other) || !reflect.DeepEqual(s, single) {
				t.Fatalf("profile %d role %d: %+v\nvs %+v", p.UserID, r.ID, s, other)
			}
			if i > 0 && before(s, ranked[i-1]) {
				t.Fatalf("not sorted at %d: %+v after %+v", i, s, ranked[i-1])
			}
		}
		top := sc.RankRoles(p, roles, 7, today)
		if !reflect.DeepEqual(top, ranked[:7]) {
			t.Fatalf("top 7 is not the start of the full ranking")
		}
		shuffled := slices.Clone(roles)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if !reflect.DeepEqual(sc.RankRoles(p, shuffled, 0, today), ranked) {
			t.Fatalf("shuffled roles rank differently")
		}
	}
}

// before reports whether a must rank ahead of b.
func before(a, b talent.Scored) bool {
	if a.Eligible != b.Eligible {
		return a.Eligible
	}
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.ID < b.ID
}

// sameComponents compares components by name, weight and points (reasons
// are worded for different readers).
func sameComponents(a, b talent.Scored) bool {
	if len(a.Components) != len(b.Components) {
		return false
	}
	for i := range a.Components {
		x, y := a.Components[i], b.Components[i]
		if x.Name != y.Name || x.Weight != y.Weight || x.Points != y.Points || len(x.Reasons) != len(y.Reasons) {
			return false
		}
	}
	return true
}
