package matching_test

import (
	"math/rand/v2"
	"testing"

	"github.com/setubashi/setubashi/backend/matching"
	"github.com/setubashi/setubashi/backend/skills"
	"github.com/setubashi/setubashi/backend/talent"
)

// realTaxonomy returns package skills' taxonomy and its slugs, so that the
// benchmarks also run with its similarity table (where most skills of a
// domain are a little similar, making near misses common).
func realTaxonomy() (matching.Taxonomy, []string) {
	t := skills.MustLoad()
	var slugs []string
	for _, s := range t.All() {
		slugs = append(slugs, s.Slug)
	}
	return t, slugs
}

func BenchmarkRankRoles5000SkillsTaxonomy(b *testing.B) {
	tax, slugs := realTaxonomy()
	rng := rand.New(rand.NewPCG(11, 12))
	roles := make([]talent.Role, 5000)
	for i := range roles {
		roles[i] = randomRole(rng, int64(i+1), slugs)
	}
	p := randomProfile(rng, 1, slugs)
	sc := matching.NewScorer(tax, matching.DefaultWeights())
	b.ReportAllocs()
	for b.Loop() {
		sc.RankRoles(p, roles, 20, today)
	}
}

func BenchmarkRankCandidates50000SkillsTaxonomy(b *testing.B) {
	tax, slugs := realTaxonomy()
	rng := rand.New(rand.NewPCG(13, 14))
	profiles := make([]talent.Profile, 50000)
	for i := range profiles {
		profiles[i] = randomProfile(rng, int64(i+1), slugs)
	}
	r := randomRole(rng, 1, slugs)
	sc := matching.NewScorer(tax, matching.DefaultWeights())
	b.ReportAllocs()
	for b.Loop() {
		sc.RankCandidates(r, profiles, 50, today)
	}
}
