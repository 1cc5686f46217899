package residence

import (
	"strings"
	"testing"
)

func TestRulesChecks(t *testing.T) {
	if _, err := parseRules(statusesJSON); err != nil {
		t.Fatalf("embedded rules: %v", err)
	}
	broken := map[string][2]string{
		"an unknown status":  {`{"status": "professor"`, `{"status": "lecturer"`},
		"a status repeated":  {`{"status": "professor"`, `{"status": "researcher"`},
		"an unknown kind":    {`"kinds": ["job"], "pay": "paid"}`, `"kinds": ["work"], "pay": "paid"}`},
		"an unknown pay":     {`"pay": "unpaid"`, `"pay": "voluntary"`},
		"an unknown host":    {`"hosts": ["university"]`, `"hosts": ["school"]`},
		"an unknown key":     {`"max_term_months": 12`, `"max_months": 12`},
		"terms out of order": {`"max_term_months": 12`, `"max_term_months": 12, "min_term_months": 13`},
	}
	for name, edit := range broken {
		data := strings.Replace(string(statusesJSON), edit[0], edit[1], 1)
		if data == string(statusesJSON) {
			t.Fatalf("%s: the edit did not apply", name)
		}
		if _, err := parseRules([]byte(data)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
