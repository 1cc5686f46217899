package matching

import (
	"slices"

	"github.com/setubashi/setubashi/backend/talent"
)

// AssessHSP scores in against its category's points table
// (hsp_points.json) and decides eligibility, fast track, J-Skip and J-Find,
// with reasons: each item that scored (hsp.scored), the total (hsp.total),
// the verdict (hsp.eligible, hsp.not_eligible, hsp.fast_track,
// hsp.salary_floor, hsp.fast_track_j_skip), and why J-Skip and J-Find apply
// or what they lack (hsp.j_skip.*, hsp.j_find.*). J-Skip is treated like
// 80 points, so it gives the fast track whatever the total. It trusts in to
// be valid (see HSPInput.Validate).
func AssessHSP(in HSPInput) talent.HSPResult {
	tables := hspTables()
	t := tables.category(in.Category)
	res := talent.HSPResult{Category: in.category(), Breakdown: hspBreakdown(t, in)}
	for _, it := range res.Breakdown {
		res.Points += it.Points
	}
	salaryOK := in.AnnualSalaryJPY >= t.Thresholds.SalaryFloorJPY
	var skip explainer
	res.JSkip = jSkip(tables, in, &skip)
	res.Eligible = res.JSkip || salaryOK && res.Points >= t.Thresholds.Eligible
	res.FastTrack = res.JSkip || salaryOK && res.Points >= t.Thresholds.FastTrack
	var ex explainer
	for _, it := range res.Breakdown {
		ex.add("hsp.scored", "Item", hspItemTerm(it.Item), "Points", it.Points)
	}
	ex.add("hsp.total", "Points", res.Points)
	explainHSPVerdict(t, in, res, &ex)
	ex.reasons = append(ex.reasons, skip.take()...)
	res.JFind = jFind(tables, in, &ex)
	res.Reasons = ex.take()
	return res
}

// hspItemTerm is an item of the points table as a message argument.
func hspItemTerm(item string) talent.Term { return talent.Term{Set: "hsp.item", Code: item} }

// hspCategoryTerm is an HSP category as a message argument.
func hspCategoryTerm(category string) talent.Term {
	return talent.Term{Set: "hsp.category", Code: category}
}

// hspBreakdown lists the items in scores, applying the table's rules: only
// the highest degree counts; the multiple-degrees bonus needs the table's
// minimum degree (a master's) as the highest; research achievements are
// banded by how many kinds apply; the SME bonus needs innovation support
// too; R&D over 3% counts only for an SME; JLPT N2 does not combine with the
// Japanese-university-degree points; salary points depend on age.
func hspBreakdown(t *pointsTable, in HSPInput) []talent.HSPItem {
	var out []talent.HSPItem
	add := func(a award, ok bool) {
		if ok && a.Points > 0 {
			out = append(out, talent.HSPItem(a))
		}
	}
	band := func(rows []countAward, n int) {
		if i := slices.IndexFunc(rows, func(r countAward) bool { return n >= r.MinCount }); i >= 0 {
			add(rows[i].award, true)
		}
	}
	degree := talent.EducationRank(in.Degree)
	for _, d := range t.Degree {
		add(d.award, d.Degree == in.Degree)
	}
	add(t.MultipleDegrees.award, in.MultipleDegrees && degree >= 0 && degree >= talent.EducationRank(t.MultipleDegrees.MinDegree))
	if i := slices.IndexFunc(t.Experience, func(e yearsAward) bool { return in.ExperienceYears >= e.MinYears }); i >= 0 {
		add(t.Experience[i].award, true)
	}
	if i := slices.IndexFunc(t.Age, func(a ageAward) bool { return in.Age <= a.MaxAge }); i >= 0 {
		add(t.Age[i].award, true)
	}
	add(award{Item: t.Salary.Item, Points: salaryPoints(t.Salary, in.Age, in.AnnualSalaryJPY)}, true)
	band(t.ResearchAchievements, in.researchKinds())
	band(t.Qualifications, in.Qualifications)
	add(t.EmployerInnovationSupport, in.EmployerInnovationSupport)
	add(t.EmployerSME, in.EmployerInnovationSupport && in.EmployerSME)
	add(t.SMERDOver3Percent, in.EmployerSME && in.SMERDOver3Percent)
	add(t.ForeignQualification, in.ForeignQualification)
	add(t.JapaneseUniversityDegree, in.JapaneseUniversityDegree)
	for _, j := range t.JLPT {
		add(j.award, j.Level == in.jlptLevel() && (j.WithJapaneseUniversityDegree || !in.JapaneseUniversityDegree))
	}
	add(t.GrowthFieldProject, in.GrowthFieldProject)
	add(t.TopUniversity, in.TopUniversity)
	add(t.JICATraining, in.JICATraining)
	return out
}

