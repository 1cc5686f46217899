package matching_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/matching"
	"github.com/setubashi/setubashi/backend/talent"
)

// TestHSPSalaryAndAgeBands checks hand-computed totals (age points plus
// salary points, no degree) at every band edge of both tables.
func TestHSPSalaryAndAgeBands(t *testing.T) {
	salaries := []int64{2_999_999, 3_000_000, 3_999_999, 4_000_000, 4_999_999, 5_000_000, 5_999_999, 6_000_000,
		6_999_999, 7_000_000, 7_999_999, 8_000_000, 8_999_999, 9_000_000, 9_999_999, 10_000_000}
	totals := map[int][]int{
		29: {15, 15, 15, 25, 25, 30, 30, 35, 35, 40, 40, 45, 45, 50, 50, 55},
		30: {10, 10, 10, 10, 10, 25, 25, 30, 30, 35, 35, 40, 40, 45, 45, 50},
		34: {10, 10, 10, 10, 10, 25, 25, 30, 30, 35, 35, 40, 40, 45, 45, 50},
		35: {5, 5, 5, 5, 5, 5, 5, 25, 25, 30, 30, 35, 35, 40, 40, 45},
		39: {5, 5, 5, 5, 5, 5, 5, 25, 25, 30, 30, 35, 35, 40, 40, 45},
		40: {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 30, 30, 35, 35, 40},
	}
	for age, want := range totals {
		for i, salary := range salaries {
			res := matching.AssessHSP(matching.HSPInput{Degree: "none", Age: age, AnnualSalaryJPY: salary})
			if res.Points != want[i] {
				t.Errorf("age %d, salary %d: %d points, want %d (%+v)", age, salary, res.Points, want[i], res.Breakdown)
			}
		}
	}
	// Ages far from the edges, and the 100-year limit.
	for age, want := range map[int]int{15: 15, 100: 0} {
		if got := matching.AssessHSP(matching.HSPInput{Degree: "none", Age: age}).Points; got != want {
			t.Errorf("age %d: %d", age, got)
		}
	}
}

