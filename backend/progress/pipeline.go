package progress

import (
	"math"
	"slices"
	"time"
)

// MinHistory is how many cases must have left a step (advanced or closed)
// before its observed conversion and median days are used instead of its
// stated fallback.
const MinHistory = 10

// z90 is the normal quantile of a two-sided 90% interval.
const z90 = 1.6449

// MaxForecastMonths bounds how far the pipeline forecast looks ahead.
const MaxForecastMonths = 120

// fallbackSpread is how far a fallback conversion's range reaches either
// side of it.
const fallbackSpread = 0.1

// PathStep is what the platform's history says of one step on the path from
// an accepted offer to arrival (COE issued, visa issued, arrived…): of the
// cases that waited for it, how many got it (Advanced) and how many were
// closed instead (Closed), with the days each advance took.
type PathStep struct {
	Name     string
	Advanced int
	Closed   int
	Days     []int
	// FallbackConversion and FallbackDays are the typical figures used while
	// fewer than MinHistory cases have left the step.
	FallbackConversion float64
	FallbackDays       int
}

// OpenCase is a case on its way: Next is the index of the step it waits for,
// Since the day it reached its current position.
type OpenCase struct {
	Next  int
	Since time.Time
}

// PipelineInput is what the pipeline forecast works from.
type PipelineInput struct {
	Steps []PathStep // in order; getting past the last one is arriving
	Open  []OpenCase
	// AcceptedPerMonth is how many offers were accepted per month lately:
	// the flow entering the path after today.
	AcceptedPerMonth float64
	Counted, Target  int
	Today            time.Time
	// Until is the last day to forecast (the deadline): month by month from
	// today's, at most MaxForecastMonths.
	Until time.Time
}

// StepEstimate is a step's conversion (the share of cases waiting for it
// that get it, with a 90% range) and median days, observed or fallback.
type StepEstimate struct {
	Name         string
	Conversion   float64
	Low, High    float64
	MedianDays   int
	Sample       int  // cases that left the step
	Observed     bool // false: the stated fallback was used for the conversion
	DaysObserved bool // false: FallbackDays was used for MedianDays
	// StalledAfterDays is how long a case may wait for the step before it
	// counts as stalled: twice the median.
	StalledAfterDays int
}

// MonthForecast is the expected arrivals in one month with a 90% range, and
// the expected total counted by the month's end.
type MonthForecast struct {
	Start                         time.Time
	Expected, Low, High           float64
	Cumulative                    float64
	CumulativeLow, CumulativeHigh float64
}

// PipelineForecast is the forecast from the open cases and the flow of new
// acceptances, with the method's figures.
type PipelineForecast struct {
	Steps      []StepEstimate
	Monthly    []MonthForecast
	InPipeline float64 // expected arrivals from the open cases
	// Projected is the month the expected total reaches the target; Earliest
	// and Latest are the months the high and low totals do. Nil when not
	// within the forecast's months.
	Projected, Earliest, Latest *time.Time
}

