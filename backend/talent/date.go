package talent

import (
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar day without a time of day or zone: a date of birth, a
// start date, an arrival date. Its JSON form is "YYYY-MM-DD".
type Date struct {
	t time.Time // midnight UTC
}

// NewDate returns the given calendar day.
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// DateOf returns the UTC calendar day of t.
func DateOf(t time.Time) Date {
	u := t.UTC()
	return NewDate(u.Year(), u.Month(), u.Day())
}

// ParseDate reads "YYYY-MM-DD" and returns an error for anything else.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("parse date %q: %w", s, err)
	}
	return Date{t}, nil
}

// Time returns the day as midnight UTC.
func (d Date) Time() time.Time { return d.t }

// CalendarDay returns the day as midnight UTC, for the catalogue to format
// as a date in a message.
func (d Date) CalendarDay() time.Time { return d.t }

// IsZero reports whether d was never set.
func (d Date) IsZero() bool { return d.t.IsZero() }

// String returns "YYYY-MM-DD".
func (d Date) String() string { return d.t.Format(time.DateOnly) }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is later than e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// AddDays returns the day n days after d (before it when n < 0).
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// YearsUntil returns the whole years from d to e, as an age is counted.
func (d Date) YearsUntil(e Date) int {
	years := e.t.Year() - d.t.Year()
	if e.t.Month() < d.t.Month() || (e.t.Month() == d.t.Month() && e.t.Day() < d.t.Day()) {
		years--
	}
	return years
}

// MarshalJSON writes "YYYY-MM-DD".
func (d Date) MarshalJSON() ([]byte, error) {
	return []byte(`"` + d.String() + `"`), nil
}

// UnmarshalJSON reads "YYYY-MM-DD" and refuses any other form (the strict
// request decoder names the field it was in).
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	parsed, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}