func TestHSPItems(t *testing.T) {
	base := matching.HSPInput{Degree: "none", Age: 45, AnnualSalaryJPY: 3_500_000} // 0 points
	cases := []struct {
		name   string
		change func(*matching.HSPInput)
		points int
		items  []string
	}{
		{"doctorate", func(in *matching.HSPInput) { in.Degree = "doctorate" }, 30, []string{"degree_doctorate"}},
		{"MBA or MOT", func(in *matching.HSPInput) { in.Degree = "mba_mot" }, 25, []string{"degree_mba_mot"}},
		{"master", func(in *matching.HSPInput) { in.Degree = "master" }, 20, []string{"degree_master"}},
		{"bachelor", func(in *matching.HSPInput) { in.Degree = "bachelor" }, 10, []string{"degree_bachelor"}},
		{"master in two fields", func(in *matching.HSPInput) { in.Degree, in.MultipleDegrees = "master", true }, 25, []string{"degree_master", "multiple_degrees"}},
		{"two fields without a degree", func(in *matching.HSPInput) { in.MultipleDegrees = true }, 0, nil},
		{"bachelor in two fields", func(in *matching.HSPInput) { in.Degree, in.MultipleDegrees = "bachelor", true }, 10, []string{"degree_bachelor"}},
		{"doctorate in two fields", func(in *matching.HSPInput) { in.Degree, in.MultipleDegrees = "doctorate", true }, 35, []string{"degree_doctorate", "multiple_degrees"}},
		{"two kinds of research", func(in *matching.HSPInput) { in.ResearchAchievementKinds = intPtr(2) }, 15, []string{"research_achievements"}},
		{"JICA training", func(in *matching.HSPInput) { in.JICATraining = true }, 5, []string{"jica_training"}},
		{"2 years", func(in *matching.HSPInput) { in.ExperienceYears = 2 }, 0, nil},
		{"3 years", func(in *matching.HSPInput) { in.ExperienceYears = 3 }, 5, []string{"experience_3_4"}},
		{"4 years", func(in *matching.HSPInput) { in.ExperienceYears = 4 }, 5, []string{"experience_3_4"}},
		{"5 years", func(in *matching.HSPInput) { in.ExperienceYears = 5 }, 10, []string{"experience_5_6"}},
		{"6 years", func(in *matching.HSPInput) { in.ExperienceYears = 6 }, 10, []string{"experience_5_6"}},
		{"7 years", func(in *matching.HSPInput) { in.ExperienceYears = 7 }, 15, []string{"experience_7_9"}},
		{"9 years", func(in *matching.HSPInput) { in.ExperienceYears = 9 }, 15, []string{"experience_7_9"}},
		{"10 years", func(in *matching.HSPInput) { in.ExperienceYears = 10 }, 20, []string{"experience_10_plus"}},
		{"research", func(in *matching.HSPInput) { in.ResearchAchievements = true }, 15, []string{"research_achievements"}},
		{"one qualification", func(in *matching.HSPInput) { in.Qualifications = 1 }, 5, []string{"qualifications_one"}},
		{"two qualifications", func(in *matching.HSPInput) { in.Qualifications = 2 }, 10, []string{"qualifications_two_or_more"}},
		{"five qualifications", func(in *matching.HSPInput) { in.Qualifications = 5 }, 10, []string{"qualifications_two_or_more"}},
		{"innovation support", func(in *matching.HSPInput) { in.EmployerInnovationSupport = true }, 10, []string{"employer_innovation_support"}},
		{"innovation support at an SME", func(in *matching.HSPInput) { in.EmployerInnovationSupport, in.EmployerSME = true, true }, 20, []string{"employer_innovation_support", "employer_sme"}},
		{"an SME alone", func(in *matching.HSPInput) { in.EmployerSME = true }, 0, nil},
		{"R&D over 3% at an SME", func(in *matching.HSPInput) { in.EmployerSME, in.SMERDOver3Percent = true, true }, 5, []string{"sme_rd_over_3_percent"}},
		{"R&D over 3% elsewhere", func(in *matching.HSPInput) { in.SMERDOver3Percent = true }, 0, nil},
		{"everything of the employer", func(in *matching.HSPInput) {
			in.EmployerInnovationSupport, in.EmployerSME, in.SMERDOver3Percent = true, true, true
		}, 25, []string{"employer_innovation_support", "employer_sme", "sme_rd_over_3_percent"}},
		{"foreign qualification", func(in *matching.HSPInput) { in.ForeignQualification = true }, 5, []string{"foreign_qualification"}},
		{"Japanese university", func(in *matching.HSPInput) { in.JapaneseUniversityDegree = true }, 10, []string{"japanese_university_degree"}},
		{"N1", func(in *matching.HSPInput) { in.JLPT = "N1" }, 15, []string{"jlpt_n1"}},
		{"N2", func(in *matching.HSPInput) { in.JLPT = "N2" }, 10, []string{"jlpt_n2"}},
		{"N3", func(in *matching.HSPInput) { in.JLPT = "N3" }, 0, nil},
		{"N1 combines with a Japanese degree", func(in *matching.HSPInput) { in.JLPT, in.JapaneseUniversityDegree = "N1", true }, 25, []string{"japanese_university_degree", "jlpt_n1"}},
		{"N2 does not combine with a Japanese degree", func(in *matching.HSPInput) { in.JLPT, in.JapaneseUniversityDegree = "N2", true }, 10, []string{"japanese_university_degree"}},
		{"growth field", func(in *matching.HSPInput) { in.GrowthFieldProject = true }, 10, []string{"growth_field_project"}},
		{"top university", func(in *matching.HSPInput) { in.TopUniversity = true }, 10, []string{"top_university"}},
	}
	for _, c := range cases {
		in := base
		c.change(&in)
		res := matching.AssessHSP(in)
		var items []string
		for _, it := range res.Breakdown {
			items = append(items, it.Item)
		}
		if res.Points != c.points || !slices.Equal(items, c.items) {
			t.Errorf("%s: %d points %v, want %d %v", c.name, res.Points, items, c.points, c.items)
		}
	}
}

