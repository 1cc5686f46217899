package archtest

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// checkRules returns a sentence for every forbidden package a package of a
// rule depends on, with the chain of imports that leads there.
func checkRules(g graph, rules []rule) []string {
	var problems []string
	for _, r := range rules {
		for _, name := range r.packages {
			path := module + "/backend/" + name
			if _, ok := g[path]; !ok {
				problems = append(problems, fmt.Sprintf("%s: no such package (the import rules name it)", path))
				continue
			}
			forbidden := func(imp string) bool {
				return slices.ContainsFunc(r.forbidden, func(f string) bool { return matches(imp, f) })
			}
			for _, chain := range g.forbiddenChains(path, forbidden) {
				for i, p := range chain {
					chain[i] = strings.TrimPrefix(p, module+"/")
				}
				problems = append(problems, fmt.Sprintf("backend/%s must not depend on %s (%s): %s",
					name, chain[len(chain)-1], r.why, strings.Join(chain, " → ")))
			}
		}
	}
	return problems
}

// row is one row of the Packages table: the packages it is about and the
// module's packages its "depends on" column names.
type row struct {
	packages []string
	deps     []string
}

var (
	codeSpan = regexp.MustCompile("`([^`]+)`")
	aside    = regexp.MustCompile(`\s*\(.*\)$`)
)

// packagesTable reads the table under "## Packages" in doc. The "depends
// on" column names the module's packages by their short names among other
// things (the standard library, modules); names are those of known.
func packagesTable(doc string, known map[string]bool) ([]row, error) {
	_, section, ok := strings.Cut(doc, "\n## Packages\n")
	if !ok {
		return nil, fmt.Errorf(`no "## Packages" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var rows []row
	for line := range strings.Lines(section) {
		cells := strings.Split(strings.TrimSpace(line), "|")
		if len(cells) < 4 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue // not a row about packages: prose, the header, its rule
		}
		var r row
		for _, m := range codeSpan.FindAllStringSubmatch(cells[1], -1) {
			r.packages = append(r.packages, strings.TrimPrefix(m[1], "backend/"))
		}
		for dep := range strings.SplitSeq(cells[len(cells)-2], ",") {
			dep = strings.Trim(aside.ReplaceAllString(strings.TrimSpace(dep), ""), "`")
			if known[dep] {
				r.deps = append(r.deps, dep)
			}
		}
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf(`no rows in the "## Packages" table`)
	}
	return rows, nil
}

// checkTable compares the Packages table with what the module's packages
// import: every package has a row, every row a package, and the packages of
// the module each imports are those its row names.
func checkTable(g graph, own []string, doc string) []string {
	imports, known := map[string][]string{}, map[string]bool{}
	for _, path := range own {
		name, _ := shortName(path)
		known[name] = true
		imports[name] = []string{}
		for _, imp := range g[path] {
			if dep, ok := shortName(imp); ok {
				imports[name] = append(imports[name], dep)
			}
		}
	}
	rows, err := packagesTable(doc, known)
	if err != nil {
		return []string{"docs/ARCHITECTURE.md: " + err.Error()}
	}
	var problems []string
	documented := map[string]bool{}
	for _, r := range rows {
		for _, name := range r.packages {
			documented[name] = true
			got, ok := imports[name]
			if !ok {
				problems = append(problems, fmt.Sprintf("docs/ARCHITECTURE.md: the Packages table has a row for %s, which is not a package of the module", name))
				continue
			}
			if missing, extra := diff(got, r.deps), diff(r.deps, got); len(missing)+len(extra) > 0 {
				problems = append(problems, fmt.Sprintf("docs/ARCHITECTURE.md: the Packages table says %s depends on %v; go list says %v (add %v, remove %v)",
					name, sorted(r.deps), sorted(got), missing, extra))
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(imports)) {
		if !documented[name] {
			problems = append(problems, fmt.Sprintf("docs/ARCHITECTURE.md: the Packages table has no row for %s (it depends on %v)", name, sorted(imports[name])))
		}
	}
	return problems
}

// diff returns what a has and b lacks, sorted.
func diff(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return sorted(out)
}

func sorted(s []string) []string { return slices.Sorted(slices.Values(s)) }
