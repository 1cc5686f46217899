package talent

import (
	"context"
	"time"
)

// Reason is one explanation of a score, as a message ID and its arguments,
// rendered in the reader's language.
type Reason struct {
	ID   string
	Args map[string]any
}

// ScoreComponent is one named part of a match score: the points it earned of
// its weight, and why.
type ScoreComponent struct {
	Name    string
	Points  float64
	Weight  float64
	Reasons []Reason
}

// Scored is a match score (0–100) for one candidate and role: whether the
// pair is eligible at all (Blockers say why not) and the components.
type Scored struct {
	ID         int64 // the role's id (ranking roles) or the candidate's (ranking candidates)
	Score      int
	Eligible   bool
	Blockers   []Reason
	Components []ScoreComponent
}

// Recommender ranks roles for a candidate and candidates for a role, best
// first, ties broken by id (package matching provides one).
type Recommender interface {
	RankRoles(p Profile, roles []Role, limit int, today Date) []Scored
	RankCandidates(r Role, profiles []Profile, limit int, today Date) []Scored
}

// MatchStore loads what recommendations are computed over.
type MatchStore interface {
	// OpenRolesForMatching returns every open role whose deadline has not
	// passed on today, with skills, optionally only of the given types. It
	// may serve a snapshot up to a minute old (shared: do not modify).
	OpenRolesForMatching(ctx context.Context, today Date, types []string) ([]Role, error)
	// RolesByIDs returns the roles with the given ids as they are now, keyed by id.
	RolesByIDs(ctx context.Context, ids []int64) (map[int64]Role, error)
	// DiscoverableProfiles returns the profiles of candidates who consented to
	// be discovered by verified organisations. It may serve a snapshot up to a
	// minute old (shared: do not modify).
	DiscoverableProfiles(ctx context.Context) ([]Profile, error)
	// ProfilesByUsers returns the profiles of the given candidates (those
	// that exist), keyed by user id.
	ProfilesByUsers(ctx context.Context, ids []int64) (map[int64]Profile, error)
	// OrganizationsByIDs returns the organisations with the given ids, keyed by id.
	OrganizationsByIDs(ctx context.Context, ids []int64) (map[int64]Organization, error)
}

// Limits on recommendation lists.
const (
	DefaultRecommendations = 20
	MaxRecommendations     = 100
)

// RoleRecommendation is an open role, with its organisation, and its score
// for the reader.
type RoleRecommendation struct {
	Role         Role
	Organization *Organization
	Match        Scored
}

// CandidateRecommendation is a candidate's profile with its score for a role.
type CandidateRecommendation struct {
	Profile Profile
	Match   Scored
}

// Recommendations ranks roles for candidates and candidates for roles.
type Recommendations struct {
	store    MatchStore
	roles    *Roles
	profiles *Profiles
	rec      Recommender
	views    *ProfileViews // records which organisation saw which profile (nil: none)
	now      func() time.Time
}

// newRecommendations returns the recommendation service.
func newRecommendations(store MatchStore, roles *Roles, profiles *Profiles, rec Recommender) *Recommendations {
	return &Recommendations{store: store, roles: roles, profiles: profiles, rec: rec, now: time.Now}
}

