package matching

import (
	"cmp"
	"slices"
	"strings"

	"github.com/setubashi/setubashi/backend/talent"
)

// lever is one change to try: the changed input and how to explain it.
type lever struct {
	change string
	in     HSPInput
	reason func(points, total int) talent.Reason
}

// WhatWouldLift lists single changes that would raise in's points, most
// points first (ties by Change): passing a JLPT level, more qualifications,
// research achievements, a foreign qualification, a growth-field project, an
// employer with innovation support, the next band of experience, and the
// salary that reaches the next threshold (or, if none does, the next salary
// band). A salary under the floor comes first, since no points count
// without it. It returns an empty list for someone already on the fast
// track. Messages: hsp.lift.jlpt, qualifications, experience, salary, item,
// salary_floor.
func WhatWouldLift(in HSPInput) []talent.HSPLift {
	t := hspTables().category(in.Category)
	current := AssessHSP(in)
	lifts := []talent.HSPLift{}
	if current.FastTrack {
		return lifts
	}
	for _, lv := range levers(t, in, current.Points) {
		after := AssessHSP(lv.in)
		if gain := after.Points - current.Points; gain > 0 {
			lifts = append(lifts, talent.HSPLift{Change: lv.change, Points: gain, Total: after.Points, Reaches: reached(t, after), Reason: lv.reason(gain, after.Points)})
		}
	}
	slices.SortFunc(lifts, func(a, b talent.HSPLift) int {
		return cmp.Or(cmp.Compare(b.Points, a.Points), cmp.Compare(a.Change, b.Change))
	})
	if floor := t.Thresholds.SalaryFloorJPY; floor > 0 && in.AnnualSalaryJPY < floor {
		raised := in
		raised.AnnualSalaryJPY = floor
		after := AssessHSP(raised)
		first := talent.HSPLift{Change: "salary_floor", Points: after.Points - current.Points, Total: after.Points, Reaches: reached(t, after),
			Reason: newReason("hsp.lift.salary_floor", "Floor", talent.Yen(floor))}
		lifts = append([]talent.HSPLift{first}, lifts...)
	}
	return lifts
}

// reached returns the highest threshold an assessment reaches, 0 if none.
func reached(t *pointsTable, res talent.HSPResult) int {
	switch {
	case res.FastTrack:
		return t.Thresholds.FastTrack
	case res.Eligible:
		return t.Thresholds.Eligible
	}
	return 0
}

// levers returns the changes worth trying for in.
func levers(t *pointsTable, in HSPInput, points int) []lever {
	var out []lever
	try := func(change string, set func(*HSPInput), reason func(points, total int) talent.Reason) {
		changed := in
		set(&changed)
		out = append(out, lever{change: change, in: changed, reason: reason})
	}
	for _, level := range []string{"N2", "N1"} {
		if talent.JLPTRank(in.jlptLevel()) < talent.JLPTRank(level) {
			try("jlpt_"+strings.ToLower(level), func(c *HSPInput) { c.JLPT = level }, func(p, tot int) talent.Reason {
				return newReason("hsp.lift.jlpt", "Level", jlptTerm(level), "Points", p, "Total", tot)
			})
		}
	}
	for _, q := range t.Qualifications {
		if in.Qualifications < q.MinCount {
			try(q.Item, func(c *HSPInput) { c.Qualifications = q.MinCount }, func(p, tot int) talent.Reason {
				return newReason("hsp.lift.qualifications", "Count", q.MinCount, "Points", p, "Total", tot)
			})
		}
	}
	for _, r := range t.ResearchAchievements {
		if in.researchKinds() < r.MinCount {
			kinds := r.MinCount
			try(r.Item, func(c *HSPInput) { c.ResearchAchievementKinds = &kinds }, func(p, tot int) talent.Reason {
				return newReason("hsp.lift.item", "Item", hspItemTerm(r.Item), "Points", p, "Total", tot)
			})
		}
	}
	flags := []struct {
		a   award
		has bool
		set func(*HSPInput)
	}{
		{t.ForeignQualification, in.ForeignQualification, func(c *HSPInput) { c.ForeignQualification = true }},
		{t.GrowthFieldProject, in.GrowthFieldProject, func(c *HSPInput) { c.GrowthFieldProject = true }},
		{t.EmployerInnovationSupport, in.EmployerInnovationSupport, func(c *HSPInput) { c.EmployerInnovationSupport = true }},
	}
	for _, f := range flags {
		if !f.has {
			try(f.a.Item, f.set, func(p, tot int) talent.Reason {
				return newReason("hsp.lift.item", "Item", hspItemTerm(f.a.Item), "Points", p, "Total", tot)
			})
		}
	}
	// The next band of experience: bands run from the highest down.
	for i := len(t.Experience) - 1; i >= 0; i-- {
		if years := t.Experience[i].MinYears; years > in.ExperienceYears {
			try("experience", func(c *HSPInput) { c.ExperienceYears = years }, func(p, tot int) talent.Reason {
				return newReason("hsp.lift.experience", "Count", years, "Points", p, "Total", tot)
			})
			break
		}
	}
	if salary, ok := salaryLever(t, in, points); ok {
		try("salary", func(c *HSPInput) { c.AnnualSalaryJPY = salary }, func(p, tot int) talent.Reason {
			return newReason("hsp.lift.salary", "Salary", talent.Yen(salary), "Points", p, "Total", tot)
		})
	}
	return out
}

// salaryLever returns the lowest salary band above in's salary that brings
// the total to the next threshold (70, then 80), or failing that the lowest
// band that adds any points.
func salaryLever(t *pointsTable, in HSPInput, points int) (int64, bool) {
	target := t.Thresholds.Eligible
	if points >= target {
		target = t.Thresholds.FastTrack
	}
	current := salaryPoints(t.Salary, in.Age, in.AnnualSalaryJPY)
	var next int64
	for i := len(t.Salary.Rows) - 1; i >= 0; i-- { // lowest band first
		row := t.Salary.Rows[i]
		gain := salaryPoints(t.Salary, in.Age, row.MinJPY) - current
		if row.MinJPY <= in.AnnualSalaryJPY || gain <= 0 {
			continue
		}
		if points+gain >= target {
			return row.MinJPY, true
		}
		if next == 0 {
			next = row.MinJPY
		}
	}
	return next, next > 0
}
