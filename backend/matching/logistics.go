package matching

import (
	"math"
	"slices"

	"github.com/setubashi/setubashi/backend/talent"
)

// Tuning of the logistics components.
const (
	// openEndedLateDays is how late a start (in days after the role's start
	// date) takes the start component of a post without a duration to zero.
	openEndedLateDays = 180
	// salaryShortfallZero is the shortfall below the expectation (as a share
	// of it) at which the salary component reaches zero: 25% short scores
	// 0.5, 50% short scores 0.
	salaryShortfallZero = 0.5
	// partialLocation is the credit for a location that fits only partly: a
	// hybrid post outside the preferred prefectures for someone who accepts
	// remote work, or a fully remote post for someone who did not say so.
	partialLocation = 0.5
)

// scoreRoleType checks the type of post against the types the candidate
// looks for, when they name any. Messages: match.role_type.wanted,
// not_wanted (and _org).
func scoreRoleType(pr *pair, ex *explainer) (float64, bool) {
	wanted := pr.p.WantedRoleTypes
	if len(wanted) == 0 {
		return 0, false
	}
	ok := slices.Contains(wanted, pr.r.Type)
	if ex.on() {
		if ok {
			ex.addViewed("match.role_type.wanted", "Type", roleTypeTerm(pr.r.Type))
		} else {
			ex.addViewed("match.role_type.not_wanted", "Type", roleTypeTerm(pr.r.Type), "Wanted", termsOf(roleTypeTerm, wanted))
		}
	}
	if ok {
		return 1, true
	}
	return 0, true
}

// scoreStart compares the candidate's earliest start with the role's start
// date, when both are known. Starting in time scores 1. A late start costs
// in proportion to the post's duration (from the start date to the same day
// DurationMonths later), reaching 0 when the post would be over; without a
// duration it reaches 0 at openEndedLateDays. Messages: match.start.in_time,
// late (plural by days), after_end (and _org).
func scoreStart(pr *pair, ex *explainer) (float64, bool) {
	start, earliest := pr.r.StartDate, pr.p.EarliestStart
	if start == nil || earliest == nil {
		return 0, false
	}
	late := daysBetween(*start, *earliest)
	if late <= 0 {
		if ex.on() {
			ex.addViewed("match.start.in_time", "Start", *start, "Earliest", *earliest)
		}
		return 1, true
	}
	span := openEndedLateDays
	if d := pr.r.DurationMonths; d != nil && *d > 0 {
		span = daysBetween(*start, talent.DateOf(start.Time().AddDate(0, *d, 0)))
		if late >= span {
			if ex.on() {
				ex.addViewed("match.start.after_end", "Earliest", *earliest, "Months", *d)
			}
			return 0, true
		}
	}
	if ex.on() {
		ex.addViewed("match.start.late", "Start", *start, "Earliest", *earliest, "Count", late)
	}
	return math.Max(0, 1-float64(late)/float64(span)), true
}

// daysBetween returns the whole days from a to b (negative if b is earlier).
func daysBetween(a, b talent.Date) int {
	return int(math.Round(b.Time().Sub(a.Time()).Hours() / 24))
}

// scoreLocation checks where the post is against the prefectures the
// candidate prefers, when they name any: a preferred prefecture or a fully
// remote post for someone who accepts remote work scores 1; partly fitting
// places score partialLocation; anywhere else 0. Messages:
// match.location.preferred, remote_ok, hybrid_ok, remote_not_accepted,
// not_preferred (and _org).
func scoreLocation(pr *pair, ex *explainer) (float64, bool) {
	prefs := pr.p.PreferredPrefectures
	if len(prefs) == 0 {
		return 0, false
	}
	remote, remoteOK := pr.r.Remote, pr.p.RemoteOK
	switch {
	case remote == "remote" && remoteOK:
		ex.addViewed("match.location.remote_ok")
		return 1, true
	case slices.Contains(prefs, pr.r.Prefecture):
		if ex.on() {
			ex.addViewed("match.location.preferred", "Prefecture", prefTerm(pr.r.Prefecture))
		}
		return 1, true
	case remote == "hybrid" && remoteOK:
		if ex.on() {
			ex.addViewed("match.location.hybrid_ok", "Prefecture", prefTerm(pr.r.Prefecture))
		}
		return partialLocation, true
	case remote == "remote":
		ex.addViewed("match.location.remote_not_accepted")
		return partialLocation, true
	}
	if ex.on() {
		ex.addViewed("match.location.not_preferred", "Prefecture", prefTerm(pr.r.Prefecture), "Preferred", termsOf(prefTerm, prefs))
	}
	return 0, true
}

// scoreSalary compares the pay with the candidate's expectation, when both
// are known: a salary range (its top, when it is below the expectation) or,
// for internships, the monthly stipend × 12. Meeting the expectation scores
// 1; below it the score falls linearly to 0 at salaryShortfallZero short.
// Messages: match.salary.above_expectation, meets_expectation,
// within_range, below_expectation, stipend_meets, stipend_below (and _org).
func scoreSalary(pr *pair, ex *explainer) (float64, bool) {
	exp := pr.p.SalaryExpectationJPY
	if exp == nil || *exp <= 0 {
		return 0, false
	}
	low, high, ok := pr.r.AnnualPay()
	if !ok {
		return 0, false
	}
	if ex.on() {
		explainSalary(pr.r, low, high, *exp, ex)
	}
	if high >= *exp {
		return 1, true
	}
	short := 1 - float64(high)/float64(*exp)
	return math.Max(0, 1-short/salaryShortfallZero), true
}

func explainSalary(r *talent.Role, low, high, exp int64, ex *explainer) {
	expected := talent.Yen(exp)
	if r.StipendMonthlyJPY != nil {
		id := "match.salary.stipend_meets"
		if high < exp {
			id = "match.salary.stipend_below"
		}
		ex.addViewed(id, "Monthly", talent.Yen(*r.StipendMonthlyJPY), "Salary", talent.Yen(high), "Expected", expected)
		return
	}
	switch {
	case low > exp:
		ex.addViewed("match.salary.above_expectation", "Salary", talent.Yen(low), "Expected", expected)
	case high < exp:
		ex.addViewed("match.salary.below_expectation", "Salary", talent.Yen(high), "Expected", expected)
	case low == high:
		ex.addViewed("match.salary.meets_expectation", "Salary", talent.Yen(low), "Expected", expected)
	default:
		ex.addViewed("match.salary.within_range", "Low", talent.Yen(low), "High", talent.Yen(high), "Expected", expected)
	}
}
