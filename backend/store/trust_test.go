package store_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
)

// grants returns ledger events granting purposes (current wording, now).
func grants(purposes ...string) []talent.ConsentEvent {
	out := make([]talent.ConsentEvent, len(purposes))
	for i, p := range purposes {
		w, _ := talent.CurrentWording(p)
		out[i] = talent.ConsentEvent{Purpose: p, Granted: true, WordingVersion: w.Version, Language: "en",
			Source: talent.ConsentSourceConsents, At: time.Now().UTC()}
	}
	return out
}

func withdrawals(purposes ...string) []talent.ConsentEvent {
	out := grants(purposes...)
	for i := range out {
		out[i].Granted = false
	}
	return out
}

func candidateWithProfile(t *testing.T, db *store.DB, email string, consent ...string) talent.User {
	t.Helper()
	c := user(t, db, email, talent.AccountCandidate)
	p := talent.Profile{UserID: c.ID, Name: "Asha " + email, IndianState: "karnataka", City: "Bengaluru", JLPTLevel: "N3", EnglishLevel: "fluent",
		DateOfBirth: ptr(talent.NewDate(1998, 5, 17)), Papers: 2, ExperienceYears: 3,
		Skills:    []talent.SkillLevel{{Skill: "python", Proficiency: 4}},
		Education: []talent.Education{{Level: "master", Institution: "IISc", Field: "CS", Year: 2024}}}
	if _, err := db.SaveProfile(context.Background(), p, grants(consent...)); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestConsentFlagsFollowTheLedger checks that the profile's flags are what
// the ledger says is in effect, after a profile save and after each decision.
func TestConsentFlagsFollowTheLedger(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := candidateWithProfile(t, db, "a@example.in", talent.ConsentShareApplied)
		flags := func() (bool, bool) {
			t.Helper()
			p, err := db.ProfileByUser(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			return p.ConsentShareApplied, p.ConsentDiscoverable
		}
		if share, _ := flags(); share {
			t.Fatal("sharing without the transfer to Japan is in effect")
		}
		steps := []struct {
			events        []talent.ConsentEvent
			share, detect bool
		}{
			{grants(talent.ConsentTransferJapan), true, false},
			{grants(talent.ConsentDiscoverable), true, true},
			{withdrawals(talent.ConsentTransferJapan), false, false},
			{grants(talent.ConsentTransferJapan), true, true},
			{withdrawals(talent.ConsentShareApplied), false, true},
		}
		for i, s := range steps {
			if err := db.RecordConsent(ctx, c.ID, s.events); err != nil {
				t.Fatal(err)
			}
			share, discover := flags()
			if share != s.share || discover != s.detect {
				t.Fatalf("step %d: share %v discover %v, want %v %v", i, share, discover, s.share, s.detect)
			}
		}
		found, err := db.DiscoverableProfiles(ctx)
		if err != nil || len(found) != 1 {
			t.Fatalf("discoverable %d %v", len(found), err)
		}
		if err := db.RecordConsent(ctx, c.ID, withdrawals(talent.ConsentDiscoverable)); err != nil {
			t.Fatal(err)
		}
		if found, err := db.DiscoverableProfiles(ctx); err != nil || len(found) != 0 {
			t.Fatalf("withdrawn but still discoverable: %d %v", len(found), err)
		}
		ledger, err := db.ConsentEvents(ctx, c.ID)
		if err != nil || len(ledger) != 7 || ledger[0].Purpose != talent.ConsentShareApplied {
			t.Fatalf("ledger %+v %v", ledger, err)
		}
		// A profile saved again keeps the ledger's flags whatever it says.
		p, _ := db.ProfileByUser(ctx, c.ID)
		p.ConsentShareApplied, p.ConsentDiscoverable = true, true
		saved, err := db.SaveProfile(ctx, p, nil)
		if err != nil || saved.ConsentShareApplied || saved.ConsentDiscoverable {
			t.Fatalf("saved flags %v %v, %v", saved.ConsentShareApplied, saved.ConsentDiscoverable, err)
		}
	})
}

