package matching

import (
	"slices"
	"strings"

	"github.com/setubashi/setubashi/backend/talent"
)

// HSPDegrees are the values of HSPInput.Degree, highest first.
var HSPDegrees = []string{"doctorate", "mba_mot", "master", "bachelor", "none"}

// HSPJLPTLevels are the values of HSPInput.JLPT.
var HSPJLPTLevels = []string{"N1", "N2", "N3", "N4", "N5", "none"}

// maxResearchAchievementKinds is how many kinds of research achievement the
// tables know: a patented invention, 3+ foreign-government-funded projects,
// 3+ papers in listed journals, other recognised achievements.
const maxResearchAchievementKinds = 4

// HSPInput is what an HSP assessment is made from. Its JSON form (read by
// DecodeHSPInput) uses the snake_case names in the comments; every key but
// degree, age and annual_salary_jpy is optional.
type HSPInput struct {
	Category                  string // category: one of HSPCategories ("" reads as specialised_technical)
	Degree                    string // degree: highest degree, one of HSPDegrees
	MultipleDegrees           bool   // multiple_degrees: degrees in two or more fields
	ExperienceYears           int    // experience_years: years of work experience in the field, ≥ 0
	Age                       int    // age: 15–100, at the time of assessment
	AnnualSalaryJPY           int64  // annual_salary_jpy: ≥ 0
	ResearchAchievements      bool   // research_achievements: a patent, 3+ papers, or equivalent
	ResearchAchievementKinds  *int   // research_achievement_kinds: how many of the four kinds apply, 0–4; nil if not given
	JICATraining              bool   // jica_training: completed a JICA training programme
	Qualifications            int    // qualifications: Japanese national or IT-exam qualifications, ≥ 0
	EmployerInnovationSupport bool   // employer_innovation_support
	EmployerSME               bool   // employer_sme: the employer is a small or medium enterprise
	SMERDOver3Percent         bool   // sme_rd_over_3_percent: counts only when EmployerSME
	ForeignQualification      bool   // foreign_qualification: related to the work
	JapaneseUniversityDegree  bool   // japanese_university_degree
	JLPT                      string // jlpt: one of HSPJLPTLevels ("" reads as none)
	GrowthFieldProject        bool   // growth_field_project
	TopUniversity             bool   // top_university: on the Minister of Justice's list
	UniversityTop100Rankings  int    // university_top100_rankings: in how many of QS, THE, ARWU the university is top 100, 0–3
	YearsSinceGraduation      *int   // years_since_graduation: ≥ 0; nil if not given
	SavingsJPY                *int64 // savings_jpy: ≥ 0; nil if not given
}

// Validate checks an input's values (not the presence of keys, which only
// DecodeHSPInput can see) and returns an ErrInvalid *talent.Problem naming
// every bad field by its JSON key, or nil.
func (in HSPInput) Validate() error {
	var v talent.Validator
	in.validate(&v, nil)
	return v.Err()
}

// validate records every bad value, leaving out the required keys that are
// missing (reported as required by the decoder instead).
func (in HSPInput) validate(v *talent.Validator, missing map[string]bool) {
	if in.Category != "" {
		oneOf(v, "category", in.Category, HSPCategories)
	}
	if !missing["degree"] {
		oneOf(v, "degree", in.Degree, HSPDegrees)
	}
	if !missing["age"] {
		v.IntRange("age", int64(in.Age), 15, 100)
	}
	if !missing["annual_salary_jpy"] {
		atLeast(v, "annual_salary_jpy", in.AnnualSalaryJPY, 0)
	}
	atLeast(v, "experience_years", int64(in.ExperienceYears), 0)
	if in.JLPT != "" {
		oneOf(v, "jlpt", in.JLPT, HSPJLPTLevels)
	}
	atLeast(v, "qualifications", int64(in.Qualifications), 0)
	v.IntRange("university_top100_rankings", int64(in.UniversityTop100Rankings), 0, 3)
	if in.YearsSinceGraduation != nil {
		atLeast(v, "years_since_graduation", int64(*in.YearsSinceGraduation), 0)
	}
	if in.SavingsJPY != nil {
		atLeast(v, "savings_jpy", *in.SavingsJPY, 0)
	}
	if k := in.ResearchAchievementKinds; k != nil {
		v.IntRange("research_achievement_kinds", int64(*k), 0, maxResearchAchievementKinds)
		if *k == 0 && in.ResearchAchievements {
			v.Add("research_achievement_kinds", "contradicts", "Other", "research_achievements")
		}
	}
}

// researchKinds is how many kinds of research achievement count: the
// number given, or one when only research_achievements is set.
func (in HSPInput) researchKinds() int {
	if in.ResearchAchievementKinds != nil {
		return *in.ResearchAchievementKinds
	}
	if in.ResearchAchievements {
		return 1
	}
	return 0
}

// category returns the input's category, the default when not given.
func (in HSPInput) category() string {
	if in.Category == "" {
		return HSPSpecialisedTechnical
	}
	return in.Category
}

// oneOf checks that s is one of the allowed values (field.one_of lists them).
func oneOf(v *talent.Validator, field, s string, allowed []string) {
	if !slices.Contains(allowed, s) {
		v.Add(field, "one_of", "Values", strings.Join(allowed, ", "))
	}
}

// atLeast checks n ≥ lo (field.at_least).
func atLeast(v *talent.Validator, field string, n, lo int64) {
	if n < lo {
		v.Add(field, "at_least", "Min", lo)
	}
}

// jlptLevel returns the input's JLPT level, "none" when not given.
func (in HSPInput) jlptLevel() string {
	if in.JLPT == "" {
		return "none"
	}
	return in.JLPT
}
