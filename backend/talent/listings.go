package talent

import "context"

// ListingStore loads the objects a list shows beside its items.
type ListingStore interface {
	// RolesByIDs returns the roles with the given ids, keyed by id.
	RolesByIDs(ctx context.Context, ids []int64) (map[int64]Role, error)
	// ProfilesByUsers returns the profiles of the given candidates, keyed by user id.
	ProfilesByUsers(ctx context.Context, ids []int64) (map[int64]Profile, error)
}

// Listings fills in what lists of applications show beside each item (the
// role, the applicant) in one query per list rather than one per row, with
// the same rules as the single-object reads.
type Listings struct {
	store ListingStore
	roles *Roles
}

// NewListings returns the listing service.
func NewListings(store ListingStore, roles *Roles) *Listings {
	return &Listings{store: store, roles: roles}
}

// RolesOf returns the roles of applications the actor was shown, keyed by
// id, leaving out any the actor may not see (drafts of other organisations).
func (s *Listings) RolesOf(ctx context.Context, actor Actor, apps []Application) (map[int64]Role, error) {
	ids := make([]int64, len(apps))
	for i, a := range apps {
		ids[i] = a.RoleID
	}
	roles, err := s.store.RolesByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	for id, r := range roles {
		if r.Status != RoleDraft {
			continue
		}
		ok, err := s.roles.isMemberOrAdmin(ctx, actor, r.OrganizationID)
		if err != nil {
			return nil, err
		}
		if !ok {
			delete(roles, id)
		}
	}
	return roles, nil
}

// ApplicantsOf returns the profiles of a role's applicants who consent to
// share them, keyed by user id, for members of the role's organisation and
// administrators (ErrNotFound for everyone else).
func (s *Listings) ApplicantsOf(ctx context.Context, actor Actor, roleID int64, apps []Application) (map[int64]Profile, error) {
	role, err := s.roles.Get(ctx, actor, roleID)
	if err != nil {
		return nil, err
	}
	ok, err := s.roles.isMemberOrAdmin(ctx, actor, role.OrganizationID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, NotFound()
	}
	ids := make([]int64, 0, len(apps))
	for _, a := range apps {
		if a.RoleID == roleID {
			ids = append(ids, a.CandidateID)
		}
	}
	profiles, err := s.store.ProfilesByUsers(ctx, ids)
	if err != nil {
		return nil, err
	}
	for id, p := range profiles {
		if !p.ConsentShareApplied {
			delete(profiles, id)
		}
	}
	return profiles, nil
}
