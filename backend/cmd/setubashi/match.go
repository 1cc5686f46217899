package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/setubashi/setubashi/backend/matching"
)

// matchOutput is what `setubashi match` writes; every list is sorted by id
// and never null.
type matchOutput struct {
	Assignments         []matchAssignment `json:"assignments"`
	UnmatchedCandidates []string          `json:"unmatched_candidates"`
	Unfilled            []matchOpening    `json:"unfilled"`
	Stable              bool              `json:"stable"`
	Proposals           int               `json:"proposals"`
}

type matchAssignment struct {
	Candidate string `json:"candidate"`
	Role      string `json:"role"`
}

type matchOpening struct {
	Role string `json:"role"`
	Open int    `json:"open"`
}

// matchCommand handles `setubashi match`: it reads a round's rank lists as
// JSON on stdin (see matching.DecodeInstance), solves it by
// candidate-proposing deferred acceptance, verifies the result and writes
// it as JSON on stdout. A bad instance is errBadInput naming the problem,
// with nothing written; a result failing verification (a bug) is written
// with "stable": false and reported as an error.
func matchCommand(args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) > 0 {
		if args[0] == "-h" || args[0] == "--help" {
			fmt.Fprintln(stdout, "usage: setubashi match < instance.json")
			return nil
		}
		return fmt.Errorf("%w: match: unexpected argument %q", errUsage, args[0])
	}
	inst, err := matching.DecodeInstance(stdin)
	if err != nil {
		return fmt.Errorf("%w: match: %w", errBadInput, err)
	}
	res, err := matching.Solve(inst)
	if err != nil {
		return fmt.Errorf("%w: match: %w", errBadInput, err)
	}
	verr := matching.Verify(inst, res)
	out := matchOutput{
		Assignments:         make([]matchAssignment, len(res.Assignments)),
		UnmatchedCandidates: res.Unmatched,
		Unfilled:            make([]matchOpening, len(res.Unfilled)),
		Stable:              verr == nil,
		Proposals:           res.Proposals,
	}
	for i, a := range res.Assignments {
		out.Assignments[i] = matchAssignment{Candidate: a.Candidate, Role: a.Role}
	}
	for i, o := range res.Unfilled {
		out.Unfilled[i] = matchOpening{Role: o.Role, Open: o.Open}
	}
	var buf bytes.Buffer
	if err := writeJSON(&buf, out); err != nil {
		return err
	}
	if _, err := buf.WriteTo(stdout); err != nil {
		return err
	}
	if verr != nil {
		return errors.Join(errors.New("match: the result failed verification"), verr)
	}
	return nil
}
