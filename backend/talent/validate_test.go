package talent

import (
	"slices"
	"strings"
	"testing"
)

func fieldsOf(err error) []string {
	p, ok := AsProblem(err)
	if !ok {
		return nil
	}
	var out []string
	for _, f := range p.Fields {
		out = append(out, f.Field+":"+f.Code)
	}
	return out
}

func validRole() Role {
	yen := int64(6_000_000)
	r := Role{Type: "job", Title: LocalizedText{JA: "機械学習エンジニア"}, Description: LocalizedText{EN: "Build models."},
		Prefecture: "tokyo", SalaryMinJPY: &yen,
		RequiredSkills: []SkillRequirement{{Skill: "python", MinProficiency: 3}}}
	normalizeRole(&r)
	return r
}

func TestValidateRole(t *testing.T) {
	today := NewDate(2026, 11, 26)
	small, big := int64(5), int64(4)
	cases := []struct {
		name string
		edit func(*Role)
		want []string
	}{
		{"valid", func(*Role) {}, nil},
		{"no title in en or ja", func(r *Role) { r.Title = LocalizedText{HI: "मशीन लर्निंग"} }, []string{"title:en_or_ja_required"}},
		{"title too long", func(r *Role) { r.Title.EN = strings.Repeat("x", MaxTitleLen+1) }, []string{"title.en:too_long"}},
		{"stipend on a job", func(r *Role) { r.StipendMonthlyJPY = &small }, []string{"stipend_monthly_jpy:internship_only"}},
		{"max below min", func(r *Role) { r.SalaryMinJPY, r.SalaryMaxJPY = &small, &big }, []string{"salary_max_jpy:below_min"}},
		{"skill twice", func(r *Role) {
			r.PreferredSkills = []SkillRequirement{{Skill: "python", MinProficiency: 1}}
		}, []string{"preferred_skills[0].skill:duplicate"}},
		{"bad enums", func(r *Role) { r.Type, r.Prefecture, r.JapaneseLevel = "gig", "texas", "N6" },
			[]string{"type:one_of", "japanese_level:one_of", "prefecture:one_of"}},
		{"proficiency out of range", func(r *Role) { r.RequiredSkills[0].MinProficiency = 6 }, []string{"required_skills[0].min_proficiency:out_of_range"}},
		{"unknown skill", func(r *Role) { r.RequiredSkills[0].Skill = "Py Torch" }, []string{"required_skills[0].skill:unknown_skill"}},
		{"no skill", func(r *Role) { r.PreferredSkills = []SkillRequirement{{MinProficiency: 2}} }, []string{"preferred_skills[0].skill:required"}},
		{"no openings left", func(r *Role) { r.Openings = -1 }, []string{"openings:out_of_range"}},
	}
	for _, c := range cases {
		r := validRole()
		c.edit(&r)
		got := fieldsOf(validateRole(r, today, testSkills))
		slices.Sort(got)
		want := slices.Clone(c.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", c.name, got, want)
		}
	}
}

func TestValidateProfile(t *testing.T) {
	today := NewDate(2026, 11, 26)
	young := NewDate(2015, 1, 1)
	valid := Profile{Name: "Asha", JLPTLevel: "N3", EnglishLevel: "fluent", IndianState: "kerala",
		Education: []Education{{Level: "master", Institution: "IIT Madras", Field: "CS", Year: 2024}}}
	if err := validateProfile(valid, today, testSkills); err != nil {
		t.Fatalf("valid profile: %v", fieldsOf(err))
	}
	bad := valid
	bad.Name = " "
	bad.IndianState = "ontario"
	bad.Education = []Education{{Level: "phd", Institution: "", Field: "CS", Year: 1900}}
	bad.Skills = []SkillLevel{{Skill: "nlp", Proficiency: 0}, {Skill: "nlp", Proficiency: 3}, {Skill: "pytorh", Proficiency: 2}}
	bad.WantedRoleTypes = []string{"job", "job"}
	bad.DateOfBirth = &young
	got := fieldsOf(validateProfile(bad, today, testSkills))
	for _, want := range []string{"name:required", "indian_state:one_of", "education[0].level:one_of", "education[0].institution:required",
		"education[0].year:out_of_range", "skills[0].proficiency:out_of_range", "skills[1].skill:duplicate",
		"skills[2].skill:unknown_skill", "wanted_role_types[1]:duplicate", "date_of_birth:date_range"} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %s in %v", want, got)
		}
	}
}