// TestProfileViewsOncePerDay records views repeatedly: one row per
// organisation and day.
func TestProfileViewsOncePerDay(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		m := user(t, db, "m@example.jp", talent.AccountOrgMember)
		org, other := verifiedOrg(t, db, m.ID, "tokyo"), verifiedOrg(t, db, m.ID, "osaka")
		c := candidateWithProfile(t, db, "c@example.in")
		now := time.Date(2027, 4, 1, 9, 0, 0, 0, time.UTC)
		for _, at := range []time.Time{now, now.Add(time.Hour), now.Add(23 * time.Hour)} {
			if err := db.RecordProfileViews(ctx, org.ID, []int64{c.ID, c.ID}, talent.ViewFromApplication, at); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.RecordProfileViews(ctx, other.ID, []int64{c.ID}, talent.ViewFromRecommendation, now); err != nil {
			t.Fatal(err)
		}
		views, err := db.ProfileViewsOf(ctx, c.ID, talent.Page{Limit: 10})
		if err != nil || len(views) != 3 {
			t.Fatalf("views %+v %v", views, err)
		}
		if views[0].OrganizationID != other.ID || views[2].On != talent.NewDate(2027, 4, 1) || !views[2].At.Equal(now) {
			t.Fatalf("views %+v", views)
		}
	})
}

