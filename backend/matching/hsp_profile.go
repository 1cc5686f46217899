package matching

import (
	"strings"

	"github.com/setubashi/setubashi/backend/talent"
)

// researchPapersForHSP is how many papers count as research achievements
// in the HSP table (a patent always does).
const researchPapersForHSP = 3

// HSPInputFromProfile builds the HSP input for candidate p taking role r on
// day today: the highest degree (and multiple_degrees for degrees in two or
// more fields), experience, age from the date of birth, the role's yearly
// pay (the top of its salary range, or the stipend × 12), research
// achievements (a patent or 3+ papers), the JLPT level, and the years since
// the latest degree. What a profile does not record (qualifications, the
// employer's support measures, a Japanese or top-listed university,
// rankings, savings) is left unset; J-Find therefore never applies to an
// input built here. Without a date of birth or pay on the role it returns an
// ErrInvalid *talent.Problem naming date_of_birth or salary_max_jpy
// (required).
func HSPInputFromProfile(p talent.Profile, r talent.Role, today talent.Date) (HSPInput, error) {
	var v talent.Validator
	if p.DateOfBirth == nil {
		v.Add("date_of_birth", "required")
	}
	_, salary, hasPay := annualPay(&r)
	if !hasPay {
		v.Add("salary_max_jpy", "required")
	}
	if err := v.Err(); err != nil {
		return HSPInput{}, err
	}
	in := HSPInput{
		Degree:               "none",
		ExperienceYears:      max(p.ExperienceYears, 0),
		Age:                  p.DateOfBirth.YearsUntil(today),
		AnnualSalaryJPY:      salary,
		ResearchAchievements: p.Patents > 0 || p.Papers >= researchPapersForHSP,
		JLPT:                 p.JLPTLevel,
	}
	if d := highestEducation(&p); d != "" {
		in.Degree = d
	}
	fields := map[string]bool{}
	latest := 0
	for _, e := range p.Education {
		if talent.EducationRank(e.Level) >= 0 {
			fields[strings.ToLower(strings.TrimSpace(e.Field))] = true
			latest = max(latest, e.Year)
		}
	}
	in.MultipleDegrees = len(fields) >= 2
	if latest > 0 {
		years := max(today.Time().Year()-latest, 0)
		in.YearsSinceGraduation = &years
	}
	if talent.JLPTRank(in.JLPT) < 0 {
		in.JLPT = "none"
	}
	return in, nil
}

// AssessCandidate is the talent.HSPAssessor: candidate p's assessment
// against role r's pay on day today (from HSPInputFromProfile, with its
// errors) and what would lift it.
func AssessCandidate(p talent.Profile, r talent.Role, today talent.Date) (talent.HSPStanding, error) {
	in, err := HSPInputFromProfile(p, r, today)
	if err != nil {
		return talent.HSPStanding{}, err
	}
	return talent.HSPStanding{RoleID: r.ID, Assessment: AssessHSP(in), Lifts: WhatWouldLift(in)}, nil
}

var _ talent.HSPAssessor = AssessCandidate
