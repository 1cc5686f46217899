package archtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportRules fails when a package depends, directly or not, on what
// its layer must not: see rules.
func TestImportRules(t *testing.T) {
	g, _ := loadGraph(t)
	for _, p := range checkRules(g, rules) {
		t.Error(p)
	}
}

// TestPackagesTableMatchesImports fails when the Packages table of
// docs/ARCHITECTURE.md and the imports of the module's packages disagree.
func TestPackagesTableMatchesImports(t *testing.T) {
	g, own := loadGraph(t)
	doc, err := os.ReadFile(filepath.Join(root, "docs", "ARCHITECTURE.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range checkTable(g, own, string(doc)) {
		t.Error(p)
	}
}

// TestChecksCatchDrift feeds the checks a forbidden import (through another
// package) and a table that misses a dependency, a package and names one
// that does not exist: each is reported, naming what to fix.
func TestChecksCatchDrift(t *testing.T) {
	talent, helper, store := module+"/backend/talent", module+"/backend/helper", module+"/backend/store"
	g := graph{talent: {"fmt", helper}, helper: {store}, store: {talent, "gorm.io/gorm"}, "gorm.io/gorm": nil, "fmt": nil}
	problems := checkRules(g, []rule{{[]string{"talent"}, []string{store, "gorm.io/"}, "the domain holds no database code"}})
	want := "backend/talent must not depend on backend/store (the domain holds no database code): backend/talent → backend/helper → backend/store"
	if len(problems) != 1 || problems[0] != want {
		t.Errorf("rules: %q, want [%q]", problems, want)
	}

	doc := "# x\n\n## Packages\n\n| package | job | depends on |\n| --- | --- | --- |\n" +
		"| `backend/talent` | the domain | standard library, `helper` (for x) |\n" +
		"| `backend/helper` | helps | — |\n" +
		"| `backend/gone` | was here | talent |\n\n## Next\n"
	problems = checkTable(g, []string{talent, helper, store}, doc)
	for _, want := range []string{
		"says helper depends on []; go list says [store]",
		"row for gone, which is not a package",
		"no row for store (it depends on [talent])",
	} {
		if !containsAny(problems, want) {
			t.Errorf("table: %q lacks %q", problems, want)
		}
	}
	if len(problems) != 3 {
		t.Errorf("table: %d problems, want 3: %q", len(problems), problems)
	}
}

func containsAny(problems []string, part string) bool {
	for _, p := range problems {
		if strings.Contains(p, part) {
			return true
		}
	}
	return false
}
