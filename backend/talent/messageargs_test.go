package talent_test

import (
	"strings"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/talent"
	"github.com/setubashi/setubashi/locales"
)

// The values that messages take as arguments are the kinds the catalogue
// shows in the reader's form.
var (
	_ i18n.Label       = talent.Term{}
	_ i18n.LabelList   = talent.Terms{}
	_ i18n.Money       = talent.Yen(0)
	_ i18n.CalendarDay = talent.Date{}
	_ i18n.Moment      = talent.Instant{}
)

// TestMessageArgumentsRenderInTheReadersForm renders each kind of value
// through the catalogue: the assertions above say which kind each is, this
// that the kind is the right one.
func TestMessageArgumentsRenderInTheReadersForm(t *testing.T) {
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lang, id, arg string
		value         any
		want          string
	}{
		{"ja", "error.illegal_transition", "From", talent.StageTerm("offer"), "「内定」"},
		{"ja", "field.one_of", "Values", talent.Terms{talent.StageTerm("offer"), talent.StageTerm("placed")}, "内定、"},
		{"hi", "field.date_range", "To", talent.Yen(6500000), "¥65,00,000"},
		{"hi", "field.date_range", "From", talent.NewDate(2026, 7, 2), "2 जुलाई 2026"},
		{"en", "error.round_deadline_not_reached", "Deadline", talent.Instant(time.Date(2026, 11, 26, 18, 5, 0, 0, time.UTC)), "26 Nov 2026, 18:05 UTC"},
	}
	for _, c := range cases {
		got, err := catalog.Render(c.lang, c.id, map[string]any{c.arg: c.value})
		if err != nil || !strings.Contains(got, c.want) {
			t.Errorf("%T in %s: %q, %v; want it to contain %q", c.value, c.lang, got, err, c.want)
		}
	}
}
