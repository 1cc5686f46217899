package talent

import (
	"slices"
	"strings"
	"testing"
)

// fakeSkills is a small skill catalogue: it knows a few slugs and suggests
// those that share the unknown skill's first letter.
type fakeSkills []string

func (f fakeSkills) Known(slug string) bool { return slices.Contains(f, slug) }

func (f fakeSkills) Suggest(unknown string, n int) []string {
	var out []string
	for _, s := range f {
		if len(out) < n && unknown != "" && strings.EqualFold(s[:1], unknown[:1]) {
			out = append(out, s)
		}
	}
	return out
}

var testSkills = fakeSkills{"nlp", "python", "pytorch", "mlops"}

func TestUnknownSkillSuggests(t *testing.T) {
	var v Validator
	validateSkill(&v, testSkills, "skills[0].skill", "pytorh")
	validateSkill(&v, testSkills, "skills[1].skill", "python")
	validateSkill(&v, testSkills, "skills[2].skill", strings.Repeat("x", 100))
	p, ok := AsProblem(v.Err())
	if !ok || len(p.Fields) != 2 {
		t.Fatalf("got %v, want two field errors", v.Err())
	}
	f := p.Fields[0]
	want := Terms{SkillTerm("python"), SkillTerm("pytorch")}
	if f.Field != "skills[0].skill" || f.Code != "unknown_skill" || f.Args["Skill"] != "pytorh" || !slices.Equal(f.Args["Suggestions"].(Terms), want) {
		t.Errorf("got %+v, want unknown_skill pytorh suggesting %v", f, want)
	}
	if echoed := p.Fields[1].Args["Skill"].(string); echoed != strings.Repeat("x", 64)+"…" {
		t.Errorf("a long unknown skill is echoed as %q", echoed)
	}
}

func TestNewPlatformNeedsSkills(t *testing.T) {
	if _, err := NewPlatform(nil, Argon2Params{MemoryKiB: 64, Iterations: 1, Parallelism: 1}, 0, Engines{}); err == nil {
		t.Error("NewPlatform without a skill catalogue: no error")
	}
}
