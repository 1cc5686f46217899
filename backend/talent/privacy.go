package talent

import (
	"context"
	"fmt"
	"time"
)

// SessionInfo is what the export shows of a session: when it began, was
// last used and ends, and from where; never its token.
type SessionInfo struct {
	ID         int64
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	IP         string
	UserAgent  string
}

// ActionOf is one entry of the audit log naming the person as the actor.
type ActionOf struct {
	At        time.Time
	Method    string
	Route     string
	Path      string
	ObjectID  *int64
	Status    int
	IP        string
	UserAgent string
}

// RankingOf is one rank list a person submitted in a matching round.
type RankingOf struct {
	RoundID int64
	Ranked  []int64
}

// StageEventOf is a step an organisation member took on an application.
type StageEventOf struct {
	ApplicationID int64
	StageEvent
}

// PersonalRecords are the records the store keeps about one person beyond
// their account and profile.
type PersonalRecords struct {
	Sessions      []SessionInfo
	Applications  []Application // as candidate, with timelines
	Placements    []Placement   // as candidate
	ProfileViews  []ProfileView // as candidate
	Rankings      []RankingOf   // as candidate
	StageEvents   []StageEventOf
	Organizations []Organization // memberships
	Actions       []ActionOf     // the audit log's entries of the person's requests
}

// PersonalData is everything Setubashi holds about one person (DPDP Act
// s.11, right to information; export of one's own data).
type PersonalData struct {
	ExportedAt time.Time
	User       User
	Profile    *Profile // candidates who saved one
	Consents   []ConsentEvent
	PersonalRecords
	// ViewedBy are the organisations of the profile views, by id.
	ViewedBy map[int64]Organization
}

// Erasure is the plan of one person's erasure, which the store carries out
// in one transaction. Beside what the plan names, the store empties the
// account's name, makes its password unusable, disables it and stamps it
// erased, empties the cover notes and the reasons on the person's
// timelines, and deletes their sessions, second-factor secrets, recovery
// codes, trusted devices, pending sign-ins, rank lists, profile views,
// idempotency records and memberships.
type Erasure struct {
	UserID int64
	At     time.Time
	// Email replaces the account's address: it names no one and reaches no
	// one.
	Email string
	// Withdrawals close every consent in force, recorded in the ledger.
	Withdrawals []ConsentEvent
	// Profile is what the profile becomes (nil when none was saved), its
	// education and skills included.
	Profile *Profile
	// WithdrawFrom lists the stages whose applications are withdrawn.
	WithdrawFrom []Stage
}

// PrivacyStore exports and erases a person's data.
type PrivacyStore interface {
	Transactor
	// PersonalRecordsOf returns every record about a user beyond the account,
	// profile and consent ledger.
	PersonalRecordsOf(ctx context.Context, userID int64) (PersonalRecords, error)
	// SoleMemberOf returns the organisations the user is the only member of.
	SoleMemberOf(ctx context.Context, userID int64) ([]int64, error)
	// EraseAccount erases a person in one transaction; see Privacy.Erase for
	// what goes and what stays.
	EraseAccount(ctx context.Context, e Erasure) error
}

// reauthenticator checks a signed-in person's password before a sensitive
// change, counting attempts toward their sign-in back-off (*Accounts).
type reauthenticator interface {
	Reauthenticate(ctx context.Context, actor Actor, field, password string) error
}

// Privacy lets people export and erase what Setubashi holds about them.
type Privacy struct {
	store    PrivacyStore
	accounts AccountStore
	auth     reauthenticator
	profiles ProfileStore
	consents ConsentStore
	orgs     OrganizationStore
	now      func() time.Time
}

// newPrivacy returns the privacy service; auth checks the password an
// erasure is confirmed with.
func newPrivacy(store PrivacyStore, accounts AccountStore, auth *Accounts, profiles ProfileStore, consents ConsentStore, orgs OrganizationStore) *Privacy {
	return &Privacy{store: store, accounts: accounts, auth: auth, profiles: profiles, consents: consents, orgs: orgs, now: time.Now}
}