func TestHSPEverythingAtOnce(t *testing.T) {
	in := matching.HSPInput{
		Degree: "doctorate", MultipleDegrees: true, ExperienceYears: 7, Age: 32, AnnualSalaryJPY: 8_500_000,
		ResearchAchievements: true, Qualifications: 2, EmployerInnovationSupport: true, EmployerSME: true, SMERDOver3Percent: true,
		ForeignQualification: true, JapaneseUniversityDegree: true, JLPT: "N1", GrowthFieldProject: true, TopUniversity: true,
	}
	res := matching.AssessHSP(in)
	want := []talent.HSPItem{
		{Item: "degree_doctorate", Points: 30}, {Item: "multiple_degrees", Points: 5}, {Item: "experience_7_9", Points: 15},
		{Item: "age_30_34", Points: 10}, {Item: "annual_salary", Points: 30}, {Item: "research_achievements", Points: 15},
		{Item: "qualifications_two_or_more", Points: 10}, {Item: "employer_innovation_support", Points: 10}, {Item: "employer_sme", Points: 10},
		{Item: "sme_rd_over_3_percent", Points: 5}, {Item: "foreign_qualification", Points: 5}, {Item: "japanese_university_degree", Points: 10},
		{Item: "jlpt_n1", Points: 15}, {Item: "growth_field_project", Points: 10}, {Item: "top_university", Points: 10},
	}
	if res.Points != 190 || !slices.Equal(res.Breakdown, want) || !res.Eligible || !res.FastTrack {
		t.Errorf("%d points %+v", res.Points, res.Breakdown)
	}
}

func TestHSPThresholdsAndSalaryFloor(t *testing.T) {
	// master 20 + under 30 15 + ¥6M at 29 20 = 55.
	base := matching.HSPInput{Degree: "master", Age: 29, AnnualSalaryJPY: 6_000_000}
	cases := []struct {
		name                string
		change              func(*matching.HSPInput)
		points              int
		eligible, fastTrack bool
		verdict             string
	}{
		{"65", func(in *matching.HSPInput) { in.GrowthFieldProject = true }, 65, false, false, "hsp.not_eligible"},
		{"70", func(in *matching.HSPInput) { in.ResearchAchievements = true }, 70, true, false, "hsp.eligible"},
		{"75", func(in *matching.HSPInput) { in.ResearchAchievements, in.ExperienceYears = true, 3 }, 75, true, false, "hsp.eligible"},
		{"80", func(in *matching.HSPInput) { in.ResearchAchievements, in.ExperienceYears = true, 5 }, 80, true, true, "hsp.eligible"},
		{"90 at ¥2,999,999", func(in *matching.HSPInput) {
			in.Degree, in.ExperienceYears, in.ResearchAchievements, in.AnnualSalaryJPY, in.TopUniversity = "doctorate", 10, true, 2_999_999, true
		}, 90, false, false, "hsp.salary_floor"},
		{"90 at ¥3,000,000", func(in *matching.HSPInput) {
			in.Degree, in.ExperienceYears, in.ResearchAchievements, in.AnnualSalaryJPY, in.TopUniversity = "doctorate", 10, true, 3_000_000, true
		}, 90, true, true, "hsp.eligible"},
	}
	for _, c := range cases {
		in := base
		c.change(&in)
		res := matching.AssessHSP(in)
		ids := reasonIDs(res.Reasons)
		if res.Points != c.points || res.Eligible != c.eligible || res.FastTrack != c.fastTrack || !slices.Contains(ids, c.verdict) ||
			slices.Contains(ids, "hsp.fast_track") != c.fastTrack {
			t.Errorf("%s: %d points eligible %v fast %v reasons %v", c.name, res.Points, res.Eligible, res.FastTrack, ids)
		}
	}
	res := matching.AssessHSP(matching.HSPInput{Degree: "master", Age: 29, AnnualSalaryJPY: 6_000_000})
	if res.Reasons[0].ID != "hsp.scored" || res.Reasons[0].Args["Item"] != (talent.Term{Set: "hsp.item", Code: "degree_master"}) || res.Reasons[0].Args["Points"] != 20 {
		t.Errorf("first reason %+v", res.Reasons[0])
	}
}

