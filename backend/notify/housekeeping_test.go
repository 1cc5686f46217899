package notify_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/notify"
	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
)

// TestExpiredIdempotencyKeysArePurged lets the periodic purge run: the
// expired record goes, the live one stays.
func TestExpiredIdempotencyKeysArePurged(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		e.stopWorker()
		ctx, now := context.Background(), time.Now()
		for key, expires := range map[string]time.Time{"expired": now.Add(-time.Minute), "live": now.Add(time.Hour)} {
			rec := talent.IdempotencyRecord{UserID: e.candidate.UserID, Key: key, Fingerprint: []byte(key), LockedUntil: now, CreatedAt: now, ExpiresAt: expires}
			if _, _, err := db.ClaimIdempotencyKey(ctx, rec); err != nil {
				t.Fatal(err)
			}
		}
		e.startWorker(func(c *notify.Config) { c.PurgeEvery = 100 * time.Millisecond })
		deadline := time.Now().Add(wait)
		for keys := idempotencyKeys(t, db); !slices.Equal(keys, []string{"live"}); keys = idempotencyKeys(t, db) {
			if time.Now().After(deadline) {
				t.Fatalf("idempotency keys %v, want [live]", keys)
			}
			time.Sleep(20 * time.Millisecond)
		}
	})
}

// idempotencyKeys returns the keys of the idempotency records, in order.
func idempotencyKeys(t *testing.T, db *store.DB) []string {
	t.Helper()
	rows, err := db.SQL().QueryContext(context.Background(), "SELECT idem_key FROM idempotency_keys ORDER BY idem_key")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = rows.Close() }()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return keys
}
