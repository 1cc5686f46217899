package talent

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// How often a saved search is run.
const (
	SearchDaily  = "daily"
	SearchWeekly = "weekly"
)

// SearchFrequencies lists the frequencies of saved searches.
var SearchFrequencies = []string{SearchDaily, SearchWeekly}

// Limits on saved searches.
const (
	MaxSavedSearches     = 20  // per candidate
	MaxSavedSearchName   = 100 // characters
	maxRolesPerSearchRun = 100
)

// SearchFilters are the filters of a role search, as GET /api/v1/roles takes
// them.
type SearchFilters struct {
	Query        string `json:"q,omitempty"`
	Type         string `json:"type,omitempty"`
	Skill        string `json:"skill,omitempty"`
	Prefecture   string `json:"prefecture,omitempty"`
	Remote       *bool  `json:"remote,omitempty"`
	JLPTMax      string `json:"jlpt_max,omitempty"`
	MinSalaryJPY *int64 `json:"min_salary,omitempty"`
}

// Encode returns the filters as the query string of GET /api/v1/roles (and of
// the web app's role search).
func (f SearchFilters) Encode() string {
	q := url.Values{}
	for key, value := range map[string]string{"q": f.Query, "type": f.Type, "skill": f.Skill, "prefecture": f.Prefecture, "jlpt_max": f.JLPTMax} {
		if value != "" {
			q.Set(key, value)
		}
	}
	if f.Remote != nil {
		q.Set("remote", strconv.FormatBool(*f.Remote))
	}
	if f.MinSalaryJPY != nil {
		q.Set("min_salary", strconv.FormatInt(*f.MinSalaryJPY, 10))
	}
	return q.Encode()
}

// roleFilter turns saved filters into a role search.
func (f SearchFilters) roleFilter() RoleFilter {
	return RoleFilter{Query: f.Query, Type: f.Type, Skill: f.Skill, Prefecture: f.Prefecture, Remote: f.Remote, JLPTMax: f.JLPTMax, MinSalaryJPY: f.MinSalaryJPY}
}

// SavedSearch is a candidate's role search, run daily or weekly for roles
// published since it was saved; each role is announced once.
type SavedSearch struct {
	ID        int64
	UserID    int64
	Name      string
	Filters   SearchFilters
	Frequency string
	CreatedAt time.Time
	LastRunAt *time.Time
}

// How long after one run of a saved search the next is due.
const (
	dailyInterval  = 24 * time.Hour
	weeklyInterval = 7 * 24 * time.Hour
)

// SavedSearchStore keeps saved searches and the roles each has announced.
type SavedSearchStore interface {
	// CreateSavedSearch inserts a saved search and sets its ID; a user with
	// MaxSavedSearches already is ErrConflict (too_many_saved_searches).
	CreateSavedSearch(ctx context.Context, s *SavedSearch) error
	// SavedSearchesOf returns a page of a user's saved searches, newest first.
	SavedSearchesOf(ctx context.Context, userID int64, p Page) ([]SavedSearch, error)
	// SavedSearchByID returns a saved search; ErrNotFound if none.
	SavedSearchByID(ctx context.Context, id int64) (SavedSearch, error)
	// DeleteSavedSearch deletes one of a user's saved searches; ErrNotFound
	// if it is not the user's.
	DeleteSavedSearch(ctx context.Context, userID, id int64) error
	// SavedSearchesDue returns the ids of saved searches not run since
	// before their interval: daily ones last run before dailyBefore, weekly
	// ones before weeklyBefore (never run counts as due).
	SavedSearchesDue(ctx context.Context, dailyBefore, weeklyBefore time.Time) ([]int64, error)
	// AddSearchHits records that a saved search announced roles and returns
	// the ids not announced before.
	AddSearchHits(ctx context.Context, searchID int64, roleIDs []int64, at time.Time) ([]int64, error)
	// MarkSearchRun stamps a saved search's last run.
	MarkSearchRun(ctx context.Context, id int64, at time.Time) error
}

// SavedSearches lets candidates save role searches and hear of new roles.
type SavedSearches struct {
	store  SavedSearchStore
	roles  *Roles
	notify *notifier
	now    func() time.Time
}

