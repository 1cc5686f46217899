package seed

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/matching"
	"github.com/setubashi/setubashi/backend/notify"
	"github.com/setubashi/setubashi/backend/skills"
	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// TestGenerateIntoDatabase seeds a real database of each dialect, then reads
// the data back through the store and compares it with the same options
// generated in memory: same counts, and every profile, role and application
// as generated.
func TestGenerateIntoDatabase(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		opt := Options{Candidates: 150, Organizations: 15, Roles: 60, Applications: 500, Seed: 11, Now: testNow}
		sum, err := Generate(ctx, db, opt, nil)
		if err != nil {
			t.Fatal(err)
		}
		want, wantSum := generateInMemory(t, opt)
		if sum != wantSum {
			t.Fatalf("summary %+v, in memory %+v", sum, wantSum)
		}
		events := 0
		for _, a := range want.apps {
			events += len(a.Timeline)
		}
		for table, n := range map[string]int{
			"users": sum.Users, "profiles": sum.Candidates, "organizations": sum.Organizations, "roles": sum.Roles,
			"applications": sum.Applications, "application_events": events, "placements": sum.Placements,
			"organization_members": sum.Users - sum.Candidates,
		} {
			if got := count(t, db, "SELECT COUNT(*) FROM "+table); got != n {
				t.Errorf("%s: %d rows, want %d", table, got, n)
			}
		}
		if got := count(t, db, "SELECT COUNT(*) FROM placements WHERE arrived_on IS NOT NULL"); got != sum.Arrivals {
			t.Errorf("%d arrivals stored, want %d", got, sum.Arrivals)
		}

		for _, p := range want.profiles {
			got, err := db.ProfileByUser(ctx, p.UserID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Name != p.Name || got.City != p.City || !slices.Equal(got.Education, p.Education) ||
				!slices.Equal(got.Skills, p.Skills) || *got.DateOfBirth != *p.DateOfBirth || !got.UpdatedAt.Equal(p.UpdatedAt) ||
				got.ConsentShareApplied != p.ConsentShareApplied {
				t.Errorf("profile %d stored as %+v, generated %+v", p.UserID, got, p)
			}
		}
		for _, r := range want.roles {
			got, err := db.RoleByID(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Title != r.Title || got.Description != r.Description || got.Status != r.Status ||
				!slices.Equal(got.RequiredSkills, r.RequiredSkills) || !slices.Equal(got.PreferredSkills, r.PreferredSkills) ||
				!got.CreatedAt.Equal(r.CreatedAt) || !equalDates(got.Deadline, r.Deadline) {
				t.Errorf("role %d stored as %+v, generated %+v", r.ID, got, r)
			}
		}
		for _, a := range want.apps {
			got, err := db.ApplicationByID(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Stage != a.Stage || got.CandidateID != a.CandidateID || got.RoleID != a.RoleID ||
				!slices.EqualFunc(got.Timeline, a.Timeline, func(x, y talent.StageEvent) bool {
					return x.ID == y.ID && x.From == y.From && x.To == y.To && x.ActorID == y.ActorID && x.Reason == y.Reason && x.At.Equal(y.At)
				}) {
				t.Errorf("application %d stored as %+v, generated %+v", a.ID, got, a)
			}
		}
		for _, p := range want.placements {
			got, err := db.PlacementOfApplication(ctx, p.ApplicationID)
			if err != nil {
				t.Fatal(err)
			}
			if got.ID != p.ID || got.VisaStatus != p.VisaStatus || got.StartDate != p.StartDate || !equalDates(got.ArrivedOn, p.ArrivedOn) {
				t.Errorf("placement %d stored as %+v, generated %+v", p.ID, got, p)
			}
		}

		// Generated accounts cannot sign in; seeding twice is a conflict.
		_, hash, err := db.UserByEmail(ctx, want.users[0].Email)
		if err != nil || talent.CheckPassword("", hash) || hash != generatedPasswordHash {
			t.Errorf("generated account: hash %q, %v", hash, err)
		}
		if _, err := Generate(ctx, db, opt, nil); !errors.Is(err, talent.ErrConflict) {
			t.Errorf("seeding twice: %v, want a conflict", err)
		}
	})
}

// TestDemoAccountsIntoDatabase creates the demo accounts after generated data
// and checks that each can sign in and sees what the demo needs.
func TestDemoAccountsIntoDatabase(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		opt := Options{Candidates: 50, Organizations: 5, Roles: 20, Applications: 100, Seed: 2, Now: testNow}
		if _, err := Generate(ctx, db, opt, nil); err != nil {
			t.Fatal(err)
		}
		accounts, err := DemoAccounts(ctx, db, "demo-password-1", opt)
		if err != nil {
			t.Fatal(err)
		}
		engines := matching.Engines(skills.MustLoad())
		if engines.Deliveries, err = notify.NewQueue(db); err != nil {
			t.Fatal(err)
		}
		platform, err := talent.NewPlatform(db, talent.Argon2Params{MemoryKiB: 64, Iterations: 1, Parallelism: 1}, time.Hour, engines)
		if err != nil {
			t.Fatal(err)
		}
		actors := map[talent.AccountKind]talent.Actor{}
		for _, a := range accounts {
			in, err := platform.Accounts.Login(ctx, a.Email, "demo-password-1", talent.Client{})
			if err != nil {
				t.Fatalf("%s cannot sign in: %v", a.Email, err)
			}
			u := in.User
			if u.Kind != a.Kind {
				t.Errorf("%s is a %s, want %s", a.Email, u.Kind, a.Kind)
			}
			actors[a.Kind] = talent.Actor{UserID: u.ID, Kind: u.Kind}
		}

		mine, err := platform.Applications.Mine(ctx, actors[talent.AccountCandidate], talent.Page{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		stages := map[talent.Stage]bool{}
		for _, a := range mine {
			stages[a.Stage] = true
		}
		if len(mine) < 2 || len(stages) < 2 {
			t.Errorf("demo candidate has %d applications at stages %v", len(mine), stages)
		}
		profile, err := platform.Profiles.Mine(ctx, actors[talent.AccountCandidate])
		if err != nil || !profile.ConsentShareApplied || len(profile.Skills) == 0 {
			t.Errorf("demo profile %+v, %v", profile, err)
		}

		member := actors[talent.AccountOrgMember]
		orgs, err := platform.Organizations.Mine(ctx, member)
		if err != nil || len(orgs) != 1 || !orgs[0].Verified {
			t.Fatalf("demo organisations %+v, %v", orgs, err)
		}
		roles, err := platform.Roles.ForOrganization(ctx, member, orgs[0].ID, talent.Page{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		withApplicants := 0
		for _, r := range roles {
			apps, err := platform.Applications.ForRole(ctx, member, r.ID, "", talent.Page{Limit: 50})
			if err != nil {
				t.Fatal(err)
			}
			if r.Status == talent.RoleOpen && len(apps) > 0 {
				withApplicants++
			}
		}
		if withApplicants < 2 {
			t.Errorf("%d open demo roles have applicants, want several", withApplicants)
		}

		if _, err := DemoAccounts(ctx, db, "demo-password-1", opt); !errors.Is(err, talent.ErrConflict) {
			t.Errorf("second run: %v, want a conflict", err)
		}
	})
}

func count(t *testing.T, db *store.DB, query string) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRowContext(context.Background(), query).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func equalDates(a, b *talent.Date) bool {
	return (a == nil && b == nil) || (a != nil && b != nil && *a == *b)
}
