package matching

import (
	"math"

	"github.com/setubashi/setubashi/backend/talent"
)

// candidateFacts are the ranks a profile is compared by.
type candidateFacts struct {
	jlpt      int // talent.JLPTRank, -1 if unknown
	english   int // talent.EnglishRank, -1 if unknown
	education int // rank of the highest degree, -1 if none
}

func candidateFactsOf(p *talent.Profile) candidateFacts {
	f := candidateFacts{jlpt: talent.JLPTRank(p.JLPTLevel), english: talent.EnglishRank(p.EnglishLevel), education: -1}
	for _, e := range p.Education {
		f.education = max(f.education, talent.EducationRank(e.Level))
	}
	return f
}

// highestEducation returns the level of a profile's highest degree, "" if
// none.
func highestEducation(p *talent.Profile) string {
	if r := candidateFactsOf(p).education; r >= 0 {
		return talent.EducationLevels[r]
	}
	return ""
}

// roleFacts are the ranks a role's requirements are compared by.
type roleFacts struct {
	jlpt      int // JLPT level wanted; 0 ("none") or -1 asks for nothing
	english   int // English level wanted; 0 or -1 asks for nothing
	education int // minimum degree; -1 ("none") asks for nothing
}

func roleFactsOf(r *talent.Role) roleFacts {
	return roleFacts{jlpt: talent.JLPTRank(r.JapaneseLevel), english: talent.EnglishRank(r.EnglishLevel), education: talent.EducationRank(r.MinEducation)}
}

// pair is one candidate and one role being scored.
type pair struct {
	p      *talent.Profile
	r      *talent.Role
	cand   candidateFacts
	role   roleFacts
	skills []skillOutcome // the role's required skills, then its preferred ones
	today  talent.Date
}

func (pr *pair) requiredSkills() []skillOutcome  { return pr.skills[:len(pr.r.RequiredSkills)] }
func (pr *pair) preferredSkills() []skillOutcome { return pr.skills[len(pr.r.RequiredSkills):] }

// component is one named part of the score: eval returns how well the pair
// does on it (0–1) and whether it applies at all, collecting reasons when
// the explainer is on.
type component struct {
	name   string
	weight func(Weights) float64
	eval   func(*pair, *explainer) (float64, bool)
}

// components lists every component in report order.
var components = [...]component{
	{ComponentSkillsRequired, func(w Weights) float64 { return w.SkillsRequired }, scoreRequiredSkills},
	{ComponentSkillsPreferred, func(w Weights) float64 { return w.SkillsPreferred }, scorePreferredSkills},
	{ComponentJapanese, func(w Weights) float64 { return w.Japanese }, scoreJapanese},
	{ComponentEnglish, func(w Weights) float64 { return w.English }, scoreEnglish},
	{ComponentEducation, func(w Weights) float64 { return w.Education }, scoreEducation},
	{ComponentExperience, func(w Weights) float64 { return w.Experience }, scoreExperience},
	{ComponentResearch, func(w Weights) float64 { return w.Research }, scoreResearch},
	{ComponentRoleType, func(w Weights) float64 { return w.RoleType }, scoreRoleType},
	{ComponentStart, func(w Weights) float64 { return w.Start }, scoreStart},
	{ComponentLocation, func(w Weights) float64 { return w.Location }, scoreLocation},
	{ComponentSalary, func(w Weights) float64 { return w.Salary }, scoreSalary},
}

// evaluate scores a pair: the weighted mean of the components that apply,
// 0–100, rounded half away from zero. With ex on it also returns each
// component's share of the score (Weight, renormalised over the components
// that apply so the weights add up to 100), the points earned of it, and
// its reasons.
func evaluate(weights *[len(components)]float64, pr *pair, ex *explainer) (int, []talent.ScoreComponent) {
	var sumW, sumWS float64
	var parts []talent.ScoreComponent
	for i, c := range components {
		w := weights[i]
		if w <= 0 {
			continue
		}
		v, ok := c.eval(pr, ex)
		if !ok {
			if ex.on() {
				ex.take()
			}
			continue
		}
		v = clamp01(v)
		sumW += w
		sumWS += w * v
		if ex.on() {
			parts = append(parts, talent.ScoreComponent{Name: c.name, Points: v, Weight: w, Reasons: ex.take()})
		}
	}
	if sumW == 0 {
		return neutralScore, parts
	}
	for i := range parts {
		share := 100 * parts[i].Weight / sumW
		parts[i].Weight = round1(share)
		parts[i].Points = round1(share * parts[i].Points)
	}
	return int(math.Round(100 * sumWS / sumW)), parts
}

// clamp01 keeps a component's value within 0–1.
func clamp01(v float64) float64 {
	switch {
	case v > 1:
		return 1
	case v > 0:
		return v
	}
	return 0
}

// round1 rounds to one decimal, for display.
func round1(x float64) float64 { return math.Round(x*10) / 10 }
