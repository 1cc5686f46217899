package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
)

// TestAuditLogIsAppendOnly checks that the database itself refuses to
// change or remove an audit entry, on both dialects.
func TestAuditLogIsAppendOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		e := talent.AuditEvent{At: time.Now(), ActorID: 7, ActorKind: talent.AccountAdmin, Method: "POST", Route: "/api/v1/x/:id", Path: "/api/v1/x/3",
			ObjectID: 3, Status: 200, IP: "192.0.2.1", UserAgent: "test", RequestID: "r1"}
		if err := db.AppendAudit(ctx, &e); err != nil || e.ID == 0 {
			t.Fatal(e.ID, err)
		}
		anon := talent.AuditEvent{At: time.Now(), Method: "POST", Route: "/api/v1/auth/login", Path: "/api/v1/auth/login", Status: 401}
		if err := db.AppendAudit(ctx, &anon); err != nil {
			t.Fatal(err)
		}
		for _, stmt := range []string{"UPDATE audit_events SET status = 500", "DELETE FROM audit_events WHERE id = 1"} {
			if _, err := db.SQL().ExecContext(ctx, stmt); err == nil {
				t.Errorf("%s: the database allowed it", stmt)
			}
		}
		got, err := db.AuditEvents(ctx, talent.Page{Limit: 10})
		if err != nil || len(got) != 2 {
			t.Fatalf("%d events, %v", len(got), err)
		}
		if got[0].ActorID != 0 || got[0].ObjectID != 0 || got[1].ActorID != 7 || got[1].ObjectID != 3 || got[1].Status != 200 || got[1].IP != "192.0.2.1" {
			t.Errorf("events read back as %+v", got)
		}
		page, err := db.AuditEvents(ctx, talent.Page{After: got[0].ID, Limit: 10})
		if err != nil || len(page) != 1 || page[0].ID != got[1].ID {
			t.Errorf("second page: %+v %v", page, err)
		}
	})
}

// TestThrottleSlotsAreCompareAndSwap makes sure that of two requests that
// saw the same state only one takes the slot, whether the key is new or not.
func TestThrottleSlotsAreCompareAndSwap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		key := []byte("key-1")
		now := time.Now().UTC().Truncate(time.Millisecond)
		next := talent.ThrottleState{Found: true, Failures: 1, BlockedUntil: now, UpdatedAt: now}
		var wins int
		var mu sync.Mutex
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				ok, err := db.TakeThrottleSlot(ctx, key, talent.ThrottleState{}, next)
				if err != nil {
					t.Error(err)
				}
				if ok {
					mu.Lock()
					wins++
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if wins != 1 {
			t.Fatalf("%d requests took the first slot", wins)
		}
		seen, err := db.Throttle(ctx, key)
		if err != nil || !seen.Found || seen.Failures != 1 {
			t.Fatalf("state %+v, %v", seen, err)
		}
		second := talent.ThrottleState{Found: true, Failures: 2, BlockedUntil: now.Add(time.Second), UpdatedAt: now.Add(time.Millisecond)}
		if ok, err := db.TakeThrottleSlot(ctx, key, seen, second); !ok || err != nil {
			t.Fatalf("second slot: %v %v", ok, err)
		}
		if ok, _ := db.TakeThrottleSlot(ctx, key, seen, second); ok {
			t.Error("a stale state took a slot")
		}
		if err := db.DeleteStaleThrottles(ctx, now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if st, _ := db.Throttle(ctx, key); st.Found {
			t.Error("a stale state survived")
		}
	})
}

// TestAuthenticatorsAndRecoveryCodes covers enrolment, confirmation,
// single-use codes and removal.
func TestAuthenticatorsAndRecoveryCodes(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := user(t, db, "m@example.jp", talent.AccountOrgMember)
		now := time.Now()
		if _, err := db.TOTPOf(ctx, u.ID); !errors.Is(err, talent.ErrNotFound) {
			t.Fatalf("no authenticator: %v", err)
		}
		for _, secret := range []string{"FIRSTSECRET", "SECONDSECRET"} {
			if err := db.SaveTOTPSecret(ctx, u.ID, secret, now); err != nil {
				t.Fatal(err)
			}
		}
		if st, err := db.TOTPOf(ctx, u.ID); err != nil || st.Secret != "SECONDSECRET" || st.ConfirmedAt != nil {
			t.Fatalf("unconfirmed authenticator: %+v %v", st, err)
		}
		if err := db.ConfirmTOTP(ctx, u.ID, 100, now, []string{"h1", "h2"}); err != nil {
			t.Fatal(err)
		}
		if err := db.ConfirmTOTP(ctx, u.ID, 101, now, nil); !errors.Is(err, talent.ErrConflict) {
			t.Errorf("confirmed twice: %v", err)
		}
		if err := db.SaveTOTPSecret(ctx, u.ID, "THIRD", now); !errors.Is(err, talent.ErrConflict) {
			t.Errorf("enrolled over a confirmed authenticator: %v", err)
		}
		for step, want := range map[int64]bool{100: false, 99: false, 101: true} {
			if ok, err := db.UseTOTPStep(ctx, u.ID, step); ok != want || err != nil {
				t.Errorf("step %d: %v %v, want %v", step, ok, err, want)
			}
		}
		if ok, _ := db.UseTOTPStep(ctx, u.ID, 101); ok {
			t.Error("a step was used twice")
		}
		codes, err := db.RecoveryCodesOf(ctx, u.ID)
		if err != nil || len(codes) != 2 {
			t.Fatalf("%d recovery codes, %v", len(codes), err)
		}
		if ok, _ := db.UseRecoveryCode(ctx, codes[0].ID, now); !ok {
			t.Error("a fresh recovery code was refused")
		}
		if ok, _ := db.UseRecoveryCode(ctx, codes[0].ID, now); ok {
			t.Error("a recovery code was used twice")
		}
		if left, _ := db.RecoveryCodesOf(ctx, u.ID); len(left) != 1 {
			t.Errorf("%d codes left, want 1", len(left))
		}
		if err := db.DeleteTOTP(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if left, _ := db.RecoveryCodesOf(ctx, u.ID); len(left) != 0 {
			t.Errorf("%d codes left after removal", len(left))
		}
	})
}

