package httpapi_test

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
)

// hspAnswer is an HSP assessment as the API writes it.
type hspAnswer struct {
	Points    int `json:"points"`
	Breakdown []struct {
		Item   string `json:"item"`
		Points int    `json:"points"`
	} `json:"breakdown"`
	Eligible  bool     `json:"eligible"`
	FastTrack bool     `json:"fast_track"`
	JSkip     bool     `json:"j_skip"`
	JFind     bool     `json:"j_find"`
	Reasons   []string `json:"reasons"`
}

// items returns the breakdown as "item=points".
func (h hspAnswer) items() []string {
	out := make([]string, len(h.Breakdown))
	for i, b := range h.Breakdown {
		out[i] = b.Item + "=" + strconv.Itoa(b.Points)
	}
	return out
}

// has reports whether some reason contains every part.
func (h hspAnswer) has(parts ...string) bool {
	return slices.ContainsFunc(h.Reasons, func(r string) bool {
		for _, p := range parts {
			if !strings.Contains(r, p) {
				return false
			}
		}
		return true
	})
}

// yenIn writes an amount of yen as lang does (Indian grouping in Hindi).
func yenIn(lang string, amount int64) string {
	digits := strconv.FormatInt(amount, 10)
	size := 3
	out := digits[len(digits)-min(3, len(digits)):]
	digits = digits[:len(digits)-min(3, len(digits))]
	if lang == "hi" {
		size = 2
	}
	for len(digits) > 0 {
		n := min(size, len(digits))
		out = digits[len(digits)-n:] + "," + out
		digits = digits[:len(digits)-n]
	}
	return "¥" + out
}

