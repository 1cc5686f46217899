package matching

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/setubashi/setubashi/backend/talent"
)

var _ talent.RoundSolver = SolveRound

// SolveRound is the talent.RoundSolver of matching rounds: it computes the
// candidate-optimal stable matching of a round's rank lists (as Solve does)
// and verifies it before returning. Ids are user ids (candidates) and role
// ids; a role's list may name a candidate with no list in the round (one
// who withdrew theirs), which is dropped, and a candidate's list may name a
// role not in the round, which refuses. Matches are sorted by candidate id.
// An invalid instance (a zero or repeated id, an id ranked twice, a capacity
// outside MinCapacity–MaxCapacity) is an *InstanceError; a result failing
// verification (a bug) wraps ErrUnstable.
func SolveRound(inst talent.RoundInstance) (talent.RoundOutcome, error) {
	cands, roles := int64Lists(inst.Candidates), int64Lists(inst.Roles)
	p, err := newProblem(cands, roles, lenientRoleLists)
	if err != nil {
		return talent.RoundOutcome{}, err
	}
	match, proposals := deferredAcceptance(p)
	names := namer{
		candidate: func(c int32) string { return strconv.FormatInt(cands[c].id, 10) },
		role:      func(r int32) string { return strconv.FormatInt(roles[r].id, 10) },
	}
	if err := verifyMatching(p, match, names); err != nil {
		return talent.RoundOutcome{}, err
	}
	out := talent.RoundOutcome{Matches: []talent.RoundMatch{}, Proposals: proposals}
	for c, r := range match {
		if r >= 0 {
			out.Matches = append(out.Matches, talent.RoundMatch{CandidateID: cands[c].id, RoleID: roles[r].id})
		}
	}
	slices.SortFunc(out.Matches, func(a, b talent.RoundMatch) int { return cmp.Compare(a.CandidateID, b.CandidateID) })
	return out, nil
}

// int64Lists adapts a round's rank lists to the id-generic lists problems
// are built from.
func int64Lists(lists []talent.RankList) []rankList[int64] {
	out := make([]rankList[int64], len(lists))
	for i, l := range lists {
		out[i] = rankList[int64]{id: l.ID, capacity: l.Capacity, ranking: l.Ranking}
	}
	return out
}
