package matching

// Component names: the stable identifiers of the parts of a match score, in
// the order they are reported. The catalogue labels each as
// match.component.<name>.
const (
	ComponentSkillsRequired  = "skills_required"
	ComponentSkillsPreferred = "skills_preferred"
	ComponentJapanese        = "japanese"
	ComponentEnglish         = "english"
	ComponentEducation       = "education"
	ComponentExperience      = "experience"
	ComponentResearch        = "research"
	ComponentRoleType        = "role_type"
	ComponentStart           = "start"
	ComponentLocation        = "location"
	ComponentSalary          = "salary"
)

// Weights are the relative importance of the components of a match score.
// Only their ratios matter: a pair's score is the weighted mean of the
// components that apply to it (see Scorer). A weight of zero (or less) turns
// its component off.
type Weights struct {
	SkillsRequired  float64
	SkillsPreferred float64
	Japanese        float64
	English         float64
	Education       float64
	Experience      float64
	Research        float64
	RoleType        float64
	Start           float64
	Location        float64
	Salary          float64
}

// DefaultWeights returns the weights Setubashi scores with. They add up to
// 100 for jobs and internships; research posts add the research record's 10,
// so there every other component counts 100/110 as much.
//
// Why these numbers:
//   - Skills are the core of fit for AI posts and the hardest thing to change
//     before a start date: required skills 30, preferred 10.
//   - Japanese 10, English 5: a required JLPT level is already a hard filter,
//     so the score only grades how far a candidate is from a preferred level;
//     English is the working language of most of these posts and rarely the
//     obstacle.
//   - Education 10 and experience 10: a minimum degree is a hard filter too;
//     experience short of the minimum costs in proportion.
//   - Research record 10, for research posts only.
//   - Logistics 25 in all: salary 10 (it decides both acceptance and HSP
//     points), and type of post, start date (with the post's duration) and
//     location 5 each; these are preferences a candidate can often flex.
func DefaultWeights() Weights {
	return Weights{
		SkillsRequired:  30,
		SkillsPreferred: 10,
		Japanese:        10,
		English:         5,
		Education:       10,
		Experience:      10,
		Research:        10,
		RoleType:        5,
		Start:           5,
		Location:        5,
		Salary:          10,
	}
}

// neutralScore is the score of a pair with no component that applies (an
// empty profile against a role asking for nothing): nothing speaks for or
// against it.
const neutralScore = 50
