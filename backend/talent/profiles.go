package talent

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ProfileStore keeps candidate profiles.
type ProfileStore interface {
	// ProfileByUser returns a candidate's profile; ErrNotFound if never saved.
	ProfileByUser(ctx context.Context, userID int64) (Profile, error)
	// SaveProfile creates or replaces a profile with its education and
	// skills, appends consent events to the user's consent ledger and sets the
	// profile's consent flags from the whole ledger (not from p), in one
	// transaction, and returns the profile as stored.
	SaveProfile(ctx context.Context, p Profile, consent []ConsentEvent) (Profile, error)
}

// Limits on a profile's lists.
const (
	MaxEducationEntries = 10
	MaxSkills           = 50
	MaxPrefectures      = 47
)

// Profiles lets candidates read and write their own profile.
type Profiles struct {
	store    ProfileStore
	accounts AccountStore
	consents ConsentStore
	skills   SkillCatalog
	now      func() time.Time
}

// newProfiles returns the profile service; skills decides which skills a
// profile may list.
// consents is the ledger the profile's consent flags are recorded in.
func newProfiles(store ProfileStore, accounts AccountStore, consents ConsentStore, skills SkillCatalog) *Profiles {
	return &Profiles{store: store, accounts: accounts, consents: consents, skills: skills, now: time.Now}
}

// Mine returns the signed-in candidate's profile; one never saved comes back
// empty, with the account's name and the consent in effect. Only candidates
// have profiles (ErrForbidden).
func (s *Profiles) Mine(ctx context.Context, actor Actor) (Profile, error) {
	if err := requireKind(actor, AccountCandidate); err != nil {
		return Profile{}, err
	}
	p, err := s.store.ProfileByUser(ctx, actor.UserID)
	if isNotFound(err) {
		u, uerr := s.accounts.UserByID(ctx, actor.UserID)
		if uerr != nil {
			return Profile{}, uerr
		}
		events, cerr := s.consents.ConsentEvents(ctx, actor.UserID)
		if cerr != nil {
			return Profile{}, cerr
		}
		share, discover := EffectiveConsent(StateOf(events))
		return Profile{UserID: actor.UserID, Name: u.Name, JLPTLevel: "none", EnglishLevel: "none",
			ConsentShareApplied: share, ConsentDiscoverable: discover}, nil
	}
	return p, err
}

// SaveMine validates and stores the signed-in candidate's whole profile.
// Every bad field is listed in one ErrInvalid problem (a skill the taxonomy
// does not know is unknown_skill, with suggestions) and nothing is saved.
// The consent flags are choices the candidate made in lang: a change from
// what is in effect is recorded in the consent ledger in the same
// transaction (see profileConsentEvents).
func (s *Profiles) SaveMine(ctx context.Context, actor Actor, p Profile, lang string) (Profile, error) {
	if err := requireKind(actor, AccountCandidate); err != nil {
		return Profile{}, err
	}
	p.UserID = actor.UserID
	p.Name = strings.TrimSpace(p.Name)
	if err := validateProfile(p, DateOf(s.now()), s.skills); err != nil {
		return Profile{}, err
	}
	events, err := s.consents.ConsentEvents(ctx, actor.UserID)
	if err != nil {
		return Profile{}, err
	}
	changes := profileConsentEvents(events, p.ConsentShareApplied, p.ConsentDiscoverable, actor.UserID, lang, s.now().UTC())
	return s.store.SaveProfile(ctx, p, changes)
}

func validateProfile(p Profile, today Date, skills SkillCatalog) error {
	var v Validator
	v.Text("name", p.Name, 1, 120)
	if p.IndianState != "" {
		v.OneOf("indian_state", p.IndianState, IndianStates)
	}
	v.Text("city", p.City, 0, 100)
	if v.MaxItems("education", len(p.Education), MaxEducationEntries) {
		for i, e := range p.Education {
			f := "education[" + strconv.Itoa(i) + "]."
			v.OneOf(f+"level", e.Level, EducationLevels)
			v.Text(f+"institution", e.Institution, 1, 200)
			v.Text(f+"field", e.Field, 1, 120)
			v.IntRange(f+"year", int64(e.Year), 1960, int64(today.Time().Year()+8))
		}
	}
	v.IntRange("experience_years", int64(p.ExperienceYears), 0, 60)
	if v.MaxItems("skills", len(p.Skills), MaxSkills) {
		seen := map[string]bool{}
		for i, sk := range p.Skills {
			f := "skills[" + strconv.Itoa(i) + "]."
			validateSkill(&v, skills, f+"skill", sk.Skill)
			v.IntRange(f+"proficiency", int64(sk.Proficiency), 1, 5)
			if seen[sk.Skill] {
				v.Add(f+"skill", "duplicate")
			}
			seen[sk.Skill] = true
		}
	}
	v.IntRange("papers", int64(p.Papers), 0, 10000)
	v.IntRange("patents", int64(p.Patents), 0, 10000)
	v.OneOf("jlpt_level", p.JLPTLevel, JLPTLevels)
	v.OneOf("english_level", p.EnglishLevel, EnglishLevels)
	validateSubset(&v, "wanted_role_types", p.WantedRoleTypes, RoleTypes)
	v.Date("earliest_start", p.EarliestStart, NewDate(2000, 1, 1), today.AddDays(365*10))
	if p.SalaryExpectationJPY != nil {
		v.IntRange("salary_expectation_jpy", *p.SalaryExpectationJPY, 0, 1_000_000_000)
	}
	if v.MaxItems("preferred_prefectures", len(p.PreferredPrefectures), MaxPrefectures) {
		validateSubset(&v, "preferred_prefectures", p.PreferredPrefectures, Prefectures)
	}
	v.Date("date_of_birth", p.DateOfBirth, NewDate(1920, 1, 1), today.AddDays(-365*15))
	return v.Err()
}

// validateSubset checks that every value is allowed and none is repeated.
func validateSubset(v *Validator, field string, values, allowed []string) {
	for i, s := range values {
		f := field + "[" + strconv.Itoa(i) + "]"
		v.OneOf(f, s, allowed)
		if slices.Index(values, s) != i {
			v.Add(f, "duplicate")
		}
	}
}

// requireKind returns ErrUnauthenticated for an anonymous actor and
// ErrForbidden (wrong_role) for a signed-in actor of another role.
func requireKind(actor Actor, kinds ...AccountKind) error {
	if actor.Anonymous() {
		return Unauthenticated()
	}
	if !slices.Contains(kinds, actor.Kind) {
		return Forbidden(CodeWrongKind)
	}
	return nil
}
