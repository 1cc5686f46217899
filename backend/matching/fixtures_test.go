package matching_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/setubashi/setubashi/backend/talent"
)

// fakeTaxonomy is a small skills taxonomy in the shape of package skills:
// each skill has a parent ("" for a domain's root) and a domain.
type fakeTaxonomy struct {
	parent map[string]string
	domain map[string]string
}

// Similarity follows package skills' table: child 0.8, parent 0.6, sibling
// 0.5, same domain 0.2, anything else 0.
func (t fakeTaxonomy) Similarity(have, want string) float64 {
	switch {
	case have == want:
		return 1
	case t.parent[have] == want:
		return 0.8
	case t.parent[want] == have:
		return 0.6
	case t.parent[have] != "" && t.parent[have] == t.parent[want]:
		return 0.5
	case t.domain[have] != "" && t.domain[have] == t.domain[want]:
		return 0.2
	}
	return 0
}

// testTaxonomy has 12 domains of 14 skills: a root and 13 children.
func testTaxonomy() (fakeTaxonomy, []string) {
	t := fakeTaxonomy{parent: map[string]string{}, domain: map[string]string{}}
	var slugs []string
	for d := range 12 {
		domain := fmt.Sprintf("domain-%d", d)
		root := fmt.Sprintf("d%d-root", d)
		t.domain[root] = domain
		slugs = append(slugs, root)
		for s := range 13 {
			slug := fmt.Sprintf("d%d-skill-%d", d, s)
			t.parent[slug] = root
			t.domain[slug] = domain
			slugs = append(slugs, slug)
		}
	}
	// a few concrete names for readable tests
	for child, parent := range map[string]string{"pytorch": "deep-learning", "tensorflow": "deep-learning", "deep-learning": "", "python": "", "kubernetes": "", "nlp": "", "mlops": ""} {
		t.parent[child] = parent
		t.domain[child] = "ml"
	}
	t.domain["python"], t.domain["kubernetes"] = "programming", "infra"
	return t, slugs
}

var today = talent.NewDate(2026, time.November, 26)

func datePtr(y int, m time.Month, d int) *talent.Date {
	x := talent.NewDate(y, m, d)
	return &x
}

func yen(n int64) *int64 { return &n }
func intPtr(n int) *int  { return &n }

// randomProfile returns a plausible candidate profile.
func randomProfile(rng *rand.Rand, id int64, slugs []string) talent.Profile {
	p := talent.Profile{UserID: id, Name: fmt.Sprintf("Candidate %d", id)}
	for range rng.IntN(3) {
		p.Education = append(p.Education, talent.Education{Level: pick(rng, talent.EducationLevels), Institution: "IIT", Field: pick(rng, []string{"CS", "EE", "Maths"}), Year: 2015 + rng.IntN(11)})
	}
	p.ExperienceYears = rng.IntN(15)
	seen := map[string]bool{}
	for range 3 + rng.IntN(12) {
		s := pick(rng, slugs)
		if !seen[s] {
			seen[s] = true
			p.Skills = append(p.Skills, talent.SkillLevel{Skill: s, Proficiency: 1 + rng.IntN(5)})
		}
	}
	p.Papers, p.Patents = rng.IntN(6), rng.IntN(2)
	p.JLPTLevel = pick(rng, talent.JLPTLevels)
	p.EnglishLevel = pick(rng, talent.EnglishLevels)
	if rng.IntN(3) > 0 {
		p.WantedRoleTypes = []string{pick(rng, talent.RoleTypes)}
	}
	if rng.IntN(2) == 0 {
		p.EarliestStart = datePtr(2026, time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
	}
	if rng.IntN(3) > 0 {
		p.SalaryExpectationJPY = yen(int64(3+rng.IntN(10)) * 1_000_000)
	}
	for range rng.IntN(4) {
		if pref := pick(rng, talent.Prefectures[:15]); !slices.Contains(p.PreferredPrefectures, pref) {
			p.PreferredPrefectures = append(p.PreferredPrefectures, pref)
		}
	}
	p.RemoteOK = rng.IntN(2) == 0
	return p
}

// randomRole returns a plausible open role.
func randomRole(rng *rand.Rand, id int64, slugs []string) talent.Role {
	r := talent.Role{ID: id, Type: pick(rng, talent.RoleTypes), Status: talent.RoleOpen, Title: talent.LocalizedText{EN: fmt.Sprintf("Role %d", id)}}
	seen := map[string]bool{}
	skills := func(n int) []talent.SkillRequirement {
		var out []talent.SkillRequirement
		for range n {
			s := pick(rng, slugs)
			if !seen[s] {
				seen[s] = true
				out = append(out, talent.SkillRequirement{Skill: s, MinProficiency: 1 + rng.IntN(5)})
			}
		}
		return out
	}
	r.RequiredSkills = skills(rng.IntN(7))
	r.PreferredSkills = skills(rng.IntN(6))
	r.MinEducation = pick(rng, []string{"none", "none", "bachelor", "master", "doctorate"})
	r.MinExperienceYears = rng.IntN(6)
	r.JapaneseLevel = pick(rng, talent.JLPTLevels)
	r.JapaneseMode = pick(rng, talent.RequirementModes)
	r.EnglishLevel = pick(rng, talent.EnglishLevels)
	r.Prefecture = pick(rng, talent.Prefectures[:15])
	r.Remote = pick(rng, talent.RemoteOptions)
	if r.Type == "internship" {
		r.StipendMonthlyJPY = yen(int64(100+rng.IntN(200)) * 1000)
		r.DurationMonths = intPtr(2 + rng.IntN(5))
	} else {
		lo := int64(3+rng.IntN(8)) * 1_000_000
		r.SalaryMinJPY, r.SalaryMaxJPY = yen(lo), yen(lo+int64(rng.IntN(4))*1_000_000)
	}
	if rng.IntN(2) == 0 {
		r.StartDate = datePtr(2026, time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
	}
	if rng.IntN(4) == 0 {
		r.Deadline = datePtr(2026, time.Month(10+rng.IntN(3)), 1+rng.IntN(28))
	}
	r.Openings = 1 + rng.IntN(3)
	return r
}

func pick[T any](rng *rand.Rand, from []T) T { return from[rng.IntN(len(from))] }
