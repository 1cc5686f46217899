package seed

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/setubashi/setubashi/backend/talent"
)

// DemoAccount is an account someone can sign in to in development, with the
// password given to DemoAccounts.
type DemoAccount struct {
	Email string
	Kind  talent.AccountKind
	Name  string
}

// DemoAccountEmails lists the accounts DemoAccounts creates: a candidate, an
// organisation member, a ministry viewer and an administrator.
var DemoAccountEmails = []DemoAccount{
	{Email: "candidate@demo.setubashi.test", Kind: talent.AccountCandidate, Name: "Ananya Raman"},
	{Email: "org@demo.setubashi.test", Kind: talent.AccountOrgMember, Name: "Misaki Takahashi"},
	{Email: "ministry@demo.setubashi.test", Kind: talent.AccountMinistry, Name: "Demo Ministry Viewer"},
	{Email: "admin@demo.setubashi.test", Kind: talent.AccountAdmin, Name: "Demo Administrator"},
}

// demoRoles are the types and statuses of the demo organisation's roles; the
// demo candidate applies to the first three.
var demoRoles = []struct {
	typ    string
	status talent.RoleStatus
}{
	{"job", talent.RoleOpen}, {"research", talent.RoleOpen}, {"job", talent.RoleOpen},
	{"internship", talent.RoleOpen}, {"internship", talent.RoleDraft}, {"job", talent.RoleClosed},
}

// demoCandidateStages are the stages of the demo candidate's applications.
var demoCandidateStages = []talent.Stage{talent.StageInterview, talent.StageSubmitted, talent.StageOffer}

// demoApplicants is how many fictional candidates also apply to the demo
// organisation's roles.
const demoApplicants = 12

// DemoAccounts creates the development demo accounts of DemoAccountEmails,
// all with password, and returns them: the candidate has a complete profile,
// consent given, and applications at different stages; the organisation
// member belongs to a verified organisation with open roles and applicants;
// the ministry viewer and administrator are plain accounts. It brings its
// own organisation, roles and other applicants, so it works on any database
// once; opt gives the seed and "today" (its sizes are ignored). A password
// of the wrong length is talent.ErrInvalid; demo accounts that exist already
// are talent.ErrConflict.
func DemoAccounts(ctx context.Context, l Loader, password string, opt Options) ([]DemoAccount, error) {
	if n := len([]rune(password)); n < talent.MinPasswordLen || n > talent.MaxPasswordLen {
		return nil, fmt.Errorf("seed: the demo password must have %d to %d characters: %w",
			talent.MinPasswordLen, talent.MaxPasswordLen, talent.ErrInvalid)
	}
	if opt.Now.IsZero() {
		return nil, errors.New("seed: Options.Now is required")
	}
	hash, err := talent.HashPassword(password, talent.OWASPArgon2)
	if err != nil {
		return nil, err
	}
	now := opt.Now.UTC().Truncate(time.Second)
	r := newRNG(opt.Seed, streamDemo)

	users := make([]talent.User, len(DemoAccountEmails))
	for i, a := range DemoAccountEmails {
		users[i] = talent.User{Email: a.Email, Name: a.Name, Kind: a.Kind, Locale: "en", CreatedAt: now.AddDate(0, 0, -400)}
	}
	users[0].CreatedAt, users[1].CreatedAt = now.AddDate(0, 0, -200), now.AddDate(0, 0, -181)
	if err := l.InsertUsers(ctx, users, hash); err != nil {
		return nil, fmt.Errorf("seed demo accounts: %w", err)
	}
	candidate, member := users[0], users[1]
	if err := l.InsertProfiles(ctx, []talent.Profile{demoProfile(candidate, now)}); err != nil {
		return nil, fmt.Errorf("seed demo profile: %w", err)
	}

	orgs := []talent.Organization{{
		NameJA: "株式会社ハシワタシAI", NameEN: "Hashiwatashi AI Inc.", Kind: "startup", Prefecture: "tokyo",
		Website: "https://hashiwatashi-ai.example.jp", Verified: true, VerifiedAt: ptr(now.AddDate(0, 0, -178)),
		CreatedBy: member.ID, CreatedAt: now.AddDate(0, 0, -180),
	}}
	if err := l.InsertOrganizations(ctx, orgs, [][]int64{{member.ID}}); err != nil {
		return nil, fmt.Errorf("seed demo organisation: %w", err)
	}
	roles := make([]talent.Role, len(demoRoles))
	for i, d := range demoRoles {
		roles[i] = newRole(r, now, orgs[0], d.typ, d.status)
	}
	if err := l.InsertRoles(ctx, roles); err != nil {
		return nil, fmt.Errorf("seed demo roles: %w", err)
	}

	if err := demoApplications(ctx, l, r, now, roles, candidate, member.ID); err != nil {
		return nil, err
	}
	return slices.Clone(DemoAccountEmails), nil
}

