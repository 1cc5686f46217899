package store

import (
	"context"
	"fmt"
	"sync"
	"time"

	"gorm.io/gorm"
)

// snapshotMaxAge bounds how long a cached snapshot is used even when its
// fingerprint has not changed (a write stamped by a replica whose clock lags
// could leave the fingerprint unchanged).
const snapshotMaxAge = time.Minute

// snapshot caches the result of an expensive load for as long as a cheap
// fingerprint query of the same data answers the same (and at most
// snapshotMaxAge). It is a cache only: every replica can rebuild it from the
// database, so nothing another replica needs lives here. The cached value is
// shared and must not be modified.
type snapshot[T any] struct {
	mu          sync.Mutex
	fingerprint string
	loaded      time.Time
	value       T
}

// get returns the cached value if fingerprint still describes it, else
// loads it anew.
func (s *snapshot[T]) get(fingerprint string, load func() (T, error)) (T, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fingerprint == fingerprint && fingerprint != "" && time.Since(s.loaded) < snapshotMaxAge {
		return s.value, nil
	}
	v, err := load()
	if err != nil {
		var zero T
		return zero, err
	}
	s.fingerprint, s.loaded, s.value = fingerprint, time.Now(), v
	return v, nil
}

// fingerprint describes the rows a query selects by their count and their
// latest updated_at, which every write of those rows changes.
func fingerprint(ctx context.Context, q *gorm.DB) (string, error) {
	var count int64
	var latest any
	if err := q.WithContext(ctx).Select("COUNT(*), MAX(updated_at)").Row().Scan(&count, &latest); err != nil {
		return "", classify(err, "fingerprint")
	}
	return fmt.Sprint(count, "|", latest), nil
}
