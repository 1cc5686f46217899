package talent

import (
	"net/mail"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Validator collects field errors while a service checks a request, so that a
// caller learns about every bad field at once rather than one per attempt.
type Validator struct {
	fields []FieldError
}

// Add records that field failed with the given reason code and arguments.
func (v *Validator) Add(field, code string, kv ...any) {
	var args map[string]any
	if len(kv) > 0 {
		args = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			args[kv[i].(string)] = kv[i+1]
		}
	}
	v.fields = append(v.fields, FieldError{Field: field, Code: code, Args: args})
}

// Err returns an ErrInvalid problem listing every recorded field error, or nil
// when there is none.
func (v *Validator) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return &Problem{Kind: ErrInvalid, Code: CodeValidationFailed, Fields: v.fields}
}

// Text checks a string's length in characters: required (min ≥ 1) or optional
// (min 0, empty allowed), and at most max.
func (v *Validator) Text(field, s string, minLen, maxLen int) {
	n := utf8.RuneCountInString(strings.TrimSpace(s))
	switch {
	case !utf8.ValidString(s):
		v.Add(field, "invalid_text")
	case n == 0 && minLen > 0:
		v.Add(field, "required")
	case n > 0 && n < minLen:
		v.Add(field, "too_short", "Min", minLen)
	case utf8.RuneCountInString(s) > maxLen:
		v.Add(field, "too_long", "Max", maxLen)
	}
}

// IntRange checks lo ≤ n ≤ hi.
func (v *Validator) IntRange(field string, n, lo, hi int64) {
	if n < lo || n > hi {
		v.Add(field, "out_of_range", "Min", lo, "Max", hi)
	}
}

// OneOf checks that s is one of the allowed values.
func (v *Validator) OneOf(field, s string, allowed []string) {
	if !slices.Contains(allowed, s) {
		if s == "" {
			v.Add(field, "required")
			return
		}
		v.Add(field, "one_of", "Values", strings.Join(allowed, ", "))
	}
}

// Email checks that s is a plain e-mail address of reasonable length.
func (v *Validator) Email(field, s string) {
	if s == "" {
		v.Add(field, "required")
		return
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || len(s) > 254 || !strings.Contains(s[strings.LastIndex(s, "@"):], ".") {
		v.Add(field, "email")
	}
}

// Date checks an optional calendar date's range; nil passes. Dates are whole
// days in UTC.
func (v *Validator) Date(field string, d *Date, from, to Date) {
	if d == nil {
		return
	}
	if d.Before(from) || d.After(to) {
		v.Add(field, "date_range", "From", from.String(), "To", to.String())
	}
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:[-_.][a-z0-9]+)*$`)

// Slug checks a reference identifier such as a skill: lowercase letters,
// digits and single separators, at most 64 characters.
func (v *Validator) Slug(field, s string) {
	if len(s) == 0 || len(s) > 64 || !slugPattern.MatchString(s) {
		v.Add(field, "slug")
	}
}

// MaxItems checks that a list has at most maxItems entries.
func (v *Validator) MaxItems(field string, n, maxItems int) bool {
	if n > maxItems {
		v.Add(field, "too_many", "Max", maxItems)
		return false
	}
	return true
}

// Today returns the current date in UTC.
func Today() Date { return DateOf(time.Now()) }
