package progress

import (
	"math"
	"slices"
	"time"
)

// AverageMonthDays is the length of an average Gregorian month in days
// (365.2425 / 12), the unit of every "per month" figure.
const AverageMonthDays = 365.2425 / 12

// PaceMonths is how many full calendar months the actual pace looks back over.
const PaceMonths = 6

// AtRiskRatio is the share of the required pace from which a goal that is
// behind is at_risk rather than off_track.
const AtRiskRatio = 0.8

// Status says whether the goal will be met.
type Status string

// Statuses of a goal; see the package doc for the rule.
const (
	OnTrack  Status = "on_track"
	AtRisk   Status = "at_risk"
	OffTrack Status = "off_track"
)

// Definition is what a goal counts toward: a target number of people and
// the window, from Start to Deadline (both days included).
type Definition struct {
	Target   int
	Start    time.Time
	Deadline time.Time
}

// DayCount is how many people were counted on one day.
type DayCount struct {
	Day   time.Time
	Count int
}

// Month is one calendar month of a series. Arrivals and Cumulative are nil
// for months after the current one (and for every month before the window
// opens); Trajectory is where the straight line to the target stands at the
// month's end (or the deadline, in its last month).
type Month struct {
	Start      time.Time // the first day of the month
	Arrivals   *int
	Cumulative *int
	Trajectory float64
}

// Pace is the actual pace: people counted per month over Months full
// calendar months, from the first day of the first to the last day of the
// last.
type Pace struct {
	PerMonth float64
	Counted  int
	Months   int
	From, To time.Time
}

// Goal is the state of a goal on a day.
type Goal struct {
	Counted   int
	Target    int
	Percent   float64 // of the target, one decimal; may exceed 100
	Remaining int     // people still missing (0 once reached)
	DaysLeft  int     // days after today up to the deadline (0 from the deadline on)
	// RequiredPerMonth is the pace that meets the target by the deadline
	// from today: 0 once reached, nil when no day is left to meet it.
	RequiredPerMonth *float64
	// Actual is the pace over the last full months; nil in the window's first month.
	Actual *Pace
	// ExpectedToday is the straight-line trajectory at today.
	ExpectedToday float64
	// ReachedOn is the day the target-th person was counted, if that happened.
	ReachedOn *time.Time
	// ProjectedDate is ReachedOn, or when the target will be reached at the
	// actual pace; nil without a pace above zero.
	ProjectedDate *time.Time
	Status        Status
	Monthly       []Month
}

// Tally is a count and its monthly series.
type Tally struct {
	Counted int
	Monthly []Month
}

// Track counts the days inside def's window up to today and returns the
// total with the monthly series from the window's first month to its last.
// Counts outside the window or after today are ignored.
func Track(def Definition, days []DayCount, today time.Time) Tally {
	today = dayOf(today)
	days = inWindow(def, days, today)
	perMonth := map[time.Time]int{}
	counted := 0
	for _, d := range days {
		perMonth[monthOf(d.Day)] += d.Count
		counted += d.Count
	}
	current := monthOf(today)
	var monthly []Month
	cumulative := 0
	for m := monthOf(def.Start); !m.After(monthOf(def.Deadline)); m = m.AddDate(0, 1, 0) {
		month := Month{Start: m, Trajectory: round(trajectory(def, lastDay(m)), 1)}
		if !m.After(current) && !today.Before(def.Start) {
			n := perMonth[m]
			cumulative += n
			month.Arrivals, month.Cumulative = ptr(n), ptr(cumulative)
		}
		monthly = append(monthly, month)
	}
	return Tally{Counted: counted, Monthly: monthly}
}

