package skills

import (
	"strings"
	"testing"
)

func mustLoad(t testing.TB) *Taxonomy {
	t.Helper()
	tax, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return tax
}

// TestTaxonomyIntegrity checks the embedded data: enough skills, the domains
// the issue names, labels in the three languages and their scripts, and a
// tree whose parents exist. (Parse itself refuses cycles, duplicate slugs
// and names that would mean two skills.)
func TestTaxonomyIntegrity(t *testing.T) {
	tax := mustLoad(t)
	all := tax.All()
	if len(all) < 150 {
		t.Errorf("%d skills, want at least 150", len(all))
	}
	if tax.Version() == "" || len(tax.Date()) != len("2006-01-02") {
		t.Errorf("version %q, date %q", tax.Version(), tax.Date())
	}
	// The domains matching was specified with, and the ones added since.
	for _, d := range []string{"nlp", "llms", "computer-vision", "speech", "reinforcement-learning", "robotics",
		"recommender-systems", "mlops", "data-engineering", "hpc-gpu", "ai-safety-evaluation", "theory",
		"programming-languages", "frameworks", "cloud-infrastructure"} {
		if _, ok := tax.Domain(d); !ok {
			t.Errorf("no domain %s", d)
		}
	}
	perDomain := map[string]int{}
	for _, s := range all {
		perDomain[s.Domain]++
		for _, lang := range Languages {
			if strings.TrimSpace(s.Labels.In(lang)) == "" {
				t.Errorf("%s has no %s label", s.Slug, lang)
			}
		}
		if !WrittenIn("ja", s.Labels.JA, false) || !WrittenIn("hi", s.Labels.HI, false) {
			// A Latin name is allowed only where the skill says so, and it
			// must be the English name kept as it is (PyTorch, C++).
			if !s.Latin {
				t.Errorf("%s: labels %q / %q are not in Japanese / Devanagari script", s.Slug, s.Labels.JA, s.Labels.HI)
			}
			for _, l := range []string{s.Labels.JA, s.Labels.HI} {
				if !strings.ContainsFunc(l, func(r rune) bool { return isJapanese(r) || isDevanagari(r) }) && l != s.Labels.EN {
					t.Errorf("%s: Latin label %q differs from the English name %q", s.Slug, l, s.Labels.EN)
				}
			}
		}
		if s.Labels.JA == s.Labels.EN && s.Labels.HI == s.Labels.EN && !s.Latin {
			t.Errorf("%s: the same label in every language but not marked latin", s.Slug)
		}
		if s.Parent != "" {
			if _, ok := tax.Skill(s.Parent); !ok {
				t.Errorf("%s: parent %s is not a skill", s.Slug, s.Parent)
			}
		}
	}
	for _, d := range tax.Domains() {
		if perDomain[d.Slug] < 3 {
			t.Errorf("domain %s has %d skills", d.Slug, perDomain[d.Slug])
		}
		if !WrittenIn("ja", d.Labels.JA, false) || !WrittenIn("hi", d.Labels.HI, false) {
			t.Errorf("domain %s: labels %q / %q", d.Slug, d.Labels.JA, d.Labels.HI)
		}
	}
	t.Logf("%d skills in %d domains: %v", len(all), len(tax.Domains()), perDomain)
}

// TestNoNameMeansTwoSkills checks, over the loaded data, what Parse enforces:
// every label, alias and slug, folded, belongs to one skill only.
func TestNoNameMeansTwoSkills(t *testing.T) {
	tax := mustLoad(t)
	owner := map[string]string{}
	for i, names := range tax.names {
		for _, n := range names {
			if o, ok := owner[n.squeezed]; ok && o != tax.skills[i].Slug {
				t.Errorf("%q names %s and %s", n.text, o, tax.skills[i].Slug)
			}
			owner[n.squeezed] = tax.skills[i].Slug
		}
	}
}

