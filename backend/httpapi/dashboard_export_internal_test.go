package httpapi

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"
	"unicode/utf8"
)

// TestCSVCells checks that text a spreadsheet would run as a formula (an
// institution's name is whatever a candidate typed) is defused, and that
// numbers and empty cells are written plainly.
func TestCSVCells(t *testing.T) {
	cases := map[any]string{
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+91 college":              "'+91 college",
		"-1":                       "'-1",
		"@SUM(A1)":                 "'@SUM(A1)",
		"IIT Bombay":               "IIT Bombay",
		"東京都":                      "東京都",
		"":                         "",
		42:                         "42",
		83.3:                       "83.3",
	}
	for in, want := range cases {
		if got := cellText(in); got != want {
			t.Errorf("cellText(%q) = %q, want %q", in, got, want)
		}
	}
	if cellText(nil) != "" {
		t.Error("nil is not an empty cell")
	}
	body, err := csvFile(exportTable{header: []string{"a", "b"}, rows: [][]any{{"x,y", nil}, {"=1+1", 3}}})
	if err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\uFEFF")))).ReadAll()
	if err != nil || !slices.EqualFunc(records, [][]string{{"a", "b"}, {"x,y", ""}, {"'=1+1", "3"}}, slices.Equal) {
		t.Errorf("csv %q, %v", records, err)
	}
}

// TestSheetNames checks that sheet names are valid and unique.
func TestSheetNames(t *testing.T) {
	used := map[string]bool{}
	long := "चरण में बिताए दिन और उनसे आगे निकले आवेदन, प्रतिशत में"
	got := []string{sheetName("Funnel", used), sheetName("Funnel", used), sheetName("a/b:c", used), sheetName(long, used), sheetName(long, used), sheetName(" ", used)}
	if got[0] != "Funnel" || got[1] != "Funnel 2" || got[2] != "a-b-c" || got[5] != "Sheet" {
		t.Errorf("sheet names %q", got)
	}
	for _, name := range got {
		if utf8.RuneCountInString(name) > 31 {
			t.Errorf("%q is longer than 31 characters", name)
		}
	}
	if got[3] == got[4] {
		t.Errorf("two sheets named %q", got[3])
	}
}
