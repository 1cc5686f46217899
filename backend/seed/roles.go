package seed

import (
	"slices"
	"time"

	"github.com/setubashi/setubashi/backend/talent"
)

// Reference distributions of role attributes.
var (
	// roleTypeByKind: companies and startups hire, universities and institutes
	// mostly offer research posts, everyone takes interns.
	roleTypeByKind = map[string]table[string]{
		"startup":            newTable(choice[string]{"job", 55}, choice[string]{"internship", 40}, choice[string]{"research", 5}),
		"company":            newTable(choice[string]{"job", 55}, choice[string]{"internship", 30}, choice[string]{"research", 15}),
		"university":         newTable(choice[string]{"research", 65}, choice[string]{"internship", 30}, choice[string]{"job", 5}),
		"research_institute": newTable(choice[string]{"research", 60}, choice[string]{"internship", 35}, choice[string]{"job", 5}),
	}
	// rolesPerKind weighs how many roles an organisation of a kind posts.
	rolesPerKind = map[string]float64{"startup": 1, "company": 1.5, "university": 0.8, "research_institute": 1}

	// roleStatusTable: a platform a year or more old has closed many roles
	// (whose hires give the goal dashboard its history of arrivals).
	roleStatusTable = newTable(choice[talent.RoleStatus]{talent.RoleOpen, 55}, choice[talent.RoleStatus]{talent.RoleClosed, 35}, choice[talent.RoleStatus]{talent.RoleDraft, 10})
	// japaneseTable draws a role's Japanese requirement as level and mode.
	japaneseTable = newTable(choice[[2]string]{[2]string{"none", "preferred"}, 55},
		choice[[2]string]{[2]string{"N3", "preferred"}, 13}, choice[[2]string]{[2]string{"N2", "preferred"}, 14},
		choice[[2]string]{[2]string{"N3", "required"}, 8}, choice[[2]string]{[2]string{"N2", "required"}, 10})
	roleEnglishTable = newTable(choice[string]{"business", 50}, choice[string]{"fluent", 30},
		choice[string]{"conversational", 15}, choice[string]{"none", 5})
	remoteByType = map[string]table[string]{
		"internship": newTable(choice[string]{"onsite", 75}, choice[string]{"hybrid", 20}, choice[string]{"remote", 5}),
		"job":        newTable(choice[string]{"onsite", 35}, choice[string]{"hybrid", 50}, choice[string]{"remote", 15}),
		"research":   newTable(choice[string]{"onsite", 70}, choice[string]{"hybrid", 28}, choice[string]{"remote", 2}),
	}
	minEducationByType = map[string]table[string]{
		"internship": newTable(choice[string]{"bachelor", 70}, choice[string]{"none", 30}),
		"job":        newTable(choice[string]{"bachelor", 60}, choice[string]{"master", 25}, choice[string]{"none", 15}),
		"research":   newTable(choice[string]{"doctorate", 60}, choice[string]{"master", 40}),
	}
	// textLanguages: most roles are written in English and Japanese, some in
	// only one of them.
	textLanguages = newTable(choice[[2]bool]{[2]bool{true, true}, 65}, choice[[2]bool]{[2]bool{true, false}, 20},
		choice[[2]bool]{[2]bool{false, true}, 15})
)

// researchStipendJPY is a research internship's monthly stipend as national
// research institutes pay it: about ¥5,700 a day.
const researchStipendJPY = 5_700 * 30

// newRole returns a fictional role of a verified organisation as of now. A
// role asked to be closed opens instead when the organisation is too new for
// it to have run its course.
func newRole(r rng, now time.Time, org talent.Organization, typ string, status talent.RoleStatus) talent.Role {
	spec := &specialisms[r.IntN(len(specialisms))]
	pos := pick(r, positions[typ])
	req := pickSome(r, spec.core, r.between(2, min(4, len(spec.core))))
	var others []string
	for _, s := range uniqueAppend(slices.Clone(spec.extra), mlFrameworks...) {
		if !slices.Contains(req, s) {
			others = append(others, s)
		}
	}
	pref := pickSome(r, others, r.between(1, 3))
	jp := japaneseTable.draw(r)
	role := talent.Role{
		OrganizationID: org.ID, Type: typ, Status: status,
		RequiredSkills: requirements(r, req, 2, 4), PreferredSkills: requirements(r, pref, 1, 3),
		MinEducation: minEducationByType[typ].draw(r), JapaneseLevel: jp[0], JapaneseMode: jp[1],
		EnglishLevel: roleEnglishTable.draw(r), Prefecture: org.Prefecture, Remote: remoteByType[typ].draw(r),
		VisaSupport: r.chance(0.85),
	}
	if role.JapaneseLevel == "none" && talent.EnglishRank(role.EnglishLevel) < talent.EnglishRank("business") {
		role.EnglishLevel = "business" // an English-only team needs working English
	}
	if r.chance(0.15) {
		role.Prefecture = prefectureTable.draw(r).slug
	}
	setTerms(r, &role, org.Kind, pos)
	setDates(r, &role, now, *org.VerifiedAt)

	title, desc := roleTitle(pos, spec), roleDescription(role, org, pos, spec)
	langs := textLanguages.draw(r)
	if langs[0] {
		role.Title.EN, role.Description.EN = title.en, desc.en
	}
	if langs[1] {
		role.Title.JA, role.Description.JA = title.ja, desc.ja
	}
	if r.chance(0.1) {
		role.Title.HI, role.Description.HI = title.hi, desc.hi
	}
	return role
}