// TestSessionsOfAUser covers listing, touching, ending all but one, pending
// sign-ins and disabling an account.
func TestSessionsOfAUser(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := user(t, db, "c@example.in", talent.AccountCandidate)
		other := user(t, db, "d@example.in", talent.AccountCandidate)
		now := time.Now().UTC().Truncate(time.Second)
		var ids []int64
		for i, token := range []string{"a", "b", "c"} {
			s := talent.Session{UserID: u.ID, CreatedAt: now, LastSeenAt: now.Add(-time.Duration(i) * time.Hour), ExpiresAt: now.Add(time.Hour), IP: "192.0.2.9", UserAgent: "UA"}
			if err := db.CreateSession(ctx, &s, []byte(token)); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, s.ID)
		}
		theirs := talent.Session{UserID: other.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}
		if err := db.CreateSession(ctx, &theirs, []byte("theirs")); err != nil {
			t.Fatal(err)
		}
		list, err := db.SessionsOf(ctx, u.ID, now, talent.Page{Limit: 2})
		if err != nil || len(list) != 2 || list[0].ID != ids[2] || list[0].IP != "192.0.2.9" || list[0].UserAgent != "UA" {
			t.Fatalf("sessions %+v, %v", list, err)
		}
		if err := db.TouchSession(ctx, ids[1], now, now.Add(-2*time.Hour)); err != nil {
			t.Fatal(err)
		}
		if s, _ := db.SessionByToken(ctx, []byte("b")); !s.LastSeenAt.Equal(now.Add(-time.Hour)) {
			t.Errorf("a recent session was touched: %v", s.LastSeenAt)
		}
		if err := db.TouchSession(ctx, ids[1], now, now.Add(-time.Minute)); err != nil {
			t.Fatal(err)
		}
		if s, _ := db.SessionByToken(ctx, []byte("b")); !s.LastSeenAt.Equal(now) {
			t.Errorf("a stale session was not touched: %v", s.LastSeenAt)
		}
		if err := db.DeleteSessionOf(ctx, u.ID, theirs.ID); !errors.Is(err, talent.ErrNotFound) {
			t.Errorf("deleted another person's session: %v", err)
		}
		p := talent.PendingSignIn{UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(time.Minute)}
		if err := db.CreatePendingSignIn(ctx, &p, []byte("pending")); err != nil {
			t.Fatal(err)
		}
		for i, want := range []bool{true, true, false} {
			if ok, err := db.CountPendingAttempt(ctx, p.ID, 2); ok != want || err != nil {
				t.Errorf("attempt %d: %v %v", i+1, ok, err)
			}
		}
		if err := db.DeleteSessions(ctx, u.ID, ids[0]); err != nil {
			t.Fatal(err)
		}
		if left, _ := db.SessionsOf(ctx, u.ID, now, talent.Page{Limit: 10}); len(left) != 1 || left[0].ID != ids[0] {
			t.Errorf("left %+v, want only the kept session", left)
		}
		if _, err := db.PendingSignInByToken(ctx, []byte("pending")); !errors.Is(err, talent.ErrNotFound) {
			t.Errorf("pending sign-in survived: %v", err)
		}
		if err := db.SetUserDisabled(ctx, u.ID, true, now); err != nil {
			t.Fatal(err)
		}
		if left, _ := db.SessionsOf(ctx, u.ID, now, talent.Page{Limit: 10}); len(left) != 0 {
			t.Errorf("%d sessions survived disabling", len(left))
		}
		if s, err := db.SessionByToken(ctx, []byte("theirs")); err != nil || s.User.Disabled {
			t.Errorf("another account was touched: %+v %v", s, err)
		}
		if err := db.SetUserDisabled(ctx, 999999, true, now); !errors.Is(err, talent.ErrNotFound) {
			t.Errorf("disabled a missing account: %v", err)
		}
	})
}