func TestJSkip(t *testing.T) {
	cases := []struct {
		degree  string
		years   int
		salary  int64
		want    bool
		reasons []string
	}{
		{"master", 0, 20_000_000, true, []string{"hsp.j_skip.met_degree"}},
		{"master", 0, 19_999_999, false, []string{"hsp.j_skip.needs_salary"}},
		{"mba_mot", 0, 20_000_000, true, []string{"hsp.j_skip.met_degree"}},
		{"doctorate", 0, 25_000_000, true, []string{"hsp.j_skip.met_degree"}},
		{"bachelor", 9, 20_000_000, false, []string{"hsp.j_skip.needs_degree"}},
		{"bachelor", 10, 20_000_000, true, []string{"hsp.j_skip.met_experience"}},
		{"none", 12, 30_000_000, true, []string{"hsp.j_skip.met_experience"}},
		{"bachelor", 2, 5_000_000, false, []string{"hsp.j_skip.needs_degree", "hsp.j_skip.needs_salary"}},
	}
	for _, c := range cases {
		res := matching.AssessHSP(matching.HSPInput{Degree: c.degree, ExperienceYears: c.years, Age: 41, AnnualSalaryJPY: c.salary})
		if got := filterPrefix(reasonIDs(res.Reasons), "hsp.j_skip."); res.JSkip != c.want || !slices.Equal(got, c.reasons) || c.want && !res.FastTrack {
			t.Errorf("%s, %d years, ¥%d: j_skip %v %v", c.degree, c.years, c.salary, res.JSkip, got)
		}
	}
}

func TestJFind(t *testing.T) {
	ok := func() matching.HSPInput {
		return matching.HSPInput{Degree: "bachelor", Age: 24, AnnualSalaryJPY: 0, UniversityTop100Rankings: 2, YearsSinceGraduation: intPtr(5), SavingsJPY: yen(200_000)}
	}
	cases := []struct {
		name    string
		change  func(*matching.HSPInput)
		want    bool
		reasons []string
	}{
		{"all met at the edges", func(*matching.HSPInput) {}, true, []string{"hsp.j_find.met"}},
		{"three rankings", func(in *matching.HSPInput) { in.UniversityTop100Rankings = 3 }, true, []string{"hsp.j_find.met"}},
		{"one ranking", func(in *matching.HSPInput) { in.UniversityTop100Rankings = 1 }, false, []string{"hsp.j_find.needs_rankings"}},
		{"six years ago", func(in *matching.HSPInput) { in.YearsSinceGraduation = intPtr(6) }, false, []string{"hsp.j_find.needs_recent"}},
		{"graduation not given", func(in *matching.HSPInput) { in.YearsSinceGraduation = nil }, false, []string{"hsp.j_find.needs_recent"}},
		{"¥199,999 saved", func(in *matching.HSPInput) { in.SavingsJPY = yen(199_999) }, false, []string{"hsp.j_find.needs_savings"}},
		{"savings not given", func(in *matching.HSPInput) { in.SavingsJPY = nil }, false, []string{"hsp.j_find.needs_savings"}},
		{"no degree", func(in *matching.HSPInput) { in.Degree = "none" }, false, []string{"hsp.j_find.needs_degree"}},
		{"a doctorate", func(in *matching.HSPInput) { in.Degree = "doctorate" }, true, []string{"hsp.j_find.met"}},
	}
	for _, c := range cases {
		in := ok()
		c.change(&in)
		res := matching.AssessHSP(in)
		if got := filterPrefix(reasonIDs(res.Reasons), "hsp.j_find."); res.JFind != c.want || !slices.Equal(got, c.reasons) {
			t.Errorf("%s: j_find %v %v", c.name, res.JFind, got)
		}
	}
}

