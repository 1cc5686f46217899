package talent_test

import (
	"errors"
	"testing"

	"github.com/setubashi/setubashi/backend/talent"
)

func TestPageCursorRoundTrip(t *testing.T) {
	p, err := talent.NewPage("", 2, true)
	if err != nil {
		t.Fatal(err)
	}
	next := talent.NextCursor(p, 2, 41)
	if next == "" {
		t.Fatal("a full page must have a next cursor")
	}
	if talent.NextCursor(p, 1, 41) != "" {
		t.Fatal("a short page is the last")
	}
	q, err := talent.NewPage(next, 0, false)
	if err != nil || q.After != 41 || q.Limit != talent.DefaultPageSize {
		t.Fatalf("decoded %+v %v", q, err)
	}
}

func TestPageRejectsBadInput(t *testing.T) {
	cases := []struct {
		cursor string
		limit  int
		field  string
	}{
		{"", 0, "limit"}, {"", 101, "limit"}, {"not-a-cursor", 10, "cursor"}, {"djE6LTE", 10, "cursor"},
	}
	for _, c := range cases {
		_, err := talent.NewPage(c.cursor, c.limit, true)
		p, ok := talent.AsProblem(err)
		if !ok || !errors.Is(err, talent.ErrInvalid) || p.Fields[0].Field != c.field {
			t.Errorf("NewPage(%q, %d) = %v, want invalid %s", c.cursor, c.limit, err, c.field)
		}
	}
}

func FuzzCursor(f *testing.F) {
	f.Add("djE6NDE")
	f.Add("")
	f.Add("%%%")
	f.Fuzz(func(t *testing.T, cursor string) {
		p, err := talent.NewPage(cursor, 10, true)
		if err != nil {
			if !errors.Is(err, talent.ErrInvalid) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		if cursor != "" && p.After <= 0 {
			t.Fatalf("accepted cursor %q gives id %d", cursor, p.After)
		}
	})
}
