package matching

import (
	"fmt"
	"io"

	"github.com/setubashi/setubashi/backend/talent"
)

// Capacity limits of a role in an Instance.
const (
	MinCapacity = 1
	MaxCapacity = 100000
)

// Instance is a matching round to solve: candidates rank roles and roles
// rank candidates, best first; roles have capacities. Ids are non-empty
// strings, unique within their side.
type Instance struct {
	Candidates []CandidateList
	Roles      []RoleList
}

// CandidateList is a candidate's rank list of role ids, best first. It may
// name a role that is not in the instance (one withdrawn from the round, say):
// proposing to it counts as a proposal, which is refused.
type CandidateList struct {
	ID      string
	Ranking []string
}

// RoleList is a role's capacity (MinCapacity–MaxCapacity) and its rank list
// of candidate ids, best first; every id it names must be a candidate of the
// instance.
type RoleList struct {
	ID       string
	Capacity int
	Ranking  []string
}

// InstanceError says what is wrong with an Instance or a Result, and where
// (Path is like roles[2].ranking[0]). It wraps talent.ErrInvalid.
type InstanceError struct {
	Path    string
	Problem string
}

func (e *InstanceError) Error() string {
	if e.Path == "" {
		return e.Problem
	}
	return e.Path + ": " + e.Problem
}

// Unwrap returns talent.ErrInvalid.
func (e *InstanceError) Unwrap() error { return talent.ErrInvalid }

func instanceErrorf(path, format string, args ...any) *InstanceError {
	return &InstanceError{Path: path, Problem: fmt.Sprintf(format, args...)}
}

// instanceJSON is the JSON form of an Instance read by DecodeInstance.
type instanceJSON struct {
	Candidates []struct {
		ID      string   `json:"id"`
		Ranking []string `json:"ranking"`
	} `json:"candidates"`
	Roles []struct {
		ID       string   `json:"id"`
		Capacity int      `json:"capacity"`
		Ranking  []string `json:"ranking"`
	} `json:"roles"`
}

// DecodeInstance reads an instance as JSON, exactly
// {"candidates":[{"id":"c1","ranking":["r1"]}],"roles":[{"id":"r1","capacity":1,"ranking":["c1"]}]},
// strictly (no unknown keys, no wrong types, nothing after the object), and
// checks it (see Instance.Validate). Errors are *InstanceError; the caller
// bounds how much r may hold.
func DecodeInstance(r io.Reader) (Instance, error) {
	var raw instanceJSON
	if err := decodeObject(r, &raw); err != nil {
		return Instance{}, &InstanceError{Problem: err.Error()}
	}
	inst := Instance{Candidates: make([]CandidateList, len(raw.Candidates)), Roles: make([]RoleList, len(raw.Roles))}
	for i, c := range raw.Candidates {
		inst.Candidates[i] = CandidateList{ID: c.ID, Ranking: c.Ranking}
	}
	for i, r := range raw.Roles {
		inst.Roles[i] = RoleList{ID: r.ID, Capacity: r.Capacity, Ranking: r.Ranking}
	}
	if err := inst.Validate(); err != nil {
		return Instance{}, err
	}
	return inst, nil
}

// Validate checks an instance and returns the first problem as an
// *InstanceError: an empty id, a duplicate id within a side, an id ranked
// twice in one list, a capacity outside MinCapacity–MaxCapacity, or a role's
// ranking naming an unknown candidate. A candidate's ranking may name roles
// that are not in the instance (see CandidateList).
func (inst Instance) Validate() error {
	cands, roles := stringLists(inst)
	_, err := newProblem(cands, roles, strictRoleLists)
	return err
}

// stringLists adapts an Instance to the id-generic lists problems are built
// from.
func stringLists(inst Instance) ([]rankList[string], []rankList[string]) {
	cands := make([]rankList[string], len(inst.Candidates))
	for i, c := range inst.Candidates {
		cands[i] = rankList[string]{id: c.ID, ranking: c.Ranking}
	}
	roles := make([]rankList[string], len(inst.Roles))
	for i, r := range inst.Roles {
		roles[i] = rankList[string]{id: r.ID, capacity: r.Capacity, ranking: r.Ranking}
	}
	return cands, roles
}
