package talent

import (
	"cmp"
	"context"
	"slices"
)

// ListingStore loads the objects a list shows beside its items.
type ListingStore interface {
	// RolesByIDs returns the roles with the given ids, keyed by id.
	RolesByIDs(ctx context.Context, ids []int64) (map[int64]Role, error)
	// ProfilesByUsers returns the profiles of the given candidates, keyed by user id.
	ProfilesByUsers(ctx context.Context, ids []int64) (map[int64]Profile, error)
	// OrganizationsByIDs returns the organisations with the given ids, keyed by id.
	OrganizationsByIDs(ctx context.Context, ids []int64) (map[int64]Organization, error)
}

// ApplicationItem is one application in a list, with what the list shows
// beside it.
type ApplicationItem struct {
	Application
	// Role and Organization are filled in the candidate's own list (the
	// role left out if the candidate may no longer see it).
	Role         *Role
	Organization *Organization
	// Candidate is the applicant's profile in the organisation's list, while
	// the applicant consents to share it.
	Candidate *Profile
	// Match is the applicant's score in the list ranked by match.
	Match *Scored
}

// MaxRankedApplicants bounds how many applications a ranking by match
// considers.
const MaxRankedApplicants = 5000

// Listings answers the lists of applications: the candidate's own, and a
// role's for its organisation, newest first or ranked by match. What each
// item shows beside the application is loaded in one query per list rather
// than one per row, with the same rules as the single-object reads.
type Listings struct {
	store ListingStore
	roles *Roles
	apps  *Applications
	recs  *Recommendations
}

func newListings(store ListingStore, roles *Roles, apps *Applications, recs *Recommendations) *Listings {
	return &Listings{store: store, roles: roles, apps: apps, recs: recs}
}

// Mine returns a page of the signed-in candidate's applications, each with
// its role and the role's organisation.
func (s *Listings) Mine(ctx context.Context, actor Actor, p Page) ([]ApplicationItem, error) {
	apps, err := s.apps.Mine(ctx, actor, p)
	if err != nil {
		return nil, err
	}
	roles, err := s.rolesOf(ctx, actor, apps)
	if err != nil {
		return nil, err
	}
	orgIDs := make([]int64, 0, len(roles))
	for _, r := range roles {
		orgIDs = append(orgIDs, r.OrganizationID)
	}
	orgs, err := s.store.OrganizationsByIDs(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	items := make([]ApplicationItem, len(apps))
	for i, a := range apps {
		items[i].Application = a
		if r, ok := roles[a.RoleID]; ok {
			items[i].Role = &r
			if o, ok := orgs[r.OrganizationID]; ok {
				items[i].Organization = &o
			}
		}
	}
	return items, nil
}

// ForRole returns a page of a role's applications (optionally in one stage),
// newest first, each with the applicant's profile while they consent to
// share it; for members of the role's organisation and administrators
// (ErrNotFound for everyone else).
func (s *Listings) ForRole(ctx context.Context, actor Actor, roleID int64, stage Stage, p Page) ([]ApplicationItem, error) {
	apps, err := s.apps.ForRole(ctx, actor, roleID, stage, p)
	if err != nil {
		return nil, err
	}
	applicants, err := s.applicantsOf(ctx, actor, roleID, apps)
	if err != nil {
		return nil, err
	}
	items := make([]ApplicationItem, len(apps))
	for i, a := range apps {
		items[i].Application = a
		if profile, ok := applicants[a.CandidateID]; ok {
			items[i].Candidate = &profile
		}
	}
	return items, nil
}

// ForRoleByMatch returns a role's applications (optionally in one stage)
// ranked by how well each applicant matches, best first as recommendations
// are: eligible before ineligible, then by score, then by application id;
// applicants who do not consent to share their profile come last, unscored.
// It ranks at most MaxRankedApplicants applications and returns the best
// limit of them (there are no further pages). Access as for ForRole.
func (s *Listings) ForRoleByMatch(ctx context.Context, actor Actor, roleID int64, stage Stage, limit int) ([]ApplicationItem, error) {
	var apps []Application
	for all := (Page{Limit: MaxPageSize}); ; {
		batch, err := s.apps.ForRole(ctx, actor, roleID, stage, all)
		if err != nil {
			return nil, err
		}
		apps = append(apps, batch...)
		if len(batch) < all.Limit || len(apps) >= MaxRankedApplicants {
			break
		}
		all.After = batch[len(batch)-1].ID
	}
	ids := make([]int64, len(apps))
	for i, a := range apps {
		ids[i] = a.CandidateID
	}
	scores, err := s.recs.scoreApplicants(ctx, actor, roleID, ids)
	if err != nil {
		return nil, err
	}
	items := make([]ApplicationItem, len(apps))
	for i, a := range apps {
		items[i].Application = a
		if rec, ok := scores[a.CandidateID]; ok {
			items[i].Candidate, items[i].Match = &rec.Profile, &rec.Match
		}
	}
	slices.SortFunc(items, func(a, b ApplicationItem) int {
		as, ae, ascore := matchRank(a.Match)
		bs, be, bscore := matchRank(b.Match)
		return cmp.Or(cmp.Compare(bs, as), cmp.Compare(be, ae), cmp.Compare(bscore, ascore), cmp.Compare(a.ID, b.ID))
	})
	return items[:min(len(items), limit)], nil
}

// matchRank orders a score as rankings do: scored before unscored, eligible
// before ineligible, then by score.
func matchRank(m *Scored) (scored, eligible, score int) {
	if m == nil {
		return 0, 0, 0
	}
	if m.Eligible {
		eligible = 1
	}
	return 1, eligible, m.Score
}

// rolesOf returns the roles of applications the actor was shown, keyed by
// id, leaving out any the actor may not see (drafts of other organisations).
func (s *Listings) rolesOf(ctx context.Context, actor Actor, apps []Application) (map[int64]Role, error) {
	ids := make([]int64, len(apps))
	for i, a := range apps {
		ids[i] = a.RoleID
	}
	roles, err := s.store.RolesByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	for id, r := range roles {
		ok, err := s.roles.canSee(ctx, actor, r)
		if err != nil {
			return nil, err
		}
		if !ok {
			delete(roles, id)
		}
	}
	return roles, nil
}

// applicantsOf returns the profiles of a role's applicants who consent to
// share them, keyed by user id, for members of the role's organisation and
// administrators (ErrNotFound for everyone else).
func (s *Listings) applicantsOf(ctx context.Context, actor Actor, roleID int64, apps []Application) (map[int64]Profile, error) {
	if _, err := s.roles.forMember(ctx, actor, roleID); err != nil {
		return nil, err
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
