package matching

import (
	"github.com/setubashi/setubashi/backend/residence"
	"github.com/setubashi/setubashi/backend/talent"
)

// SkillTaxonomy is what Engines needs of the skills taxonomy: the catalogue
// that validation checks slugs against, and the similarity of skills that
// scoring uses. *skills.Taxonomy is one.
type SkillTaxonomy interface {
	talent.SkillCatalog
	Taxonomy
}

// Engines returns the algorithms the domain services run on, for
// talent.NewPlatform: skills as the catalogue, a Scorer with DefaultWeights
// over skills as the recommender, SolveRound as the round solver,
// AssessCandidate as the HSP assessor and residence.CheckTerms as the rules
// of the statuses of residence.
func Engines(skills SkillTaxonomy) talent.Engines {
	return talent.Engines{Skills: skills, Recommender: NewScorer(skills, DefaultWeights()), Solver: SolveRound, HSP: AssessCandidate,
		Residence: residence.CheckTerms}
}
