package i18n_test

import (
	"strings"
	"testing"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/locales"
)

// TestAddLabels registers skill labels and renders them as messages, as
// terms inside a message, and through the catalogue's message map.
func TestAddLabels(t *testing.T) {
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	labels := map[string]map[string]string{
		"en": {"nlp": "Natural language processing", "pytorch": "PyTorch", "mlops": "MLOps"},
		"ja": {"nlp": "自然言語処理", "pytorch": "PyTorch"},
		"hi": {"nlp": "प्राकृतिक भाषा प्रसंस्करण", "pytorch": "PyTorch"},
	}
	if err := catalog.AddLabels("skill", labels); err != nil {
		t.Fatal(err)
	}
	if err := catalog.AddLabels("skill", labels); err != nil {
		t.Errorf("adding the same labels again: %v", err)
	}
	for lang, codes := range labels {
		for code, label := range codes {
			if got := catalog.Text(lang, "skill."+code); got != label {
				t.Errorf("%s skill.%s = %q, want %q", lang, code, got, label)
			}
			if got := catalog.Messages(lang)["skill."+code]["other"]; got != label {
				t.Errorf("%s Messages()[skill.%s] = %q", lang, code, got)
			}
		}
	}
	if !catalog.Has("skill.nlp") {
		t.Error("Has(skill.nlp) is false")
	}
	// A label missing in one language falls back to English.
	if got := catalog.Text("ja", "skill.mlops"); got != "MLOps" {
		t.Errorf("ja skill.mlops = %q, want the English label", got)
	}
	// Terms of the set render as labels, joined the language's way.
	args := map[string]any{"Skill": "pytorh", "Suggestions": terms{"skill.nlp", "skill.pytorch"}}
	want := map[string]string{
		"en": "Natural language processing, PyTorch",
		"ja": "自然言語処理、PyTorch",
		"hi": "प्राकृतिक भाषा प्रसंस्करण, PyTorch",
	}
	for lang, list := range want {
		got, err := catalog.Render(lang, "field.unknown_skill", args)
		if err != nil || !strings.Contains(got, list) || !strings.Contains(got, "pytorh") {
			t.Errorf("%s field.unknown_skill = %q, %v; want it to name pytorh and %q", lang, got, err, list)
		}
	}
}

func TestAddLabelsRefuses(t *testing.T) {
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, set string
		labels    map[string]map[string]string
	}{
		{"unsupported language", "skill", map[string]map[string]string{"fr": {"nlp": "TAL"}}},
		{"empty label", "skill", map[string]map[string]string{"en": {"nlp": " "}}},
		{"empty code", "skill", map[string]map[string]string{"en": {"": "Nothing"}}},
		{"template braces", "skill", map[string]map[string]string{"en": {"nlp": "{{.Oops}}"}}},
		{"bad set", "skill.x", map[string]map[string]string{"en": {"nlp": "NLP"}}},
		{"replaces a catalogue message", "stage", map[string]map[string]string{"en": {"submitted": "Something else"}}},
	}
	for _, c := range cases {
		if err := catalog.AddLabels(c.set, c.labels); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
	if catalog.Has("skill.nlp") || catalog.Text("en", "stage.submitted") == "Something else" {
		t.Error("a refused call added labels")
	}
}
