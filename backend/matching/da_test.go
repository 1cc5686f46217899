package matching_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/setubashi/setubashi/backend/matching"
	"github.com/setubashi/setubashi/backend/talent"
)

func TestSolveIssueExample(t *testing.T) {
	// c1 ranks r2, which is not in the round: that proposal counts and is
	// refused, then c1 proposes to r1.
	inst, err := matching.DecodeInstance(strings.NewReader(`{"candidates":[{"id":"c1","ranking":["r2","r1"]}],"roles":[{"id":"r1","capacity":2,"ranking":["c1"]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	res, err := matching.Solve(inst)
	want := matching.Result{
		Assignments: []matching.Assignment{{Candidate: "c1", Role: "r1"}},
		Unmatched:   []string{},
		Unfilled:    []matching.Opening{{Role: "r1", Open: 1}},
		Proposals:   2,
	}
	if err != nil || !reflect.DeepEqual(res, want) {
		t.Fatalf("%+v, %v", res, err)
	}
	if err := matching.Verify(inst, res); err != nil {
		t.Fatal(err)
	}
}

func TestInstanceValidation(t *testing.T) {
	cases := []struct{ body, want string }{
		{`{"candidates":[{"id":"c1","ranking":[]}],"roles":[{"id":"r1","capacity":1,"ranking":[]}]`, "malformed JSON"},
		{`{"candidates":[],"roles":[],"rounds":1}`, "rounds: unknown key"},
		{`{"candidates":[{"id":"c1","rank":["r1"]}],"roles":[]}`, "rank: unknown key"},
		{`{"candidates":[{"id":1}],"roles":[]}`, "candidates[0].id: must be a string"},
		{`{"candidates":[],"roles":[{"id":"r1","capacity":"2"}]}`, "roles[0].capacity: must be an integer"},
		{`{"candidates":[{"id":""}],"roles":[]}`, "candidates[0].id: empty candidate id"},
		{`{"candidates":[],"roles":[{"id":"","capacity":1}]}`, "roles[0].id: empty role id"},
		{`{"candidates":[{"id":"c1"},{"id":"c1"}],"roles":[]}`, `candidates[1].id: duplicate candidate id "c1" (also candidates[0])`},
		{`{"candidates":[],"roles":[{"id":"r1","capacity":1},{"id":"r1","capacity":1}]}`, `roles[1].id: duplicate role id "r1"`},
		{`{"candidates":[],"roles":[{"id":"r1","capacity":0}]}`, `roles[0].capacity: capacity 0 of role "r1" is outside 1–100000`},
		{`{"candidates":[],"roles":[{"id":"r1"}]}`, `roles[0].capacity: capacity 0`},
		{`{"candidates":[],"roles":[{"id":"r1","capacity":100001}]}`, `capacity 100001`},
		{`{"candidates":[{"id":"c1","ranking":["r1","r1"]}],"roles":[{"id":"r1","capacity":1}]}`, `candidates[0].ranking[1]: candidate "c1" ranks role "r1" twice`},
		{`{"candidates":[{"id":"c1","ranking":["rx","rx"]}],"roles":[]}`, `candidates[0].ranking[1]: candidate "c1" ranks role "rx" twice`},
		{`{"candidates":[{"id":"c1"}],"roles":[{"id":"r1","capacity":1,"ranking":["c1","c1"]}]}`, `roles[0].ranking[1]: role "r1" ranks candidate "c1" twice`},
		{`{"candidates":[{"id":"c1"}],"roles":[{"id":"r1","capacity":1,"ranking":["c9"]}]}`, `roles[0].ranking[0]: role "r1" ranks unknown candidate "c9"`},
		{`{"candidates":[{"id":"c1","ranking":[""]}],"roles":[]}`, `candidates[0].ranking[0]: empty role id`},
	}
	for _, c := range cases {
		_, err := matching.DecodeInstance(strings.NewReader(c.body))
		var ie *matching.InstanceError
		if !errors.As(err, &ie) || !errors.Is(err, talent.ErrInvalid) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.body, err, c.want)
		}
	}
	// The same checks apply to instances built in Go.
	if _, err := matching.Solve(matching.Instance{Roles: []matching.RoleList{{ID: "r", Capacity: -1}}}); err == nil {
		t.Error("Solve accepted a negative capacity")
	}
	// Ids are separate per side, and an empty instance is fine.
	res, err := matching.Solve(matching.Instance{Candidates: []matching.CandidateList{{ID: "x", Ranking: []string{"x"}}}, Roles: []matching.RoleList{{ID: "x", Capacity: 1, Ranking: []string{"x"}}}})
	if err != nil || len(res.Assignments) != 1 {
		t.Errorf("same id on both sides: %+v, %v", res, err)
	}
	if res, err := matching.Solve(matching.Instance{}); err != nil || res.Assignments == nil || res.Unmatched == nil || res.Unfilled == nil {
		t.Errorf("empty: %#v, %v", res, err)
	}
}

// randomInstance draws an instance with up to nc candidates and nr roles;
// candidates sometimes rank roles that are not in it.
func randomInstance(rng *rand.Rand, nc, nr, maxCap int) matching.Instance {
	var inst matching.Instance
	for r := range nr {
		inst.Roles = append(inst.Roles, matching.RoleList{ID: fmt.Sprintf("r%d", r), Capacity: 1 + rng.IntN(maxCap)})
	}
	for c := range nc {
		cl := matching.CandidateList{ID: fmt.Sprintf("c%d", c)}
		for _, r := range rng.Perm(nr + 1)[:rng.IntN(nr+2)] {
			cl.Ranking = append(cl.Ranking, fmt.Sprintf("r%d", r)) // r<nr> is unknown
		}
		inst.Candidates = append(inst.Candidates, cl)
	}
	for r := range inst.Roles {
		for _, c := range rng.Perm(nc)[:rng.IntN(nc+1)] {
			inst.Roles[r].Ranking = append(inst.Roles[r].Ranking, fmt.Sprintf("c%d", c))
		}
	}
	return inst
}

// prefs is an instance as rank tables, for checks independent of package
// matching: rank[c][r] is c's rank of r (-1 if unranked).
type prefs struct {
	candRank, roleRank [][]int
	capacity           []int
}

func prefsOf(inst matching.Instance) prefs {
	nc, nr := len(inst.Candidates), len(inst.Roles)
	p := prefs{candRank: make([][]int, nc), roleRank: make([][]int, nr), capacity: make([]int, nr)}
	idx := func(id string) int {
		var n int
		_, _ = fmt.Sscanf(id[1:], "%d", &n)
		return n
	}
	for c, cl := range inst.Candidates {
		p.candRank[c] = slices.Repeat([]int{-1}, nr)
		for k, r := range cl.Ranking {
			if idx(r) < nr {
				p.candRank[c][idx(r)] = k
			}
		}
	}
	for r, rl := range inst.Roles {
		p.capacity[r] = rl.Capacity
		p.roleRank[r] = slices.Repeat([]int{-1}, nc)
		for k, c := range rl.Ranking {
			p.roleRank[r][idx(c)] = k
		}
	}
	return p
}

// stable reports whether match (a role per candidate, -1 for none) is a
// stable matching: mutually ranked pairs, capacities, no blocking pair.
func (p prefs) stable(match []int) bool {
	count := make([]int, len(p.capacity))
	worst := make([]int, len(p.capacity))
	for c, r := range match {
		if r < 0 {
			continue
		}
		if p.candRank[c][r] < 0 || p.roleRank[r][c] < 0 {
			return false
		}
		count[r]++
		worst[r] = max(worst[r], p.roleRank[r][c])
	}
	for r := range count {
		if count[r] > p.capacity[r] {
			return false
		}
	}
	for c := range match {
		for r := range p.capacity {
			if p.candRank[c][r] < 0 || p.roleRank[r][c] < 0 {
				continue
			}
			better := match[c] < 0 || p.candRank[c][r] < p.candRank[c][match[c]]
			if better && (count[r] < p.capacity[r] || p.roleRank[r][c] < worst[r]) {
				return false
			}
		}
	}
	return true
}

// allStable lists every stable matching by brute force.
func (p prefs) allStable() [][]int {
	nc, nr := len(p.candRank), len(p.capacity)
	var out [][]int
	match := make([]int, nc)
	var walk func(c int)
	walk = func(c int) {
		if c == nc {
			if p.stable(match) {
				out = append(out, slices.Clone(match))
			}
			return
		}
		for r := -1; r < nr; r++ {
			if r >= 0 && (p.candRank[c][r] < 0 || p.roleRank[r][c] < 0) {
				continue
			}
			match[c] = r
			walk(c + 1)
		}
	}
	walk(0)
	return out
}

func matchOf(t *testing.T, inst matching.Instance, res matching.Result) []int {
	t.Helper()
	match := slices.Repeat([]int{-1}, len(inst.Candidates))
	for _, a := range res.Assignments {
		c := slices.IndexFunc(inst.Candidates, func(x matching.CandidateList) bool { return x.ID == a.Candidate })
		r := slices.IndexFunc(inst.Roles, func(x matching.RoleList) bool { return x.ID == a.Role })
		match[c] = r
	}
	return match
}

// TestDeferredAcceptanceProperties solves random small instances and checks
// the result against a brute-force search of all stable matchings: it is
// stable, and every candidate does at least as well in it as in any stable
// matching (candidate-optimality). It also checks the proposal count and
// that shuffling the input changes nothing.
func TestDeferredAcceptanceProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 400 {
		inst := randomInstance(rng, 1+rng.IntN(6), 1+rng.IntN(4), 3)
		res, err := matching.Solve(inst)
		if err != nil {
			t.Fatal(err)
		}
		if err := matching.Verify(inst, res); err != nil {
			t.Fatalf("trial %d: %v\n%+v\n%+v", trial, err, inst, res)
		}
		p := prefsOf(inst)
		match := matchOf(t, inst, res)
		if !p.stable(match) {
			t.Fatalf("trial %d: unstable %v", trial, match)
		}
		all := p.allStable()
		if len(all) == 0 {
			t.Fatalf("trial %d: brute force found no stable matching", trial)
		}
		for _, other := range all {
			for c := range match {
				if worse(p, c, match[c], other[c]) {
					t.Fatalf("trial %d: candidate %d gets %d but a stable matching gives %d\n%+v", trial, c, match[c], other[c], inst)
				}
			}
		}
		proposals := 0
		for c, cl := range inst.Candidates {
			if match[c] < 0 {
				proposals += len(cl.Ranking)
			} else {
				proposals += p.candRank[c][match[c]] + 1
			}
		}
		if res.Proposals != proposals {
			t.Fatalf("trial %d: %d proposals, want %d", trial, res.Proposals, proposals)
		}
		shuffled := matching.Instance{Candidates: slices.Clone(inst.Candidates), Roles: slices.Clone(inst.Roles)}
		rng.Shuffle(len(shuffled.Candidates), func(i, j int) {
			shuffled.Candidates[i], shuffled.Candidates[j] = shuffled.Candidates[j], shuffled.Candidates[i]
		})
		rng.Shuffle(len(shuffled.Roles), func(i, j int) { shuffled.Roles[i], shuffled.Roles[j] = shuffled.Roles[j], shuffled.Roles[i] })
		if again, _ := matching.Solve(shuffled); !reflect.DeepEqual(again, res) {
			t.Fatalf("trial %d: order changed the result: %+v vs %+v", trial, again, res)
		}
	}
}

// worse reports whether role a is worse for candidate c than role b
// (-1, no role, is worst).
func worse(p prefs, c, a, b int) bool {
	switch {
	case a == b || b < 0:
		return false
	case a < 0:
		return true
	}
	return p.candRank[c][a] > p.candRank[c][b]
}

func TestVerifyRefusesBrokenResults(t *testing.T) {
	// c1 and c2 both want r1 (capacity 1), which prefers c1; c2 settles for r2.
	inst := matching.Instance{
		Candidates: []matching.CandidateList{{ID: "c1", Ranking: []string{"r1", "r2"}}, {ID: "c2", Ranking: []string{"r1", "r2"}}, {ID: "c3", Ranking: []string{"r2"}}},
		Roles:      []matching.RoleList{{ID: "r1", Capacity: 1, Ranking: []string{"c1", "c2"}}, {ID: "r2", Capacity: 1, Ranking: []string{"c2", "c1"}}},
	}
	good, err := matching.Solve(inst)
	if err != nil || matching.Verify(inst, good) != nil {
		t.Fatalf("%+v %v", good, err)
	}
	if want := []matching.Assignment{{Candidate: "c1", Role: "r1"}, {Candidate: "c2", Role: "r2"}}; !reflect.DeepEqual(good.Assignments, want) || !slices.Equal(good.Unmatched, []string{"c3"}) {
		t.Fatalf("%+v", good)
	}
	broken := func(change func(*matching.Result)) matching.Result {
		r := matching.Result{Assignments: slices.Clone(good.Assignments), Unmatched: slices.Clone(good.Unmatched), Unfilled: slices.Clone(good.Unfilled)}
		change(&r)
		return r
	}
	cases := []struct {
		name     string
		res      matching.Result
		unstable bool
		want     string
	}{
		{"blocking pair", broken(func(r *matching.Result) {
			r.Assignments = []matching.Assignment{{Candidate: "c1", Role: "r2"}, {Candidate: "c2", Role: "r1"}}
		}), true, "block"},
		{"over capacity", broken(func(r *matching.Result) {
			r.Assignments = []matching.Assignment{{Candidate: "c1", Role: "r1"}, {Candidate: "c2", Role: "r1"}}
			r.Unfilled = []matching.Opening{{Role: "r2", Open: 1}}
		}), true, "over its capacity"},
		{"unranked by the role", broken(func(r *matching.Result) {
			r.Assignments = append(r.Assignments[:1], matching.Assignment{Candidate: "c3", Role: "r2"})
			r.Unmatched = []string{"c2"}
		}), true, "role does not rank"},
		{"unranked by the candidate", broken(func(r *matching.Result) {
			r.Assignments = []matching.Assignment{{Candidate: "c1", Role: "r1"}, {Candidate: "c2", Role: "r2"}, {Candidate: "c3", Role: "r1"}}
		}), true, "candidate does not rank"},
		{"unknown candidate", broken(func(r *matching.Result) { r.Assignments[0].Candidate = "c9" }), false, `unknown candidate "c9"`},
		{"unknown role", broken(func(r *matching.Result) { r.Assignments[0].Role = "r9" }), false, `unknown role "r9"`},
		{"assigned twice", broken(func(r *matching.Result) { r.Assignments[1].Candidate = "c1" }), false, "assigned twice"},
		{"a dropped match", broken(func(r *matching.Result) { r.Assignments = r.Assignments[:1]; r.Unmatched = []string{"c2", "c3"} }), true, "block"},
		{"wrong unmatched list", broken(func(r *matching.Result) { r.Unmatched = nil }), false, "unmatched_candidates"},
		{"wrong unfilled list", broken(func(r *matching.Result) { r.Unfilled = []matching.Opening{{Role: "r1", Open: 1}} }), false, "unfilled"},
	}
	for _, c := range cases {
		err := matching.Verify(inst, c.res)
		if err == nil || errors.Is(err, matching.ErrUnstable) != c.unstable || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

func TestSolveRound(t *testing.T) {
	inst := talent.RoundInstance{
		Candidates: []talent.RankList{{ID: 30, Ranking: []int64{7, 8}}, {ID: 10, Ranking: []int64{99, 7}}, {ID: 20, Ranking: []int64{7}}},
		// Role 7 ranks candidate 55, who has no list in the round: dropped.
		Roles: []talent.RankList{{ID: 7, Capacity: 2, Ranking: []int64{55, 20, 10, 30}}, {ID: 8, Capacity: 1, Ranking: []int64{30}}},
	}
	out, err := matching.SolveRound(inst)
	want := talent.RoundOutcome{Matches: []talent.RoundMatch{{CandidateID: 10, RoleID: 7}, {CandidateID: 20, RoleID: 7}, {CandidateID: 30, RoleID: 8}}, Proposals: 5}
	if err != nil || !reflect.DeepEqual(out, want) {
		t.Fatalf("%+v, %v", out, err)
	}
	inst.Roles[1].ID = 7
	if _, err := matching.SolveRound(inst); !errors.Is(err, talent.ErrInvalid) || !strings.Contains(err.Error(), "duplicate role id 7") {
		t.Errorf("duplicate role: %v", err)
	}
}
