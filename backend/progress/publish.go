package progress

import (
	"math"
	"time"
)

// PublishLagDays is how many days after a month ends its figures are
// published in the open progress.
const PublishLagDays = 7

// PublishedThrough returns the last day the open figures cover on today:
// the end of the latest month that ended at least lagDays before today. So
// an arrival never changes the open figures on the day it happens: it
// shows, with its whole month, lagDays after the month ends.
func PublishedThrough(today time.Time, lagDays int) time.Time {
	cut := dayOf(today).AddDate(0, 0, -lagDays)
	return monthOf(cut).AddDate(0, 0, -1)
}

// Milestone is how many people the target implies by the end of a year of
// the window (or by the deadline, in its last year).
type Milestone struct {
	Year   int
	By     time.Time
	Target int // the straight-line trajectory at By, rounded up
}

// Milestones lists the yearly milestones def's target implies: one per
// calendar year of the window, on the straight line from the window's start
// to the target on the deadline.
func Milestones(def Definition) []Milestone {
	var out []Milestone
	if def.Deadline.Before(def.Start) {
		return out
	}
	for y := def.Start.Year(); y <= def.Deadline.Year(); y++ {
		by := time.Date(y, time.December, 31, 0, 0, 0, 0, time.UTC)
		if by.After(def.Deadline) {
			by = dayOf(def.Deadline)
		}
		out = append(out, Milestone{Year: y, By: by, Target: int(math.Ceil(round(trajectory(def, by), 6)))})
	}
	return out
}
