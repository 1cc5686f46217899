package i18n_test

import (
	"strings"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/locales"
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

// TestRenderFormatsArguments shows each kind of argument in the language's
// form wherever it appears in a message.
func TestRenderFormatsArguments(t *testing.T) {
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	args := map[string]any{"From": term("stage.offer"), "To": term("stage.screening")}
	for lang, want := range map[string]string{"en": "“Offer”", "ja": "「内定」", "hi": "प्रस्ताव"} {
		got, err := catalog.Render(lang, "error.illegal_transition", args)
		if err != nil || !strings.Contains(got, want) {
			t.Errorf("%s: %q, %v; want it to contain %q", lang, got, err, want)
		}
	}
	stages := terms{"stage.offer", "stage.placed"}
	for lang, want := range map[string]string{"hi": "प्रस्ताव, ", "ja": "内定、"} {
		got, err := catalog.Render(lang, "field.one_of", map[string]any{"Values": stages})
		if err != nil || !strings.Contains(got, want) {
			t.Errorf("labels in %s: %q %v", lang, got, err)
		}
	}
	got, err := catalog.Render("hi", "field.date_range", map[string]any{"From": day(time.Date(2026, 7, 2, 0, 0, 0, 0, time.UTC)), "To": yen(6500000)})
	if err != nil || !strings.Contains(got, "2 जुलाई 2026") || !strings.Contains(got, "¥65,00,000") {
		t.Errorf("date and yen in hi: %q %v", got, err)
	}
	got, err = catalog.Render("ja", "field.date_range", map[string]any{"From": moment(time.Date(2026, 11, 26, 18, 5, 0, 0, time.UTC)), "To": 7})
	if err != nil || !strings.Contains(got, "2026年11月26日 18:05 UTC") || !strings.Contains(got, "7") {
		t.Errorf("moment and plain value in ja: %q %v", got, err)
	}
}

// term, terms, yen, day and moment are arguments of the kinds the catalogue
// formats, as a domain defines them.
type (
	term   string
	terms  []string
	yen    int64
	day    time.Time
	moment time.Time
)

func (t term) MessageID() string      { return string(t) }
func (ts terms) MessageIDs() []string { return ts }
func (y yen) Yen() int64              { return int64(y) }
func (d day) CalendarDay() time.Time  { return time.Time(d) }
func (m moment) Moment() time.Time    { return time.Time(m) }

func TestFormatInstant(t *testing.T) {
	at := time.Date(2026, 11, 26, 18, 5, 0, 0, time.FixedZone("JST", 9*3600))
	for lang, want := range map[string]string{"en": "26 Nov 2026, 09:05 UTC", "ja": "2026年11月26日 09:05 UTC", "hi": "26 नवंबर 2026, 09:05 UTC"} {
		if got := i18n.FormatInstant(lang, at); got != want {
			t.Errorf("FormatInstant(%s) = %q, want %q", lang, got, want)
		}
	}
	india := time.FixedZone("IST", 5*3600+1800)
	for lang, want := range map[string]string{"en": "26 Nov 2026, 14:35 IST", "ja": "2026年11月26日 14:35 IST", "hi": "26 नवंबर 2026, 14:35 IST"} {
		if got := i18n.FormatInstantIn(lang, at, india); got != want {
			t.Errorf("FormatInstantIn(%s, IST) = %q, want %q", lang, got, want)
		}
	}
	// The day follows the zone: 23:00 UTC is the next morning in Japan.
	if got := i18n.FormatInstantIn("ja", time.Date(2026, 12, 31, 23, 0, 0, 0, time.UTC), time.FixedZone("JST", 9*3600)); got != "2027年1月1日 08:00 JST" {
		t.Errorf("FormatInstantIn across midnight = %q", got)
	}
}
