package talent

import (
	"context"
	"time"
)

// Where an organisation saw a candidate's profile.
const (
	ViewFromApplication    = "application"    // an application, opened by the hiring organisation
	ViewFromRecommendation = "recommendation" // the candidates recommended for a role
	ViewFromRound          = "round"          // the candidates a role may rank in a matching round
)

// ProfileView records that an organisation saw a candidate's profile on a
// day (at most one record per organisation, candidate and day; At is the
// first time that day).
type ProfileView struct {
	ID             int64
	CandidateID    int64
	OrganizationID int64
	On             Date
	Source         string
	At             time.Time
}

// ProfileViewStore keeps the record of who saw which profile.
type ProfileViewStore interface {
	// RecordProfileViews records that an organisation saw the profiles of
	// candidates, once per organisation, candidate and day (a view already
	// recorded that day is left as it is).
	RecordProfileViews(ctx context.Context, organizationID int64, candidateIDs []int64, source string, at time.Time) error
	// ProfileViewsOf returns a page of a candidate's profile views, newest first.
	ProfileViewsOf(ctx context.Context, candidateID int64, p Page) ([]ProfileView, error)
}

// ProfileViews tells candidates which organisations saw their profile.
type ProfileViews struct {
	store ProfileViewStore
	orgs  OrganizationStore
	now   func() time.Time
}

// newProfileViews returns the profile-view service.
func newProfileViews(store ProfileViewStore, orgs OrganizationStore) *ProfileViews {
	return &ProfileViews{store: store, orgs: orgs, now: time.Now}
}

// ProfileViewWithOrg is a profile view with the organisation that saw it.
type ProfileViewWithOrg struct {
	ProfileView
	Organization Organization
}

// Mine returns a page of the organisations that saw the signed-in
// candidate's profile, newest first (candidates only).
func (s *ProfileViews) Mine(ctx context.Context, actor Actor, p Page) ([]ProfileViewWithOrg, error) {
	if err := requireKind(actor, AccountCandidate); err != nil {
		return nil, err
	}
	views, err := s.store.ProfileViewsOf(ctx, actor.UserID, p)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(views))
	for i, v := range views {
		ids[i] = v.OrganizationID
	}
	orgs, err := s.orgs.OrganizationsByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]ProfileViewWithOrg, len(views))
	for i, v := range views {
		out[i] = ProfileViewWithOrg{ProfileView: v, Organization: orgs[v.OrganizationID]}
	}
	return out, nil
}

// record notes that the organisation of a role saw profiles, when the one
// looking is a member of it (administrators are not an organisation; what
// they see is in the audit log). Nothing is recorded for no profiles.
func (s *ProfileViews) record(ctx context.Context, actor Actor, organizationID int64, source string, profiles []Profile) error {
	if s == nil || !actor.Is(AccountOrgMember) || len(profiles) == 0 {
		return nil
	}
	ids := make([]int64, len(profiles))
	for i, p := range profiles {
		ids[i] = p.UserID
	}
	return s.store.RecordProfileViews(ctx, organizationID, ids, source, s.now().UTC())
}
