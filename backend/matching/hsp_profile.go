package matching

import (
	"strings"

	"github.com/setubashi/setubashi/backend/talent"
)

// researchPapersForHSP is how many papers count as research achievements
// in the HSP table (a patent always does).
const researchPapersForHSP = 3

// HSPInputFromProfile builds the HSP input for candidate p on category's
// points table at an annual salary, on day today: the highest degree (and
// multiple_degrees for degrees in two or more fields), experience, age from
// the date of birth, the kinds of research achievement (a patent; 3 or more
// papers), the JLPT level, and the years since the latest degree. What a
// profile does not record (qualifications, the employer's support
// measures, a Japanese or top-listed university, rankings, savings, JICA
// training) is left unset; J-Find therefore never applies to an input built
// here. Without a date of birth it returns an ErrInvalid *talent.Problem
// naming date_of_birth (required).
func HSPInputFromProfile(p talent.Profile, category string, salary int64, today talent.Date) (HSPInput, error) {
	if p.DateOfBirth == nil {
		var v talent.Validator
		v.Add("date_of_birth", "required")
		return HSPInput{}, v.Err()
	}
	in := HSPInput{
		Category:        category,
		Degree:          "none",
		ExperienceYears: max(p.ExperienceYears, 0),
		Age:             p.DateOfBirth.YearsUntil(today),
		AnnualSalaryJPY: salary,
		JLPT:            p.JLPTLevel,
	}
	kinds := 0
	for _, has := range []bool{p.Patents > 0, p.Papers >= researchPapersForHSP} {
		if has {
			kinds++
		}
	}
	if kinds > 0 {
		in.ResearchAchievementKinds = &kinds
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

// AssessCandidate is the talent.HSPAssessor: candidate p's assessment on
// category's table at an annual salary on day today (from
// HSPInputFromProfile, with its errors) and what would lift it.
func AssessCandidate(p talent.Profile, category string, salary int64, today talent.Date) (talent.HSPResult, []talent.HSPLift, error) {
	in, err := HSPInputFromProfile(p, category, salary, today)
	if err != nil {
		return talent.HSPResult{}, nil, err
	}
	return AssessHSP(in), WhatWouldLift(in), nil
}

var _ talent.HSPAssessor = AssessCandidate