// TestHSPCalculator checks the calculator against totals computed by hand
// from the points table (../shared/DOMAIN.md), in each language, with the
// amounts in the reasons written as the language writes them. Anyone may
// call it; the language comes from Accept-Language.
func TestHSPCalculator(t *testing.T) {
	cases := []struct {
		name  string
		input map[string]any
		items []string
		total int
		// eligible, fast track, J-Skip, J-Find
		flags [4]bool
		// amounts of yen some reason must name, in each language's form
		amounts []int64
	}{
		{
			// 30 + 15 + 30 (¥8M at any age under 40) = 75: eligible, not fast track.
			name:  "doctorate at 29 earning ¥8,000,000",
			input: map[string]any{"degree": "doctorate", "age": 29, "annual_salary_jpy": 8000000},
			items: []string{"degree_doctorate=30", "age_under_30=15", "annual_salary=30"}, total: 75,
			flags: [4]bool{true, false, false, false}, amounts: []int64{20000000, 200000},
		},
		{
			// The rules that combine items: the SME bonus needs innovation
			// support, R&D over 3% counts for an SME alone, JLPT N2 does not
			// add to a Japanese degree, ¥5.5M earns nothing at 35.
			// 20 + 5 + 15 + 5 + 5 + 5 + 10 + 10 = 75; J-Find: top 100 in two
			// rankings, 4 years ago, ¥250,000 saved.
			name: "master's at 35 with the table's combination rules",
			input: map[string]any{"degree": "master", "multiple_degrees": true, "experience_years": 7, "age": 35,
				"annual_salary_jpy": 5500000, "qualifications": 1, "employer_innovation_support": false, "employer_sme": true,
				"sme_rd_over_3_percent": true, "japanese_university_degree": true, "jlpt": "N2", "top_university": true,
				"university_top100_rankings": 2, "years_since_graduation": 4, "savings_jpy": 250000},
			items: []string{"degree_master=20", "multiple_degrees=5", "experience_7_9=15", "age_35_39=5", "qualifications_one=5",
				"sme_rd_over_3_percent=5", "japanese_university_degree=10", "top_university=10"},
			total: 75, flags: [4]bool{true, false, false, true}, amounts: []int64{20000000},
		},
		{
			// 30 + 5 + 10 + 40 + 10 + 15 (N1 adds to a Japanese degree) = 110.
			name: "doctorate at 34 earning ¥10,000,000 with N1",
			input: map[string]any{"degree": "doctorate", "multiple_degrees": true, "age": 34, "annual_salary_jpy": 10000000,
				"japanese_university_degree": true, "jlpt": "N1"},
			items: []string{"degree_doctorate=30", "multiple_degrees=5", "age_30_34=10", "annual_salary=40", "japanese_university_degree=10", "jlpt_n1=15"},
			total: 110, flags: [4]bool{true, true, false, false},
		},
		{
			// 10 + 0 (¥7,999,999 earns nothing at 40) + 10 = 20.
			name:  "bachelor's at 40 earning ¥7,999,999",
			input: map[string]any{"degree": "bachelor", "age": 40, "annual_salary_jpy": 7999999, "jlpt": "N2"},
			items: []string{"degree_bachelor=10", "jlpt_n2=10"}, total: 20,
			flags: [4]bool{false, false, false, false},
		},
		{
			// 20 + 40 = 60 by the table, but J-Skip by experience and pay,
			// which is treated like 80 points: eligible and fast track.
			name:  "no degree, 10 years, ¥20,000,000 at 45",
			input: map[string]any{"degree": "none", "experience_years": 10, "age": 45, "annual_salary_jpy": 20000000},
			items: []string{"experience_10_plus=20", "annual_salary=40"}, total: 60,
			flags: [4]bool{true, true, true, false}, amounts: []int64{20000000},
		},
		{
			// 30 + 20 + 15 + 15 + 15 = 95 points, refused under ¥3,000,000.
			name: "95 points earning ¥2,999,999",
			input: map[string]any{"degree": "doctorate", "experience_years": 10, "age": 25, "annual_salary_jpy": 2999999,
				"research_achievements": true, "jlpt": "N1"},
			items: []string{"degree_doctorate=30", "experience_10_plus=20", "age_under_30=15", "research_achievements=15", "jlpt_n1=15"},
			total: 95, flags: [4]bool{false, false, false, false}, amounts: []int64{2999999, 3000000},
		},
	}
	eachAPI(t, func(t *testing.T, a *api) {
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				for _, lang := range languages {
					r := a.do(request{method: "POST", path: "/api/v1/hsp/assessments", body: c.input, lang: lang})
					if r.Status != http.StatusOK || r.Header.Get("Content-Language") != lang {
						t.Fatalf("%s: status %d, Content-Language %q: %s", lang, r.Status, r.Header.Get("Content-Language"), r.Body)
					}
					var got hspAnswer
					r.JSON(&got)
					flags := [4]bool{got.Eligible, got.FastTrack, got.JSkip, got.JFind}
					if got.Points != c.total || !slices.Equal(got.items(), c.items) || flags != c.flags {
						t.Errorf("%s: %d points %v, flags %v; want %d %v, %v", lang, got.Points, got.items(), flags, c.total, c.items, c.flags)
					}
					// One reason per item, the total, the verdict, then J-Skip and J-Find.
					if len(got.Reasons) < len(c.items)+4 || !strings.Contains(got.Reasons[len(c.items)], strconv.Itoa(c.total)) {
						t.Errorf("%s: reasons %q: want one per item, then the total %d", lang, got.Reasons, c.total)
					}
					for _, reason := range got.Reasons {
						if !inLanguage(lang, reason) || strings.HasPrefix(reason, "hsp.") {
							t.Errorf("%s: reason not in %s: %q", lang, lang, reason)
						}
					}
					for _, amount := range c.amounts {
						if !got.has(yenIn(lang, amount)) {
							t.Errorf("%s: no reason names %s: %q", lang, yenIn(lang, amount), got.Reasons)
						}
					}
				}
			})
		}
	})
}

