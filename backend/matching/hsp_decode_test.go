package matching_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/setubashi/setubashi/backend/matching"
	"github.com/setubashi/setubashi/backend/talent"
)

func TestDecodeHSPInput(t *testing.T) {
	in, err := matching.DecodeHSPInput(strings.NewReader(` {"degree":"master","age":28,"annual_salary_jpy":7000000,"jlpt":"N2",
		"years_since_graduation":2,"savings_jpy":0,"employer_sme":true,"university_top100_rankings":3} `))
	want := matching.HSPInput{Degree: "master", Age: 28, AnnualSalaryJPY: 7_000_000, JLPT: "N2", YearsSinceGraduation: intPtr(2), SavingsJPY: yen(0), EmployerSME: true, UniversityTop100Rankings: 3}
	if err != nil || !reflect.DeepEqual(in, want) {
		t.Fatalf("%+v, %v", in, err)
	}
}

func TestDecodeHSPInputRefuses(t *testing.T) {
	valid := `"degree":"master","age":30,"annual_salary_jpy":5000000`
	type field struct{ name, code string }
	cases := []struct {
		body   string
		fields []field // nil: malformed_json
	}{
		{``, nil},
		{`[]`, nil},
		{`null`, nil},
		{`{`, nil},
		{`{` + valid + `} {}`, nil},
		{`{` + valid + `}x`, nil},
		{`{}`, []field{{"degree", "required"}, {"age", "required"}, {"annual_salary_jpy", "required"}}},
		{`{"degree":null,"age":null,"annual_salary_jpy":null}`, []field{{"degree", "required"}, {"age", "required"}, {"annual_salary_jpy", "required"}}},
		{`{"age":14,"annual_salary_jpy":1}`, []field{{"degree", "required"}, {"age", "out_of_range"}}},
		{`{` + valid + `,"salary":1}`, []field{{"salary", "unknown_field"}}},
		{`{` + valid + `,"age":"30"}`, []field{{"age", "wrong_type"}}},
		{`{` + valid + `,"annual_salary_jpy":5000000.5}`, []field{{"annual_salary_jpy", "wrong_type"}}},
		{`{` + valid + `,"annual_salary_jpy":99999999999999999999}`, []field{{"annual_salary_jpy", "wrong_type"}}},
		{`{` + valid + `,"research_achievements":"yes"}`, []field{{"research_achievements", "wrong_type"}}},
		{`{` + valid + `,"degree":"phd"}`, []field{{"degree", "one_of"}}},
		{`{` + valid + `,"jlpt":"N6"}`, []field{{"jlpt", "one_of"}}},
		{`{` + valid + `,"jlpt":""}`, []field{{"jlpt", "one_of"}}},
		{`{` + valid + `,"age":101}`, []field{{"age", "out_of_range"}}},
		{`{` + valid + `,"annual_salary_jpy":-1,"experience_years":-1,"qualifications":-2}`, []field{{"annual_salary_jpy", "at_least"}, {"experience_years", "at_least"}, {"qualifications", "at_least"}}},
		{`{` + valid + `,"university_top100_rankings":4,"years_since_graduation":-1,"savings_jpy":-5}`, []field{{"university_top100_rankings", "out_of_range"}, {"years_since_graduation", "at_least"}, {"savings_jpy", "at_least"}}},
	}
	for _, c := range cases {
		_, err := matching.DecodeHSPInput(strings.NewReader(c.body))
		p, ok := talent.AsProblem(err)
		if !ok || !errors.Is(err, talent.ErrInvalid) {
			t.Errorf("%s: %v", c.body, err)
			continue
		}
		if c.fields == nil {
			if p.Code != "malformed_json" {
				t.Errorf("%s: %+v, want malformed_json", c.body, p)
			}
			continue
		}
		var got []field
		for _, f := range p.Fields {
			got = append(got, field{f.Field, f.Code})
		}
		if !reflect.DeepEqual(got, c.fields) {
			t.Errorf("%s: fields %v, want %v", c.body, got, c.fields)
		}
	}
	_, err := matching.DecodeHSPInput(strings.NewReader(`{` + valid + `,"age":"x"}`))
	if p, _ := talent.AsProblem(err); p.Fields[0].Args["Type"] != (talent.Term{Set: "type", Code: "integer"}) {
		t.Errorf("wrong type names the type: %+v", p.Fields)
	}
}

// FuzzDecodeHSPInput checks that the decoder never panics, and that what it
// accepts is valid, assesses consistently and survives a round trip.
func FuzzDecodeHSPInput(f *testing.F) {
	for _, seed := range []string{
		`{"degree":"master","age":28,"annual_salary_jpy":7000000}`,
		`{"degree":"doctorate","multiple_degrees":true,"experience_years":12,"age":41,"annual_salary_jpy":21000000,"research_achievements":true,"qualifications":2,"employer_innovation_support":true,"employer_sme":true,"sme_rd_over_3_percent":true,"foreign_qualification":true,"japanese_university_degree":true,"jlpt":"N1","growth_field_project":true,"top_university":true,"university_top100_rankings":2,"years_since_graduation":1,"savings_jpy":300000}`,
		`{"degree":"none","age":15,"annual_salary_jpy":0,"jlpt":null}`,
		`{"degree":1}`, `[]`, `{"age":1e3}`, `{"x":{}}`, ``,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := matching.DecodeHSPInput(strings.NewReader(string(data)))
		if err != nil {
			if p, ok := talent.AsProblem(err); !ok || !errors.Is(err, talent.ErrInvalid) || (p.Code != "malformed_json" && len(p.Fields) == 0) {
				t.Fatalf("error %v is not an invalid-input problem", err)
			}
			return
		}
		if err := in.Validate(); err != nil {
			t.Fatalf("accepted an invalid input %+v: %v", in, err)
		}
		res := matching.AssessHSP(in)
		sum := 0
		for _, it := range res.Breakdown {
			sum += it.Points
		}
		if sum != res.Points || (res.Eligible && (res.Points < 70 || in.AnnualSalaryJPY < 3_000_000)) || (res.FastTrack && !res.Eligible) {
			t.Fatalf("inconsistent assessment %+v of %+v", res, in)
		}
		again, err := matching.DecodeHSPInput(strings.NewReader(string(encodeHSP(t, in))))
		if err != nil || !reflect.DeepEqual(again, in) {
			t.Fatalf("round trip: %+v, %v; want %+v", again, err, in)
		}
	})
}

// encodeHSP writes an input in its JSON form.
func encodeHSP(t *testing.T, in matching.HSPInput) []byte {
	m := map[string]any{
		"degree": in.Degree, "multiple_degrees": in.MultipleDegrees, "experience_years": in.ExperienceYears, "age": in.Age,
		"annual_salary_jpy": in.AnnualSalaryJPY, "research_achievements": in.ResearchAchievements, "qualifications": in.Qualifications,
		"employer_innovation_support": in.EmployerInnovationSupport, "employer_sme": in.EmployerSME, "sme_rd_over_3_percent": in.SMERDOver3Percent,
		"foreign_qualification": in.ForeignQualification, "japanese_university_degree": in.JapaneseUniversityDegree,
		"growth_field_project": in.GrowthFieldProject, "top_university": in.TopUniversity, "university_top100_rankings": in.UniversityTop100Rankings,
		"years_since_graduation": in.YearsSinceGraduation, "savings_jpy": in.SavingsJPY,
	}
	if in.JLPT != "" {
		m["jlpt"] = in.JLPT
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
