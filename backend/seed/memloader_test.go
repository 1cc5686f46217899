package seed

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/setubashi/setubashi/backend/talent"
)

// memLoader is a Loader that keeps everything in memory and numbers ids from
// 1 the way an empty database does, so tests can inspect generated data
// without a database.
type memLoader struct {
	users      []talent.User
	hashes     map[int64]string
	profiles   []talent.Profile
	orgs       []talent.Organization
	members    map[int64][]int64 // organisation id → member user ids
	roles      []talent.Role
	apps       []talent.Application
	offers     []talent.Offer
	placements []talent.Placement
	events     int64
	emails     map[string]bool
}

func newMemLoader() *memLoader {
	return &memLoader{hashes: map[int64]string{}, members: map[int64][]int64{}, emails: map[string]bool{}}
}

func (m *memLoader) InsertUsers(_ context.Context, users []talent.User, hash string) error {
	for i := range users {
		if m.emails[users[i].Email] {
			return talent.Conflict("email_taken")
		}
		m.emails[users[i].Email] = true
		users[i].ID = int64(len(m.users) + 1)
		m.hashes[users[i].ID] = hash
		m.users = append(m.users, users[i])
	}
	return nil
}

func (m *memLoader) InsertProfiles(_ context.Context, profiles []talent.Profile) error {
	m.profiles = append(m.profiles, profiles...)
	return nil
}

func (m *memLoader) InsertOrganizations(_ context.Context, orgs []talent.Organization, members [][]int64) error {
	if len(orgs) != len(members) {
		return fmt.Errorf("%d member lists for %d organisations", len(members), len(orgs))
	}
	for i := range orgs {
		orgs[i].ID = int64(len(m.orgs) + 1)
		m.members[orgs[i].ID] = members[i]
		m.orgs = append(m.orgs, orgs[i])
	}
	return nil
}

func (m *memLoader) InsertRoles(_ context.Context, roles []talent.Role) error {
	for i := range roles {
		roles[i].ID = int64(len(m.roles) + 1)
		m.roles = append(m.roles, roles[i])
	}
	return nil
}

func (m *memLoader) InsertApplications(_ context.Context, apps []talent.Application) error {
	for i := range apps {
		apps[i].ID = int64(len(m.apps) + 1)
		for j := range apps[i].Timeline {
			m.events++
			apps[i].Timeline[j].ID = m.events
		}
		m.apps = append(m.apps, apps[i])
	}
	return nil
}

func (m *memLoader) InsertOffers(_ context.Context, offers []talent.Offer) error {
	for i := range offers {
		offers[i].ID = int64(len(m.offers) + 1)
		m.offers = append(m.offers, offers[i])
	}
	return nil
}

func (m *memLoader) InsertPlacements(_ context.Context, placements []talent.Placement) error {
	for i := range placements {
		placements[i].ID = int64(len(m.placements) + 1)
		m.placements = append(m.placements, placements[i])
	}
	return nil
}

// fingerprint is a hash of everything loaded, for comparing two runs.
func (m *memLoader) fingerprint() string {
	b, err := json.Marshal([]any{m.users, m.profiles, m.orgs, m.members, m.roles, m.apps, m.offers, m.placements})
	if err != nil {
		panic(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
