package matching

import "github.com/setubashi/setubashi/backend/talent"

// SkillTaxonomy is what Engines needs of the skills taxonomy: the catalogue
// that validation checks slugs against, and the similarity of skills that
// scoring uses. *skills.Taxonomy is one.
type SkillTaxonomy interface {
	talent.SkillCatalog
	Taxonomy
}

// Engines returns the algorithms the domain services run on, for
// talent.NewPlatform: skills as the catalogue, a Scorer with DefaultWeights
// over skills as the recommender, SolveRound as the round solver and
// AssessCandidate as the HSP assessor.
func Engines(skills SkillTaxonomy) talent.Engines {
	return talent.Engines{Skills: skills, Recommender: NewScorer(skills, DefaultWeights()), Solver: SolveRound, HSP: AssessCandidate}
}
