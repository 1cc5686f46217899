package i18n

import "time"

// The kinds of message argument shown in the reader's form rather than as
// they are. The domain's values implement them (talent's Term, Terms, Yen,
// Date and Instant), so this package formats them without knowing the
// domain; any other argument is shown as it is.
type (
	// Label is a reference value (such as an application stage) shown as its
	// label: the message MessageID names.
	Label interface{ MessageID() string }

	// LabelList is reference values shown as their labels, joined the way
	// the language joins a list ("Python, PyTorch" / "Python、PyTorch").
	LabelList interface{ MessageIDs() []string }

	// Money is an amount of yen, shown with ¥ and the language's digit
	// grouping.
	Money interface{ Yen() int64 }

	// CalendarDay is a day without a time of day, shown as the language
	// writes a date.
	CalendarDay interface{ CalendarDay() time.Time }

	// Moment is an instant, shown as the language writes a date, with the
	// time of day in UTC.
	Moment interface{ Moment() time.Time }
)
