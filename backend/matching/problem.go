package matching

import (
	"fmt"
	"sort"
	"strconv"
)

// rankList is one participant's rank list, whatever the type of its ids
// (strings for Instance, int64 user and role ids for talent.RoundInstance).
type rankList[K comparable] struct {
	id       K
	capacity int // roles only
	ranking  []K
}

// roleListMode says what a role ranking a candidate who is not in the
// instance means.
type roleListMode int

const (
	// strictRoleLists: an error (Instance, the match command).
	strictRoleLists roleListMode = iota
	// lenientRoleLists: the entry is dropped (rounds, where a candidate may
	// have withdrawn their list after an organisation ranked them).
	lenientRoleLists
)

// problem is an instance with ids mapped to dense indexes once, so that
// deferred acceptance and the stability check work on integers only.
// Candidate c's rank list is the entries candStart[c]:candStart[c+1]; each
// entry holds the role's index (-1 for a role not in the instance) and the
// candidate's rank in that role's list (-1 if the role does not rank them).
type problem struct {
	capacity  []int32 // per role
	roleLen   []int32 // per role: how many candidates it ranks
	candStart []int32
	candRole  []int32
	candRank  []int32
}

func (p *problem) candidates() int { return len(p.candStart) - 1 }
func (p *problem) roles() int      { return len(p.capacity) }

// ranker is one role ranking a candidate, at a rank.
type ranker struct{ role, rank int32 }

// newProblem indexes an instance and checks it, returning the first problem
// found as an *InstanceError (see Instance.Validate).
func newProblem[K comparable](cands, roles []rankList[K], mode roleListMode) (*problem, error) {
	candIdx, err := indexIDs(cands, "candidates", "candidate")
	if err != nil {
		return nil, err
	}
	roleIdx, err := indexIDs(roles, "roles", "role")
	if err != nil {
		return nil, err
	}
	p := &problem{capacity: make([]int32, len(roles)), roleLen: make([]int32, len(roles))}
	for r, rl := range roles {
		if rl.capacity < MinCapacity || rl.capacity > MaxCapacity {
			return nil, instanceErrorf(fmt.Sprintf("roles[%d].capacity", r), "capacity %d of role %s is outside %d–%d", rl.capacity, quoteID(rl.id), MinCapacity, MaxCapacity)
		}
		p.capacity[r] = int32(rl.capacity)
	}
	rankers, err := indexRoleLists(roles, candIdx, mode, p.roleLen)
	if err != nil {
		return nil, err
	}
	if err := indexCandidateLists(p, cands, roleIdx, rankers); err != nil {
		return nil, err
	}
	return p, nil
}

// indexIDs maps each id of a side to its position, refusing empty and
// repeated ids.
func indexIDs[K comparable](lists []rankList[K], side, noun string) (map[K]int32, error) {
	var zero K
	idx := make(map[K]int32, len(lists))
	for i, l := range lists {
		if l.id == zero {
			return nil, instanceErrorf(fmt.Sprintf("%s[%d].id", side, i), "empty %s id", noun)
		}
		if j, dup := idx[l.id]; dup {
			return nil, instanceErrorf(fmt.Sprintf("%s[%d].id", side, i), "duplicate %s id %s (also %s[%d])", noun, quoteID(l.id), side, j)
		}
		idx[l.id] = int32(i)
	}
	return idx, nil
}

// indexRoleLists returns, for each candidate, the roles ranking them with
// their ranks, in role order. It refuses empty ids, ids ranked twice and (in
// strict mode) unknown candidates, and counts each role's list in roleLen.
func indexRoleLists[K comparable](roles []rankList[K], candIdx map[K]int32, mode roleListMode, roleLen []int32) ([][]ranker, error) {
	var zero K
	counts := make([]int32, len(candIdx))
	seen := make([]int32, len(candIdx)) // role index + 1 of the list that last named each candidate
	keep := make([][]int32, len(roles))
	for r, rl := range roles {
		kept := make([]int32, 0, len(rl.ranking))
		for k, id := range rl.ranking {
			c, ok := candIdx[id]
			switch {
			case id == zero:
				return nil, instanceErrorf(entryPath("roles", r, k), "empty candidate id")
			case !ok && mode == strictRoleLists:
				return nil, instanceErrorf(entryPath("roles", r, k), "role %s ranks unknown candidate %s", quoteID(rl.id), quoteID(id))
			case !ok:
				kept = append(kept, -1)
				continue
			case seen[c] == int32(r)+1:
				return nil, instanceErrorf(entryPath("roles", r, k), "role %s ranks candidate %s twice", quoteID(rl.id), quoteID(id))
			}
			seen[c] = int32(r) + 1
			counts[c]++
			kept = append(kept, c)
		}
		keep[r] = kept
	}
	rankers := make([][]ranker, len(candIdx))
	for c, n := range counts {
		rankers[c] = make([]ranker, 0, n)
	}
	for r, kept := range keep {
		for k, c := range kept {
			if c >= 0 {
				rankers[c] = append(rankers[c], ranker{role: int32(r), rank: int32(k)})
				roleLen[r]++
			}
		}
	}
	return rankers, nil
}

// indexCandidateLists lays the candidates' lists out as p's entries,
// refusing empty ids and ids ranked twice (known or not).
func indexCandidateLists[K comparable](p *problem, cands []rankList[K], roleIdx map[K]int32, rankers [][]ranker) error {
	var zero K
	total := 0
	for _, cl := range cands {
		total += len(cl.ranking)
	}
	p.candStart = make([]int32, 1, len(cands)+1)
	p.candRole = make([]int32, 0, total)
	p.candRank = make([]int32, 0, total)
	seen := make([]int32, len(roleIdx)) // candidate index + 1 of the list that last named each role
	for c, cl := range cands {
		var unknown map[K]bool // roles not in the instance this list names
		for k, id := range cl.ranking {
			if id == zero {
				return instanceErrorf(entryPath("candidates", c, k), "empty role id")
			}
			r, ok := roleIdx[id]
			twice := false
			if ok {
				twice = seen[r] == int32(c)+1
				seen[r] = int32(c) + 1
			} else {
				if unknown == nil {
					unknown = map[K]bool{}
				}
				twice = unknown[id]
				unknown[id] = true
				r = -1
			}
			if twice {
				return instanceErrorf(entryPath("candidates", c, k), "candidate %s ranks role %s twice", quoteID(cl.id), quoteID(id))
			}
			rank := int32(-1)
			if r >= 0 {
				rank = rankAt(rankers[c], r)
			}
			p.candRole = append(p.candRole, r)
			p.candRank = append(p.candRank, rank)
		}
		p.candStart = append(p.candStart, int32(len(p.candRole)))
	}
	return nil
}

// entryPath names entry k of list i of a side, for errors.
func entryPath(side string, i, k int) string {
	return fmt.Sprintf("%s[%d].ranking[%d]", side, i, k)
}

// quoteID shows an id in a message: strings quoted, numbers as they are.
func quoteID[K comparable](id K) string {
	if s, ok := any(id).(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(id)
}

// rankAt returns the rank a role gives a candidate, given the candidate's
// rankers (in role order), or -1.
func rankAt(rankers []ranker, role int32) int32 {
	i := sort.Search(len(rankers), func(i int) bool { return rankers[i].role >= role })
	if i < len(rankers) && rankers[i].role == role {
		return rankers[i].rank
	}
	return -1
}
