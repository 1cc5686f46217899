package progress

import (
	"cmp"
	"slices"
)

// HourCount is how many stays in a stage lasted Hours whole hours (at least
// Hours, less than Hours+1).
type HourCount struct {
	Hours int
	Count int
}

// Step is one stage of the funnel.
type Step struct {
	Stage string
	// Reached is how many applications got to this stage or beyond.
	Reached int
	// Conversion is Reached as a share (0–1, four decimals) of the previous
	// stage's Reached; nil for the first stage or after a stage nobody reached.
	Conversion *float64
	// MedianDays is the median time applications spent in this stage before
	// moving on (one decimal); nil when none has left it.
	MedianDays *float64
	// Left is how many applications left this stage: MedianDays's sample.
	Left int
}

// Funnel builds the funnel over stages, in pipeline order. furthest says
// for each stage how many applications got no further than it (whether
// they are still there or ended there, rejected or withdrawn); stays holds
// for each stage the histogram of completed stays in it.
func Funnel(stages []string, furthest map[string]int, stays map[string][]HourCount) []Step {
	steps := make([]Step, len(stages))
	reached := 0
	for i := len(stages) - 1; i >= 0; i-- {
		reached += max(0, furthest[stages[i]])
		steps[i] = Step{Stage: stages[i], Reached: reached}
	}
	for i := range steps {
		if i > 0 && steps[i-1].Reached > 0 {
			steps[i].Conversion = ptr(round(float64(steps[i].Reached)/float64(steps[i-1].Reached), 4))
		}
		steps[i].MedianDays, steps[i].Left = medianDays(stays[steps[i].Stage])
	}
	return steps
}

// medianDays returns the median of a histogram of whole hours, in days to
// one decimal, taking each stay as the middle of its hour; and the number
// of stays. An even number of stays gives the mean of the two middle ones.
func medianDays(hist []HourCount) (*float64, int) {
	hist = slices.Clone(hist)
	slices.SortFunc(hist, func(a, b HourCount) int { return cmp.Compare(a.Hours, b.Hours) })
	n := 0
	for _, h := range hist {
		n += max(0, h.Count)
	}
	if n == 0 {
		return nil, 0
	}
	// at returns the hours of the k-th shortest stay (1-based).
	at := func(k int) float64 {
		seen := 0
		for _, h := range hist {
			seen += max(0, h.Count)
			if seen >= k {
				return float64(h.Hours) + 0.5
			}
		}
		return float64(hist[len(hist)-1].Hours) + 0.5
	}
	var hours float64
	if n%2 == 1 {
		hours = at((n + 1) / 2)
	} else {
		hours = (at(n/2) + at(n/2+1)) / 2
	}
	return ptr(round(hours/24, 1)), n
}
