package talent

import "time"

// Store is everything the services keep: the union of their store interfaces.
type Store interface {
	AccountStore
	ProfileStore
	OrganizationStore
	RoleStore
	ApplicationStore
	PlacementStore
}

// Platform is the set of domain services, wired to one store.
type Platform struct {
	Accounts      *Accounts
	Profiles      *Profiles
	Organizations *Organizations
	Roles         *Roles
	Applications  *Applications
	Placements    *Placements
}

// NewPlatform wires every service to store. argon sets the password hashing
// cost; sessionTTL how long a sign-in lasts.
func NewPlatform(store Store, argon Argon2Params, sessionTTL time.Duration) (*Platform, error) {
	accounts, err := NewAccounts(store, argon, sessionTTL)
	if err != nil {
		return nil, err
	}
	roles := NewRoles(store, store)
	apps := NewApplications(store, roles, store)
	return &Platform{
		Accounts:      accounts,
		Profiles:      NewProfiles(store, store),
		Organizations: NewOrganizations(store),
		Roles:         roles,
		Applications:  apps,
		Placements:    NewPlacements(store, apps),
	}, nil
}
