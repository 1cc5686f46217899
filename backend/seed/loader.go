package seed

import (
	"context"

	"github.com/setubashi/setubashi/backend/talent"
)

// Loader writes generated data in bulk; *store.DB implements it. Each method
// inserts its whole slice in one transaction, keeps the values' timestamps,
// and sets the ids it creates in the slice. An e-mail address already in use
// (seeding a database twice) is a talent.ErrConflict.
type Loader interface {
	// InsertUsers inserts accounts that all have the given password hash.
	InsertUsers(ctx context.Context, users []talent.User, passwordHash string) error
	// InsertProfiles inserts candidate profiles with education and skills.
	InsertProfiles(ctx context.Context, profiles []talent.Profile) error
	// InsertOrganizations inserts organisations; members[i] are the user ids
	// of orgs[i]'s members, its creator among them.
	InsertOrganizations(ctx context.Context, orgs []talent.Organization, members [][]int64) error
	// InsertRoles inserts roles with their skills.
	InsertRoles(ctx context.Context, roles []talent.Role) error
	// InsertApplications inserts applications with their whole timelines.
	InsertApplications(ctx context.Context, apps []talent.Application) error
	// InsertOffers inserts the offers made on applications.
	InsertOffers(ctx context.Context, offers []talent.Offer) error
	// InsertPlacements inserts placements of placed applications.
	InsertPlacements(ctx context.Context, placements []talent.Placement) error
}