// TestHSPCalculatorBadInput checks that input other than exactly the
// documented keys is refused with 400 naming each bad key, in each language.
func TestHSPCalculatorBadInput(t *testing.T) {
	valid := map[string]any{"degree": "master", "age": 30, "annual_salary_jpy": 6000000}
	without := func(key string) map[string]any {
		m := maps.Clone(valid)
		delete(m, key)
		return m
	}
	cases := []struct {
		name   string
		body   any
		code   string
		fields []string
	}{
		{"unknown key", with(valid, "salary", 6000000), "validation_failed", []string{"salary:unknown_field"}},
		{"missing age", without("age"), "validation_failed", []string{"age:required"}},
		{"null age", with(valid, "age", nil), "validation_failed", []string{"age:required"}},
		{"nothing given", map[string]any{}, "validation_failed", []string{"degree:required", "age:required", "annual_salary_jpy:required"}},
		{"age 14", with(valid, "age", 14), "validation_failed", []string{"age:out_of_range"}},
		{"age 101", with(valid, "age", 101), "validation_failed", []string{"age:out_of_range"}},
		{"age as a string", with(valid, "age", "29"), "validation_failed", []string{"age:wrong_type"}},
		{"age with a fraction", with(valid, "age", 29.5), "validation_failed", []string{"age:wrong_type"}},
		{"flag as a string", with(valid, "employer_sme", "yes"), "validation_failed", []string{"employer_sme:wrong_type"}},
		{"values out of their lists and ranges", with(valid, "degree", "phd", "jlpt", "N6", "annual_salary_jpy", -1,
			"university_top100_rankings", 4, "savings_jpy", -5), "validation_failed",
			[]string{"degree:one_of", "annual_salary_jpy:at_least", "jlpt:one_of", "university_top100_rankings:out_of_range", "savings_jpy:at_least"}},
		{"not an object", `[{"degree": "master"}]`, "malformed_json", nil},
		{"trailing data", `{"degree": "master", "age": 30, "annual_salary_jpy": 6000000} {}`, "malformed_json", nil},
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				a := newAPI(t, db) // a fresh rate limit for each case
				var english problem
				for _, lang := range languages {
					r := a.do(request{method: "POST", path: "/api/v1/hsp/assessments", body: c.body, lang: lang})
					var p problem
					r.JSON(&p)
					var fields []string
					for _, e := range p.Errors {
						fields = append(fields, e.Field+":"+e.Code)
						if e.Message == "" || !inLanguage(lang, e.Message) {
							t.Errorf("%s: message of %s not in %s: %q", lang, e.Field, lang, e.Message)
						}
					}
					if r.Status != http.StatusBadRequest || p.Code != c.code || !slices.Equal(fields, c.fields) || r.Header.Get("Content-Language") != lang {
						t.Errorf("%s: %d %s %v (Content-Language %q), want 400 %s %v", lang, r.Status, p.Code, fields, r.Header.Get("Content-Language"), c.code, c.fields)
					}
					if lang == "en" {
						english = p
					} else if p.Detail == english.Detail || !inLanguage(lang, p.Detail) {
						t.Errorf("%s: detail not translated: %q", lang, p.Detail)
					}
				}
			})
		}
	})
}

