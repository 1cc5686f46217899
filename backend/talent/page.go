package talent

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// Page sizes for every list.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// Page asks for one page of a list ordered newest first: up to Limit items
// whose id is below After (no bound when After is 0).
type Page struct {
	After int64
	Limit int
}

// NewPage checks an opaque cursor and a page size from a request. A zero
// limit means the default; an unreadable cursor or a limit outside 1–100 is an
// ErrInvalid problem naming the field.
func NewPage(cursor string, limit int, limitSet bool) (Page, error) {
	var v Validator
	p := Page{Limit: DefaultPageSize}
	if limitSet {
		v.IntRange("limit", int64(limit), 1, MaxPageSize)
		p.Limit = limit
	}
	if cursor != "" {
		id, ok := decodeCursor(cursor)
		if !ok {
			v.Add("cursor", "cursor")
		}
		p.After = id
	}
	return p, v.Err()
}

// NextCursor returns the cursor of the page after one ending at lastID, or ""
// when the page was not full (there is nothing more).
func NextCursor(p Page, n int, lastID int64) string {
	if n < p.Limit {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString([]byte("v1:" + strconv.FormatInt(lastID, 10)))
}

func decodeCursor(s string) (int64, bool) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return 0, false
	}
	rest, ok := strings.CutPrefix(string(b), "v1:")
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	if err != nil || id <= 0 {
		return 0, false
	}
	return id, true
}
