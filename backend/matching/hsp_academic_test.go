package matching_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/setubashi/setubashi/backend/matching"
	"github.com/setubashi/setubashi/backend/talent"
)

// academic is an (i)(a) input worth 0 points: 45 years old, no degree, a
// salary under every band (and under the (i)(b) floor, which (i)(a) lacks).
func academic() matching.HSPInput {
	return matching.HSPInput{Category: matching.HSPAcademicResearch, Degree: "none", Age: 45, AnnualSalaryJPY: 2_000_000}
}

// TestHSPAcademicResearchTable checks the (i)(a) table item by item at every
// band edge, against DOMAIN.md's table.
func TestHSPAcademicResearchTable(t *testing.T) {
	cases := []struct {
		name   string
		change func(*matching.HSPInput)
		points int
		items  []string
	}{
		{"nothing", func(*matching.HSPInput) {}, 0, nil},
		{"doctorate", func(in *matching.HSPInput) { in.Degree = "doctorate" }, 30, []string{"degree_doctorate"}},
		{"MBA counts as a master's", func(in *matching.HSPInput) { in.Degree = "mba_mot" }, 20, []string{"degree_master"}},
		{"master", func(in *matching.HSPInput) { in.Degree = "master" }, 20, []string{"degree_master"}},
		{"bachelor", func(in *matching.HSPInput) { in.Degree = "bachelor" }, 10, []string{"degree_bachelor"}},
		{"two master's degrees", func(in *matching.HSPInput) { in.Degree, in.MultipleDegrees = "master", true }, 25, []string{"degree_master", "multiple_degrees"}},
		{"a bachelor's in two fields: no bonus", func(in *matching.HSPInput) { in.Degree, in.MultipleDegrees = "bachelor", true }, 10, []string{"degree_bachelor"}},
		{"2 years of research", func(in *matching.HSPInput) { in.ExperienceYears = 2 }, 0, nil},
		{"3 years of research", func(in *matching.HSPInput) { in.ExperienceYears = 3 }, 5, []string{"research_experience_3_4"}},
		{"4 years of research", func(in *matching.HSPInput) { in.ExperienceYears = 4 }, 5, []string{"research_experience_3_4"}},
		{"5 years of research", func(in *matching.HSPInput) { in.ExperienceYears = 5 }, 10, []string{"research_experience_5_6"}},
		{"6 years of research", func(in *matching.HSPInput) { in.ExperienceYears = 6 }, 10, []string{"research_experience_5_6"}},
		{"7 years of research", func(in *matching.HSPInput) { in.ExperienceYears = 7 }, 15, []string{"research_experience_7_plus"}},
		{"12 years of research: the top band is 7+", func(in *matching.HSPInput) { in.ExperienceYears = 12 }, 15, []string{"research_experience_7_plus"}},
		{"age 29", func(in *matching.HSPInput) { in.Age = 29 }, 15, []string{"age_under_30"}},
		{"age 30", func(in *matching.HSPInput) { in.Age = 30 }, 10, []string{"age_30_34"}},
		{"age 34", func(in *matching.HSPInput) { in.Age = 34 }, 10, []string{"age_30_34"}},
		{"age 35", func(in *matching.HSPInput) { in.Age = 35 }, 5, []string{"age_35_39"}},
		{"age 39", func(in *matching.HSPInput) { in.Age = 39 }, 5, []string{"age_35_39"}},
		{"age 40", func(in *matching.HSPInput) { in.Age = 40 }, 0, nil},
		{"salary ¥8,000,000 at 45", func(in *matching.HSPInput) { in.AnnualSalaryJPY = 8_000_000 }, 30, []string{"annual_salary"}},
		{"salary ¥7,999,999 at 45", func(in *matching.HSPInput) { in.AnnualSalaryJPY = 7_999_999 }, 0, nil},
		{"research achievements (flag only): one kind", func(in *matching.HSPInput) { in.ResearchAchievements = true }, 20, []string{"research_achievements_one_kind"}},
		{"research achievements of 1 kind", func(in *matching.HSPInput) { in.ResearchAchievementKinds = intPtr(1) }, 20, []string{"research_achievements_one_kind"}},
		{"research achievements of 2 kinds", func(in *matching.HSPInput) { in.ResearchAchievementKinds = intPtr(2) }, 25, []string{"research_achievements_two_kinds"}},
		{"research achievements of 4 kinds", func(in *matching.HSPInput) { in.ResearchAchievementKinds = intPtr(4) }, 25, []string{"research_achievements_two_kinds"}},
		{"research achievements of 0 kinds", func(in *matching.HSPInput) { in.ResearchAchievementKinds = intPtr(0) }, 0, nil},
		{"qualifications are not an (i)(a) item", func(in *matching.HSPInput) { in.Qualifications = 2 }, 0, nil},
		{"JICA training", func(in *matching.HSPInput) { in.JICATraining = true }, 5, []string{"jica_training"}},
		{"innovation support at an SME", func(in *matching.HSPInput) { in.EmployerInnovationSupport, in.EmployerSME = true, true }, 20, []string{"employer_innovation_support", "employer_sme"}},
		{"N2 with a Japanese degree", func(in *matching.HSPInput) { in.JLPT, in.JapaneseUniversityDegree = "N2", true }, 10, []string{"japanese_university_degree"}},
		{"N1", func(in *matching.HSPInput) { in.JLPT = "N1" }, 15, []string{"jlpt_n1"}},
		{"top university and growth field", func(in *matching.HSPInput) { in.TopUniversity, in.GrowthFieldProject = true, true }, 20, []string{"growth_field_project", "top_university"}},
	}
	for _, c := range cases {
		in := academic()
		c.change(&in)
		res := matching.AssessHSP(in)
		var items []string
		for _, it := range res.Breakdown {
			items = append(items, it.Item)
		}
		if res.Points != c.points || !slices.Equal(items, c.items) || res.Category != matching.HSPAcademicResearch {
			t.Errorf("%s: %d points %v (%s), want %d %v", c.name, res.Points, items, res.Category, c.points, c.items)
		}
	}
}

