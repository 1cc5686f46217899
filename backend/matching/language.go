package matching

import (
	"math"

	"github.com/setubashi/setubashi/backend/talent"
)

// languageGapSteps is how many levels short of a wanted language level
// take a language component to zero: one level short scores 2/3, two 1/3.
const languageGapSteps = 3

// scoreJapanese grades the candidate's JLPT level against the role's, when
// the role asks for one. A required level is also a hard filter (see
// blockers); a preferred one only scores.
func scoreJapanese(pr *pair, ex *explainer) (float64, bool) {
	mode := "preferred"
	if pr.r.JapaneseMode == "required" {
		mode = "required"
	}
	return scoreLanguage("japanese", mode, jlptTerm, pr.cand.jlpt, pr.role.jlpt, pr.p.JLPTLevel, pr.r.JapaneseLevel, ex)
}

// scoreEnglish grades the candidate's English level against the level the
// role wants; English is never a hard filter.
func scoreEnglish(pr *pair, ex *explainer) (float64, bool) {
	return scoreLanguage("english", "preferred", englishTerm, pr.cand.english, pr.role.english, pr.p.EnglishLevel, pr.r.EnglishLevel, ex)
}

// scoreLanguage grades a level against a wanted one: 1 when it is met, less
// by a third per level short.
func scoreLanguage(lang, mode string, term func(string) talent.Term, haveRank, wantRank int, have, want string, ex *explainer) (float64, bool) {
	if wantRank <= 0 {
		return 0, false
	}
	if ex.on() {
		explainLanguage(lang, mode, term, haveRank, wantRank, have, want, ex)
	}
	if haveRank >= wantRank {
		return 1, true
	}
	gap := float64(wantRank - max(haveRank, 0))
	return math.Max(0, 1-gap/languageGapSteps), true
}

// explainLanguage says how a level compares with the wanted one; the
// blockers use it for a required JLPT level too. Messages:
// match.<lang>.meets_<mode>, below_<mode>, none_<mode> (no level stated).
func explainLanguage(lang, mode string, term func(string) talent.Term, haveRank, wantRank int, have, want string, ex *explainer) {
	switch {
	case haveRank >= wantRank:
		ex.add("match."+lang+".meets_"+mode, "Have", term(have), "Want", term(want))
	case haveRank <= 0:
		ex.add("match."+lang+".none_"+mode, "Want", term(want))
	default:
		ex.add("match."+lang+".below_"+mode, "Have", term(have), "Want", term(want))
	}
}
