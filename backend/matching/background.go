package matching

import "math"

// researchFullMarks is the research record that earns the whole research
// component: three papers, or a patent (which counts as three papers). It
// follows the HSP table's bar for research achievements.
const researchFullMarks = 3

// scoreEducation checks the candidate's highest degree against the role's
// minimum, when it states one: 1 if met, 0 if not (and a blocker). Messages:
// match.education.meets, below, none (no degree listed).
func scoreEducation(pr *pair, ex *explainer) (float64, bool) {
	if pr.role.education < 0 {
		return 0, false
	}
	if ex.on() {
		explainEducation(pr, ex)
	}
	if pr.cand.education >= pr.role.education {
		return 1, true
	}
	return 0, true
}

func explainEducation(pr *pair, ex *explainer) {
	want := educationTerm(pr.r.MinEducation)
	switch {
	case pr.cand.education < 0:
		ex.add("match.education.none", "Want", want)
	case pr.cand.education >= pr.role.education:
		ex.add("match.education.meets", "Have", educationTerm(highestEducation(pr.p)), "Want", want)
	default:
		ex.add("match.education.below", "Have", educationTerm(highestEducation(pr.p)), "Want", want)
	}
}

// scoreExperience grades years of experience against the role's minimum,
// when it states one: in proportion up to the minimum. Messages:
// match.experience.meets, below (plural by the candidate's years).
func scoreExperience(pr *pair, ex *explainer) (float64, bool) {
	want := pr.r.MinExperienceYears
	if want <= 0 {
		return 0, false
	}
	have := max(pr.p.ExperienceYears, 0)
	if ex.on() {
		id := "match.experience.meets"
		if have < want {
			id = "match.experience.below"
		}
		ex.add(id, "Count", have, "Want", want)
	}
	return math.Min(1, float64(have)/float64(want)), true
}

// scoreResearch grades the research record for research posts only: papers
// plus three per patent, full marks at researchFullMarks. Messages:
// match.research.papers, patents (plural), none.
func scoreResearch(pr *pair, ex *explainer) (float64, bool) {
	if pr.r.Type != "research" {
		return 0, false
	}
	papers, patents := max(pr.p.Papers, 0), max(pr.p.Patents, 0)
	if ex.on() {
		if papers > 0 {
			ex.add("match.research.papers", "Count", papers)
		}
		if patents > 0 {
			ex.add("match.research.patents", "Count", patents)
		}
		if papers == 0 && patents == 0 {
			ex.add("match.research.none")
		}
	}
	return math.Min(1, float64(papers+researchFullMarks*patents)/researchFullMarks), true
}
