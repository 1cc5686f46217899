package httpapi_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// skillAnswer is the body of GET /api/v1/skills.
type skillAnswer struct {
	Items []struct {
		Slug        string `json:"slug"`
		Label       string `json:"label"`
		Domain      string `json:"domain"`
		DomainLabel string `json:"domain_label"`
		Matched     string `json:"matched"`
	} `json:"items"`
}

// TestSearchSkills autocompletes skills in each language and checks labels
// come in the caller's language whatever the query's language.
func TestSearchSkills(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		cases := []struct {
			q, lang   string
			first     string // the best match's slug
			label     string // its label in lang
			domain    string // its domain's label in lang
			matched   string // the name that matched
			wantCount int    // 0: do not check
		}{
			{"自然言語", "ja", "nlp", "自然言語処理", "自然言語処理", "自然言語処理", 0},
			{"自然言語", "en", "nlp", "Natural language processing", "Natural language processing", "自然言語処理", 0},
			{"मशीन", "hi", "machine-learning", "मशीन लर्निंग", "मशीन लर्निंग और डीप लर्निंग", "मशीन लर्निंग", 0},
			{"मशीन", "ja", "machine-learning", "機械学習", "機械学習・深層学習", "मशीन लर्निंग", 0},
			{"pytorch", "en", "pytorch", "PyTorch", "ML frameworks and libraries", "PyTorch", 2},
			{"PYTORCH", "hi", "pytorch", "PyTorch", "एमएल फ़्रेमवर्क और लाइब्रेरी", "PyTorch", 2},
			{"ＰｙＴｏｒｃｈ", "ja", "pytorch", "PyTorch", "機械学習フレームワーク・ライブラリ", "PyTorch", 2},
			{"k8s", "en", "kubernetes", "Kubernetes", "Cloud and infrastructure", "K8s", 1},
			{"深層学習", "en", "deep-learning", "Deep learning", "Machine learning and deep learning", "深層学習", 0},
			{"ﾃﾞｰﾀ分析", "hi", "data-analysis", "डेटा विश्लेषण", "डेटा साइंस और सांख्यिकी", "データ分析", 0},
			{"ぱいそん", "en", "python", "Python", "Programming languages", "パイソン", 1},
			{"कंप्यूटर विजन", "en", "computer-vision", "Computer vision", "Computer vision", "कंप्यूटर विज़न", 0},
		}
		for _, c := range cases {
			r := a.do(request{method: "GET", path: "/api/v1/skills?q=" + url.QueryEscape(c.q), lang: c.lang})
			if r.Status != http.StatusOK || r.Header.Get("Content-Language") != c.lang {
				t.Fatalf("%q in %s: status %d, language %q: %s", c.q, c.lang, r.Status, r.Header.Get("Content-Language"), r.Body)
			}
			var got skillAnswer
			r.JSON(&got)
			if len(got.Items) == 0 {
				t.Errorf("%q in %s: nothing found", c.q, c.lang)
				continue
			}
			first := got.Items[0]
			if first.Slug != c.first || first.Label != c.label || first.DomainLabel != c.domain || first.Matched != c.matched {
				t.Errorf("%q in %s: first %+v, want %s labelled %q in %q, matching %q", c.q, c.lang, first, c.first, c.label, c.domain, c.matched)
			}
			if c.wantCount > 0 && len(got.Items) != c.wantCount {
				t.Errorf("%q in %s: %d items, want %d: %+v", c.q, c.lang, len(got.Items), c.wantCount, got.Items)
			}
		}
	})
}

// TestSearchSkillsLimits checks the default and the limit, an empty query
// (top-level skills) and a query that matches nothing.
func TestSearchSkillsLimits(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		count := func(path string) int {
			var got skillAnswer
			a.call(http.StatusOK, "GET", path, "", nil).JSON(&got)
			return len(got.Items)
		}
		if n := count("/api/v1/skills?q=a"); n != 10 {
			t.Errorf("default limit: %d items, want 10", n)
		}
		if n := count("/api/v1/skills?q=a&limit=50"); n != 50 {
			t.Errorf("limit=50: %d items", n)
		}
		if n := count("/api/v1/skills?q=zzzzqqq"); n != 0 {
			t.Errorf("nonsense query: %d items, want none", n)
		}
		var top skillAnswer
		a.call(http.StatusOK, "GET", "/api/v1/skills?limit=3", "", nil).JSON(&top)
		if len(top.Items) != 3 || top.Items[0].Slug != "artificial-intelligence" || top.Items[0].Matched != "" {
			t.Errorf("empty query: %+v, want the broadest top-level skills", top.Items)
		}
		r := a.do(request{method: "GET", path: "/api/v1/skills?q=ml"})
		if cc := r.Header.Get("Cache-Control"); !strings.Contains(cc, "max-age") {
			t.Errorf("Cache-Control %q", cc)
		}
	})
}

// TestUnknownSkillInProfile saves a profile naming an unknown skill in each
// language: 400 naming the field, code unknown_skill, the nearest skills as
// slugs and, in the message, as labels in the reader's language.
func TestUnknownSkillInProfile(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		candidate := a.signUp("asha@example.in", "candidate")
		profile := sampleProfile("Asha Rao")
		profile["skills"] = []map[string]any{{"skill": "natural-language", "proficiency": 4}, {"skill": "python", "proficiency": 5}}
		want := map[string][]string{
			"en": {"“natural-language” is not a skill we know", "Natural language processing"},
			"ja": {"「natural-language」は登録されていないスキルです", "自然言語処理"},
			"hi": {"“natural-language” कोई ज्ञात कौशल नहीं है", "प्राकृतिक भाषा प्रसंस्करण"},
		}
		for _, lang := range []string{"en", "ja", "hi"} {
			r := a.do(request{method: "PUT", path: "/api/v1/me/profile?lang=" + lang, session: candidate, body: profile})
			var p struct {
				Code   string `json:"code"`
				Errors []struct {
					Field, Code, Message string
					Suggestions          []string
				} `json:"errors"`
			}
			r.JSON(&p)
			if r.Status != http.StatusBadRequest || p.Code != "validation_failed" || len(p.Errors) != 1 {
				t.Fatalf("%s: status %d: %s", lang, r.Status, r.Body)
			}
			e := p.Errors[0]
			if e.Field != "skills[0].skill" || e.Code != "unknown_skill" || len(e.Suggestions) != 3 || e.Suggestions[0] != "nlp" {
				t.Errorf("%s: %+v, want skills[0].skill unknown_skill suggesting nlp first", lang, e)
			}
			for _, part := range want[lang] {
				if !strings.Contains(e.Message, part) {
					t.Errorf("%s: message %q lacks %q", lang, e.Message, part)
				}
			}
		}
		// Nothing was saved; the skills the taxonomy knows save.
		a.call(http.StatusOK, "PUT", "/api/v1/me/profile", candidate, sampleProfile("Asha Rao"))
		var saved struct {
			Skills []struct{ Skill string } `json:"skills"`
		}
		a.call(http.StatusOK, "GET", "/api/v1/me/profile", candidate, nil).JSON(&saved)
		var slugs []string
		for _, s := range saved.Skills {
			slugs = append(slugs, s.Skill)
		}
		if !slices.Equal(slugs, []string{"python", "pytorch"}) {
			t.Errorf("saved skills %v", slugs)
		}
	})
}