func TestLabelsAndLookups(t *testing.T) {
	tax := mustLoad(t)
	labels := tax.Labels()
	if labels["ja"]["nlp"] != "自然言語処理" || labels["hi"]["machine-learning"] != "मशीन लर्निंग" || labels["en"]["pytorch"] != "PyTorch" {
		t.Errorf("labels: %q %q %q", labels["ja"]["nlp"], labels["hi"]["machine-learning"], labels["en"]["pytorch"])
	}
	for _, lang := range Languages {
		if len(labels[lang]) != len(tax.All()) || len(tax.DomainLabels()[lang]) != len(tax.Domains()) {
			t.Errorf("%s: %d labels", lang, len(labels[lang]))
		}
	}
	s, ok := tax.Skill("llm-fine-tuning")
	if !ok || s.Parent != "llm" || s.Domain != "llms" {
		t.Errorf("llm-fine-tuning: %+v", s)
	}
	if p, _ := tax.Skill("llm"); p.Parent != "nlp" {
		t.Errorf("llm's parent is %q", p.Parent)
	}
	if d, unknown := tax.DomainOf("llm-fine-tuning"), tax.DomainOf("no-such-skill"); d != "llms" || unknown != "" {
		t.Errorf("DomainOf: %q, %q", d, unknown)
	}
	s.Aliases[0] = "changed"
	if again, _ := tax.Skill("llm-fine-tuning"); again.Aliases[0] == "changed" {
		t.Error("Skill hands out the taxonomy's own alias slice")
	}
	if tax.Known("Python") || !tax.Known("python") || tax.Known("") {
		t.Error("Known is not an exact slug lookup")
	}
	if (Labels{EN: "a", JA: "b", HI: "c"}).In("fr") != "a" {
		t.Error("an unknown language does not fall back to English")
	}
}

// TestParseRejects feeds Parse broken taxonomies, each of which must fail
// naming the problem.
func TestParseRejects(t *testing.T) {
	const head = "version = \"t\"\ndate = 2026-11-26\n[[domain]]\nslug = \"d\"\nen = \"D\"\nja = \"領域\"\nhi = \"क्षेत्र\"\n"
	skill := func(slug, rest string) string {
		return "[[domain.skills]]\nslug = \"" + slug + "\"\nen = \"" + strings.ToUpper(slug) + " skill\"\nja = \"" + slug + "技術\"\nhi = \"" + slug + " कौशल\"\n" + rest + "\n"
	}
	cases := []struct{ name, data, want string }{
		{"unknown key", head + skill("a", "colour = \"red\""), "unknown key"},
		{"no version", strings.Replace(head, "version = \"t\"", "", 1) + skill("a", ""), "no version"},
		{"bad slug", head + skill("Bad_Slug", ""), "slug"},
		{"duplicate slug", head + skill("a", "") + skill("a", ""), "listed twice"},
		{"missing parent", head + skill("a", "parent = \"b\""), "not a skill"},
		{"own parent", head + skill("a", "parent = \"a\""), "its own parent"},
		{"cycle", head + skill("a", "parent = \"b\"") + skill("b", "parent = \"c\"") + skill("c", "parent = \"a\""), "cycle"},
		{"empty label", head + strings.Replace(skill("a", ""), "ja = \"a技術\"", "ja = \"\"", 1), "empty"},
		{"Japanese label in Latin", head + strings.Replace(skill("a", ""), "ja = \"a技術\"", "ja = \"A skill\"", 1), "not written in Japanese"},
		{"Hindi label in Latin", head + strings.Replace(skill("a", ""), "hi = \"a कौशल\"", "hi = \"A skill\"", 1), "not written in Devanagari"},
		{"half-width katakana", head + skill("a", "aliases = [\"ﾃﾞｰﾀ\"]"), "half-width"},
		{"full-width Latin", head + skill("a", "aliases = [\"ＡＩ\"]"), "full-width"},
		{"alias of two skills", head + skill("a", "aliases = [\"Same\"]") + skill("b", "aliases = [\"same\"]"), "names both"},
		{"alias repeats a label", head + skill("a", "aliases = [\"a-skill\"]"), "repeats"},
		{"no skills", head, "no domains or no skills"},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one about %q", c.name, err, c.want)
		}
	}
	ok := head + skill("a", "") + skill("b", "parent = \"a\"\naliases = [\"bee\"]")
	if _, err := Parse([]byte(ok)); err != nil {
		t.Errorf("a good taxonomy: %v", err)
	}
}

func TestWrittenIn(t *testing.T) {
	cases := []struct {
		lang, label string
		latin, want bool
	}{
		{"ja", "自然言語処理", false, true},
		{"ja", "PyTorch", false, false},
		{"ja", "PyTorch", true, true},
		{"ja", "Go言語", false, true},
		{"hi", "मशीन लर्निंग", false, true},
		{"hi", "PyTorch", true, true},
		{"hi", "機械学習", true, false},
		{"en", "anything", false, true},
	}
	for _, c := range cases {
		if got := WrittenIn(c.lang, c.label, c.latin); got != c.want {
			t.Errorf("WrittenIn(%s, %q, %v) = %v", c.lang, c.label, c.latin, got)
		}
	}
}
