package matching

import (
	"cmp"
	"slices"
)

// Assignment is one candidate matched to one role.
type Assignment struct {
	Candidate string
	Role      string
}

// Opening is a role with places left after a round.
type Opening struct {
	Role string
	Open int
}

// Result is the outcome of a round.
type Result struct {
	Assignments []Assignment // sorted by candidate id
	Unmatched   []string     // candidates without a role, sorted
	Unfilled    []Opening    // every role with places left, sorted by role id
	// Proposals counts every proposal made, to a role in the instance or not;
	// it is the same in whatever order candidates propose.
	Proposals int
}

// Solve computes the candidate-optimal stable matching of inst by
// candidate-proposing deferred acceptance with capacities. Only pairs that
// rank each other are acceptable, and no role gets more candidates than its
// capacity. Ids are sorted by byte order. An invalid instance is an
// *InstanceError (see Instance.Validate). The slices of the Result are
// never nil.
func Solve(inst Instance) (Result, error) {
	cands, roles := stringLists(inst)
	p, err := newProblem(cands, roles, strictRoleLists)
	if err != nil {
		return Result{}, err
	}
	match, proposals := deferredAcceptance(p)
	return resultOf(inst, p, match, proposals), nil
}

// deferredAcceptance runs candidate-proposing deferred acceptance: a free
// candidate proposes to the next role on their list; the role holds the best
// candidates it ranks up to its capacity and rejects the rest, who propose
// again. It returns each candidate's role index (-1 for none) and the number
// of proposals. Each role keeps its held candidates in a heap with the worst
// on top, so every proposal costs O(log capacity).
func deferredAcceptance(p *problem) ([]int32, int) {
	nc, nr := p.candidates(), p.roles()
	match := make([]int32, nc)
	next := make([]int32, nc) // the entry each candidate proposes to next
	for c := range match {
		match[c] = -1
		next[c] = p.candStart[c]
	}
	// held[heapStart[r]:heapStart[r]+heapLen[r]] is role r's heap of
	// rank<<32|candidate keys; a role never holds more than it ranks.
	heapStart := make([]int, nr+1)
	for r := range nr {
		heapStart[r+1] = heapStart[r] + int(min(p.capacity[r], p.roleLen[r]))
	}
	held := make([]uint64, heapStart[nr])
	heapLen := make([]int32, nr)
	free := make([]int32, nc) // a stack of candidates to move, the first on top
	for c := range nc {
		free[c] = int32(nc - 1 - c)
	}
	proposals := 0
	for len(free) > 0 {
		c := free[len(free)-1]
		free = free[:len(free)-1]
		for next[c] < p.candStart[c+1] {
			e := next[c]
			next[c]++
			proposals++
			r, rank := p.candRole[e], p.candRank[e]
			if r < 0 || rank < 0 {
				continue // no such role, or it does not rank c
			}
			h := held[heapStart[r]:heapStart[r+1]]
			key := uint64(rank)<<32 | uint64(c)
			if heapLen[r] < p.capacity[r] {
				h[heapLen[r]] = key
				siftUp(h, int(heapLen[r]))
				heapLen[r]++
				match[c] = r
				break
			}
			if key < h[0] {
				rejected := int32(h[0] & 0xffffffff)
				match[rejected] = -1
				free = append(free, rejected)
				h[0] = key
				siftDown(h[:heapLen[r]], 0)
				match[c] = r
				break
			}
		}
	}
	return match, proposals
}

// siftUp and siftDown keep a max-heap of keys (the worst-ranked on top).
func siftUp(h []uint64, i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if h[parent] >= h[i] {
			return
		}
		h[parent], h[i] = h[i], h[parent]
		i = parent
	}
}

func siftDown(h []uint64, i int) {
	for {
		top, l, r := i, 2*i+1, 2*i+2
		if l < len(h) && h[l] > h[top] {
			top = l
		}
		if r < len(h) && h[r] > h[top] {
			top = r
		}
		if top == i {
			return
		}
		h[i], h[top] = h[top], h[i]
		i = top
	}
}

// resultOf turns a matching of indexes into the sorted Result of inst.
func resultOf(inst Instance, p *problem, match []int32, proposals int) Result {
	res := Result{Assignments: []Assignment{}, Unmatched: []string{}, Unfilled: []Opening{}, Proposals: proposals}
	filled := make([]int32, p.roles())
	for c, r := range match {
		if r < 0 {
			res.Unmatched = append(res.Unmatched, inst.Candidates[c].ID)
			continue
		}
		filled[r]++
		res.Assignments = append(res.Assignments, Assignment{Candidate: inst.Candidates[c].ID, Role: inst.Roles[r].ID})
	}
	for r, n := range filled {
		if open := int(p.capacity[r] - n); open > 0 {
			res.Unfilled = append(res.Unfilled, Opening{Role: inst.Roles[r].ID, Open: open})
		}
	}
	slices.SortFunc(res.Assignments, func(a, b Assignment) int { return cmp.Compare(a.Candidate, b.Candidate) })
	slices.Sort(res.Unmatched)
	slices.SortFunc(res.Unfilled, func(a, b Opening) int { return cmp.Compare(a.Role, b.Role) })
	return res
}
