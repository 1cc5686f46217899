package progress_test

import (
	"testing"

	"github.com/setubashi/setubashi/backend/progress"
)

var pipeline = []string{"submitted", "screening", "interview", "offer", "accepted", "placed"}

// TestFunnel works through ten applications: 5 got no further than
// submitted (3 waiting, 2 rejected there), 3 no further than screening, 1
// than interview, and 1 was placed (passing offer and accepted).
func TestFunnel(t *testing.T) {
	furthest := map[string]int{"submitted": 5, "screening": 3, "interview": 1, "placed": 1}
	stays := map[string][]progress.HourCount{
		// Three stays of 0, 5 and 49 hours: the median is the 5-hour one,
		// taken as 5.5 hours = 0.23 days.
		"submitted": {{Hours: 49, Count: 1}, {Hours: 0, Count: 1}, {Hours: 5, Count: 1}},
		// Four stays, two of 24 hours and two of 72: the mean of the middle
		// two, (24.5 + 72.5) / 2 = 48.5 hours = 2.02 days.
		"screening": {{Hours: 24, Count: 2}, {Hours: 72, Count: 2}},
	}
	steps := progress.Funnel(pipeline, furthest, stays)
	want := []struct {
		reached    int
		conversion any
		median     any
		left       int
	}{
		{10, nil, 0.2, 3},
		{5, 0.5, 2.0, 4},
		{2, 0.4, nil, 0}, // nobody has left an interview yet
		{1, 0.5, nil, 0},
		{1, 1.0, nil, 0},
		{1, 1.0, nil, 0},
	}
	for i, w := range want {
		s := steps[i]
		if s.Stage != pipeline[i] || s.Reached != w.reached || floats(s.Conversion) != w.conversion || floats(s.MedianDays) != w.median || s.Left != w.left {
			t.Errorf("%s: reached %d, conversion %v, median %v over %d; want %d, %v, %v over %d",
				s.Stage, s.Reached, floats(s.Conversion), floats(s.MedianDays), s.Left, w.reached, w.conversion, w.median, w.left)
		}
	}
}

// TestFunnelEmpty has no applications: nothing reached, no conversions.
func TestFunnelEmpty(t *testing.T) {
	for _, s := range progress.Funnel(pipeline, nil, nil) {
		if s.Reached != 0 || s.Conversion != nil || s.MedianDays != nil {
			t.Errorf("%+v", s)
		}
	}
}
