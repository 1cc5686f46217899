package seed

import (
	"fmt"
	"strings"
	"time"

	"github.com/setubashi/setubashi/backend/talent"
)

// Reference distributions of candidate attributes.
var (
	jlptTable = newTable(choice[string]{"none", 55}, choice[string]{"N5", 18}, choice[string]{"N4", 12},
		choice[string]{"N3", 8}, choice[string]{"N2", 5}, choice[string]{"N1", 2})
	englishTable = newTable(choice[string]{"conversational", 10}, choice[string]{"business", 35},
		choice[string]{"fluent", 45}, choice[string]{"native", 10})
	localeTable = newTable(choice[string]{"en", 88}, choice[string]{"hi", 10}, choice[string]{"ja", 2})
	// ageTable skews young: most candidates are students or early in their career.
	ageTable = newTable(choice[[2]int]{[2]int{21, 25}, 35}, choice[[2]int]{[2]int{26, 30}, 35},
		choice[[2]int]{[2]int{31, 35}, 18}, choice[[2]int]{[2]int{36, 45}, 12})
)

// newCandidate returns a fictional candidate from state: an account and a
// complete profile, as of now. emailTag makes the e-mail address unique.
func newCandidate(r rng, now time.Time, state indianState, emailTag string) (talent.User, talent.Profile) {
	given, family := indianName(r, state)
	created := r.timeIn(now.AddDate(0, 0, -720), now.Add(-time.Hour))
	u := talent.User{
		Email:  fmt.Sprintf("%s.%s.%s@example.in", asciiLower(given), asciiLower(family), emailTag),
		Name:   given + " " + family,
		Kind:   talent.AccountCandidate,
		Locale: localeTable.draw(r), CreatedAt: created,
	}

	ages := ageTable.draw(r)
	age := r.between(ages[0], ages[1])
	dob := talent.DateOf(now.AddDate(-age, 0, -r.IntN(365)))
	edu := education(r, state.slug, dob.Time().Year(), age)
	year := now.Year()
	finished := 0 // year the last completed degree was awarded
	studying := false
	for _, e := range edu {
		if e.Year <= year {
			finished = e.Year
		} else {
			studying = true
		}
	}
	experience := 0
	if finished > 0 {
		experience = max(0, year-finished-r.IntN(2))
	}
	top := edu[len(edu)-1].Level

	main := &specialisms[r.IntN(len(specialisms))]
	var second *specialism
	if r.chance(0.4) {
		second = &specialisms[r.IntN(len(specialisms))]
	}
	p := talent.Profile{
		Name: u.Name, IndianState: state.slug, City: pick(r, state.cities),
		Education: edu, ExperienceYears: experience, Skills: candidateSkills(r, main, second),
		Papers: papers(r, top), JLPTLevel: jlptTable.draw(r), EnglishLevel: englishTable.draw(r),
		WantedRoleTypes:      wantedRoleTypes(r, studying, top),
		PreferredPrefectures: preferredPrefectures(r),
		RemoteOK:             r.chance(0.45),
		DateOfBirth:          &dob,
		ConsentShareApplied:  r.chance(0.95),
		ConsentDiscoverable:  r.chance(0.7),
		UpdatedAt:            r.timeIn(created, now),
	}
	if r.chance(0.05) {
		p.Patents = r.between(1, 2)
	}
	if r.chance(0.8) {
		start := talent.DateOf(now.AddDate(0, 0, r.between(30, 365)))
		p.EarliestStart = &start
	}
	if !studying && r.chance(0.85) {
		yen := int64(4_000_000 + experience*400_000 + r.IntN(21)*100_000)
		if top == "doctorate" {
			yen += 1_000_000
		}
		p.SalaryExpectationJPY = ptr(min(yen, 15_000_000))
	}
	return u, p
}

// education returns a candidate's degrees, oldest first: a bachelor's
// degree, often a master's, sometimes a doctorate. Degrees awarded after this
// year are still in progress.
func education(r rng, state string, birthYear, age int) []talent.Education {
	year := birthYear + 22 + r.between(-1, 1)
	edu := []talent.Education{{Level: "bachelor", Institution: pickInstitution(r, state, 0.25), Field: bachelorFields.draw(r), Year: year}}
	if age < 23 || !r.chance(0.5) {
		return edu
	}
	year += 2 + r.IntN(3)
	if r.chance(0.04) {
		edu = append(edu, talent.Education{Level: "mba_mot", Institution: pick(r, managementSchools), Field: "Technology Management", Year: year})
		return edu
	}
	edu = append(edu, talent.Education{Level: "master", Institution: pickInstitution(r, state, 0.5), Field: masterFields.draw(r), Year: year})
	if age >= 26 && r.chance(0.3) {
		edu = append(edu, talent.Education{Level: "doctorate", Institution: pickInstitution(r, state, 0.7), Field: doctorateFields.draw(r), Year: year + r.between(4, 6)})
	}
	return edu
}

func papers(r rng, top string) int {
	switch {
	case top == "doctorate":
		return r.between(2, 15)
	case top == "master" && r.chance(0.4):
		return r.between(1, 3)
	case r.chance(0.08):
		return 1
	}
	return 0
}

// wantedRoleTypes: students look for internships (and research), graduates
// mostly for jobs, doctorate holders often for research posts.
func wantedRoleTypes(r rng, studying bool, top string) []string {
	want := map[string]bool{}
	if studying {
		want["internship"] = true
		want["research"] = r.chance(0.5)
	} else {
		research := 0.25
		if top == "doctorate" {
			research = 0.75
		}
		want["job"] = r.chance(0.85)
		want["research"] = r.chance(research)
		want["internship"] = r.chance(0.08)
		if !want["job"] && !want["research"] && !want["internship"] {
			want["job"] = true
		}
	}
	var out []string
	for _, t := range talent.RoleTypes {
		if want[t] {
			out = append(out, t)
		}
	}
	return out
}

// asciiLower makes a name part fit an e-mail address's local part.
func asciiLower(s string) string {
	return strings.Map(func(c rune) rune {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			return c
		case c >= 'A' && c <= 'Z':
			return c + 'a' - 'A'
		}
		return -1
	}, s)
}
