package matching

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrUnstable marks a result that breaks the rules of a matching: a blocking
// pair, a capacity exceeded, or a pair that does not rank each other.
var ErrUnstable = errors.New("not a stable matching")

// Verify checks that res is a stable matching of inst, without trusting how
// it was computed: every assignment names a candidate and a role of inst,
// each candidate at most once; both sides of every assigned pair rank each
// other; no role holds more than its capacity; no candidate and role would
// both rather be together than with what they got (no blocking pair); and
// Unmatched and Unfilled list exactly the unmatched candidates and the
// roles with places left. An invalid instance or a malformed result is an
// *InstanceError; a matching that breaks the rules wraps ErrUnstable.
func Verify(inst Instance, res Result) error {
	cands, roles := stringLists(inst)
	p, err := newProblem(cands, roles, strictRoleLists)
	if err != nil {
		return err
	}
	match, err := matchOf(inst, res)
	if err != nil {
		return err
	}
	names := namer{
		candidate: func(c int32) string { return quoteID(inst.Candidates[c].ID) },
		role:      func(r int32) string { return quoteID(inst.Roles[r].ID) },
	}
	if err := verifyMatching(p, match, names); err != nil {
		return err
	}
	want := resultOf(inst, p, match, res.Proposals)
	switch {
	case !slices.Equal(sortedCopy(res.Unmatched, strings.Compare), want.Unmatched):
		return &InstanceError{Path: "unmatched_candidates", Problem: "does not list exactly the candidates without a role"}
	case !slices.Equal(sortedCopy(res.Unfilled, compareOpenings), want.Unfilled):
		return &InstanceError{Path: "unfilled", Problem: "does not list exactly the roles with places left"}
	}
	return nil
}

// matchOf reads the assignments of res as each candidate's role index.
func matchOf(inst Instance, res Result) ([]int32, error) {
	candIdx := make(map[string]int32, len(inst.Candidates))
	for i, c := range inst.Candidates {
		candIdx[c.ID] = int32(i)
	}
	roleIdx := make(map[string]int32, len(inst.Roles))
	for i, r := range inst.Roles {
		roleIdx[r.ID] = int32(i)
	}
	match := make([]int32, len(inst.Candidates))
	for i := range match {
		match[i] = -1
	}
	for i, a := range res.Assignments {
		path := fmt.Sprintf("assignments[%d]", i)
		c, ok := candIdx[a.Candidate]
		if !ok {
			return nil, instanceErrorf(path, "unknown candidate %q", a.Candidate)
		}
		r, ok := roleIdx[a.Role]
		if !ok {
			return nil, instanceErrorf(path, "unknown role %q", a.Role)
		}
		if match[c] >= 0 {
			return nil, instanceErrorf(path, "candidate %q is assigned twice", a.Candidate)
		}
		match[c] = r
	}
	return match, nil
}

// namer shows candidates and roles by their ids in errors.
type namer struct {
	candidate func(int32) string
	role      func(int32) string
}

func (n namer) pair(c, r int32) string {
	return "candidate " + n.candidate(c) + " and role " + n.role(r)
}

// verifyMatching checks a matching of indexes against p: mutually ranked
// pairs, capacities, and no blocking pair.
func verifyMatching(p *problem, match []int32, name namer) error {
	nr := p.roles()
	count := make([]int32, nr)
	worst := make([]int32, nr) // the worst rank a role holds
	// pos[c] is the entry of c's list naming their role: proposing past it
	// gains c nothing.
	pos := make([]int32, len(match))
	for c, r := range match {
		pos[c] = p.candStart[c+1]
		if r < 0 {
			continue
		}
		e := slices.Index(p.candRole[p.candStart[c]:p.candStart[c+1]], r)
		if e < 0 {
			return fmt.Errorf("%w: %s are matched but the candidate does not rank the role", ErrUnstable, name.pair(int32(c), r))
		}
		e += int(p.candStart[c])
		rank := p.candRank[e]
		if rank < 0 {
			return fmt.Errorf("%w: %s are matched but the role does not rank the candidate", ErrUnstable, name.pair(int32(c), r))
		}
		pos[c] = int32(e)
		count[r]++
		worst[r] = max(worst[r], rank)
	}
	for r := range nr {
		if count[r] > p.capacity[r] {
			return fmt.Errorf("%w: role %s holds %d candidates, over its capacity %d", ErrUnstable, name.role(int32(r)), count[r], p.capacity[r])
		}
	}
	for c := range match {
		for e := p.candStart[c]; e < pos[c]; e++ {
			r, rank := p.candRole[e], p.candRank[e]
			if r < 0 || rank < 0 {
				continue
			}
			if count[r] < p.capacity[r] || rank < worst[r] {
				return fmt.Errorf("%w: %s block the matching: both would rather be together", ErrUnstable, name.pair(int32(c), r))
			}
		}
	}
	return nil
}

// sortedCopy returns a sorted copy of s.
func sortedCopy[T any](s []T, compare func(a, b T) int) []T {
	out := slices.Clone(s)
	slices.SortFunc(out, compare)
	return out
}

func compareOpenings(a, b Opening) int {
	return cmp.Or(cmp.Compare(a.Role, b.Role), cmp.Compare(a.Open, b.Open))
}
