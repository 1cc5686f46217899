package residence

import (
	"bytes"
	_ "embed" // the rules are an embedded data file
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	"github.com/setubashi/setubashi/backend/talent"
)

// statusesJSON is the versioned reference data: for each status of
// residence, the kinds of post, pay, term and host it allows and what the
// candidate must bring, with the source and effective date.
//
//go:embed statuses.json
var statusesJSON []byte

// Pay rules of a status.
const (
	payPaid   = "paid"
	payUnpaid = "unpaid"
	payAny    = "any"
)

// rule is one status of residence in statuses.json.
type rule struct {
	Status        string   `json:"status"`
	Kinds         []string `json:"kinds"`
	Pay           string   `json:"pay"`
	MinSalaryJPY  int64    `json:"min_salary_jpy"`
	MinTermMonths int      `json:"min_term_months"`
	MaxTermMonths int      `json:"max_term_months"`
	Hosts         []string `json:"hosts"`
	Agreement     bool     `json:"agreement"` // the offer must record a university–host agreement
}

// rules is statuses.json.
type rules struct {
	Source        string      `json:"source"`
	EffectiveFrom talent.Date `json:"effective_from"`
	Notes         []string    `json:"notes"`
	Statuses      []rule      `json:"statuses"`
}

// loadRules returns the parsed rules. The file is embedded and checked by
// the tests, so a broken one is a programming error and panics.
var loadRules = sync.OnceValue(func() *rules {
	r, err := parseRules(statusesJSON)
	if err != nil {
		panic(err)
	}
	return r
})

// parseRules reads and checks the rules: every status of talent.VisaStatuses
// exactly once, known kinds, hosts and pay.
func parseRules(data []byte) (*rules, error) {
	var r rules
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("statuses.json: %w", err)
	}
	seen := map[string]bool{}
	for _, s := range r.Statuses {
		switch {
		case !slices.Contains(talent.VisaStatuses, s.Status) || seen[s.Status]:
			return nil, fmt.Errorf("statuses.json: status %q unknown or repeated", s.Status)
		case !slices.Contains([]string{payPaid, payUnpaid, payAny}, s.Pay):
			return nil, fmt.Errorf("statuses.json: %s: pay %q", s.Status, s.Pay)
		case s.MaxTermMonths > 0 && s.MaxTermMonths < s.MinTermMonths:
			return nil, fmt.Errorf("statuses.json: %s: term bounds out of order", s.Status)
		}
		for _, k := range s.Kinds {
			if !slices.Contains(talent.RoleTypes, k) {
				return nil, fmt.Errorf("statuses.json: %s: kind %q", s.Status, k)
			}
		}
		for _, h := range s.Hosts {
			if !slices.Contains(talent.OrganizationKinds, h) {
				return nil, fmt.Errorf("statuses.json: %s: host %q", s.Status, h)
			}
		}
		seen[s.Status] = true
	}
	if len(seen) != len(talent.VisaStatuses) {
		return nil, fmt.Errorf("statuses.json: %d statuses, want every one of %v", len(seen), talent.VisaStatuses)
	}
	return &r, nil
}