// TestHSPCalculatorRateLimit checks that one client may ask 20 times at
// once and then gets 429 with Retry-After (localized), while another client
// is still served, and that X-Forwarded-For does not let a client pass for
// another.
func TestHSPCalculatorRateLimit(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		input := map[string]any{"degree": "master", "age": 30, "annual_salary_jpy": 6000000}
		assess := func(lang, remote string, header map[string]string) reply {
			return a.do(request{method: "POST", path: "/api/v1/hsp/assessments", body: input, lang: lang, remoteAddr: remote, header: header})
		}
		for i := range 20 {
			if r := assess("en", "", nil); r.Status != http.StatusOK {
				t.Fatalf("request %d: status %d, want 200: %s", i+1, r.Status, r.Body)
			}
		}
		var english problem
		for _, lang := range languages {
			r := assess(lang, "", nil)
			var p problem
			r.JSON(&p)
			wait, err := strconv.Atoi(r.Header.Get("Retry-After"))
			if r.Status != http.StatusTooManyRequests || p.Code != "rate_limited" || err != nil || wait < 1 || wait > 3 {
				t.Fatalf("%s: status %d, code %q, Retry-After %q; want 429 rate_limited within 3 s", lang, r.Status, p.Code, r.Header.Get("Retry-After"))
			}
			if r.Header.Get("Content-Language") != lang || !inLanguage(lang, p.Detail) || (lang != "en" && p.Detail == english.Detail) {
				t.Errorf("%s: detail %q in %q", lang, p.Detail, r.Header.Get("Content-Language"))
			}
			if lang == "en" {
				english = p
			}
		}
		if r := assess("en", "", map[string]string{"X-Forwarded-For": "203.0.113.9"}); r.Status != http.StatusTooManyRequests {
			t.Errorf("X-Forwarded-For escaped the limit: status %d", r.Status)
		}
		if r := assess("en", "198.51.100.7:4321", nil); r.Status != http.StatusOK {
			t.Errorf("another client: status %d, want 200", r.Status)
		}
	})
}

// myHSPAnswer is the body of GET /api/v1/me/hsp.
type myHSPAnswer struct {
	RoleID       int64      `json:"role_id"`
	Basis        string     `json:"basis"`
	Category     string     `json:"category"`
	SalaryJPY    int64      `json:"salary_jpy"`
	Assessment   *hspAnswer `json:"assessment"`
	LowSalaryJPY int64      `json:"low_salary_jpy"`
	Low          *hspAnswer `json:"low"`
	Lifts        []struct {
		Change  string `json:"change"`
		Points  int    `json:"points"`
		Total   int    `json:"total"`
		Reaches int    `json:"reaches"`
		Text    string `json:"text"`
	} `json:"lifts"`
}