// Export returns everything held about the signed-in user (of any kind).
func (s *Privacy) Export(ctx context.Context, actor Actor) (PersonalData, error) {
	if actor.Anonymous() {
		return PersonalData{}, Unauthenticated()
	}
	u, err := s.accounts.UserByID(ctx, actor.UserID)
	if err != nil {
		return PersonalData{}, err
	}
	out := PersonalData{ExportedAt: s.now().UTC(), User: u}
	if u.Kind == AccountCandidate {
		p, err := s.profiles.ProfileByUser(ctx, u.ID)
		switch {
		case err == nil:
			out.Profile = &p
		case !isNotFound(err):
			return PersonalData{}, err
		}
	}
	if out.Consents, err = s.consents.ConsentEvents(ctx, u.ID); err != nil {
		return PersonalData{}, err
	}
	if out.PersonalRecords, err = s.store.PersonalRecordsOf(ctx, u.ID); err != nil {
		return PersonalData{}, err
	}
	ids := make([]int64, len(out.ProfileViews))
	for i, v := range out.ProfileViews {
		ids[i] = v.OrganizationID
	}
	if out.ViewedBy, err = s.orgs.OrganizationsByIDs(ctx, ids); err != nil {
		return PersonalData{}, err
	}
	return out, nil
}

// Erase erases the signed-in person's account after checking their
// password (field password: required or password_incorrect; the attempts
// count toward the account's sign-in back-off, ErrRateLimited once it is in
// force, so a stolen session cannot guess it). What goes: the profile's
// content (name, city, birth date, education, skills, research, languages but
// the JLPT level, preferences), the account's name, e-mail and password
// (replaced by a tombstone that can never sign in), every session, cover
// notes and the reasons written on the application timelines, rank lists in
// matching rounds, profile views, idempotency records and memberships of
// organisations. Every consent in force is withdrawn, so organisations lose
// access at once, and applications still in progress are withdrawn.
//
// Second-factor secrets, recovery codes, trusted devices and sign-ins
// waiting for a second factor go too.
//
// What stays, without anything that names the person: the account row (role,
// dates), the profile's Indian state and JLPT level, applications (role,
// stage, dates) with their timelines, placements with their dates, and the
// consent ledger. The audit log is append-only and keeps its entries (by
// account id) as the record of who did what. These keep the goal count and the breakdowns by state,
// JLPT level, prefecture, kind of organisation, role type and visa status
// right; erased candidates count under "not stated" by institution and skill
// domain.
//
// Organisation members may erase their account unless they are the last
// member of an organisation (ErrConflict, last_organization_member: someone
// must remain answerable for its roles and applicants). Ministry viewers and
// administrators cannot (ErrForbidden, staff_account): their actions must
// stay attributable; an administrator disables their account instead.
func (s *Privacy) Erase(ctx context.Context, actor Actor, password string) error {
	if actor.Anonymous() {
		return Unauthenticated()
	}
	if actor.Is(AccountMinistry) || actor.Is(AccountAdmin) {
		return Forbidden(CodeStaffAccount)
	}
	if err := s.auth.Reauthenticate(ctx, actor, "password", password); err != nil {
		return err
	}
	u, err := s.accounts.UserByID(ctx, actor.UserID)
	if err != nil {
		return err
	}
	if u.Kind == AccountOrgMember {
		sole, err := s.store.SoleMemberOf(ctx, u.ID)
		if err != nil {
			return err
		}
		if len(sole) > 0 {
			return Conflict(CodeLastOrganizationMember)
		}
	}
	return s.store.InTx(ctx, func(ctx context.Context) error {
		e, err := s.erasure(ctx, u)
		if err != nil {
			return err
		}
		return s.store.EraseAccount(ctx, e)
	})
}

// erasure plans the erasure of u: every consent in force withdrawn, the
// profile kept only as its Indian state and JLPT level (which keep the
// breakdowns right), and the applications still being decided withdrawn.
func (s *Privacy) erasure(ctx context.Context, u User) (Erasure, error) {
	at := s.now().UTC()
	e := Erasure{UserID: u.ID, At: at, Email: fmt.Sprintf("erased-%d@erased.invalid", u.ID), WithdrawFrom: undecidedStages}
	events, err := s.consents.ConsentEvents(ctx, u.ID)
	if err != nil {
		return Erasure{}, err
	}
	state := StateOf(events)
	for _, purpose := range ConsentPurposes {
		if state[purpose] {
			w, _ := CurrentWording(purpose)
			e.Withdrawals = append(e.Withdrawals, ConsentEvent{UserID: u.ID, Purpose: purpose, Granted: false,
				WordingVersion: w.Version, Language: languageOr(u.Locale), Source: ConsentSourceErasure, At: at})
		}
	}
	p, err := s.profiles.ProfileByUser(ctx, u.ID)
	switch {
	case err == nil:
		e.Profile = &Profile{UserID: u.ID, IndianState: p.IndianState, JLPTLevel: p.JLPTLevel, EnglishLevel: "none"}
	case !isNotFound(err):
		return Erasure{}, err
	}
	return e, nil
}
