package progress_test

import (
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/progress"
)

// path is COE → visa → arrival with no history: every figure is a fallback.
func path() []progress.PathStep {
	return []progress.PathStep{
		{Name: "coe_issued", FallbackConversion: 0.9, FallbackDays: 60},
		{Name: "visa_issued", FallbackConversion: 0.95, FallbackDays: 10},
		{Name: "arrived", FallbackConversion: 1, FallbackDays: 20},
	}
}

// TestForecastPipelineByHand checks a forecast worked out by hand.
//
// Today is 2027-03-15; 10 people are counted, the target is 14.
//   - Case A waits for its COE since 03-05: it arrives with 0.9 × 0.95 × 1 =
//     0.855 after 60 + 10 + 20 = 90 days, on 06-03 (June).
//   - Case B waits to arrive since 01-24: due 02-13, already late, so no
//     earlier than today plus the later steps (none): March, with chance 1.
//   - Two offers accepted a month enter the path on the first of each month
//     from April and arrive 90 days later with 0.855 each: 1.71 in June
//     (entered 04-01, due 06-30), July, and so on.
//
// So March 1.0, June 0.855 + 1.71 = 2.565, July 1.71; the expected total
// is 11 by March, 13.565 by June and 15.275 by July: the target of 14 is
// projected for the end of July.
func TestForecastPipelineByHand(t *testing.T) {
	f := progress.ForecastPipeline(progress.PipelineInput{
		Steps: path(),
		Open: []progress.OpenCase{
			{Next: 0, Since: day(2027, time.March, 5)},
			{Next: 2, Since: day(2027, time.January, 24)},
		},
		AcceptedPerMonth: 2, Counted: 10, Target: 14, Today: day(2027, time.March, 15), Until: day(2028, time.February, 29),
	})
	want := map[time.Month]float64{time.March: 1, time.April: 0, time.May: 0, time.June: 2.6, time.July: 1.7}
	for _, m := range f.Monthly[:5] {
		if m.Expected != want[m.Start.Month()] {
			t.Errorf("%s: expected %v, want %v", m.Start.Format("2006-01"), m.Expected, want[m.Start.Month()])
		}
		if m.Low > m.Expected || m.High < m.Expected || m.CumulativeLow > m.Cumulative || m.CumulativeHigh < m.Cumulative {
			t.Errorf("%s: range %+v does not hold the expectation", m.Start.Format("2006-01"), m)
		}
	}
	if f.InPipeline != 1.9 || f.Monthly[3].Cumulative != 13.6 || f.Monthly[4].Cumulative != 15.3 {
		t.Errorf("in pipeline %v, cumulative June %v, July %v", f.InPipeline, f.Monthly[3].Cumulative, f.Monthly[4].Cumulative)
	}
	if f.Projected == nil || !f.Projected.Equal(day(2027, time.July, 31)) {
		t.Errorf("projected %v", f.Projected)
	}
	if f.Earliest == nil || f.Earliest.After(*f.Projected) || f.Latest != nil && f.Latest.Before(*f.Projected) {
		t.Errorf("range %v – %v around %v", f.Earliest, f.Latest, f.Projected)
	}
	for _, s := range f.Steps {
		if s.Observed || s.DaysObserved {
			t.Errorf("%s: no history, yet observed", s.Name)
		}
	}
	if s := f.Steps[0]; s.Conversion != 0.9 || s.Low != 0.8 || s.High != 1 || s.MedianDays != 60 || s.StalledAfterDays != 120 {
		t.Errorf("fallback COE step: %+v", s)
	}
}

// TestForecastPipelineObserved: with enough history the observed figures
// replace the fallback: 18 of 20 cases got their COE (0.9, 90% Wilson range
// 0.7383–0.9663) after a median of 45 days.
func TestForecastPipelineObserved(t *testing.T) {
	steps := path()
	steps[0].Advanced, steps[0].Closed = 18, 2
	steps[0].Days = []int{30, 35, 40, 44, 45, 45, 50, 55, 60, 90}
	f := progress.ForecastPipeline(progress.PipelineInput{Steps: steps, Today: day(2027, time.March, 15), Until: day(2027, time.March, 31)})
	s := f.Steps[0]
	if !s.Observed || !s.DaysObserved || s.Conversion != 0.9 || s.Low != 0.7383 || s.High != 0.9663 || s.MedianDays != 45 || s.Sample != 20 {
		t.Errorf("%+v", s)
	}
	steps[0].Advanced, steps[0].Closed, steps[0].Days = 8, 1, steps[0].Days[:9]
	if s := progress.ForecastPipeline(progress.PipelineInput{Steps: steps, Today: day(2027, time.March, 15)}).Steps[0]; s.Observed || s.DaysObserved || s.Conversion != 0.9 || s.MedianDays != 60 {
		t.Errorf("9 cases are too few: %+v", s)
	}
}

// TestForecastPipelineNotReached: a target beyond the forecast's months has
// no projected date.
func TestForecastPipelineNotReached(t *testing.T) {
	f := progress.ForecastPipeline(progress.PipelineInput{Steps: path(), Open: []progress.OpenCase{{Next: 0, Since: day(2027, time.March, 1)}},
		Counted: 0, Target: 500, Today: day(2027, time.March, 15), Until: day(2029, time.February, 28)})
	if f.Projected != nil || f.Earliest != nil || f.Latest != nil || len(f.Monthly) != 24 {
		t.Errorf("%v %v %v, %d months", f.Projected, f.Earliest, f.Latest, len(f.Monthly))
	}
}

func TestPublishedThrough(t *testing.T) {
	cases := map[time.Time]time.Time{
		day(2026, time.December, 8):  day(2026, time.November, 30), // November ended 7 days ago
		day(2026, time.December, 7):  day(2026, time.October, 31),  // not yet
		day(2026, time.December, 31): day(2026, time.November, 30),
		day(2027, time.January, 8):   day(2026, time.December, 31),
		day(2027, time.March, 1):     day(2027, time.January, 31),
	}
	for today, want := range cases {
		if got := progress.PublishedThrough(today.Add(15*time.Hour), progress.PublishLagDays); !got.Equal(want) {
			t.Errorf("%s: %s, want %s", today.Format(time.DateOnly), got.Format(time.DateOnly), want.Format(time.DateOnly))
		}
	}
}

// TestMilestones: 500 between 2026-07-02 and 2030-12-31 (1,644 days) on a
// straight line: 500 × 183 / 1644 = 55.7 → 56 by the end of 2026, 166.7 →
// 167 by 2027, 278 by 2028, 389 by 2029 and 500 by the deadline.
func TestMilestones(t *testing.T) {
	got := progress.Milestones(progress.Definition{Target: 500, Start: day(2026, time.July, 2), Deadline: day(2030, time.December, 31)})
	want := []int{56, 167, 278, 389, 500}
	if len(got) != len(want) {
		t.Fatalf("%+v", got)
	}
	for i, m := range got {
		if m.Year != 2026+i || m.Target != want[i] || !m.By.Equal(day(2026+i, time.December, 31)) {
			t.Errorf("%+v, want %d", m, want[i])
		}
	}
	short := progress.Milestones(progress.Definition{Target: 10, Start: day(2027, time.January, 1), Deadline: day(2027, time.June, 30)})
	if len(short) != 1 || short[0].Target != 10 || !short[0].By.Equal(day(2027, time.June, 30)) {
		t.Errorf("a window within one year: %+v", short)
	}
}
