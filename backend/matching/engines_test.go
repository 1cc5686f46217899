package matching_test

import (
	"testing"

	"github.com/setubashi/setubashi/backend/matching"
	"github.com/setubashi/setubashi/backend/skills"
	"github.com/setubashi/setubashi/backend/talent"
)

func TestEngines(t *testing.T) {
	tax := skills.MustLoad()
	e := matching.Engines(tax)
	if e.Skills != talent.SkillCatalog(tax) || e.Recommender == nil || e.Solver == nil {
		t.Fatalf("%+v", e)
	}
	out, err := e.Solver(talent.RoundInstance{
		Candidates: []talent.RankList{{ID: 1, Ranking: []int64{2}}},
		Roles:      []talent.RankList{{ID: 2, Capacity: 1, Ranking: []int64{1}}},
	})
	if err != nil || len(out.Matches) != 1 || out.Proposals != 1 {
		t.Errorf("solver: %+v, %v", out, err)
	}
	if got := e.Recommender.RankRoles(baseProfile(), []talent.Role{baseRole()}, 5, today); len(got) != 1 || got[0].ID != 11 {
		t.Errorf("recommender: %+v", got)
	}
}
