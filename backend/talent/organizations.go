package talent

import (
	"context"
	"net/url"
	"strings"
	"time"
)

// OrganizationStore keeps organisations and who belongs to them.
type OrganizationStore interface {
	// CreateOrganization inserts o and makes o.CreatedBy its first member, in
	// one transaction; it sets o.ID and o.CreatedAt.
	CreateOrganization(ctx context.Context, o *Organization) error
	// OrganizationByID returns an organisation; ErrNotFound if none.
	OrganizationByID(ctx context.Context, id int64) (Organization, error)
	// IsMember reports whether the user belongs to the organisation.
	IsMember(ctx context.Context, orgID, userID int64) (bool, error)
	// MarkVerified records that an administrator verified the organisation.
	MarkVerified(ctx context.Context, id int64, at time.Time) error
	// ListOrganizations returns a page of organisations, newest first,
	// optionally only verified (true) or only unverified (false) ones.
	ListOrganizations(ctx context.Context, verified *bool, p Page) ([]Organization, error)
	// OrganizationsByIDs returns the organisations with the given ids.
	OrganizationsByIDs(ctx context.Context, ids []int64) (map[int64]Organization, error)
	// OrganizationsOf returns the organisations a user belongs to.
	OrganizationsOf(ctx context.Context, userID int64) ([]Organization, error)
}

// Organizations registers and verifies host organisations.
type Organizations struct {
	store  OrganizationStore
	notify *notifier
	now    func() time.Time
}

// newOrganizations returns the organisation service.
func newOrganizations(store OrganizationStore, notify *notifier) *Organizations {
	return &Organizations{store: store, notify: notify, now: time.Now}
}

// Create registers an organisation on behalf of an organisation member, who
// becomes its first member. It starts unverified. Other roles: ErrForbidden.
func (s *Organizations) Create(ctx context.Context, actor Actor, o Organization) (Organization, error) {
	if err := requireKind(actor, AccountOrgMember); err != nil {
		return Organization{}, err
	}
	o.NameJA, o.NameEN, o.Website = strings.TrimSpace(o.NameJA), strings.TrimSpace(o.NameEN), strings.TrimSpace(o.Website)
	var v Validator
	v.Text("name_ja", o.NameJA, 1, 200)
	v.Text("name_en", o.NameEN, 1, 200)
	v.OneOf("kind", o.Kind, OrganizationKinds)
	v.OneOf("prefecture", o.Prefecture, Prefectures)
	if o.Website != "" {
		if u, err := url.Parse(o.Website); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(o.Website) > 300 {
			v.Add("website", "url")
		}
	}
	if err := v.Err(); err != nil {
		return Organization{}, err
	}
	o.ID, o.Verified, o.VerifiedAt, o.CreatedBy = 0, false, nil, actor.UserID
	err := s.notify.inTx(ctx, func(ctx context.Context) error {
		if err := s.store.CreateOrganization(ctx, &o); err != nil {
			return err
		}
		admins, err := s.notify.store.UsersOfKind(ctx, AccountAdmin)
		if err != nil {
			return err
		}
		return s.notify.send(ctx, actor.UserID, admins, Notification{
			Kind: NoticeOrganizationPending, ObjectType: ObjectOrganization, ObjectID: o.ID,
			Params: NoticeParams{Organization: o.name()},
		})
	})
	if err != nil {
		return Organization{}, err
	}
	return o, nil
}

// name is the organisation's name in Japanese and English (Hindi readers
// see the English one).
func (o Organization) name() *LocalizedText {
	return &LocalizedText{EN: o.NameEN, JA: o.NameJA}
}

// Get returns an organisation. Verified ones are public; an unverified one is
// seen only by its members and administrators (ErrNotFound for others).
func (s *Organizations) Get(ctx context.Context, actor Actor, id int64) (Organization, error) {
	o, err := s.store.OrganizationByID(ctx, id)
	if err != nil {
		return Organization{}, err
	}
	if o.Verified {
		return o, nil
	}
	member, err := memberOrAdmin(ctx, s.store, actor, id)
	if err != nil {
		return Organization{}, err
	}
	if !member {
		return Organization{}, NotFound()
	}
	return o, nil
}

// Verify marks an organisation verified (administrators only; others who can
// see it get ErrForbidden). Verifying twice is harmless.
func (s *Organizations) Verify(ctx context.Context, actor Actor, id int64) (Organization, error) {
	o, err := s.Get(ctx, actor, id)
	if err != nil {
		return Organization{}, err
	}
	if err := requireKind(actor, AccountAdmin); err != nil {
		return Organization{}, err
	}
	if o.Verified {
		return o, nil
	}
	at := s.now().UTC()
	err = s.notify.inTx(ctx, func(ctx context.Context) error {
		if err := s.store.MarkVerified(ctx, id, at); err != nil {
			return err
		}
		members, err := s.notify.members(ctx, id)
		if err != nil {
			return err
		}
		return s.notify.send(ctx, actor.UserID, members, Notification{
			Kind: NoticeOrganizationVerified, ObjectType: ObjectOrganization, ObjectID: id,
			Params: NoticeParams{Organization: o.name()},
		})
	})
	if err != nil {
		return Organization{}, err
	}
	o.Verified, o.VerifiedAt = true, &at
	return o, nil
}

// List returns a page of organisations. Administrators see all and may filter
// by verification; everyone else sees verified ones only.
func (s *Organizations) List(ctx context.Context, actor Actor, verified *bool, p Page) ([]Organization, error) {
	if !actor.Is(AccountAdmin) {
		yes := true
		if verified != nil && !*verified {
			return nil, nil
		}
		verified = &yes
	}
	return s.store.ListOrganizations(ctx, verified, p)
}

// OfRoles returns the organisations of roles the caller has been shown,
// keyed by id (roles exist only in verified organisations, whose names are
// public).
func (s *Organizations) OfRoles(ctx context.Context, roles []Role) (map[int64]Organization, error) {
	ids := make([]int64, 0, len(roles))
	for _, r := range roles {
		ids = append(ids, r.OrganizationID)
	}
	return s.store.OrganizationsByIDs(ctx, ids)
}

// Mine returns the organisations the signed-in user belongs to.
func (s *Organizations) Mine(ctx context.Context, actor Actor) ([]Organization, error) {
	if actor.Anonymous() {
		return nil, Unauthenticated()
	}
	return s.store.OrganizationsOf(ctx, actor.UserID)
}

// memberOrAdmin reports whether actor belongs to the organisation or is an
// administrator: the people who see everything of an organisation.
func memberOrAdmin(ctx context.Context, orgs OrganizationStore, actor Actor, orgID int64) (bool, error) {
	if actor.Is(AccountAdmin) {
		return true, nil
	}
	if !actor.Is(AccountOrgMember) {
		return false, nil
	}
	return orgs.IsMember(ctx, orgID, actor.UserID)
}
