package matching_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/setubashi/setubashi/backend/matching"
	"github.com/setubashi/setubashi/backend/talent"
)

// The speed targets (results go to docs/BENCHMARKS.md):
//   - one candidate over 5,000 open roles, top 20 with reasons: ≤ 5 ms;
//   - 50,000 candidates for one role, top 50 with reasons: ≤ 100 ms;
//   - a round of 50,000 candidates and 10,000 roles (capacities 1–10, rank
//     lists of 20 on both sides where possible), solved and verified: ≤ 1 s,
//     memory ≤ 500 MB.

func BenchmarkRankRoles5000(b *testing.B) {
	tax, slugs := testTaxonomy()
	rng := rand.New(rand.NewPCG(11, 12))
	roles := make([]talent.Role, 5000)
	for i := range roles {
		roles[i] = randomRole(rng, int64(i+1), slugs)
	}
	p := randomProfile(rng, 1, slugs)
	sc := matching.NewScorer(tax, matching.DefaultWeights())
	b.ReportAllocs()
	for b.Loop() {
		if got := sc.RankRoles(p, roles, 20, today); len(got) != 20 {
			b.Fatal(len(got))
		}
	}
}

func BenchmarkRankCandidates50000(b *testing.B) {
	tax, slugs := testTaxonomy()
	rng := rand.New(rand.NewPCG(13, 14))
	profiles := make([]talent.Profile, 50000)
	for i := range profiles {
		profiles[i] = randomProfile(rng, int64(i+1), slugs)
	}
	r := randomRole(rng, 1, slugs)
	sc := matching.NewScorer(tax, matching.DefaultWeights())
	b.ReportAllocs()
	for b.Loop() {
		if got := sc.RankCandidates(r, profiles, 50, today); len(got) != 50 {
			b.Fatal(len(got))
		}
	}
}

// roundInstance draws a round of nc candidates and nr roles: each
// candidate ranks 20 roles (popular roles more often), each role ranks up to
// 20 of the candidates who ranked it, capacities 1–10.
func roundInstance(nc, nr int) matching.Instance {
	rng := rand.New(rand.NewPCG(21, 22))
	inst := matching.Instance{Candidates: make([]matching.CandidateList, nc), Roles: make([]matching.RoleList, nr)}
	rankedBy := make([][]string, nr)
	for c := range nc {
		id := fmt.Sprintf("c%06d", c)
		seen := map[int]bool{}
		list := make([]string, 0, 20)
		for len(list) < 20 {
			u := rng.Float64()
			r := int(u * u * float64(nr)) // skewed toward popular roles
			if !seen[r] {
				seen[r] = true
				list = append(list, fmt.Sprintf("r%05d", r))
				rankedBy[r] = append(rankedBy[r], id)
			}
		}
		inst.Candidates[c] = matching.CandidateList{ID: id, Ranking: list}
	}
	for r := range nr {
		applicants := rankedBy[r]
		rng.Shuffle(len(applicants), func(i, j int) { applicants[i], applicants[j] = applicants[j], applicants[i] })
		inst.Roles[r] = matching.RoleList{ID: fmt.Sprintf("r%05d", r), Capacity: 1 + rng.IntN(10), Ranking: applicants[:min(20, len(applicants))]}
	}
	return inst
}

func BenchmarkRoundSolveAndVerify(b *testing.B) {
	inst := roundInstance(50000, 10000)
	b.ReportAllocs()
	var res matching.Result
	for b.Loop() {
		var err error
		res, err = matching.Solve(inst)
		if err != nil {
			b.Fatal(err)
		}
		if err := matching.Verify(inst, res); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(res.Assignments)), "matched")
	b.ReportMetric(float64(res.Proposals), "proposals")
}

func BenchmarkSolveRound(b *testing.B) {
	s := roundInstance(50000, 10000)
	var inst talent.RoundInstance
	index := func(id string) int64 {
		var n int64
		_, _ = fmt.Sscanf(id[1:], "%d", &n)
		return n + 1
	}
	for _, c := range s.Candidates {
		l := talent.RankList{ID: index(c.ID)}
		for _, r := range c.Ranking {
			l.Ranking = append(l.Ranking, index(r))
		}
		inst.Candidates = append(inst.Candidates, l)
	}
	for _, r := range s.Roles {
		l := talent.RankList{ID: index(r.ID), Capacity: r.Capacity}
		for _, c := range r.Ranking {
			l.Ranking = append(l.Ranking, index(c))
		}
		inst.Roles = append(inst.Roles, l)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := matching.SolveRound(inst); err != nil {
			b.Fatal(err)
		}
	}
}