func filterPrefix(ids []string, prefix string) []string {
	var out []string
	for _, id := range ids {
		if len(id) >= len(prefix) && id[:len(prefix)] == prefix {
			out = append(out, id)
		}
	}
	return out
}

func TestWhatWouldLift(t *testing.T) {
	// master 20 + 3 years 5 + under 30 15 + ¥7M 25 + N2 10 = 75.
	in := matching.HSPInput{Degree: "master", Age: 28, AnnualSalaryJPY: 7_000_000, ExperienceYears: 3, JLPT: "N2"}
	lifts := matching.WhatWouldLift(in)
	byChange := map[string]talent.HSPLift{}
	for _, l := range lifts {
		byChange[l.Change] = l
		if l.Total != 75+l.Points || l.Points <= 0 {
			t.Errorf("%+v", l)
		}
	}
	if l := byChange["jlpt_n1"]; l.Points != 5 || l.Reaches != 80 || l.Reason.ID != "hsp.lift.jlpt" || l.Reason.Args["Level"] != (talent.Term{Set: "jlpt", Code: "N1"}) {
		t.Errorf("N1: %+v", l)
	}
	if l := byChange["salary"]; l.Points != 5 || l.Reason.Args["Salary"] != talent.Yen(8_000_000) {
		t.Errorf("salary: %+v", l)
	}
	if l := byChange["experience"]; l.Points != 5 || l.Reason.Args["Count"] != 5 {
		t.Errorf("experience: %+v", l)
	}
	if _, ok := byChange["jlpt_n2"]; ok {
		t.Errorf("N2 suggested to someone who has it")
	}
	if lifts[0].Change != "research_achievements" || lifts[0].Points != 15 {
		t.Errorf("the biggest lift first: %+v", lifts[0])
	}

	// 35 points: no salary reaches 70, so the next band is suggested.
	low := matching.HSPInput{Degree: "bachelor", Age: 31, AnnualSalaryJPY: 5_500_000}
	for _, l := range matching.WhatWouldLift(low) {
		if l.Change == "salary" && (l.Reason.Args["Salary"] != talent.Yen(6_000_000) || l.Points != 5) {
			t.Errorf("next band: %+v", l)
		}
	}
	// 65 points: the lowest salary reaching 70 is ¥7M (+5), not ¥6M.
	near := matching.HSPInput{Degree: "master", Age: 29, AnnualSalaryJPY: 6_500_000, GrowthFieldProject: true}
	for _, l := range matching.WhatWouldLift(near) {
		if l.Change == "salary" && (l.Reason.Args["Salary"] != talent.Yen(7_000_000) || l.Reaches != 70) {
			t.Errorf("salary reaching 70: %+v", l)
		}
	}
	// With a Japanese degree N2 adds nothing.
	for _, l := range matching.WhatWouldLift(matching.HSPInput{Degree: "master", Age: 29, AnnualSalaryJPY: 4_000_000, JapaneseUniversityDegree: true}) {
		if l.Change == "jlpt_n2" {
			t.Errorf("N2 with a Japanese degree: %+v", l)
		}
	}
	// Under the salary floor, that comes first.
	floor := matching.WhatWouldLift(matching.HSPInput{Degree: "doctorate", Age: 29, AnnualSalaryJPY: 2_000_000, ExperienceYears: 10, ResearchAchievements: true})
	if floor[0].Change != "salary_floor" || floor[0].Reason.Args["Floor"] != talent.Yen(3_000_000) || floor[0].Reaches != 80 {
		t.Errorf("floor: %+v", floor[0])
	}
	// On the fast track already: nothing to add.
	if l := matching.WhatWouldLift(matching.HSPInput{Degree: "doctorate", Age: 29, AnnualSalaryJPY: 10_000_000}); l == nil || len(l) != 0 {
		t.Errorf("fast track: %+v", l)
	}
}