// TestIdempotencyClaims checks the key lifecycle: one claimer among many,
// the answer kept, a lapsed lock taken over, an expired record replaced,
// a release only without a created object.
func TestIdempotencyClaims(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := user(t, db, "i@example.in", talent.AccountCandidate)
		now := time.Now().UTC().Truncate(time.Millisecond)
		rec := talent.IdempotencyRecord{UserID: u.ID, Key: "k1", Fingerprint: []byte("fp"), CreatedAt: now,
			LockedUntil: now.Add(time.Minute), ExpiresAt: now.Add(time.Hour)}
		var wg sync.WaitGroup
		var mu sync.Mutex
		claims := 0
		for range 8 {
			wg.Go(func() {
				_, claimed, err := db.ClaimIdempotencyKey(ctx, rec)
				if err != nil {
					t.Error(err)
				}
				if claimed {
					mu.Lock()
					claims++
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if claims != 1 {
			t.Fatalf("%d concurrent claims succeeded", claims)
		}
		if err := db.CompleteIdempotencyKey(ctx, u.ID, "k1", 201, map[string]string{"ETag": `"1"`}, []byte(`{"id":1}`)); err != nil {
			t.Fatal(err)
		}
		got, claimed, err := db.ClaimIdempotencyKey(ctx, rec)
		if err != nil || claimed || got.Status != 201 || string(got.Body) != `{"id":1}` || got.Headers["ETag"] != `"1"` {
			t.Fatalf("completed key: %+v %v %v", got, claimed, err)
		}

		// A lock that lapsed without an answer is taken over, once.
		stale := rec
		stale.Key, stale.LockedUntil = "k2", now.Add(-time.Second)
		if _, claimed, err := db.ClaimIdempotencyKey(ctx, stale); err != nil || !claimed {
			t.Fatalf("first claim %v %v", claimed, err)
		}
		retry := stale
		retry.LockedUntil = now.Add(time.Minute)
		if _, claimed, err := db.ClaimIdempotencyKey(ctx, retry); err != nil || !claimed {
			t.Fatalf("take-over %v %v", claimed, err)
		}
		if _, claimed, err := db.ClaimIdempotencyKey(ctx, retry); err != nil || claimed {
			t.Fatalf("second take-over %v %v", claimed, err)
		}

		// An expired record is replaced by a new claim, even with another body.
		old := rec
		old.Key, old.ExpiresAt = "k3", now.Add(-time.Second)
		if _, claimed, err := db.ClaimIdempotencyKey(ctx, old); err != nil || !claimed {
			t.Fatal(claimed, err)
		}
		fresh := rec
		fresh.Key, fresh.Fingerprint = "k3", []byte("other")
		if got, claimed, err := db.ClaimIdempotencyKey(ctx, fresh); err != nil || !claimed || string(got.Fingerprint) != "other" {
			t.Fatalf("expired key: %+v %v %v", got, claimed, err)
		}
		if n, err := db.PurgeIdempotencyKeys(ctx, now.Add(2*time.Hour)); err != nil || n != 3 {
			t.Fatalf("purged %d %v", n, err)
		}

		// Release deletes a claim that created nothing; a claim marked with
		// its created object stays, to answer retries from the object.
		if _, _, err := db.ClaimIdempotencyKey(ctx, rec); err != nil {
			t.Fatal(err)
		}
		if err := db.ReleaseIdempotencyKey(ctx, u.ID, "k1"); err != nil {
			t.Fatal(err)
		}
		if _, claimed, _ := db.ClaimIdempotencyKey(ctx, rec); !claimed {
			t.Fatal("released key not claimable")
		}
		m := user(t, db, "m@example.jp", talent.AccountOrgMember)
		org := verifiedOrg(t, db, m.ID, "tokyo")
		claim := talent.IdempotencyClaim{UserID: u.ID, Key: "k1"}
		role := openRole(t, db, talent.Role{OrganizationID: org.ID, Type: "job", Title: talent.LocalizedText{EN: "J"}})
		a := talent.Application{RoleID: role.ID, CandidateID: u.ID, Stage: talent.StageSubmitted, CreatedAt: now, UpdatedAt: now,
			Timeline: []talent.StageEvent{{To: talent.StageSubmitted, ActorID: u.ID, At: now}}}
		if err := db.CreateApplication(ctx, &a, claim); err != nil {
			t.Fatal(err)
		}
		if err := db.ReleaseIdempotencyKey(ctx, u.ID, "k1"); err != nil {
			t.Fatal(err)
		}
		got, claimed, err = db.ClaimIdempotencyKey(ctx, rec)
		if err != nil || claimed || got.ResourceID != a.ID || got.Status != 0 {
			t.Fatalf("key of a created application: %+v %v %v", got, claimed, err)
		}
	})
}

// TestVersionsCompareAndSwap checks that roles and applications count their
// changes and refuse a write made against an older version.
func TestVersionsCompareAndSwap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		m := user(t, db, "m@example.jp", talent.AccountOrgMember)
		org := verifiedOrg(t, db, m.ID, "tokyo")
		role := openRole(t, db, talent.Role{OrganizationID: org.ID, Type: "job", Title: talent.LocalizedText{EN: "J"}})
		if role.Version != 1 {
			t.Fatalf("new role at version %d", role.Version)
		}
		edit := role
		edit.Title.EN = "J2"
		if err := db.UpdateRole(ctx, &edit); err != nil || edit.Version != 2 {
			t.Fatalf("update: version %d, %v", edit.Version, err)
		}
		stale := role
		stale.Title.EN = "lost"
		if err := db.UpdateRole(ctx, &stale); !errors.Is(err, talent.ErrConflict) {
			t.Fatalf("stale update: %v", err)
		}
		if err := db.SetRoleStatus(ctx, role.ID, talent.RoleClosed, time.Now()); err != nil {
			t.Fatal(err)
		}
		got, err := db.RoleByID(ctx, role.ID)
		if err != nil || got.Version != 3 || got.Title.EN != "J2" {
			t.Fatalf("role %+v %v", got, err)
		}
		missing := got
		missing.ID = 999999
		if err := db.UpdateRole(ctx, &missing); !errors.Is(err, talent.ErrNotFound) {
			t.Fatalf("missing role: %v", err)
		}

		c := user(t, db, "c@example.in", talent.AccountCandidate)
		now := time.Now().UTC()
		a := talent.Application{RoleID: role.ID, CandidateID: c.ID, Stage: talent.StageSubmitted, CreatedAt: now, UpdatedAt: now,
			Timeline: []talent.StageEvent{{To: talent.StageSubmitted, ActorID: c.ID, At: now}}}
		if err := db.CreateApplication(ctx, &a, talent.IdempotencyClaim{}); err != nil || a.Version != 1 {
			t.Fatalf("application version %d, %v", a.Version, err)
		}
		move := talent.StageEvent{From: talent.StageSubmitted, To: talent.StageScreening, ActorID: m.ID, At: now}
		if err := db.MoveApplication(ctx, a.ID, talent.StageSubmitted, 2, move); !errors.Is(err, talent.ErrConflict) {
			t.Fatalf("move at a wrong version: %v", err)
		}
		if err := db.MoveApplication(ctx, a.ID, talent.StageSubmitted, 1, move); err != nil {
			t.Fatal(err)
		}
		if got, err := db.ApplicationByID(ctx, a.ID); err != nil || got.Version != 2 {
			t.Fatalf("application %+v %v", got, err)
		}
	})
}

