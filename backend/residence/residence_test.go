package residence_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/residence"
	"github.com/setubashi/setubashi/backend/talent"
	"github.com/setubashi/setubashi/locales"
)

// engineer is a master's graduate with 75 points in (i)(b) and 60 in (i)(a).
func engineer() residence.Candidate {
	return residence.Candidate{HighestDegree: "master", ExperienceYears: 4,
		Technical: residence.HSPStanding{Points: 75, Threshold: 70, Eligible: true},
		Academic:  residence.HSPStanding{Points: 60, Threshold: 70}}
}

func fits(t *testing.T, c residence.Candidate, o residence.Offer) []string {
	t.Helper()
	var out []string
	for _, f := range residence.Assess(c, o) {
		if f.Fits {
			out = append(out, f.Status)
		}
		if len(f.Reasons) == 0 {
			t.Errorf("%s: no reasons", f.Status)
		}
	}
	return out
}

func TestAssess(t *testing.T) {
	student := residence.Candidate{HighestDegree: "bachelor", EnrolledStudent: true}
	cases := []struct {
		name string
		c    residence.Candidate
		o    residence.Offer
		want []string
	}{
		{"a permanent job at ¥7,000,000", engineer(), residence.Offer{Kind: "job", AnnualSalaryJPY: 7_000_000, HostKind: "company"},
			[]string{"hsp_1b", "engineer_specialist"}},
		{"a paid research post at a university", engineer(), residence.Offer{Kind: "research", AnnualSalaryJPY: 5_000_000, TermMonths: 24, HostKind: "university"},
			[]string{"hsp_1b", "professor", "researcher"}},
		{"a research post of 2 months", engineer(), residence.Offer{Kind: "research", AnnualSalaryJPY: 5_000_000, TermMonths: 2, HostKind: "research_institute"},
			[]string{"hsp_1b"}},
		{"a 6-month paid internship with an agreement", student, residence.Offer{Kind: "internship", AnnualSalaryJPY: 1_800_000, TermMonths: 6, HostKind: "startup", UniversityAgreement: true},
			[]string{"designated_internship"}},
		{"an internship without an agreement", student, residence.Offer{Kind: "internship", AnnualSalaryJPY: 1_800_000, TermMonths: 6, HostKind: "startup"},
			nil},
		{"an unpaid 2-month internship", student, residence.Offer{Kind: "internship", TermMonths: 2, HostKind: "research_institute", UniversityAgreement: true},
			[]string{"designated_internship", "cultural_activities"}},
		{"an internship of 13 months", student, residence.Offer{Kind: "internship", AnnualSalaryJPY: 1, TermMonths: 13, HostKind: "company", UniversityAgreement: true},
			nil},
		{"J-Skip pay", residence.Candidate{HighestDegree: "doctorate", JSkip: true, Technical: residence.HSPStanding{Points: 90, Threshold: 70, Eligible: true}},
			residence.Offer{Kind: "job", AnnualSalaryJPY: 21_000_000, HostKind: "company"}, []string{"j_skip", "hsp_1b", "engineer_specialist"}},
		{"no degree, 9 years", residence.Candidate{HighestDegree: "none", ExperienceYears: 9}, residence.Offer{Kind: "job", AnnualSalaryJPY: 4_000_000, HostKind: "company"},
			nil},
		{"no degree, 10 years", residence.Candidate{HighestDegree: "none", ExperienceYears: 10}, residence.Offer{Kind: "job", AnnualSalaryJPY: 4_000_000, HostKind: "company"},
			[]string{"engineer_specialist"}},
	}
	for _, c := range cases {
		if got := fits(t, c.c, c.o); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// TestAssessReasons: each status that does not fit says why, in the
// reader's language, and J-Find never fits an offer.
func TestAssessReasons(t *testing.T) {
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, f := range residence.Assess(engineer(), residence.Offer{Kind: "job", AnnualSalaryJPY: 7_000_000, HostKind: "company"}) {
		for _, r := range f.Reasons {
			for _, lang := range i18n.Supported {
				text, err := catalog.Render(lang, r.ID, r.Args)
				if err != nil || strings.Contains(text, "{{") || strings.Contains(text, "<no value>") {
					t.Errorf("%s %s in %s: %q %v", f.Status, r.ID, lang, text, err)
				}
				if lang == "en" {
					got[f.Status] = append(got[f.Status], text)
				}
			}
		}
	}
	want := map[string]string{
		"hsp_1b":                "Highly Skilled Professional (i)(b) fits this offer.",
		"hsp_1a":                "Highly Skilled Professional (i)(a) needs 70 points; with this offer the points table gives 60.",
		"j_find":                "is for looking for work or starting a business in Japan, not for taking up an offer.",
		"cultural_activities":   "Cultural Activities is only for unpaid activities, and this offer pays ¥7,000,000 a year.",
		"professor":             "Professor is not for this kind of host (Company).",
		"researcher":            "Researcher is not for a post of this kind (Job).",
		"designated_internship": "Designated Activities (Internship) needs a fixed term of at most 12 months.",
		"j_skip":                "needs an annual salary of at least ¥20,000,000; this offer pays ¥7,000,000.",
	}
	for status, text := range want {
		if !strings.Contains(strings.Join(got[status], "\n"), text) {
			t.Errorf("%s: %q lacks %q", status, got[status], text)
		}
	}
}

// TestCheckOffer: the planned status must fit the offer's kind, pay, term
// and host; the problem names the field and says why.
func TestCheckOffer(t *testing.T) {
	ok := []struct {
		status string
		o      residence.Offer
	}{
		{"hsp_1b", residence.Offer{Kind: "job", AnnualSalaryJPY: 3_000_000, HostKind: "company"}},
		{"designated_internship", residence.Offer{Kind: "internship", TermMonths: 12, HostKind: "startup"}},
		{"cultural_activities", residence.Offer{Kind: "internship", TermMonths: 3, HostKind: "university"}},
		{"researcher", residence.Offer{Kind: "research", AnnualSalaryJPY: 1, TermMonths: 3, HostKind: "research_institute"}},
		{"hsp_1a", residence.Offer{Kind: "research", AnnualSalaryJPY: 2_000_000, HostKind: "university"}},
	}
	for _, c := range ok {
		if err := residence.CheckOffer("planned_status", c.status, c.o); err != nil {
			t.Errorf("%s %+v: %v", c.status, c.o, err)
		}
	}
	bad := []struct {
		status string
		o      residence.Offer
		codes  []string
	}{
		{"designated_internship", residence.Offer{Kind: "job", AnnualSalaryJPY: 5_000_000, HostKind: "company"}, []string{"residence.kind", "residence.max_term"}},
		{"cultural_activities", residence.Offer{Kind: "research", AnnualSalaryJPY: 4_000_000, TermMonths: 6, HostKind: "university"}, []string{"residence.unpaid"}},
		{"hsp_1b", residence.Offer{Kind: "job", AnnualSalaryJPY: 2_999_999, HostKind: "company"}, []string{"residence.min_salary"}},
		{"hsp_1b", residence.Offer{Kind: "job", HostKind: "company"}, []string{"residence.paid"}},
		{"designated_internship", residence.Offer{Kind: "internship", TermMonths: 13, HostKind: "company"}, []string{"residence.max_term"}},
		{"researcher", residence.Offer{Kind: "research", AnnualSalaryJPY: 1, TermMonths: 2, HostKind: "company"}, []string{"residence.min_term"}},
		{"professor", residence.Offer{Kind: "research", AnnualSalaryJPY: 1, HostKind: "startup"}, []string{"residence.host"}},
		{"j_find", residence.Offer{Kind: "job", AnnualSalaryJPY: 1, HostKind: "startup"}, []string{"residence.no_offer"}},
		{"tourist", residence.Offer{Kind: "job", AnnualSalaryJPY: 1, HostKind: "startup"}, []string{"one_of"}},
	}
	for _, c := range bad {
		p, ok := talent.AsProblem(residence.CheckOffer("planned_status", c.status, c.o))
		var codes []string
		if ok {
			for _, f := range p.Fields {
				if f.Field != "planned_status" {
					t.Errorf("%s: field %s", c.status, f.Field)
				}
				codes = append(codes, f.Code)
			}
		}
		if !ok || !slices.Equal(codes, c.codes) {
			t.Errorf("%s %+v: %v, want %v", c.status, c.o, codes, c.codes)
		}
	}
}

func TestSource(t *testing.T) {
	if src, from := residence.Source(); !strings.Contains(src, "Immigration Services Agency") || from.IsZero() {
		t.Errorf("%q %v", src, from)
	}
}
