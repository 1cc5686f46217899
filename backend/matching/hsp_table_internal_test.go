package matching

import (
	"strings"
	"testing"
)

func TestPointsTableChecks(t *testing.T) {
	if _, err := parsePointsTables(hspPointsJSON); err != nil {
		t.Fatalf("embedded table: %v", err)
	}
	broken := map[string][2]string{
		"a salary row short of a column": {`{"min_jpy": 10000000, "points": [40, 40, 40, 40]}`, `{"min_jpy": 10000000, "points": [40, 40, 40]}`},
		"salary rows out of order":       {`{"min_jpy": 4000000, "points": [10, 0, 0, 0]}`, `{"min_jpy": 11000000, "points": [10, 0, 0, 0]}`},
		"experience bands out of order":  {`{"min_years": 3, "item"`, `{"min_years": 12, "item"`},
		"age bands out of order":         {`{"max_age": 39, "item"`, `{"max_age": 20, "item"`},
		"a threshold out of order":       {`"fast_track": 80`, `"fast_track": 60`},
		"an unknown key":                 {`"top_university":`, `"top_universities":`},
		"a category missing":             {`"academic_research": {`, `"academic_researches": {`},
		"research bands out of order":    {`{"min_count": 2, "item": "research_achievements_two_kinds"`, `{"min_count": 0, "item": "research_achievements_two_kinds"`},
	}
	for name, edit := range broken {
		data := strings.Replace(string(hspPointsJSON), edit[0], edit[1], 1)
		if data == string(hspPointsJSON) {
			t.Fatalf("%s: the edit did not apply", name)
		}
		if _, err := parsePointsTables([]byte(data)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