// ForMe ranks open roles (optionally of one type) for the signed-in
// candidate, from their saved profile (an empty one if never saved), each
// with its organisation.
func (s *Recommendations) ForMe(ctx context.Context, actor Actor, roleType string, limit int) ([]RoleRecommendation, error) {
	if err := requireKind(actor, AccountCandidate); err != nil {
		return nil, err
	}
	if err := validateRecommendationQuery(roleType, limit); err != nil {
		return nil, err
	}
	p, err := s.profiles.Mine(ctx, actor)
	if err != nil {
		return nil, err
	}
	var types []string
	if roleType != "" {
		types = []string{roleType}
	}
	today := DateOf(s.now())
	roles, err := s.store.OpenRolesForMatching(ctx, today, types)
	if err != nil {
		return nil, err
	}
	ranked := s.rec.RankRoles(p, roles, limitOrDefault(limit), today)
	// The ranking may come from a snapshot: show the roles as they are now,
	// leaving out any closed since.
	ids := make([]int64, len(ranked))
	for i, m := range ranked {
		ids[i] = m.ID
	}
	fresh, err := s.store.RolesByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]RoleRecommendation, 0, len(ranked))
	orgIDs := make([]int64, 0, len(ranked))
	for _, m := range ranked {
		if r, ok := fresh[m.ID]; ok && r.Status == RoleOpen {
			out = append(out, RoleRecommendation{Role: r, Match: m})
			orgIDs = append(orgIDs, r.OrganizationID)
		}
	}
	orgs, err := s.store.OrganizationsByIDs(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	for i, rec := range out {
		if o, ok := orgs[rec.Role.OrganizationID]; ok {
			out[i].Organization = &o
		}
	}
	return out, nil
}

// ForRole ranks the candidates who consented to be discovered for a role, on
// behalf of the role's organisation and administrators (ErrNotFound for
// everyone else, as for the role's applications).
func (s *Recommendations) ForRole(ctx context.Context, actor Actor, roleID int64, limit int) ([]CandidateRecommendation, error) {
	role, err := s.roles.forMember(ctx, actor, roleID)
	if err != nil {
		return nil, err
	}
	if err := validateRecommendationQuery("", limit); err != nil {
		return nil, err
	}
	profiles, err := s.store.DiscoverableProfiles(ctx)
	if err != nil {
		return nil, err
	}
	ranked := s.rec.RankCandidates(role, profiles, limitOrDefault(limit), DateOf(s.now()))
	// The ranking may come from a snapshot: show the profiles as they are
	// now, leaving out anyone who withdrew consent since.
	ids := make([]int64, len(ranked))
	for i, m := range ranked {
		ids[i] = m.ID
	}
	fresh, err := s.store.ProfilesByUsers(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]CandidateRecommendation, 0, len(ranked))
	shown := make([]Profile, 0, len(ranked))
	for _, m := range ranked {
		if p, ok := fresh[m.ID]; ok && p.ConsentDiscoverable {
			out = append(out, CandidateRecommendation{Profile: p, Match: m})
			shown = append(shown, p)
		}
	}
	// The list shows each candidate's profile: each counts as seen.
	if err := s.views.record(ctx, actor, role.OrganizationID, ViewFromRecommendation, shown); err != nil {
		return nil, err
	}
	return out, nil
}

// scoreApplicants scores the candidates of a role's applications, for the
// role's organisation (the applicants list ranked by match). Candidates who
// withdrew consent to share their profile are left out.
func (s *Recommendations) scoreApplicants(ctx context.Context, actor Actor, roleID int64, candidateIDs []int64) (map[int64]CandidateRecommendation, error) {
	role, err := s.roles.forMember(ctx, actor, roleID)
	if err != nil {
		return nil, err
	}
	byUser, err := s.store.ProfilesByUsers(ctx, candidateIDs)
	if err != nil {
		return nil, err
	}
	profiles := make([]Profile, 0, len(byUser))
	for _, p := range byUser {
		if p.ConsentShareApplied {
			profiles = append(profiles, p)
		}
	}
	out := map[int64]CandidateRecommendation{}
	for _, m := range s.rec.RankCandidates(role, profiles, len(profiles), DateOf(s.now())) {
		out[m.ID] = CandidateRecommendation{Profile: byUser[m.ID], Match: m}
	}
	return out, nil
}

func validateRecommendationQuery(roleType string, limit int) error {
	var v Validator
	if roleType != "" {
		v.OneOf("type", roleType, RoleTypes)
	}
	if limit != 0 {
		v.IntRange("limit", int64(limit), 1, MaxRecommendations)
	}
	return v.Err()
}

func limitOrDefault(limit int) int {
	if limit == 0 {
		return DefaultRecommendations
	}
	return limit
}
