package talent

import (
	"errors"
	"fmt"
	"time"
)

// Error kinds. Every error a service returns wraps exactly one of these, so the
// HTTP layer can choose a status code with errors.Is.
var (
	ErrInvalid         = errors.New("invalid input")
	ErrNotFound        = errors.New("not found")
	ErrConflict        = errors.New("conflict")
	ErrForbidden       = errors.New("forbidden")
	ErrUnauthenticated = errors.New("unauthenticated")
	ErrRateLimited     = errors.New("rate limited")
	// ErrUnavailable: the database cannot be reached right now (a retry may
	// succeed); the store returns it for lost connections.
	ErrUnavailable = errors.New("unavailable")
)

// Problem is an error a person will read: a stable machine-readable code, the
// message ID and arguments of its explanation, and for validation failures one
// FieldError per offending field. It wraps one of the error kinds above.
type Problem struct {
	Kind   error
	Code   ErrorCode
	Args   map[string]any
	Fields []FieldError
	// ExistingID names the object a conflict is about (e.g. the application
	// that already exists), zero when there is none.
	ExistingID int64
	// RetryAfter says, for ErrRateLimited, how long to wait before trying
	// again (zero when unknown).
	RetryAfter time.Duration
}

// FieldError names one field of a request that failed validation, with the
// message ID (Code) and arguments of the reason.
type FieldError struct {
	Field string
	Code  string
	Args  map[string]any
}

// Error returns the code and the wrapped kind, for logs; people read the
// localized message instead.
func (p *Problem) Error() string {
	if len(p.Fields) > 0 {
		return fmt.Sprintf("%s: %s (%d fields)", p.Kind, p.Code, len(p.Fields))
	}
	return fmt.Sprintf("%s: %s", p.Kind, p.Code)
}

// Unwrap returns the error kind so errors.Is works.
func (p *Problem) Unwrap() error { return p.Kind }

// NewProblem returns a Problem of the given kind with a message code and
// optional arguments (key, value pairs).
func NewProblem(kind error, code ErrorCode, kv ...any) *Problem {
	p := &Problem{Kind: kind, Code: code}
	if len(kv) > 0 {
		p.Args = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			p.Args[fmt.Sprint(kv[i])] = kv[i+1]
		}
	}
	return p
}

// NotFound returns the ErrNotFound problem used for every object a caller may
// not see, so that strangers cannot tell "hidden" from "absent".
func NotFound() *Problem { return NewProblem(ErrNotFound, CodeNotFound) }

// Forbidden returns an ErrForbidden problem with the given reason code.
func Forbidden(code ErrorCode) *Problem { return NewProblem(ErrForbidden, code) }

// Conflict returns an ErrConflict problem with the given reason code.
func Conflict(code ErrorCode, kv ...any) *Problem { return NewProblem(ErrConflict, code, kv...) }

// Unauthenticated returns the ErrUnauthenticated problem for a missing or
// expired session.
func Unauthenticated() *Problem { return NewProblem(ErrUnauthenticated, CodeUnauthenticated) }

// RateLimited returns an ErrRateLimited problem with the given reason code
// and the time to wait before the next attempt.
func RateLimited(code ErrorCode, wait time.Duration) *Problem {
	return &Problem{Kind: ErrRateLimited, Code: code, RetryAfter: wait}
}

// AsProblem returns the Problem inside err, if there is one.
func AsProblem(err error) (*Problem, bool) {
	var p *Problem
	ok := errors.As(err, &p)
	return p, ok
}

// Term is a reference value (such as an application stage) used as a message
// argument; it is shown to people as its localized label, the message
// Set.Code.
type Term struct {
	Set  string
	Code string
}

// MessageID returns the ID of the term's label, e.g. "stage.offer".
func (t Term) MessageID() string { return t.Set + "." + t.Code }

// Terms is a list of reference values shown as their labels joined the way
// the reader's language joins a list ("Python, PyTorch" / "Python、PyTorch").
type Terms []Term

// MessageIDs returns the IDs of the terms' labels, in order.
func (ts Terms) MessageIDs() []string {
	ids := make([]string, len(ts))
	for i, t := range ts {
		ids[i] = t.MessageID()
	}
	return ids
}

// Yen is an amount of money shown with ¥ and the reader's digit grouping.
type Yen int64

// Yen returns the amount, for the catalogue to format.
func (y Yen) Yen() int64 { return int64(y) }

// Instant is a moment shown as the reader's date form with the time in UTC.
type Instant time.Time

// Moment returns the moment, for the catalogue to format.
func (i Instant) Moment() time.Time { return time.Time(i) }