// salaryPoints looks up the salary table in the column of age.
func salaryPoints(t *salaryTable, age int, salary int64) int {
	column := len(t.ColumnMaxAges)
	if i := slices.IndexFunc(t.ColumnMaxAges, func(maxAge int) bool { return age <= maxAge }); i >= 0 {
		column = i
	}
	for _, row := range t.Rows {
		if salary >= row.MinJPY {
			return row.Points[column]
		}
	}
	return 0
}

// explainHSPVerdict says whether the points and salary make the candidate
// eligible in the category, and whether for the fast track (by points, or
// by J-Skip, which is treated like 80 points).
func explainHSPVerdict(t *pointsTable, in HSPInput, res talent.HSPResult, ex *explainer) {
	th := t.Thresholds
	category := hspCategoryTerm(res.Category)
	switch {
	case res.JSkip && (res.Points < th.FastTrack || in.AnnualSalaryJPY < th.SalaryFloorJPY):
		ex.add("hsp.fast_track_j_skip", "Points", res.Points, "Threshold", th.FastTrack)
		return
	case in.AnnualSalaryJPY < th.SalaryFloorJPY:
		ex.add("hsp.salary_floor", "Salary", talent.Yen(in.AnnualSalaryJPY), "Floor", talent.Yen(th.SalaryFloorJPY))
	case res.Points >= th.Eligible:
		ex.add("hsp.eligible", "Points", res.Points, "Threshold", th.Eligible, "Category", category)
	default:
		ex.add("hsp.not_eligible", "Points", res.Points, "Threshold", th.Eligible, "Category", category)
	}
	if res.FastTrack {
		ex.add("hsp.fast_track", "Threshold", th.FastTrack)
	}
}

// jSkip decides J-Skip and explains it: hsp.j_skip.met_degree or
// met_experience, else what is missing (needs_degree, needs_salary).
func jSkip(t *pointsTables, in HSPInput, ex *explainer) bool {
	r := t.JSkip
	byDegree := slices.Contains(r.Degrees, in.Degree)
	byExperience := in.ExperienceYears >= r.MinExperienceYears
	salaryOK := in.AnnualSalaryJPY >= r.MinSalaryJPY
	minSalary := talent.Yen(r.MinSalaryJPY)
	switch {
	case salaryOK && byDegree:
		ex.add("hsp.j_skip.met_degree", "Min", minSalary)
	case salaryOK && byExperience:
		ex.add("hsp.j_skip.met_experience", "Years", r.MinExperienceYears, "Min", minSalary)
	default:
		if !byDegree && !byExperience {
			ex.add("hsp.j_skip.needs_degree", "Years", r.MinExperienceYears)
		}
		if !salaryOK {
			ex.add("hsp.j_skip.needs_salary", "Min", minSalary)
		}
	}
	return salaryOK && (byDegree || byExperience)
}

// jFind decides J-Find and explains it: hsp.j_find.met, else each condition
// missing (needs_degree, needs_rankings, needs_recent, needs_savings). Years
// since graduation and savings that were not given count as not met.
func jFind(t *pointsTables, in HSPInput, ex *explainer) bool {
	r := t.JFind
	degree := talent.EducationRank(in.Degree)
	checks := []struct {
		ok   bool
		id   string
		args []any
	}{
		{degree >= 0 && degree >= talent.EducationRank(r.MinDegree), "hsp.j_find.needs_degree", nil},
		{in.UniversityTop100Rankings >= r.MinRankings, "hsp.j_find.needs_rankings", []any{"Top", r.RankingTop, "Min", r.MinRankings}},
		{in.YearsSinceGraduation != nil && *in.YearsSinceGraduation <= r.MaxYearsSinceGraduation, "hsp.j_find.needs_recent", []any{"Years", r.MaxYearsSinceGraduation}},
		{in.SavingsJPY != nil && *in.SavingsJPY >= r.MinSavingsJPY, "hsp.j_find.needs_savings", []any{"Min", talent.Yen(r.MinSavingsJPY)}},
	}
	met := true
	for _, c := range checks {
		if !c.ok {
			met = false
			ex.add(c.id, c.args...)
		}
	}
	if met {
		ex.add("hsp.j_find.met", "Years", r.MaxYearsSinceGraduation)
	}
	return met
}