// ForecastPipeline forecasts arrivals month by month: each open case
// arrives with the product of the conversions of the steps it still needs,
// in the month its remaining median days end (a stalled case no earlier
// than today plus the later steps' days); the accepted-offer flow adds
// AcceptedPerMonth × the whole path's conversion each month once the path's
// total days have passed. Ranges use each step's 90% conversion range
// (Wilson score interval; ±0.1 for a fallback) and the binomial spread of
// the cases.
func ForecastPipeline(in PipelineInput) PipelineForecast {
	today := dayOf(in.Today)
	est := make([]StepEstimate, len(in.Steps))
	for i, s := range in.Steps {
		est[i] = estimateStep(s)
	}
	out := PipelineForecast{Steps: est}
	months := min(max(monthsBetween(monthOf(in.Today), monthOf(in.Until))+1, 1), MaxForecastMonths)
	first := monthOf(today)
	type acc struct{ mean, low, high, varLow, varHigh float64 }
	perMonth := make([]acc, months)
	// add counts n people due on eta, each arriving with chance p (pLow
	// to pHigh).
	add := func(eta time.Time, n, p, pLow, pHigh float64) {
		i := monthsBetween(first, monthOf(eta))
		if i < 0 || i >= months {
			return
		}
		a := &perMonth[i]
		a.mean += n * p
		a.low += n * pLow
		a.high += n * pHigh
		a.varLow += n * pLow * (1 - pLow)
		a.varHigh += n * pHigh * (1 - pHigh)
	}
	for _, c := range in.Open {
		if c.Next < 0 || c.Next >= len(est) {
			continue
		}
		p, pLow, pHigh, days := pathFrom(est, c.Next)
		eta := dayOf(c.Since).AddDate(0, 0, days)
		if later := today.AddDate(0, 0, days-est[c.Next].MedianDays); eta.Before(later) {
			eta = later
		}
		out.InPipeline += p
		add(eta, 1, p, pLow, pHigh)
	}
	if in.AcceptedPerMonth > 0 && len(est) > 0 {
		p, pLow, pHigh, days := pathFrom(est, 0)
		for m := 1; m <= months; m++ {
			entered := first.AddDate(0, m, 0)
			add(entered.AddDate(0, 0, days), in.AcceptedPerMonth, p, pLow, pHigh)
		}
	}
	cum, cumLow, cumHigh := float64(in.Counted), float64(in.Counted), float64(in.Counted)
	var varLow, varHigh float64
	for i, a := range perMonth {
		start := first.AddDate(0, i, 0)
		cum += a.mean
		cumLow += a.low
		cumHigh += a.high
		varLow += a.varLow
		varHigh += a.varHigh
		m := MonthForecast{Start: start, Expected: round(a.mean, 1),
			Low: round(max(0, a.low-z90*math.Sqrt(a.varLow)), 1), High: round(a.high+z90*math.Sqrt(a.varHigh), 1),
			Cumulative: round(cum, 1), CumulativeLow: round(max(float64(in.Counted), cumLow-z90*math.Sqrt(varLow)), 1),
			CumulativeHigh: round(cumHigh+z90*math.Sqrt(varHigh), 1)}
		out.Monthly = append(out.Monthly, m)
		end := lastDay(start)
		if in.Target > 0 {
			if out.Projected == nil && m.Cumulative >= float64(in.Target) {
				out.Projected = ptr(end)
			}
			if out.Earliest == nil && m.CumulativeHigh >= float64(in.Target) {
				out.Earliest = ptr(end)
			}
			if out.Latest == nil && m.CumulativeLow >= float64(in.Target) {
				out.Latest = ptr(end)
			}
		}
	}
	out.InPipeline = round(out.InPipeline, 1)
	return out
}

// pathFrom returns the chance (with its range) that a case waiting for step
// i arrives, and the median days it still needs.
func pathFrom(est []StepEstimate, i int) (p, low, high float64, days int) {
	p, low, high = 1, 1, 1
	for _, e := range est[i:] {
		p *= e.Conversion
		low *= e.Low
		high *= e.High
		days += e.MedianDays
	}
	return p, low, high, days
}

// estimateStep turns a step's history into its estimate: observed once
// MinHistory cases have left it, the fallback before.
func estimateStep(s PathStep) StepEstimate {
	n := s.Advanced + s.Closed
	e := StepEstimate{Name: s.Name, Sample: n, MedianDays: s.FallbackDays}
	if n >= MinHistory {
		e.Observed = true
		e.Conversion = float64(s.Advanced) / float64(n)
		e.Low, e.High = wilson(s.Advanced, n)
	} else {
		e.Conversion = s.FallbackConversion
		e.Low, e.High = max(0, e.Conversion-fallbackSpread), min(1, e.Conversion+fallbackSpread)
	}
	if len(s.Days) >= MinHistory {
		e.DaysObserved = true
		e.MedianDays = medianInt(s.Days)
	}
	e.StalledAfterDays = 2 * e.MedianDays
	e.Conversion, e.Low, e.High = round(e.Conversion, 4), round(e.Low, 4), round(e.High, 4)
	return e
}

// wilson is the 90% Wilson score interval of k successes in n trials.
func wilson(k, n int) (low, high float64) {
	nf, p := float64(n), float64(k)/float64(n)
	z2 := z90 * z90
	centre := (p + z2/(2*nf)) / (1 + z2/nf)
	half := z90 * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf)) / (1 + z2/nf)
	return max(0, centre-half), min(1, centre+half)
}

// medianInt is the median of whole numbers, the lower middle of an even
// count rounded up with the upper.
func medianInt(xs []int) int {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2] + 1) / 2
}

// monthsBetween is how many calendar months lie from month a to month b.
func monthsBetween(a, b time.Time) int {
	return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
}
