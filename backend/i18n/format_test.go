package i18n_test

import (
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/i18n"
)

func TestFormatInt(t *testing.T) {
	cases := []struct {
		lang string
		n    int64
		want string
	}{
		{"en", 0, "0"}, {"en", 999, "999"}, {"en", 1000, "1,000"}, {"en", 12345678, "12,345,678"},
		{"ja", 6500000, "6,500,000"}, {"hi", 6500000, "65,00,000"}, {"hi", 12345678, "1,23,45,678"},
		{"hi", 1000, "1,000"}, {"hi", 100000, "1,00,000"}, {"en", -1234, "-1,234"},
	}
	for _, c := range cases {
		if got := i18n.FormatInt(c.lang, c.n); got != c.want {
			t.Errorf("FormatInt(%s, %d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
	if got := i18n.FormatYen("hi", 6500000); got != "¥65,00,000" {
		t.Errorf("FormatYen = %q", got)
	}
}

func TestFormatDate(t *testing.T) {
	d := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	for lang, want := range map[string]string{"en": "26 Nov 2026", "ja": "2026年11月26日", "hi": "26 नवंबर 2026"} {
		if got := i18n.FormatDate(lang, d); got != want {
			t.Errorf("FormatDate(%s) = %q, want %q", lang, got, want)
		}
	}
}