// requirements gives each skill a minimum proficiency in [lo, hi].
func requirements(r rng, slugs []string, lo, hi int) []talent.SkillRequirement {
	out := make([]talent.SkillRequirement, len(slugs))
	for i, s := range slugs {
		out[i] = talent.SkillRequirement{Skill: s, MinProficiency: r.between(lo, hi)}
	}
	return out
}

// setTerms sets a role's pay, duration, openings and experience: monthly
// stipends and 2–6 months for internships, ¥4M–¥15M salary ranges for jobs,
// fixed-term salaried posts for research.
func setTerms(r rng, role *talent.Role, kind string, pos phrase) {
	switch role.Type {
	case "internship":
		role.DurationMonths = ptr(r.between(2, 6))
		role.Openings = r.between(1, 5)
		academic := kind == "university" || kind == "research_institute" || pos.en == "Research Intern"
		switch {
		case r.chance(0.08):
			role.StipendMonthlyJPY = ptr(int64(0))
		case academic && r.chance(0.6):
			role.StipendMonthlyJPY = ptr(int64(researchStipendJPY))
		default:
			role.StipendMonthlyJPY = ptr(int64(120_000 + r.IntN(19)*10_000))
		}
	case "job":
		low := int64(4_000_000 + r.IntN(13)*500_000)
		if pos.en == "Senior Machine Learning Engineer" {
			low += 2_000_000
			role.MinExperienceYears = r.between(5, 8)
		} else if r.chance(0.7) {
			role.MinExperienceYears = r.between(1, 5)
		}
		role.SalaryMinJPY = ptr(min(low, 13_000_000))
		role.SalaryMaxJPY = ptr(min(*role.SalaryMinJPY+int64(r.between(2, 10))*500_000, 15_000_000))
		role.Openings = r.between(1, 3)
	default: // research
		role.SalaryMinJPY = ptr(int64(4_500_000 + r.IntN(8)*500_000))
		role.SalaryMaxJPY = ptr(*role.SalaryMinJPY + int64(r.between(1, 6))*500_000)
		if r.chance(0.7) {
			role.DurationMonths = ptr(pick(r, []int{12, 24, 36, 60}))
		}
		role.Openings = r.between(1, 2)
	}
}

// setDates places a role in time after its organisation was verified: open
// roles were published in the last five months and most take applications
// until a deadline ahead; closed ones ran for one to three months within the
// last fourteen; drafts were started in the last month.
func setDates(r rng, role *talent.Role, now, verified time.Time) {
	const day = 24 * time.Hour
	earliest := verified.Add(time.Hour)
	if role.Status == talent.RoleClosed && earliest.After(now.AddDate(0, 0, -40)) {
		role.Status = talent.RoleOpen
	}
	switch role.Status {
	case talent.RoleClosed:
		role.CreatedAt = r.timeIn(later(earliest, now.AddDate(0, 0, -420)), now.AddDate(0, 0, -40))
		published := r.timeIn(role.CreatedAt, role.CreatedAt.Add(3*day))
		role.PublishedAt = &published
		role.UpdatedAt = earlier(r.timeIn(published.Add(30*day), published.Add(90*day)), now.Add(-time.Hour))
		role.StartDate = startDate(r, role.Type, published)
		if r.chance(0.6) {
			role.Deadline = deadlineBefore(talent.DateOf(role.UpdatedAt), role.StartDate)
		}
	case talent.RoleOpen:
		role.CreatedAt = r.timeIn(later(earliest, now.AddDate(0, 0, -150)), now.Add(-time.Hour))
		published := earlier(r.timeIn(role.CreatedAt, role.CreatedAt.Add(3*day)), now)
		role.PublishedAt, role.UpdatedAt = &published, published
		role.StartDate = startDate(r, role.Type, now)
		if r.chance(0.8) {
			role.Deadline = deadlineBefore(talent.DateOf(now.AddDate(0, 0, r.between(7, 120))), role.StartDate)
		}
	default: // draft
		role.CreatedAt = r.timeIn(later(earliest, now.AddDate(0, 0, -30)), now)
		role.UpdatedAt = role.CreatedAt
		role.StartDate = startDate(r, role.Type, now)
		if r.chance(0.5) {
			role.Deadline = deadlineBefore(talent.DateOf(now.AddDate(0, 0, r.between(30, 150))), role.StartDate)
		}
	}
}

// startDate returns when a role advertised at from starts: internships often
// the next August, jobs and research posts in two to twelve months, or no
// fixed date.
func startDate(r rng, typ string, from time.Time) *talent.Date {
	switch {
	case typ == "internship" && r.chance(0.5):
		august := talent.NewDate(from.Year(), time.August, 1)
		if august.Before(talent.DateOf(from.AddDate(0, 0, 30))) {
			august = talent.NewDate(from.Year()+1, time.August, 1)
		}
		return &august
	case typ == "internship" || r.chance(0.8):
		d := talent.DateOf(from.AddDate(0, 0, r.between(45, 365)))
		if typ == "research" {
			d = talent.NewDate(d.Time().Year(), d.Time().Month(), 1)
		}
		return &d
	}
	return nil
}

// deadlineBefore returns d, moved to two weeks before start when it would
// fall later.
func deadlineBefore(d talent.Date, start *talent.Date) *talent.Date {
	if start != nil && d.After(start.AddDays(-14)) {
		d = start.AddDays(-14)
	}
	return &d
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