// TestMyHSP assesses the world's candidate (master's degree, 3 years of
// experience, born 1998-05-17, JLPT N4, 2 papers) against the world's role
// (¥6,000,000 to ¥9,000,000 a year) at both ends of its pay range, and
// lists what would lift them from the bottom, in each language; once the
// candidate holds an offer, at its salary alone; an internship is not an
// HSP activity; and checks the refusals.
func TestMyHSP(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		age := talent.NewDate(1998, 5, 17).YearsUntil(talent.Today())
		agePoints, ageItem := 0, ""
		switch {
		case age < 30:
			agePoints, ageItem = 15, "age_under_30"
		case age < 35:
			agePoints, ageItem = 10, "age_30_34"
		case age < 40:
			agePoints, ageItem = 5, "age_35_39"
		}
		// Master's 20, 3–4 years 5, age, ¥9M 35 at the top, ¥6M 20 at the
		// bottom; JLPT N4 and 2 papers earn nothing.
		items := []string{"degree_master=20", "experience_3_4=5"}
		if ageItem != "" {
			items = append(items, fmt.Sprintf("%s=%d", ageItem, agePoints))
		}
		lowItems := append(slices.Clone(items), "annual_salary=20")
		items = append(items, "annual_salary=35")
		total, lowTotal := 60+agePoints, 45+agePoints
		path := fmt.Sprintf("/api/v1/me/hsp?role_id=%d", w.role)
		for _, lang := range languages {
			var got myHSPAnswer
			w.getIn(t, lang, path, w.candidate, &got)
			h, low := got.Assessment, got.Low
			if got.RoleID != w.role || got.Basis != "range" || got.Category != "specialised_technical" || got.SalaryJPY != 9_000_000 ||
				got.LowSalaryJPY != 6_000_000 || h == nil || low == nil {
				t.Fatalf("%s: %+v", lang, got)
			}
			if h.Points != total || !slices.Equal(h.items(), items) || h.Eligible != (total >= 70) || h.FastTrack || h.JSkip || h.JFind {
				t.Fatalf("%s: top of the range %+v; want %d points %v", lang, h, total, items)
			}
			if low.Points != lowTotal || !slices.Equal(low.items(), lowItems) {
				t.Fatalf("%s: bottom of the range %+v; want %d points %v", lang, low, lowTotal, lowItems)
			}
			for _, reason := range h.Reasons {
				if !inLanguage(lang, reason) {
					t.Errorf("%s: reason not in %s: %q", lang, lang, reason)
				}
			}
			if len(got.Lifts) == 0 {
				t.Fatalf("%s: no lifts", lang)
			}
			changes := map[string]int{}
			for i, l := range got.Lifts {
				changes[l.Change] = i
				if l.Total != lowTotal+l.Points || l.Points <= 0 || !inLanguage(lang, l.Text) || !strings.Contains(l.Text, strconv.Itoa(l.Total)) {
					t.Errorf("%s: lift %+v from %d points", lang, l, lowTotal)
				}
				if want := map[bool]int{true: 80, false: 70}[l.Total >= 80]; l.Total >= 70 && l.Reaches != want || l.Total < 70 && l.Reaches != 0 {
					t.Errorf("%s: lift %+v reaches %d", lang, l, l.Reaches)
				}
				if i > 0 && (got.Lifts[i-1].Points < l.Points || got.Lifts[i-1].Points == l.Points && got.Lifts[i-1].Change > l.Change) {
					t.Errorf("%s: lifts out of order at %d: %+v", lang, i, got.Lifts)
				}
			}
			n2, ok := changes["jlpt_n2"]
			if !ok || got.Lifts[n2].Points != 10 || !strings.Contains(got.Lifts[n2].Text, "N2") {
				t.Errorf("%s: lifts %+v: want JLPT N2 worth 10 points", lang, got.Lifts)
			}
			if _, ok := changes["salary"]; !ok {
				t.Errorf("%s: lifts %+v: want a higher salary", lang, got.Lifts)
			}
		}

		// Once the candidate holds an offer, its salary is the one measure.
		w.advance("screening", "interview")
		w.call(http.StatusCreated, "POST", fmt.Sprintf("/api/v1/applications/%d/offers", w.application), w.member,
			with(sampleOffer(), "annual_salary_jpy", 7_000_000))
		var offered myHSPAnswer
		w.getIn(t, "en", path, w.candidate, &offered)
		if offered.Basis != "offer" || offered.SalaryJPY != 7_000_000 || offered.LowSalaryJPY != 7_000_000 || offered.Assessment == nil ||
			offered.Assessment.Points != 50+agePoints {
			t.Errorf("at the offer's salary: %+v", offered)
		}
		// An internship is not an HSP activity.
		internship := w.openRoleOf(w.member, with(sampleRole(w.org), "type", "internship", "salary_min_jpy", nil, "salary_max_jpy", nil,
			"stipend_monthly_jpy", 200000))
		var intern myHSPAnswer
		w.getIn(t, "en", fmt.Sprintf("/api/v1/me/hsp?role_id=%d", internship), w.candidate, &intern)
		if intern.Basis != "not_applicable" || intern.Assessment != nil || intern.Low != nil || len(intern.Lifts) != 0 {
			t.Errorf("an internship: %+v", intern)
		}

		// Refusals: no role named, a role the candidate may not see, a role
		// without pay, a profile without a date of birth, not a candidate.
		unpaid := w.openRoleOf(w.member, with(sampleRole(w.org), "salary_min_jpy", nil, "salary_max_jpy", nil))
		noBirthday, _ := w.candidateWith("nodob@example.in", with(sampleProfile("Anil Rao"), "date_of_birth", nil))
		cases := []struct {
			name, path, session string
			status              int
			fields              []string
		}{
			{"no role", "/api/v1/me/hsp", w.candidate, http.StatusBadRequest, []string{"role_id:required"}},
			{"role id not a number", "/api/v1/me/hsp?role_id=abc", w.candidate, http.StatusBadRequest, []string{"role_id:required"}},
			{"a draft of another organisation", fmt.Sprintf("/api/v1/me/hsp?role_id=%d", w.draftRole), w.candidate, http.StatusNotFound, nil},
			{"a role without pay", fmt.Sprintf("/api/v1/me/hsp?role_id=%d", unpaid), w.candidate, http.StatusBadRequest, []string{"salary_max_jpy:required"}},
			{"no date of birth", fmt.Sprintf("/api/v1/me/hsp?role_id=%d", w.role), noBirthday, http.StatusBadRequest, []string{"date_of_birth:required"}},
			{"not a candidate", fmt.Sprintf("/api/v1/me/hsp?role_id=%d", w.role), w.member, http.StatusForbidden, nil},
		}
		for _, c := range cases {
			for _, lang := range languages {
				r := w.do(request{method: "GET", path: c.path + map[bool]string{true: "&", false: "?"}[strings.Contains(c.path, "?")] + "lang=" + lang, session: c.session})
				var p problem
				r.JSON(&p)
				var fields []string
				for _, e := range p.Errors {
					fields = append(fields, e.Field+":"+e.Code)
					if !inLanguage(lang, e.Message) {
						t.Errorf("%s, %s: message %q not in %s", c.name, lang, e.Message, lang)
					}
				}
				if r.Status != c.status || !slices.Equal(fields, c.fields) || !inLanguage(lang, p.Detail) || r.Header.Get("Content-Language") != lang {
					t.Errorf("%s, %s: %d %v %q, want %d %v", c.name, lang, r.Status, fields, p.Detail, c.status, c.fields)
				}
			}
		}
	})
}

