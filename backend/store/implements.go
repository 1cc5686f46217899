package store

import "github.com/setubashi/setubashi/backend/talent"

// DB implements every store interface the talent services declare (their
// union is talent.Store, what talent.NewPlatform takes); the compiler checks
// it here, one line per interface, so a missing method names its service.
var (
	_ talent.AccountStore      = (*DB)(nil)
	_ talent.ProfileStore      = (*DB)(nil)
	_ talent.OrganizationStore = (*DB)(nil)
	_ talent.RoleStore         = (*DB)(nil)
	_ talent.ApplicationStore  = (*DB)(nil)
	_ talent.PlacementStore    = (*DB)(nil)
	_ talent.OfferStore        = (*DB)(nil)
	_ talent.HSPOffers         = (*DB)(nil)
	_ talent.ListingStore      = (*DB)(nil)
	_ talent.RoundStore        = (*DB)(nil)
	_ talent.MatchStore        = (*DB)(nil)
	_ talent.ConsentStore      = (*DB)(nil)
	_ talent.ProfileViewStore  = (*DB)(nil)
	_ talent.PrivacyStore      = (*DB)(nil)
	_ talent.IdempotencyStore  = (*DB)(nil)
	_ talent.AuditStore        = (*DB)(nil)
	_ talent.ProgressStore     = (*DB)(nil)
	_ talent.NotificationStore = (*DB)(nil)
	_ talent.SavedSearchStore  = (*DB)(nil)
)
