package matching

import "github.com/setubashi/setubashi/backend/talent"

// scoreRequiredSkills grades the role's required skills: the mean credit of
// each (see skillOutcome.credit). It applies when the role requires skills.
func scoreRequiredSkills(pr *pair, ex *explainer) (float64, bool) {
	return scoreSkills("required", pr.requiredSkills(), ex)
}

// scorePreferredSkills grades the role's preferred skills the same way.
func scorePreferredSkills(pr *pair, ex *explainer) (float64, bool) {
	return scoreSkills("preferred", pr.preferredSkills(), ex)
}

func scoreSkills(kind string, outs []skillOutcome, ex *explainer) (float64, bool) {
	if len(outs) == 0 {
		return 0, false
	}
	var sum float64
	for _, o := range outs {
		sum += o.credit()
	}
	if ex.on() {
		explainSkills(kind, outs, ex)
	}
	return sum / float64(len(outs)), true
}

// explainSkills says how many of the wanted skills the candidate has at the
// wanted level, which they lack, which they have below the level, and which
// related skills counted partly. Messages: match.skills.<kind>[_all|_none|
// _partial], match.skills.below_level, match.skills.near.
func explainSkills(kind string, outs []skillOutcome, ex *explainer) {
	var matched, missing talent.Terms
	for _, o := range outs {
		switch {
		case o.met():
			matched = append(matched, talent.SkillTerm(o.want))
		case o.have == 0:
			missing = append(missing, talent.SkillTerm(o.want))
		}
	}
	id, have, total := "match.skills."+kind, len(matched), len(outs)
	switch {
	case have == total:
		ex.add(id+"_all", "Count", total, "Matched", matched)
	case have > 0 && len(missing) > 0:
		ex.add(id, "Have", have, "Total", total, "Matched", matched, "Missing", missing)
	case len(missing) > 0:
		ex.add(id+"_none", "Count", total, "Missing", missing)
	case have > 0:
		ex.add(id+"_partial", "Have", have, "Total", total, "Matched", matched)
	}
	for _, o := range outs {
		switch {
		case o.have > 0 && !o.met():
			ex.add("match.skills.below_level", "Skill", talent.SkillTerm(o.want), "Have", o.have, "Want", o.min)
		case o.have == 0 && o.nearCred > 0:
			ex.add("match.skills.near", "Have", talent.SkillTerm(o.near), "Want", talent.SkillTerm(o.want))
		}
	}
}
