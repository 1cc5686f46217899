package matching_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/matching"
	"github.com/setubashi/setubashi/backend/talent"
	"github.com/setubashi/setubashi/locales"
)

// catalogWithSkills loads the catalogues and labels the test skills, as
// the server does with the skills taxonomy.
func catalogWithSkills(t *testing.T, slugs []string) *i18n.Catalog {
	t.Helper()
	c, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]map[string]string{}
	for _, lang := range i18n.Supported {
		labels[lang] = map[string]string{"python": "Python", "pytorch": "PyTorch", "nlp": "NLP", "mlops": "MLOps", "kubernetes": "Kubernetes", "tensorflow": "TensorFlow", "deep-learning": "Deep learning"}
		for _, s := range slugs {
			labels[lang][s] = "Skill " + s
		}
	}
	if err := c.AddLabels("skill", labels); err != nil {
		t.Fatal(err)
	}
	return c
}

// checkRenders renders a reason in every language and fails on a missing
// message, an empty argument or a label that did not resolve.
func checkRenders(t *testing.T, c *i18n.Catalog, r talent.Reason) {
	t.Helper()
	if !c.Has(r.ID) {
		t.Fatalf("no message %s", r.ID)
	}
	for _, lang := range i18n.Supported {
		text, err := c.Render(lang, r.ID, r.Args)
		if err != nil || strings.Contains(text, "<no value>") || strings.Contains(text, "{{") {
			t.Fatalf("%s %s: %q, %v", lang, r.ID, text, err)
		}
		for _, set := range []string{"skill.", "jlpt.", "prefecture.", "role_type.", "education.", "english.", "hsp.item."} {
			if strings.Contains(text, set) {
				t.Fatalf("%s %s: unresolved label in %q", lang, r.ID, text)
			}
		}
	}
}

func TestEveryReasonRendersInEveryLanguage(t *testing.T) {
	tax, slugs := testTaxonomy()
	c := catalogWithSkills(t, slugs)
	sc := matching.NewScorer(tax, matching.DefaultWeights())
	rng := rand.New(rand.NewPCG(7, 7))
	seen := map[string]bool{}
	for i := range 300 {
		p, r := randomProfile(rng, int64(i), slugs), randomRole(rng, int64(i), slugs)
		for _, v := range []matching.Viewer{matching.CandidateView, matching.OrganizationView} {
			s := sc.Score(p, r, today, v)
			for _, b := range s.Blockers {
				checkRenders(t, c, b)
				seen[b.ID] = true
			}
			for _, comp := range s.Components {
				checkRenders(t, c, talent.Reason{ID: "match.component." + comp.Name})
				for _, reason := range comp.Reasons {
					checkRenders(t, c, reason)
					seen[reason.ID] = true
				}
			}
		}
	}
	if len(seen) < 50 {
		t.Errorf("only %d distinct reasons came up; widen the random data", len(seen))
	}
	for i := range 500 {
		in := randomHSPInput(rand.New(rand.NewPCG(uint64(i), 3)))
		for _, r := range matching.AssessHSP(in).Reasons {
			checkRenders(t, c, r)
		}
		for _, l := range matching.WhatWouldLift(in) {
			checkRenders(t, c, l.Reason)
		}
	}
}

func TestReasonsReadAsTheIssueAsks(t *testing.T) {
	tax, slugs := testTaxonomy()
	c := catalogWithSkills(t, slugs)
	p := talent.Profile{UserID: 1, JLPTLevel: "N2", SalaryExpectationJPY: yen(6_000_000), Skills: []talent.SkillLevel{
		{Skill: "python", Proficiency: 5}, {Skill: "pytorch", Proficiency: 4}, {Skill: "nlp", Proficiency: 4}, {Skill: "mlops", Proficiency: 3},
	}}
	r := talent.Role{ID: 2, JapaneseLevel: "N3", JapaneseMode: "preferred", SalaryMinJPY: yen(6_500_000), SalaryMaxJPY: yen(7_000_000),
		RequiredSkills: []talent.SkillRequirement{{Skill: "python", MinProficiency: 3}, {Skill: "pytorch", MinProficiency: 3}, {Skill: "nlp", MinProficiency: 3}, {Skill: "mlops", MinProficiency: 3}, {Skill: "kubernetes", MinProficiency: 2}}}
	s := matching.NewScorer(tax, matching.DefaultWeights()).Score(p, r, today, matching.CandidateView)
	want := map[string]string{
		"skills_required": "4 of 5 required skills: Python, PyTorch, NLP, MLOps; missing: Kubernetes",
		"japanese":        "JLPT N2 meets the preferred JLPT N3",
		"salary":          "Salary ¥6,500,000 is above your expectation of ¥6,000,000",
	}
	for name, text := range want {
		reason := component(t, s, name).Reasons[0]
		if got, err := c.Render("en", reason.ID, reason.Args); err != nil || got != text {
			t.Errorf("%s: %q, %v; want %q", name, got, err, text)
		}
	}
	reason := component(t, s, "skills_required").Reasons[0]
	if got, _ := c.Render("ja", reason.ID, reason.Args); !strings.Contains(got, "Python、PyTorch、NLP、MLOps") {
		t.Errorf("ja: %q", got)
	}
	salary := component(t, s, "salary").Reasons[0]
	if got, _ := c.Render("hi", salary.ID, salary.Args); !strings.Contains(got, "¥65,00,000") {
		t.Errorf("hi: %q", got)
	}
	late := talent.Role{ID: 3, StartDate: datePtr(2027, time.January, 15)}
	p.EarliestStart, p.WantedRoleTypes = datePtr(2027, time.January, 16), nil
	start := component(t, matching.NewScorer(tax, matching.DefaultWeights()).Score(p, late, today, matching.OrganizationView), "start").Reasons[0]
	if got, _ := c.Render("en", start.ID, start.Args); got != "Starts 15 Jan 2027; the candidate can start from 16 Jan 2027, 1 day late" {
		t.Errorf("start: %q", got)
	}
}