// TestHSPAcademicNoSalaryFloor: a researcher paid under ¥3,000,000 can reach
// 70 points in (i)(a); the same input in (i)(b) is refused by the floor.
func TestHSPAcademicNoSalaryFloor(t *testing.T) {
	in := matching.HSPInput{Category: matching.HSPAcademicResearch, Degree: "doctorate", Age: 29, AnnualSalaryJPY: 2_400_000,
		ExperienceYears: 3, ResearchAchievementKinds: intPtr(2)} // 30 + 15 + 5 + 25 = 75
	res := matching.AssessHSP(in)
	if res.Points != 75 || !res.Eligible || res.FastTrack {
		t.Fatalf("(i)(a): %+v", res)
	}
	if !hasReason(res, "hsp.eligible") || hasReason(res, "hsp.salary_floor") {
		t.Errorf("(i)(a) reasons: %v", reasonIDs(res.Reasons))
	}
	in.Category = matching.HSPSpecialisedTechnical
	res = matching.AssessHSP(in) // 30 + 15 + 5 (experience 3-4) + 15 = 65, and under the floor
	if res.Eligible || !hasReason(res, "hsp.salary_floor") || res.Category != matching.HSPSpecialisedTechnical {
		t.Errorf("(i)(b): %+v", res)
	}
	if lifts := matching.WhatWouldLift(matching.HSPInput{Category: matching.HSPAcademicResearch, Degree: "master", Age: 31, AnnualSalaryJPY: 1}); slices.ContainsFunc(lifts, func(l talent.HSPLift) bool { return l.Change == "salary_floor" }) {
		t.Errorf("(i)(a) has no floor to lift: %+v", lifts)
	}
}