// demoProfile is the demo candidate's complete profile: an NLP engineer from
// Chennai with a master's from IIT Madras, looking for jobs and research posts.
func demoProfile(u talent.User, now time.Time) talent.Profile {
	year := now.Year()
	return talent.Profile{
		UserID: u.ID, Name: u.Name, IndianState: "tamil_nadu", City: "Chennai",
		Education: []talent.Education{
			{Level: "bachelor", Institution: "NIT Tiruchirappalli", Field: "Computer Science and Engineering", Year: year - 5},
			{Level: "master", Institution: "IIT Madras", Field: "Artificial Intelligence", Year: year - 3},
		},
		ExperienceYears: 3,
		Skills: []talent.SkillLevel{{Skill: "python", Proficiency: 5}, {Skill: "pytorch", Proficiency: 4}, {Skill: "nlp", Proficiency: 4},
			{Skill: "llm", Proficiency: 4}, {Skill: "transformers", Proficiency: 4}, {Skill: "rag", Proficiency: 3},
			{Skill: "sql", Proficiency: 3}, {Skill: "docker", Proficiency: 3}, {Skill: "kubernetes", Proficiency: 2}},
		Papers: 3, JLPTLevel: "N4", EnglishLevel: "fluent", WantedRoleTypes: []string{"job", "research"},
		EarliestStart: ptr(talent.DateOf(now.AddDate(0, 0, 90))), SalaryExpectationJPY: ptr(int64(7_500_000)),
		PreferredPrefectures: []string{"tokyo", "kanagawa", "osaka"}, RemoteOK: true,
		DateOfBirth:         ptr(talent.DateOf(now.AddDate(-27, -2, 0))),
		ConsentShareApplied: true, ConsentDiscoverable: true, UpdatedAt: now.AddDate(0, 0, -10),
	}
}

// demoApplications has the demo candidate apply to the first open roles at
// the stages of demoCandidateStages, and fictional candidates apply to all
// the organisation's open and closed roles.
func demoApplications(ctx context.Context, l Loader, r rng, now time.Time, roles []talent.Role, candidate talent.User, memberID int64) error {
	applicants := make([]talent.User, demoApplicants)
	profiles := make([]talent.Profile, demoApplicants)
	for i := range applicants {
		applicants[i], profiles[i] = newCandidate(r, now, stateTable.draw(r), fmt.Sprintf("d%d", i+1))
		profiles[i].ConsentShareApplied = true
	}
	if err := l.InsertUsers(ctx, applicants, generatedPasswordHash); err != nil {
		return fmt.Errorf("seed demo applicants: %w", err)
	}
	for i := range profiles {
		profiles[i].UserID = applicants[i].ID
	}
	if err := l.InsertProfiles(ctx, profiles); err != nil {
		return fmt.Errorf("seed demo applicants: %w", err)
	}

	var openings []*opening
	for i := range roles {
		if roles[i].Status != talent.RoleDraft {
			openings = append(openings, &opening{role: &roles[i], kind: "startup", members: []int64{memberID}})
		}
	}
	maker := newApplicationMaker(now)
	var b batch
	add := func(o *opening, c *applicant, stage talent.Stage) bool {
		m, ok := maker.make(r, o, c, stage)
		if ok {
			b.add(m)
		}
		return ok
	}
	demo, stages := &applicant{id: candidate.ID, created: candidate.CreatedAt}, demoCandidateStages
	for _, o := range openings {
		if len(stages) > 0 && o.role.Status == talent.RoleOpen && add(o, demo, stages[0]) {
			stages = stages[1:]
		}
	}
	for _, u := range applicants {
		c := &applicant{id: u.ID, created: u.CreatedAt}
		for _, o := range pickSome(r, openings, r.between(1, 3)) {
			add(o, c, stageFor(r, o.role.Status))
		}
	}
	if err := l.InsertApplications(ctx, b.apps); err != nil {
		return fmt.Errorf("seed demo applications: %w", err)
	}
	b.link()
	if err := l.InsertOffers(ctx, b.offers); err != nil {
		return fmt.Errorf("seed demo offers: %w", err)
	}
	if err := l.InsertPlacements(ctx, b.placements); err != nil {
		return fmt.Errorf("seed demo placements: %w", err)
	}
	return nil
}