// newSavedSearches returns the saved search service.
func newSavedSearches(store SavedSearchStore, roles *Roles, notify *notifier) *SavedSearches {
	return &SavedSearches{store: store, roles: roles, notify: notify, now: time.Now}
}

// Create saves a role search for the signed-in candidate. Filters are
// checked as a search checks them; the search announces roles published from
// now on.
func (s *SavedSearches) Create(ctx context.Context, actor Actor, in SavedSearch) (SavedSearch, error) {
	if err := requireKind(actor, AccountCandidate); err != nil {
		return SavedSearch{}, err
	}
	in.Name = strings.TrimSpace(in.Name)
	var v Validator
	v.Text("name", in.Name, 1, MaxSavedSearchName)
	v.OneOf("frequency", in.Frequency, SearchFrequencies)
	in.Filters.roleFilter().check(&v, "filters.")
	if err := v.Err(); err != nil {
		return SavedSearch{}, err
	}
	in.ID, in.UserID, in.CreatedAt, in.LastRunAt = 0, actor.UserID, s.now().UTC(), nil
	in.Filters.Query = strings.TrimSpace(in.Filters.Query)
	if err := s.store.CreateSavedSearch(ctx, &in); err != nil {
		return SavedSearch{}, err
	}
	return in, nil
}

// Mine returns a page of the signed-in candidate's saved searches.
func (s *SavedSearches) Mine(ctx context.Context, actor Actor, p Page) ([]SavedSearch, error) {
	if err := requireKind(actor, AccountCandidate); err != nil {
		return nil, err
	}
	return s.store.SavedSearchesOf(ctx, actor.UserID, p)
}

// Delete removes one of the signed-in candidate's saved searches; anyone
// else's, whoever asks, is ErrNotFound.
func (s *SavedSearches) Delete(ctx context.Context, actor Actor, id int64) error {
	if actor.Anonymous() {
		return Unauthenticated()
	}
	return s.store.DeleteSavedSearch(ctx, actor.UserID, id)
}

// Due returns the ids of saved searches whose next run is due.
func (s *SavedSearches) Due(ctx context.Context) ([]int64, error) {
	now := s.now().UTC()
	return s.store.SavedSearchesDue(ctx, now.Add(-dailyInterval), now.Add(-weeklyInterval))
}

// Run looks for roles published since a saved search was saved that match
// it and were not announced before, and tells its owner of them in one
// notification, in one transaction with the record of what was announced:
// however often it runs, or restarts, a role is announced once. A search
// deleted meanwhile is skipped. It returns how many roles were new.
func (s *SavedSearches) Run(ctx context.Context, id int64) (int, error) {
	search, err := s.store.SavedSearchByID(ctx, id)
	if isNotFound(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	f := search.Filters.roleFilter()
	f.PublishedAfter = &search.CreatedAt
	roles, err := s.roles.Search(ctx, f, Page{Limit: maxRolesPerSearchRun})
	if err != nil {
		return 0, err
	}
	ids := make([]int64, len(roles))
	for i, r := range roles {
		ids[i] = r.ID
	}
	at := s.now().UTC()
	var fresh []int64
	err = s.notify.inTx(ctx, func(ctx context.Context) error {
		if fresh, err = s.store.AddSearchHits(ctx, id, ids, at); err != nil {
			return err
		}
		if err := s.store.MarkSearchRun(ctx, id, at); err != nil || len(fresh) == 0 {
			return err
		}
		return s.notify.send(ctx, 0, []int64{search.UserID}, Notification{
			Kind: NoticeNewRoles, ObjectType: ObjectSavedSearch, ObjectID: id,
			Params: NoticeParams{Search: search.Name, Count: len(fresh), RoleIDs: fresh, Role: firstRoleTitle(roles, fresh), Filters: search.Filters.Encode()},
		})
	})
	return len(fresh), err
}

// firstRoleTitle is the title of the newest of the fresh roles, which the
// notification names.
func firstRoleTitle(roles []Role, fresh []int64) *LocalizedText {
	for _, r := range roles {
		if r.ID == fresh[0] {
			return &r.Title
		}
	}
	return nil
}