// TestHSPJSkipImpliesFastTrack: J-Skip is treated like 80 points, so the
// flags and the reasons agree whatever the table's total.
func TestHSPJSkipImpliesFastTrack(t *testing.T) {
	for _, category := range matching.HSPCategories {
		// 45 years old, a master's, ¥20,000,000: 20 + 40 = 60 points by the table.
		in := matching.HSPInput{Category: category, Degree: "master", Age: 45, AnnualSalaryJPY: 20_000_000}
		res := matching.AssessHSP(in)
		if !res.JSkip || !res.FastTrack || !res.Eligible || res.Points != 60 {
			t.Errorf("%s: %+v", category, res)
		}
		if !hasReason(res, "hsp.fast_track_j_skip") || !hasReason(res, "hsp.j_skip.met_degree") || hasReason(res, "hsp.not_eligible") {
			t.Errorf("%s: reasons %v", category, reasonIDs(res.Reasons))
		}
		if lifts := matching.WhatWouldLift(in); len(lifts) != 0 {
			t.Errorf("%s: J-Skip needs no lift: %+v", category, lifts)
		}
		in.AnnualSalaryJPY = 19_999_999
		if res := matching.AssessHSP(in); res.JSkip || res.FastTrack || hasReason(res, "hsp.fast_track_j_skip") {
			t.Errorf("%s under ¥20,000,000: %+v", category, res)
		}
	}
	// J-Skip by experience with a bachelor's degree.
	res := matching.AssessHSP(matching.HSPInput{Degree: "bachelor", Age: 50, AnnualSalaryJPY: 25_000_000, ExperienceYears: 10})
	if !res.JSkip || !res.FastTrack || !hasReason(res, "hsp.j_skip.met_experience") {
		t.Errorf("by experience: %+v", res)
	}
	// Above 80 by points and J-Skip: the ordinary verdict, no second one.
	res = matching.AssessHSP(matching.HSPInput{Degree: "doctorate", Age: 29, AnnualSalaryJPY: 20_000_000})
	if !res.FastTrack || !hasReason(res, "hsp.fast_track") || hasReason(res, "hsp.fast_track_j_skip") {
		t.Errorf("85 points and J-Skip: %v", reasonIDs(res.Reasons))
	}
}

// TestHSPJFindFlag: J-Find is its own status and does not touch the points
// verdict.
func TestHSPJFindFlag(t *testing.T) {
	in := matching.HSPInput{Degree: "bachelor", Age: 23, AnnualSalaryJPY: 0, UniversityTop100Rankings: 2,
		YearsSinceGraduation: intPtr(5), SavingsJPY: yen(200_000)}
	res := matching.AssessHSP(in)
	if !res.JFind || res.Eligible || res.FastTrack || res.JSkip || !hasReason(res, "hsp.j_find.met") {
		t.Errorf("J-Find at the edges: %+v", res)
	}
	in.YearsSinceGraduation = intPtr(6)
	if res := matching.AssessHSP(in); res.JFind || !hasReason(res, "hsp.j_find.needs_recent") {
		t.Errorf("6 years: %+v", res)
	}
}

func TestDecodeHSPInputCategoryAndKinds(t *testing.T) {
	in, err := matching.DecodeHSPInput(strings.NewReader(`{"category":"academic_research","degree":"doctorate","age":30,"annual_salary_jpy":0,"research_achievement_kinds":3,"jica_training":true}`))
	if err != nil || in.Category != matching.HSPAcademicResearch || in.ResearchAchievementKinds == nil || *in.ResearchAchievementKinds != 3 || !in.JICATraining {
		t.Fatalf("%+v %v", in, err)
	}
	if in, err := matching.DecodeHSPInput(strings.NewReader(`{"degree":"master","age":30,"annual_salary_jpy":1}`)); err != nil || matching.AssessHSP(in).Category != matching.HSPSpecialisedTechnical {
		t.Errorf("default category: %+v %v", in, err)
	}
	bad := map[string][2]string{
		`{"category":"researcher","degree":"master","age":30,"annual_salary_jpy":1}`:                                     {"category", "one_of"},
		`{"category":"","degree":"master","age":30,"annual_salary_jpy":1}`:                                               {"category", "one_of"},
		`{"degree":"master","age":30,"annual_salary_jpy":1,"research_achievement_kinds":5}`:                              {"research_achievement_kinds", "out_of_range"},
		`{"degree":"master","age":30,"annual_salary_jpy":1,"research_achievement_kinds":-1}`:                             {"research_achievement_kinds", "out_of_range"},
		`{"degree":"master","age":30,"annual_salary_jpy":1,"research_achievement_kinds":0,"research_achievements":true}`: {"research_achievement_kinds", "contradicts"},
		`{"degree":"master","age":30,"annual_salary_jpy":1,"jica_training":"yes"}`:                                       {"jica_training", "wrong_type"},
	}
	for body, want := range bad {
		_, err := matching.DecodeHSPInput(strings.NewReader(body))
		p, ok := talent.AsProblem(err)
		if !ok || len(p.Fields) != 1 || p.Fields[0].Field != want[0] || p.Fields[0].Code != want[1] {
			t.Errorf("%s: %v, want %s %s", body, err, want[0], want[1])
		}
	}
}

// hasReason reports whether an assessment gives the reason with message id.
func hasReason(res talent.HSPResult, id string) bool {
	return slices.Contains(reasonIDs(res.Reasons), id)
}
