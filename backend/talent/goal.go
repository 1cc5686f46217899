package talent

import (
	"slices"
	"strconv"
	"time"
)

// GoalDefinition says what the goal counts: Target people, each counted
// once, on the day of their first arrival in Japan between WindowStart and
// Deadline (both included) through a placement in a role of one of
// CountedTypes.
type GoalDefinition struct {
	Target       int
	WindowStart  Date
	Deadline     Date
	CountedTypes []string
	// UpdatedAt and UpdatedBy say when and by which administrator it was
	// last changed; nil and 0 for the default, never changed.
	UpdatedAt *time.Time
	UpdatedBy int64
}

// DefaultGoal returns the goal of the India–Japan Joint Statement on
// Cooperation in AI of 2 July 2026: 500 highly skilled AI professionals from
// India in Japan by 2030, counted from the statement's day to the end of
// 2030, in jobs and research posts (internships are tracked beside the
// goal and count only if an administrator adds them).
func DefaultGoal() GoalDefinition {
	return GoalDefinition{
		Target: 500, WindowStart: NewDate(2026, time.July, 2), Deadline: NewDate(2030, time.December, 31),
		CountedTypes: []string{"job", "research"},
	}
}

// Limits of a goal definition.
const (
	MaxGoalTarget = 1_000_000
)

// Dates a goal's window may lie between.
var (
	earliestGoalDay = NewDate(2020, time.January, 1)
	latestGoalDay   = NewDate(2100, time.December, 31)
)

// validateGoal checks a goal definition an administrator sends.
func validateGoal(g GoalDefinition) error {
	var v Validator
	v.IntRange("target", int64(g.Target), 1, MaxGoalTarget)
	for _, d := range []struct {
		field string
		date  Date
	}{{"window_start", g.WindowStart}, {"deadline", g.Deadline}} {
		if d.date.IsZero() {
			v.Add(d.field, "required")
			continue
		}
		v.Date(d.field, &d.date, earliestGoalDay, latestGoalDay)
	}
	if !g.WindowStart.IsZero() && !g.Deadline.IsZero() && !g.Deadline.After(g.WindowStart) {
		v.Add("deadline", "date_order")
	}
	if len(g.CountedTypes) == 0 {
		v.Add("counted_types", "required")
	}
	for i, t := range g.CountedTypes {
		field := "counted_types[" + strconv.Itoa(i) + "]"
		switch {
		case !slices.Contains(RoleTypes, t):
			v.OneOf(field, t, RoleTypes)
		case slices.Index(g.CountedTypes, t) != i:
			v.Add(field, "duplicate")
		}
	}
	return v.Err()
}

// countsInternships reports whether internships count toward the goal.
func (g GoalDefinition) countsInternships() bool {
	return slices.Contains(g.CountedTypes, "internship")
}
