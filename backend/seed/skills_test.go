package seed

import (
	"testing"

	"github.com/setubashi/setubashi/backend/skills"
	"github.com/setubashi/setubashi/backend/talent"
)

// TestSkillsAreInTheTaxonomy checks that every skill the generator and the
// demo accounts use is a skill of the taxonomy, so that seeded profiles and
// roles pass the services' validation.
func TestSkillsAreInTheTaxonomy(t *testing.T) {
	taxonomy, err := skills.Load()
	if err != nil {
		t.Fatal(err)
	}
	for s := range knownSkills {
		if !taxonomy.Known(s) {
			t.Errorf("the generator's skill %q is not in the taxonomy (nearest: %v)", s, taxonomy.Suggest(s, 3))
		}
	}
	for _, s := range demoProfile(talent.User{}, testNow).Skills {
		if !taxonomy.Known(s.Skill) {
			t.Errorf("the demo candidate's skill %q is not in the taxonomy", s.Skill)
		}
	}
}
