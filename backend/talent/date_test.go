package talent_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/talent"
)

func TestDateJSONRoundTrip(t *testing.T) {
	d := talent.NewDate(2026, 7, 2)
	b, err := json.Marshal(d)
	if err != nil || string(b) != `"2026-07-02"` {
		t.Fatalf("marshal: %s %v", b, err)
	}
	var back talent.Date
	if err := json.Unmarshal(b, &back); err != nil || back != d {
		t.Fatalf("unmarshal: %v %v", back, err)
	}
	for _, bad := range []string{`"2026-13-01"`, `"02/07/2026"`, `20260702`, `""`, `null`} {
		if err := json.Unmarshal([]byte(bad), &back); err == nil && bad != "null" {
			t.Errorf("%s accepted", bad)
		}
	}
}

func TestYearsUntil(t *testing.T) {
	born := talent.NewDate(1996, 11, 26)
	cases := map[talent.Date]int{
		talent.NewDate(2026, 11, 25): 29,
		talent.NewDate(2026, 11, 26): 30,
		talent.NewDate(2027, 1, 1):   30,
	}
	for on, want := range cases {
		if got := born.YearsUntil(on); got != want {
			t.Errorf("age on %s = %d, want %d", on, got, want)
		}
	}
	if got := talent.DateOf(time.Date(2026, 1, 1, 23, 0, 0, 0, time.FixedZone("JST", 9*3600))); got.String() != "2026-01-01" {
		t.Errorf("DateOf in JST = %s, want the UTC day 2026-01-01", got)
	}
}

func FuzzDateUnmarshal(f *testing.F) {
	for _, s := range []string{`"2026-07-02"`, `"0000-00-00"`, `"2026-02-30"`, `"x"`, `""`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var d talent.Date
		if err := json.Unmarshal([]byte(s), &d); err != nil {
			return
		}
		again, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back talent.Date
		if err := json.Unmarshal(again, &back); err != nil || back != d {
			t.Fatalf("%s → %s does not round-trip", s, again)
		}
	})
}
