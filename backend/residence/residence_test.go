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

// TestCheckOffer: the planned status must fit the offer's kind, pay, term
// and host; the problem names the field and says why.
func TestCheckOffer(t *testing.T) {
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	ok := []struct {
		status string
		o      residence.Offer
	}{
		{"hsp_1b", residence.Offer{Kind: "job", AnnualSalaryJPY: 3_000_000, HostKind: "company"}},
		{"designated_internship", residence.Offer{Kind: "internship", TermMonths: 12, HostKind: "startup", UniversityAgreement: true}},
		{"cultural_activities", residence.Offer{Kind: "internship", TermMonths: 3, HostKind: "university"}},
		{"researcher", residence.Offer{Kind: "research", AnnualSalaryJPY: 1, TermMonths: 3, HostKind: "research_institute"}},
		{"hsp_1a", residence.Offer{Kind: "research", AnnualSalaryJPY: 2_000_000, HostKind: "university"}},
		{"designated_internship", residence.Offer{Kind: "internship", TermMonths: 6, HostKind: "company", UniversityAgreement: true}},
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
		{"designated_internship", residence.Offer{Kind: "job", AnnualSalaryJPY: 5_000_000, HostKind: "company"}, []string{"residence.kind", "residence.max_term", "residence.agreement"}},
		{"designated_internship", residence.Offer{Kind: "internship", AnnualSalaryJPY: 1_800_000, TermMonths: 6, HostKind: "startup"}, []string{"residence.agreement"}},
		{"cultural_activities", residence.Offer{Kind: "research", AnnualSalaryJPY: 4_000_000, TermMonths: 6, HostKind: "university"}, []string{"residence.unpaid"}},
		{"hsp_1b", residence.Offer{Kind: "job", AnnualSalaryJPY: 2_999_999, HostKind: "company"}, []string{"residence.min_salary"}},
		{"hsp_1b", residence.Offer{Kind: "job", HostKind: "company"}, []string{"residence.paid"}},
		{"designated_internship", residence.Offer{Kind: "internship", TermMonths: 13, HostKind: "company", UniversityAgreement: true}, []string{"residence.max_term"}},
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
			continue
		}
		for _, f := range p.Fields {
			for _, lang := range i18n.Supported {
				text, err := catalog.Render(lang, "field."+f.Code, f.Args)
				if err != nil || strings.Contains(text, "<no value>") || strings.Contains(text, "{{") {
					t.Errorf("%s in %s: %q %v", f.Code, lang, text, err)
				}
			}
		}
	}
}
