package matching

// eligible checks a pair's hard requirements: a required JLPT level, the
// minimum education and the application deadline (a deadline before today
// has passed; the deadline day itself is still open). With ex on, it
// records one reason per requirement not met: match.japanese.below_required
// or none_required, match.education.below or none, match.deadline_passed.
func eligible(pr *pair, ex *explainer) bool {
	ok := true
	if pr.r.JapaneseMode == "required" && pr.role.jlpt > 0 && pr.cand.jlpt < pr.role.jlpt {
		ok = false
		if ex.on() {
			explainLanguage("japanese", "required", jlptTerm, pr.cand.jlpt, pr.role.jlpt, pr.p.JLPTLevel, pr.r.JapaneseLevel, ex)
		}
	}
	if pr.role.education >= 0 && pr.cand.education < pr.role.education {
		ok = false
		if ex.on() {
			explainEducation(pr, ex)
		}
	}
	if d := pr.r.Deadline; d != nil && d.Before(pr.today) {
		ok = false
		if ex.on() {
			ex.add("match.deadline_passed", "Deadline", *d)
		}
	}
	return ok
}
