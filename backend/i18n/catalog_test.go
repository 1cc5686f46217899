package i18n_test

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/locales"
)

// pluralForms are the CLDR plural categories each language uses for
// cardinal numbers (Japanese has none but "other"; Hindi counts 0 and 1 as "one").
var pluralForms = map[string][]string{
	"en": {"one", "other"},
	"ja": {"other"},
	"hi": {"one", "other"},
}

var placeholder = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

// catalogue reads one locales file as flat message ID → plural form → text.
func catalogue(t *testing.T, lang string) map[string]map[string]string {
	t.Helper()
	raw, err := fs.ReadFile(locales.FS, lang+".toml")
	if err != nil {
		t.Fatal(err)
	}
	var tree map[string]any
	if _, err := toml.Decode(string(raw), &tree); err != nil {
		t.Fatalf("%s.toml: %v", lang, err)
	}
	out := map[string]map[string]string{}
	var walk func(prefix string, node map[string]any)
	walk = func(prefix string, node map[string]any) {
		for key, v := range node {
			id := strings.TrimPrefix(prefix+"."+key, ".")
			switch v := v.(type) {
			case string:
				out[id] = map[string]string{"other": v}
			case map[string]any:
				if isPlural(v) {
					forms := map[string]string{}
					for form, text := range v {
						forms[form], _ = text.(string)
					}
					out[id] = forms
				} else {
					walk(id, v)
				}
			default:
				t.Errorf("%s.toml: %s is %T, want text", lang, id, v)
			}
		}
	}
	walk("", tree)
	return out
}

func isPlural(m map[string]any) bool {
	for k := range m {
		if !slices.Contains([]string{"zero", "one", "two", "few", "many", "other"}, k) {
			return false
		}
	}
	return len(m) > 0
}

func placeholders(s string) []string {
	var names []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		names = append(names, m[1])
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// TestCataloguesMatch fails on a missing or extra key, an empty value,
// placeholders that differ from English, or plural forms that do not fit the
// language.
func TestCataloguesMatch(t *testing.T) {
	ref := catalogue(t, "en")
	if len(ref) < 100 {
		t.Fatalf("English catalogue has only %d messages", len(ref))
	}
	for _, lang := range i18n.Supported {
		cat := catalogue(t, lang)
		for id := range ref {
			if _, ok := cat[id]; !ok {
				t.Errorf("%s: missing %s", lang, id)
			}
		}
		for id, forms := range cat {
			refForms, ok := ref[id]
			if !ok {
				t.Errorf("%s: %s is not in en.toml", lang, id)
				continue
			}
			want := placeholders(refForms["other"])
			plural := len(refForms) > 1
			if plural {
				got := slices.Sorted(maps.Keys(forms))
				if !slices.Equal(got, pluralForms[lang]) {
					t.Errorf("%s: %s has plural forms %v, want %v", lang, id, got, pluralForms[lang])
				}
			}
			for form, text := range forms {
				if strings.TrimSpace(text) == "" {
					t.Errorf("%s: %s (%s) is empty", lang, id, form)
				}
				if got := placeholders(text); !slices.Equal(got, want) {
					t.Errorf("%s: %s (%s) has placeholders %v, want %v", lang, id, form, got, want)
				}
			}
		}
	}
}

// TestCataloguesAreTranslated fails when a Japanese or Hindi message is the
// English text copied across, or is not written in the language's script.
func TestCataloguesAreTranslated(t *testing.T) {
	ref := catalogue(t, "en")
	scripts := map[string]*regexp.Regexp{
		"ja": regexp.MustCompile(`[\p{Hiragana}\p{Katakana}\p{Han}]`),
		"hi": regexp.MustCompile(`\p{Devanagari}`),
	}
	// Brand names and codes are the same in every language.
	same := map[string]bool{"app.name": true}
	for lang, script := range scripts {
		for id, forms := range catalogue(t, lang) {
			if same[id] || strings.HasPrefix(id, "jlpt.N") {
				continue
			}
			text := forms["other"]
			if text == ref[id]["other"] {
				t.Errorf("%s: %s is the English text copied across: %q", lang, id, text)
			}
			if !script.MatchString(text) {
				t.Errorf("%s: %s is not written in the language's script: %q", lang, id, text)
			}
		}
	}
}

// messageCodes finds the message codes the Go code raises: problem codes
// (error.*, declared as talent.ErrorCode constants or written in place), field
// codes (field.*) and the titles of HTTP statuses.
var messageCodes = []struct {
	pattern *regexp.Regexp
	prefix  string
}{
	{regexp.MustCompile(`ErrorCode += "(\w+)"`), "error."},
	{regexp.MustCompile(`(?:Conflict|Forbidden)\("(\w+)"`), "error."},
	{regexp.MustCompile(`NewProblem\([\w.]+, "(\w+)"`), "error."},
	{regexp.MustCompile(`newHTTPProblem\([^,]+, "([\w.]+)", [\w.()"]+, "(\w+)"`), "error."},
	{regexp.MustCompile(`\.Add\([^,]+, "(\w+)"`), "field."},
	{regexp.MustCompile(`"(title\.\w+)"`), ""},
	{regexp.MustCompile(`Text\([^,]+, "(\w+\.\w+)"\)`), ""},
}

// TestEveryRaisedCodeHasAMessage scans the backend's Go code for the message
// codes it raises and checks each has a message in the catalogues.
func TestEveryRaisedCodeHasAMessage(t *testing.T) {
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	err = filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, mc := range messageCodes {
			for _, m := range mc.pattern.FindAllStringSubmatch(string(src), -1) {
				for _, code := range m[1:] {
					id := code
					if !strings.Contains(code, ".") {
						id = mc.prefix + code
					}
					found++
					if !catalog.Has(id) {
						t.Errorf("%s raises %q but the catalogue has no message %s", path, code, id)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 40 {
		t.Fatalf("found only %d message codes; has the code changed shape?", found)
	}
}

// TestRenderPlurals checks plural forms and placeholders render per language.
func TestRenderPlurals(t *testing.T) {
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		lang string
		max  int
		want string
	}{
		{"en", 1, "Must be at most 1 character."},
		{"en", 5, "Must be at most 5 characters."},
	}
	for _, c := range cases {
		got, err := catalog.Render(c.lang, "field.too_long", map[string]any{"Max": c.max})
		if err != nil || got != c.want {
			t.Errorf("%s %d: %q, %v; want %q", c.lang, c.max, got, err, c.want)
		}
	}
	for _, lang := range []string{"ja", "hi"} {
		for _, n := range []int{0, 1, 2, 120} {
			got, err := catalog.Render(lang, "field.too_long", map[string]any{"Max": n})
			if err != nil || !strings.Contains(got, strings.TrimSpace(i18n.FormatInt("en", int64(n)))) {
				t.Errorf("%s %d: %q, %v", lang, n, got, err)
			}
		}
	}
}
