package talent

import (
	"context"
	"time"
)

// How long idempotency records live and lock.
const (
	// IdempotencyTTL is how long a retry with the same key gets the first
	// answer.
	IdempotencyTTL = 24 * time.Hour
	// IdempotencyLock is how long a request holds its key before a retry may
	// take over (the request itself is cut off well before, see
	// IdempotencyWorkLimit).
	IdempotencyLock = 10 * time.Second
	// IdempotencyWorkLimit bounds the work of a request holding a key (the
	// creations it guards take milliseconds; past this they answer 503).
	IdempotencyWorkLimit = 8 * time.Second
)

// IdempotencyRecord is the first answer to a request sent with an
// Idempotency-Key, per caller. Status 0 means no answer yet: the request is
// running (until LockedUntil) or died. ResourceID names the object the
// request created, set in the same transaction as the creation, so that a
// request that died after its change committed is answered with that object
// rather than run again.
type IdempotencyRecord struct {
	UserID      int64
	Key         string
	Fingerprint []byte
	ResourceID  int64
	Status      int
	Headers     map[string]string
	Body        []byte
	LockedUntil time.Time
	CreatedAt   time.Time
	ExpiresAt   time.Time
}

// IdempotencyStore keeps idempotency records.
type IdempotencyStore interface {
	// ClaimIdempotencyKey inserts rec as running, unless a live record of
	// the caller's key exists: then it returns that one, and claimed is false
	// (the insert into the primary key is the lock, so two requests never both
	// claim a key). An expired record is replaced; a record without an answer
	// whose lock has lapsed is taken over (claimed, its ResourceID kept).
	ClaimIdempotencyKey(ctx context.Context, rec IdempotencyRecord) (got IdempotencyRecord, claimed bool, err error)
	// CompleteIdempotencyKey stores the answer of a claimed key.
	CompleteIdempotencyKey(ctx context.Context, userID int64, key string, status int, headers map[string]string, body []byte) error
	// ReleaseIdempotencyKey deletes a claimed key that has no answer and
	// created nothing, so that a retry runs the request again.
	ReleaseIdempotencyKey(ctx context.Context, userID int64, key string) error
	// PurgeIdempotencyKeys deletes records that expired before t and says how many.
	PurgeIdempotencyKeys(ctx context.Context, t time.Time) (int64, error)
}

// IdempotencyClaim names the key a creating request holds; the store marks
// the key's record with the object the request creates, in the creating
// transaction. The zero claim holds no key.
type IdempotencyClaim struct {
	UserID int64
	Key    string
}

// Held reports whether the claim names a key.
func (c IdempotencyClaim) Held() bool { return c.Key != "" }

// Idempotency hands out and settles idempotency keys.
type Idempotency struct {
	store IdempotencyStore
	now   func() time.Time
}

// newIdempotency returns the idempotency service.
func newIdempotency(store IdempotencyStore) *Idempotency {
	return &Idempotency{store: store, now: time.Now}
}

// MaxIdempotencyKeyLen bounds an Idempotency-Key.
const MaxIdempotencyKeyLen = 255

// ValidIdempotencyKey reports whether a key is 1–255 visible ASCII characters.
func ValidIdempotencyKey(key string) bool {
	if key == "" || len(key) > MaxIdempotencyKeyLen {
		return false
	}
	for i := 0; i < len(key); i++ {
		if key[i] < 0x21 || key[i] > 0x7e {
			return false
		}
	}
	return true
}

// Claim claims the caller's key for a request with the given fingerprint,
// or returns the record that holds it (see IdempotencyStore).
func (s *Idempotency) Claim(ctx context.Context, actor Actor, key string, fingerprint []byte) (IdempotencyRecord, bool, error) {
	if actor.Anonymous() {
		return IdempotencyRecord{}, false, Unauthenticated()
	}
	now := s.now().UTC()
	rec := IdempotencyRecord{UserID: actor.UserID, Key: key, Fingerprint: fingerprint,
		LockedUntil: now.Add(IdempotencyLock), CreatedAt: now, ExpiresAt: now.Add(IdempotencyTTL)}
	return s.store.ClaimIdempotencyKey(ctx, rec)
}

// Complete stores the answer to a claimed key.
func (s *Idempotency) Complete(ctx context.Context, actor Actor, key string, status int, headers map[string]string, body []byte) error {
	return s.store.CompleteIdempotencyKey(ctx, actor.UserID, key, status, headers, body)
}

// Release gives up a claimed key whose request failed before changing anything.
func (s *Idempotency) Release(ctx context.Context, actor Actor, key string) error {
	return s.store.ReleaseIdempotencyKey(ctx, actor.UserID, key)
}

// Purge deletes expired records.
func (s *Idempotency) Purge(ctx context.Context) (int64, error) {
	return s.store.PurgeIdempotencyKeys(ctx, s.now().UTC())
}
