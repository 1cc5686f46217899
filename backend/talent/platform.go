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
	OfferStore
	HSPOffers
	ListingStore
	RoundStore
	MatchStore
	ConsentStore
	ProfileViewStore
	PrivacyStore
	IdempotencyStore
	AuditStore
	ProgressStore
	NotificationStore
	SavedSearchStore
}

// Platform is the set of domain services, wired to one store.
type Platform struct {
	Accounts        *Accounts
	Profiles        *Profiles
	Organizations   *Organizations
	Roles           *Roles
	Applications    *Applications
	Placements      *Placements
	Offers          *Offers
	Rounds          *Rounds
	Recommendations *Recommendations
	HSP             *HSP
	Listings        *Listings
	Consents        *Consents
	ProfileViews    *ProfileViews
	Privacy         *Privacy
	Idempotency     *Idempotency
	Audit           *Audit
	Dashboard       *Dashboard
	Notifications   *Notifications
	SavedSearches   *SavedSearches
}

// Engines are the algorithms and machinery the services rely on: the skills
// taxonomy that profiles and roles are checked against, the match scorer,
// the solver of matching rounds, the HSP assessor, the rules of the statuses
// of residence, and the queue that delivers notifications.
type Engines struct {
	Skills      SkillCatalog
	Recommender Recommender
	Solver      RoundSolver
	HSP         HSPAssessor
	Residence   ResidenceRules
	Deliveries  DeliveryQueue
}

// NewPlatform wires every service to store and the engines (all required).
// argon sets the password hashing cost; sessionTTL how long a sign-in lasts.
func NewPlatform(store Store, argon Argon2Params, sessionTTL time.Duration, engines Engines) (*Platform, error) {
	if engines.Skills == nil || engines.Recommender == nil || engines.Solver == nil || engines.HSP == nil || engines.Residence == nil || engines.Deliveries == nil {
		return nil, errors.New("talent: NewPlatform needs a skill catalogue, a recommender, a round solver, an HSP assessor, residence rules and a delivery queue")
	}
	notify := &notifier{store: store, queue: engines.Deliveries, now: time.Now}
	skills := engines.Skills
	accounts, err := NewAccounts(store, argon, sessionTTL)
	if err != nil {
		return nil, err
	}
	roles := newRoles(store, store, skills)
	apps := newApplications(store, roles, store, notify)
	profiles := newProfiles(store, store, store, skills)
	views := newProfileViews(store, store)
	apps.views = views
	rounds := newRounds(store, roles, store, engines.Solver, notify)
	rounds.views = views
	offers := newOffers(store, apps, store, engines.Residence, notify)
	recommendations := newRecommendations(store, roles, profiles, engines.Recommender)
	recommendations.views = views
	return &Platform{
		Accounts:        accounts,
		Profiles:        profiles,
		Organizations:   newOrganizations(store, notify),
		Roles:           roles,
		Applications:    apps,
		Placements:      newPlacements(store, apps, offers, notify),
		Offers:          offers,
		Rounds:          rounds,
		Recommendations: recommendations,
		HSP:             newHSP(profiles, roles, store, engines.HSP),
		Listings:        newListings(store, roles, apps, recommendations),
		Consents:        newConsents(store),
		ProfileViews:    views,
		Privacy:         newPrivacy(store, store, accounts, store, store, store),
		Idempotency:     newIdempotency(store),
		Audit:           newAudit(store),
		Dashboard:       NewDashboard(store, skillDomains(skills)),
		Notifications:   NewNotifications(store),
		SavedSearches:   newSavedSearches(store, roles, notify),
	}, nil
}

// skillDomains returns the catalogue's skill domains if it knows them (the
// skills taxonomy does), for the dashboard's skill_domain breakdown.
func skillDomains(skills SkillCatalog) SkillDomains {
	domains, _ := skills.(SkillDomains)
	return domains
}
