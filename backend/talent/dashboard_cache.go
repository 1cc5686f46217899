package talent

import (
	"context"
	"errors"
	"sync"
	"time"
)

// aggregateCache keeps aggregates the store computed, each under a key with
// the data version (ProgressStore.ProgressVersion) it was computed at. An
// entry is reused while the version is the same and it is younger than
// maxAge, so a changed application, stage, placement, arrival, profile or
// role shows at once, and anything the version misses within maxAge.
// Callers asking for the same key at once share one computation. It holds
// at most size entries, dropping the oldest.
//
// It is a cache, not state: every replica keeps its own, and a fresh one
// computes the same answers.
type aggregateCache struct {
	mu      sync.Mutex
	entries map[string]*cacheEntry
	maxAge  time.Duration
	size    int
	now     func() time.Time
}

// cacheEntry is one aggregate, ready when done is closed.
type cacheEntry struct {
	version string
	at      time.Time
	done    chan struct{}
	value   any
	err     error
}

func newAggregateCache(maxAge time.Duration, size int) *aggregateCache {
	return &aggregateCache{entries: map[string]*cacheEntry{}, maxAge: maxAge, size: size, now: time.Now}
}

// cached returns the aggregate under key at version: a kept one, one being
// computed by another caller, or compute's (which runs detached from ctx's
// cancellation, as other callers may wait for it). Failures are not kept.
func cached[T any](ctx context.Context, c *aggregateCache, key, version string, compute func(context.Context) (T, error)) (T, error) {
	c.mu.Lock()
	e, ok := c.entries[key]
	if !ok || e.version != version || c.now().Sub(e.at) >= c.maxAge {
		e = &cacheEntry{version: version, at: c.now(), done: make(chan struct{}), err: errComputeFailed}
		c.evict()
		c.entries[key] = e
		c.mu.Unlock()
		return run(ctx, c, key, e, compute)
	}
	c.mu.Unlock()
	select {
	case <-e.done:
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
	if e.err != nil {
		var zero T
		return zero, e.err
	}
	return e.value.(T), nil
}

// errComputeFailed is what waiters get if a computation panicked.
var errComputeFailed = errors.New("talent: computing an aggregate failed")

// run computes e's value and marks it done, even if compute panics; a
// failed entry is dropped.
func run[T any](ctx context.Context, c *aggregateCache, key string, e *cacheEntry, compute func(context.Context) (T, error)) (value T, err error) {
	defer func() {
		close(e.done)
		if e.err != nil {
			c.mu.Lock()
			if c.entries[key] == e {
				delete(c.entries, key)
			}
			c.mu.Unlock()
		}
	}()
	value, err = compute(context.WithoutCancel(ctx))
	e.value, e.err = value, err
	return value, err
}

// evict makes room for one more entry by dropping the oldest finished one.
// The caller holds c.mu.
func (c *aggregateCache) evict() {
	if len(c.entries) < c.size {
		return
	}
	var oldest string
	var at time.Time
	for key, e := range c.entries {
		select {
		case <-e.done:
		default:
			continue // being computed
		}
		if oldest == "" || e.at.Before(at) {
			oldest, at = key, e.at
		}
	}
	if oldest != "" {
		delete(c.entries, oldest)
	}
}
