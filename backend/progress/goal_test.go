package progress_test

import (
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/progress"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// goal2030 is the default goal: 500 people from 2 July 2026 to 31 December
// 2030. The window has 1,644 days: 2026-07-02 to 2030-07-02 is 1,461 days
// (2028 is a leap year), to 2030-12-31 another 182, plus the first day.
var goal2030 = progress.Definition{Target: 500, Start: day(2026, time.July, 2), Deadline: day(2030, time.December, 31)}

func ints(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func floats(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestEvaluateEarlyInTheWindow works through the goal on 26 November 2026
// with seven people counted: two on 10 July, one on 3 August, nobody in
// September, three on 15 October and one on 20 November. A count before the
// window and one after today are ignored.
func TestEvaluateEarlyInTheWindow(t *testing.T) {
	today := time.Date(2026, time.November, 26, 15, 4, 0, 0, time.UTC)
	days := []progress.DayCount{
		{Day: day(2026, time.October, 15), Count: 3}, // out of order on purpose
		{Day: day(2026, time.July, 10), Count: 2},
		{Day: day(2026, time.August, 3), Count: 1},
		{Day: day(2026, time.November, 20), Count: 1},
		{Day: day(2026, time.June, 30), Count: 1},    // before the window
		{Day: day(2026, time.December, 1), Count: 1}, // after today
	}
	g := progress.Evaluate(goal2030, days, today)

	if g.Counted != 7 || g.Target != 500 || g.Remaining != 493 || g.Percent != 1.4 {
		t.Errorf("counted %d of %d (%v%%), remaining %d; want 7 of 500 (1.4%%), 493", g.Counted, g.Target, g.Percent, g.Remaining)
	}
	// 2026-11-26 to 2030-11-26 is 1,461 days, to 2030-12-31 another 35.
	if g.DaysLeft != 1496 {
		t.Errorf("days left %d, want 1496", g.DaysLeft)
	}
	// 493 people in 1,496 days = 1,496 / 30.436875 = 49.15 months: 10.03 a month.
	if g.RequiredPerMonth == nil || *g.RequiredPerMonth != 10.03 {
		t.Errorf("required pace %v, want 10.03", floats(g.RequiredPerMonth))
	}
	// The last six full months are May to October; May and June precede the
	// window, so July to October: 2 + 1 + 0 + 3 = 6 people in 4 months.
	want := progress.Pace{PerMonth: 1.5, Counted: 6, Months: 4, From: day(2026, time.July, 1), To: day(2026, time.October, 31)}
	if g.Actual == nil || *g.Actual != want {
		t.Errorf("actual pace %+v, want %+v", g.Actual, want)
	}
	// 493 / 1.5 = 328.67 months × 30.436875 = 10,003.59 days, rounded up.
	if g.ProjectedDate == nil || !g.ProjectedDate.Equal(day(2026, time.November, 26).AddDate(0, 0, 10004)) {
		t.Errorf("projected %v, want 10,004 days from today", g.ProjectedDate)
	}
	// 1.5 / 10.03 = 0.15 of the required pace: off track.
	if g.Status != progress.OffTrack || g.ReachedOn != nil {
		t.Errorf("status %s, reached %v; want off_track, not reached", g.Status, g.ReachedOn)
	}
	// Today is day 148 of 1,644: 500 × 148 / 1644 = 45.01.
	if g.ExpectedToday != 45 {
		t.Errorf("expected today %v, want 45", g.ExpectedToday)
	}

	// 54 months from July 2026 to December 2030; figures up to November 2026.
	if len(g.Monthly) != 54 || !g.Monthly[0].Start.Equal(day(2026, time.July, 1)) || !g.Monthly[53].Start.Equal(day(2030, time.December, 1)) {
		t.Fatalf("%d months from %v", len(g.Monthly), g.Monthly[0].Start)
	}
	cases := []struct {
		arrivals, cumulative any
		trajectory           float64 // 500 × days to the month's end / 1644
	}{
		{2, 2, 9.1},      // July 31 is day 30
		{1, 3, 18.6},     // day 61
		{0, 3, 27.7},     // September: nobody, day 91
		{3, 6, 37.1},     // day 122
		{1, 7, 46.2},     // November, to date; day 152
		{nil, nil, 55.7}, // December: not yet (the arrival on 1 December is after today); day 183
	}
	for i, c := range cases {
		m := g.Monthly[i]
		if ints(m.Arrivals) != c.arrivals || ints(m.Cumulative) != c.cumulative || m.Trajectory != c.trajectory {
			t.Errorf("%s: arrivals %v, cumulative %v, trajectory %v; want %v, %v, %v", m.Start.Format("2006-01"),
				ints(m.Arrivals), ints(m.Cumulative), m.Trajectory, c.arrivals, c.cumulative, c.trajectory)
		}
	}
	if last := g.Monthly[53]; last.Trajectory != 500 || last.Arrivals != nil {
		t.Errorf("December 2030: %+v, want trajectory 500 and no figures", last)
	}
}

// TestEvaluateStatusRule walks the status rule's branches on a one-year goal
// of 100 people (2026, 365 days), looked at on 15 July 2026 with 169 days
// left.
func TestEvaluateStatusRule(t *testing.T) {
	year := progress.Definition{Target: 100, Start: day(2026, time.January, 1), Deadline: day(2026, time.December, 31)}
	perMonth := func(n int) []progress.DayCount {
		var days []progress.DayCount
		for m := time.January; m <= time.June; m++ {
			days = append(days, progress.DayCount{Day: day(2026, m, 10), Count: n})
		}
		return days
	}
	today := day(2026, time.July, 15)

	// 8 a month, 48 counted: 52 missing in 169 days = 52 × 30.436875 / 169
	// = 9.37 a month; 8 / 9.37 = 0.85 of it: at risk.
	g := progress.Evaluate(year, perMonth(8), today)
	if g.DaysLeft != 169 || floats(g.RequiredPerMonth) != 9.37 || g.Actual.PerMonth != 8 || g.Status != progress.AtRisk {
		t.Errorf("8 a month: %d days left, required %v, actual %v, %s; want 169, 9.37, 8, at_risk",
			g.DaysLeft, floats(g.RequiredPerMonth), g.Actual.PerMonth, g.Status)
	}

	// 10 a month, 60 counted: 40 missing = 7.20 a month needed; on track,
	// reaching 100 in 40 / 10 × 30.436875 = 121.7 → 122 days: 14 November.
	g = progress.Evaluate(year, perMonth(10), today)
	if floats(g.RequiredPerMonth) != 7.2 || g.Status != progress.OnTrack || !g.ProjectedDate.Equal(day(2026, time.November, 14)) {
		t.Errorf("10 a month: required %v, %s, projected %v; want 7.2, on_track, 2026-11-14", floats(g.RequiredPerMonth), g.Status, g.ProjectedDate)
	}

	// 5 a month: 5 / (70 × 30.436875 / 169 = 12.61) = 0.40: off track.
	if g := progress.Evaluate(year, perMonth(5), today); g.Status != progress.OffTrack {
		t.Errorf("5 a month: %s, want off_track", g.Status)
	}

	// 20 a month reaches 100 on 10 May: on track whatever the pace, nothing
	// more required, projected the day it was reached.
	g = progress.Evaluate(year, perMonth(20), today)
	if g.Counted != 120 || g.Remaining != 0 || g.Percent != 120 || floats(g.RequiredPerMonth) != 0.0 || g.Status != progress.OnTrack ||
		!g.ReachedOn.Equal(day(2026, time.May, 10)) || !g.ProjectedDate.Equal(*g.ReachedOn) {
		t.Errorf("reached: %+v", g)
	}

	// After the deadline, short of the target: off track, nothing left.
	g = progress.Evaluate(year, perMonth(10), day(2027, time.February, 1))
	if g.Status != progress.OffTrack || g.DaysLeft != 0 || g.RequiredPerMonth != nil {
		t.Errorf("after the deadline: %s, %d days left, required %v", g.Status, g.DaysLeft, floats(g.RequiredPerMonth))
	}
	// On the deadline itself, too.
	if g := progress.Evaluate(year, perMonth(10), year.Deadline); g.Status != progress.OffTrack {
		t.Errorf("on the deadline: %s", g.Status)
	}
}

// TestEvaluateFirstMonth checks the status before any full month of the
// window has passed: by the trajectory, not by pace.
func TestEvaluateFirstMonth(t *testing.T) {
	today := day(2026, time.July, 20) // day 19 of the window
	one := []progress.DayCount{{Day: day(2026, time.July, 10), Count: 1}}

	// 500 × 19 / 1644 = 5.78 expected: one person is behind, at risk.
	g := progress.Evaluate(goal2030, one, today)
	if g.Actual != nil || g.ExpectedToday != 5.8 || g.Status != progress.AtRisk || g.ProjectedDate != nil {
		t.Errorf("first month: actual %+v, expected %v, %s, projected %v", g.Actual, g.ExpectedToday, g.Status, g.ProjectedDate)
	}
	// With a target of 10, 10 × 19 / 1644 = 0.12 expected: on track.
	small := goal2030
	small.Target = 10
	if g := progress.Evaluate(small, one, today); g.Status != progress.OnTrack {
		t.Errorf("first month, small target: %s", g.Status)
	}
}

// TestEvaluateBeforeTheWindow checks the goal before its window opens:
// nothing counted, the whole window ahead.
func TestEvaluateBeforeTheWindow(t *testing.T) {
	g := progress.Evaluate(goal2030, []progress.DayCount{{Day: day(2026, time.June, 1), Count: 3}}, day(2026, time.June, 1))
	// 500 people over 1,644 days: 500 × 30.436875 / 1644 = 9.26 a month.
	if g.Counted != 0 || floats(g.RequiredPerMonth) != 9.26 || g.Actual != nil || g.Status != progress.OnTrack || g.ExpectedToday != 0 {
		t.Errorf("before the window: %+v", g)
	}
	for _, m := range g.Monthly {
		if m.Arrivals != nil || m.Cumulative != nil {
			t.Errorf("%s has figures before the window opened", m.Start.Format("2006-01"))
		}
	}
}

// TestTrackInternships counts a series without a target.
func TestTrackInternships(t *testing.T) {
	days := []progress.DayCount{{Day: day(2026, time.August, 1), Count: 2}, {Day: day(2026, time.August, 20), Count: 1}}
	tally := progress.Track(goal2030, days, day(2026, time.September, 5))
	if tally.Counted != 3 || ints(tally.Monthly[1].Arrivals) != 3 || ints(tally.Monthly[2].Cumulative) != 3 || tally.Monthly[3].Cumulative != nil {
		t.Errorf("internships: %+v", tally)
	}
}