// Evaluate returns the state of def's goal on today from the people
// counted per day (see Track for which days count).
func Evaluate(def Definition, days []DayCount, today time.Time) Goal {
	today = dayOf(today)
	tally := Track(def, days, today)
	g := Goal{Counted: tally.Counted, Target: def.Target, Monthly: tally.Monthly}
	if def.Target > 0 {
		g.Percent = round(100*float64(g.Counted)/float64(def.Target), 1)
	}
	g.Remaining = max(0, def.Target-g.Counted)
	g.DaysLeft = max(0, daysBetween(today, def.Deadline))
	g.ExpectedToday = round(trajectory(def, today), 1)
	g.ReachedOn = reachedOn(def, inWindow(def, days, today))

	// Months left are counted from today, or from the window's start before it opens.
	from := today
	if before := def.Start.AddDate(0, 0, -1); today.Before(before) {
		from = before
	}
	switch paceDays := daysBetween(from, def.Deadline); {
	case g.Remaining == 0:
		g.RequiredPerMonth = ptr(0.0)
	case paceDays > 0:
		g.RequiredPerMonth = ptr(round(float64(g.Remaining)/(float64(paceDays)/AverageMonthDays), 2))
	}
	g.Actual = actualPace(def, tally.Monthly, today)

	switch {
	case g.ReachedOn != nil:
		g.ProjectedDate = g.ReachedOn
	case g.Actual != nil && g.Actual.PerMonth > 0:
		days := int(math.Ceil(float64(g.Remaining) / g.Actual.PerMonth * AverageMonthDays))
		g.ProjectedDate = ptr(today.AddDate(0, 0, days))
	}
	g.Status = status(g, def, today)
	return g
}

// status applies the rule in the package doc.
func status(g Goal, def Definition, today time.Time) Status {
	switch {
	case g.Remaining == 0:
		return OnTrack
	case !today.Before(def.Deadline) || g.RequiredPerMonth == nil:
		return OffTrack
	case g.Actual == nil:
		if float64(g.Counted) >= trajectory(def, today) {
			return OnTrack
		}
		return AtRisk
	}
	ratio := g.Actual.PerMonth / *g.RequiredPerMonth
	switch {
	case ratio >= 1:
		return OnTrack
	case ratio >= AtRiskRatio:
		return AtRisk
	default:
		return OffTrack
	}
}

// actualPace averages the last PaceMonths full months before today's month
// that overlap the window; nil when there is none.
func actualPace(def Definition, monthly []Month, today time.Time) *Pace {
	current := monthOf(today)
	first := current.AddDate(0, -PaceMonths, 0)
	var p Pace
	for _, m := range monthly {
		if m.Start.Before(first) || !m.Start.Before(current) || m.Arrivals == nil {
			continue
		}
		if p.Months == 0 {
			p.From = m.Start
		}
		p.Months++
		p.Counted += *m.Arrivals
		p.To = lastDay(m.Start)
	}
	if p.Months == 0 {
		return nil
	}
	p.PerMonth = round(float64(p.Counted)/float64(p.Months), 2)
	return &p
}

// reachedOn returns the day the cumulative count reached the target.
func reachedOn(def Definition, days []DayCount) *time.Time {
	if def.Target <= 0 {
		return nil
	}
	total := 0
	for _, d := range days {
		total += d.Count
		if total >= def.Target {
			return ptr(d.Day)
		}
	}
	return nil
}

// trajectory is the straight line from 0 the day before the window opens to
// the target on the deadline, at the end of day d (clamped to the window).
func trajectory(def Definition, d time.Time) float64 {
	total := daysBetween(def.Start, def.Deadline) + 1
	if total <= 0 {
		return float64(def.Target)
	}
	elapsed := min(max(daysBetween(def.Start, d)+1, 0), total)
	return float64(def.Target) * float64(elapsed) / float64(total)
}

// inWindow returns the positive counts inside the window and not after
// today, sorted by day.
func inWindow(def Definition, days []DayCount, today time.Time) []DayCount {
	out := make([]DayCount, 0, len(days))
	for _, d := range days {
		day := dayOf(d.Day)
		if d.Count > 0 && !day.Before(def.Start) && !day.After(def.Deadline) && !day.After(today) {
			out = append(out, DayCount{Day: day, Count: d.Count})
		}
	}
	slices.SortFunc(out, func(a, b DayCount) int { return a.Day.Compare(b.Day) })
	return out
}

// dayOf returns the UTC calendar day of t as midnight UTC.
func dayOf(t time.Time) time.Time {
	u := t.UTC()
	return time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, time.UTC)
}

// monthOf returns the first day of t's month.
func monthOf(t time.Time) time.Time {
	u := t.UTC()
	return time.Date(u.Year(), u.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// lastDay returns the last day of the month that starts on m.
func lastDay(m time.Time) time.Time { return m.AddDate(0, 1, -1) }

// daysBetween returns the whole days from a to b (negative when b is earlier).
func daysBetween(a, b time.Time) int {
	return int(math.Round(dayOf(b).Sub(dayOf(a)).Hours() / 24))
}

// round rounds x to the given number of decimals.
func round(x float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	return math.Round(x*p) / p
}

func ptr[T any](v T) *T { return &v }
