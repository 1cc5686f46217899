package i18n_test

import (
	"testing"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/locales"
)

func TestNegotiate(t *testing.T) {
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		explicit, saved, accept, want string
	}{
		{"", "", "", "en"},
		{"ja", "hi", "en", "ja"},
		{"xx", "hi", "ja", "hi"},
		{"", "", "ja-JP,ja;q=0.9,en;q=0.8", "ja"},
		{"", "", "hi-IN", "hi"},
		{"", "", "en-IN,hi;q=0.8", "en"},
		{"", "", "fr-FR,hi;q=0.5", "hi"},
		{"", "", "fr-FR,de", "en"},
		{"", "", "*;q=0,garbage;;", "en"},
	}
	for _, c := range cases {
		if got := catalog.Negotiate(c.explicit, c.saved, c.accept); got != c.want {
			t.Errorf("Negotiate(%q, %q, %q) = %q, want %q", c.explicit, c.saved, c.accept, got, c.want)
		}
	}
}