// TestStatementTimeout checks that PostgreSQL sessions run with the
// statement timeout store.Open sets, and SQLite with its busy timeout.
func TestStatementTimeout(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		query, want := "SHOW statement_timeout", "15s"
		if db.Dialect() == store.SQLite {
			query, want = "PRAGMA busy_timeout", "10000"
		}
		var got string
		if err := db.SQL().QueryRowContext(ctx, query).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("%s = %q, want %q", query, got, want)
		}
		if db.Dialect() != store.Postgres {
			return
		}
		if err := db.SQL().QueryRowContext(ctx, "SHOW idle_in_transaction_session_timeout").Scan(&got); err != nil || got != "1min" {
			t.Fatalf("idle_in_transaction_session_timeout %q, %v", got, err)
		}
		short, err := store.Open(ctx, storetest.PostgresURL(), store.Options{StatementTimeout: 100 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = short.Close() }()
		start := time.Now()
		_, err = short.SQL().ExecContext(ctx, "SELECT pg_sleep(5)")
		if err == nil || time.Since(start) > 3*time.Second {
			t.Fatalf("a 5 s statement under a 100 ms timeout: %v after %s", err, time.Since(start))
		}
	})
}

// TestConsentMigration checks migration 00005 on SQLite: profiles saved with
// consent flags before the ledger existed get ledger rows that say the same,
// so the flags stay in effect.
func TestConsentMigration(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "m.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }()
	if _, err := db.MigrateTo(ctx, 4); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	for i, flags := range [][2]bool{{true, true}, {true, false}, {false, true}, {false, false}} {
		if _, err := db.SQL().ExecContext(ctx, `INSERT INTO users (id, email, name, role, locale, password_hash, created_at, updated_at)
			VALUES (?, ?, 'N', 'candidate', 'hi', '!', ?, ?)`, i+1, fmt.Sprintf("u%d@example.in", i), now, now); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SQL().ExecContext(ctx, `INSERT INTO profiles (user_id, name, consent_share_applied, consent_discoverable, updated_at)
			VALUES (?, 'N', ?, ?, ?)`, i+1, flags[0], flags[1], now); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	for i, want := range [][2]bool{{true, true}, {true, false}, {false, true}, {false, false}} {
		events, err := db.ConsentEvents(ctx, int64(i+1))
		if err != nil {
			t.Fatal(err)
		}
		share, discover := talent.EffectiveConsent(talent.StateOf(events))
		if share != want[0] || discover != want[1] {
			t.Errorf("profile %d with flags %v: the ledger says %v %v (%+v)", i+1, want, share, discover, events)
		}
		for _, ev := range events {
			if ev.Language != "hi" || ev.WordingVersion != "v1" || ev.Source != talent.ConsentSourceProfile {
				t.Errorf("migrated event %+v", ev)
			}
		}
		if p, err := db.ProfileByUser(ctx, int64(i+1)); err != nil || p.ConsentShareApplied != want[0] || p.ConsentDiscoverable != want[1] {
			t.Errorf("profile %d after the migration: %+v %v", i+1, p, err)
		}
	}
}