func TestHSPInputFromProfile(t *testing.T) {
	p := baseProfile()
	p.DateOfBirth = datePtr(1997, time.December, 1)
	p.Papers, p.JLPTLevel = 3, "N2"
	in, err := matching.HSPInputFromProfile(p, matching.HSPSpecialisedTechnical, 7_000_000, today)
	if err != nil {
		t.Fatal(err)
	}
	if in.Degree != "master" || !in.MultipleDegrees || in.ExperienceYears != 4 || in.Age != 28 || in.AnnualSalaryJPY != 7_000_000 ||
		in.ResearchAchievementKinds == nil || *in.ResearchAchievementKinds != 1 || in.JLPT != "N2" ||
		in.YearsSinceGraduation == nil || *in.YearsSinceGraduation != 5 || in.Validate() != nil {
		t.Errorf("%+v", in)
	}
	// A patent and three papers are two kinds of research achievement:
	// 25 points in (i)(a).
	p.Patents = 1
	in, _ = matching.HSPInputFromProfile(p, matching.HSPAcademicResearch, 5_000_000, today)
	if res := matching.AssessHSP(in); res.Category != matching.HSPAcademicResearch || !slices.ContainsFunc(res.Breakdown, func(it talent.HSPItem) bool {
		return it.Item == "research_achievements_two_kinds" && it.Points == 25
	}) {
		t.Errorf("(i)(a) from a profile: %+v", res)
	}
	p.DateOfBirth = nil
	_, err = matching.HSPInputFromProfile(p, matching.HSPSpecialisedTechnical, 7_000_000, today)
	prob, ok := talent.AsProblem(err)
	if !ok || len(prob.Fields) != 1 || prob.Fields[0].Field != "date_of_birth" {
		t.Errorf("missing data: %v", err)
	}
}

func TestHSPTableSource(t *testing.T) {
	if src := matching.HSPTableSource(matching.HSPAcademicResearch); !strings.Contains(src.Table, "(i)(a)") || src.EffectiveFrom != talent.NewDate(2017, time.April, 26) {
		t.Errorf("(i)(a): %+v", src)
	}
	src := matching.HSPTableSource("")
	if !strings.Contains(src.Table, "(i)(b)") || src.Source == "" || src.EffectiveFrom != talent.NewDate(2017, time.April, 26) || src.JSkipJFindEffectiveFrom != talent.NewDate(2023, time.April, 21) {
		t.Errorf("%+v", src)
	}
}

// randomHSPInput returns a valid input.
func randomHSPInput(rng *rand.Rand) matching.HSPInput {
	in := matching.HSPInput{
		Degree: pick(rng, matching.HSPDegrees), MultipleDegrees: rng.IntN(2) == 0, ExperienceYears: rng.IntN(15),
		Age: 15 + rng.IntN(86), AnnualSalaryJPY: int64(rng.IntN(25)) * 1_000_000, ResearchAchievements: rng.IntN(2) == 0,
		Qualifications: rng.IntN(4), EmployerInnovationSupport: rng.IntN(2) == 0, EmployerSME: rng.IntN(2) == 0,
		SMERDOver3Percent: rng.IntN(2) == 0, ForeignQualification: rng.IntN(2) == 0, JapaneseUniversityDegree: rng.IntN(2) == 0,
		JLPT: pick(rng, matching.HSPJLPTLevels), GrowthFieldProject: rng.IntN(2) == 0, TopUniversity: rng.IntN(2) == 0,
		UniversityTop100Rankings: rng.IntN(4),
	}
	if rng.IntN(2) == 0 {
		in.YearsSinceGraduation = intPtr(rng.IntN(10))
		in.SavingsJPY = yen(int64(rng.IntN(400_000)))
	}
	return in
}
