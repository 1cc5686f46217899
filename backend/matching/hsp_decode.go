package matching

import (
	"errors"
	"io"

	"github.com/setubashi/setubashi/backend/strictjson"
	"github.com/setubashi/setubashi/backend/talent"
)

// maxHSPInputBytes bounds an HSP input document; a real one is a few hundred
// bytes.
const maxHSPInputBytes = 64 << 10

// hspInputJSON is the JSON form of HSPInput. Pointers tell a missing key
// from a zero value.
type hspInputJSON struct {
	Category                  *string `json:"category"`
	Degree                    *string `json:"degree"`
	MultipleDegrees           *bool   `json:"multiple_degrees"`
	ExperienceYears           *int    `json:"experience_years"`
	Age                       *int    `json:"age"`
	AnnualSalaryJPY           *int64  `json:"annual_salary_jpy"`
	ResearchAchievements      *bool   `json:"research_achievements"`
	ResearchAchievementKinds  *int    `json:"research_achievement_kinds"`
	JICATraining              *bool   `json:"jica_training"`
	Qualifications            *int    `json:"qualifications"`
	EmployerInnovationSupport *bool   `json:"employer_innovation_support"`
	EmployerSME               *bool   `json:"employer_sme"`
	SMERDOver3Percent         *bool   `json:"sme_rd_over_3_percent"`
	ForeignQualification      *bool   `json:"foreign_qualification"`
	JapaneseUniversityDegree  *bool   `json:"japanese_university_degree"`
	JLPT                      *string `json:"jlpt"`
	GrowthFieldProject        *bool   `json:"growth_field_project"`
	TopUniversity             *bool   `json:"top_university"`
	UniversityTop100Rankings  *int    `json:"university_top100_rankings"`
	YearsSinceGraduation      *int    `json:"years_since_graduation"`
	SavingsJPY                *int64  `json:"savings_jpy"`
}

// DecodeHSPInput reads one HSP input as JSON (at most 64 KiB) strictly:
// unknown keys, values of the wrong type, a missing degree, age or
// annual_salary_jpy, and values out of range are refused. A null value
// counts as missing. Errors are ErrInvalid *talent.Problem values:
// malformed_json, or validation_failed with one field error per bad key
// (codes required, one_of, out_of_range, at_least, unknown_field,
// wrong_type).
func DecodeHSPInput(r io.Reader) (HSPInput, error) {
	var raw hspInputJSON
	if err := decodeObject(io.LimitReader(r, maxHSPInputBytes), &raw); err != nil {
		return HSPInput{}, hspJSONProblem(err)
	}
	var v talent.Validator
	missing := map[string]bool{}
	for _, key := range []struct {
		field   string
		present bool
	}{{"degree", raw.Degree != nil}, {"age", raw.Age != nil}, {"annual_salary_jpy", raw.AnnualSalaryJPY != nil}} {
		if !key.present {
			v.Add(key.field, "required")
			missing[key.field] = true
		}
	}
	if raw.JLPT != nil && *raw.JLPT == "" {
		oneOf(&v, "jlpt", "", HSPJLPTLevels)
	}
	if raw.Category != nil && *raw.Category == "" {
		oneOf(&v, "category", "", HSPCategories)
	}
	in := raw.input()
	in.validate(&v, missing)
	if err := v.Err(); err != nil {
		return HSPInput{}, err
	}
	return in, nil
}

// input converts the JSON form, reading missing keys as zero values.
func (raw hspInputJSON) input() HSPInput {
	return HSPInput{
		Category:                  deref(raw.Category),
		Degree:                    deref(raw.Degree),
		MultipleDegrees:           deref(raw.MultipleDegrees),
		ExperienceYears:           deref(raw.ExperienceYears),
		Age:                       deref(raw.Age),
		AnnualSalaryJPY:           deref(raw.AnnualSalaryJPY),
		ResearchAchievements:      deref(raw.ResearchAchievements),
		ResearchAchievementKinds:  raw.ResearchAchievementKinds,
		JICATraining:              deref(raw.JICATraining),
		Qualifications:            deref(raw.Qualifications),
		EmployerInnovationSupport: deref(raw.EmployerInnovationSupport),
		EmployerSME:               deref(raw.EmployerSME),
		SMERDOver3Percent:         deref(raw.SMERDOver3Percent),
		ForeignQualification:      deref(raw.ForeignQualification),
		JapaneseUniversityDegree:  deref(raw.JapaneseUniversityDegree),
		JLPT:                      deref(raw.JLPT),
		GrowthFieldProject:        deref(raw.GrowthFieldProject),
		TopUniversity:             deref(raw.TopUniversity),
		UniversityTop100Rankings:  deref(raw.UniversityTop100Rankings),
		YearsSinceGraduation:      raw.YearsSinceGraduation,
		SavingsJPY:                raw.SavingsJPY,
	}
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// hspJSONProblem turns a strict-decoding failure into a problem naming the
// key.
func hspJSONProblem(err error) error {
	var je *strictjson.Error
	if !errors.As(err, &je) || je.Kind == strictjson.Malformed {
		return talent.NewProblem(talent.ErrInvalid, talent.CodeMalformedJSON)
	}
	var v talent.Validator
	if je.Kind == strictjson.UnknownField {
		v.Add(je.Field, "unknown_field")
	} else {
		v.Add(je.Field, "wrong_type", "Type", talent.Term{Set: "type", Code: strictjson.TypeName(je.Type)})
	}
	return v.Err()
}