// TestHSPInputSchema checks that docs/openapi.yaml describes exactly the
// calculator's input keys (those of the issue, three of them required), and
// that the calculator takes a body giving every one of them.
func TestHSPInputSchema(t *testing.T) {
	c, err := loadContract()
	if err != nil {
		t.Fatal(err)
	}
	schema := c.doc.Components.Schemas["HSPInput"].Value
	keys := slices.Sorted(maps.Keys(schema.Properties))
	want := []string{"age", "annual_salary_jpy", "category", "degree", "employer_innovation_support", "employer_sme", "experience_years",
		"foreign_qualification", "growth_field_project", "japanese_university_degree", "jica_training", "jlpt", "multiple_degrees", "qualifications",
		"research_achievement_kinds", "research_achievements", "savings_jpy", "sme_rd_over_3_percent", "top_university", "university_top100_rankings", "years_since_graduation"}
	if !slices.Equal(keys, want) || !slices.Equal(schema.Required, []string{"degree", "age", "annual_salary_jpy"}) {
		t.Fatalf("HSPInput has keys %v, required %v; want %v, required degree, age, annual_salary_jpy", keys, schema.Required, want)
	}
	if schema.AdditionalProperties.Has == nil || *schema.AdditionalProperties.Has {
		t.Errorf("HSPInput allows keys beyond its properties")
	}
	full := map[string]any{}
	for name, ref := range schema.Properties {
		p := ref.Value
		switch {
		case len(p.Enum) > 0:
			full[name] = p.Enum[0]
		case p.Type.Is("boolean"):
			full[name] = true
		case p.Min != nil:
			full[name] = *p.Min
		default:
			full[name] = 1
		}
	}
	full["research_achievement_kinds"] = 1 // its minimum, 0, contradicts research_achievements: true
	eachAPI(t, func(t *testing.T, a *api) {
		if r := a.do(request{method: "POST", path: "/api/v1/hsp/assessments", body: full}); r.Status != http.StatusOK {
			t.Errorf("every documented key: status %d: %s", r.Status, r.Body)
		}
	})
}
