package talent

import (
	"errors"
	"time"
)

// Store is everything the services keep: the union of their store interfaces.
type Store interface {
	AccountStore
	ProfileStore
	OrganizationStore
	RoleStore
	ApplicationStore
	PlacementStore
	RoundStore
	MatchStore
}

// Platform is the set of domain services, wired to one store.
type Platform struct {
	Accounts        *Accounts
	Profiles        *Profiles
	Organizations   *Organizations
	Roles           *Roles
	Applications    *Applications
	Placements      *Placements
	Rounds          *Rounds
	Recommendations *Recommendations
}

// Engines are the algorithms the services rely on: the skills taxonomy that
// profiles and roles are checked against, the match scorer, and the solver
// of matching rounds.
type Engines struct {
	Skills      SkillCatalog
	Recommender Recommender
	Solver      RoundSolver
}

// NewPlatform wires every service to store and the engines (all required).
// argon sets the password hashing cost; sessionTTL how long a sign-in lasts.
func NewPlatform(store Store, argon Argon2Params, sessionTTL time.Duration, engines Engines) (*Platform, error) {
	if engines.Skills == nil || engines.Recommender == nil || engines.Solver == nil {
		return nil, errors.New("talent: NewPlatform needs a skill catalogue, a recommender and a round solver")
	}
	skills := engines.Skills
	accounts, err := NewAccounts(store, argon, sessionTTL)
	if err != nil {
		return nil, err
	}
	roles := NewRoles(store, store, skills)
	apps := NewApplications(store, roles, store)
	profiles := NewProfiles(store, store, skills)
	return &Platform{
		Accounts:        accounts,
		Profiles:        profiles,
		Organizations:   NewOrganizations(store),
		Roles:           roles,
		Applications:    apps,
		Placements:      NewPlacements(store, apps),
		Rounds:          NewRounds(store, roles, store, engines.Solver),
		Recommendations: NewRecommendations(store, roles, profiles, engines.Recommender),
	}, nil
}
