package talent

import (
	"context"
	"crypto/sha256"
	"strconv"
	"time"
)

// ThrottleState is how many guesses were made in a row under one key (an
// account, an account on a trusted device, or an account's second factor)
// and until when the next one must wait.
type ThrottleState struct {
	Found        bool
	Failures     int
	BlockedUntil time.Time
	UpdatedAt    time.Time
}

// ThrottleStore keeps the failed-attempt counters in the database, so that
// every replica applies the same back-off, and the devices each account
// trusts.
type ThrottleStore interface {
	// Throttle returns the state under key (Found false when there is none).
	Throttle(ctx context.Context, key []byte) (ThrottleState, error)
	// TakeThrottleSlot replaces the state seen (by Throttle) with next, and
	// reports false if another request changed it in between.
	TakeThrottleSlot(ctx context.Context, key []byte, seen, next ThrottleState) (bool, error)
	// ClearThrottle forgets the state under key.
	ClearThrottle(ctx context.Context, key []byte) error
	// DeleteStaleThrottles forgets states last changed before before.
	DeleteStaleThrottles(ctx context.Context, before time.Time) error
	// TrustDevice records that the device with this token hash signed in to
	// the account (again) at now.
	TrustDevice(ctx context.Context, userID int64, deviceHash []byte, now time.Time) error
	// IsTrustedDevice reports whether the device signed in to the account before.
	IsTrustedDevice(ctx context.Context, userID int64, deviceHash []byte) (bool, error)
}

// Back-off after failed attempts (OWASP ASVS 5.0 V6.3.1): the first
// freeAttempts attempts in a row go unhindered; after that each one must
// wait twice as long as the one before (1 s, 2 s, 4 s …), up to
// maxBackoff. A success clears the count; so does a day without attempts.
// That allows about a hundred guesses a day per account (NIST SP 800-63B
// 5.2.2) and locks nobody out for longer than maxBackoff; the owner's own
// browser is not slowed by a stranger's guesses (see Login).
const (
	freeAttempts   = 5
	maxBackoff     = 15 * time.Minute
	throttleMemory = 24 * time.Hour
)

// backoff returns how long the attempt after the n-th one in a row waits.
func backoff(n int) time.Duration {
	if n < freeAttempts {
		return 0
	}
	shift := min(n-freeAttempts, 20)
	return min(time.Second<<shift, maxBackoff)
}

// attempt takes a slot for one guess under key before the guess is checked:
// it counts the attempt as failed and sets the wait for the next one, so
// that concurrent guesses cannot slip past the back-off together (a success
// clears the count afterwards). While the wait lasts it is ErrRateLimited
// (too_many_attempts) with the time left.
func (a *Accounts) attempt(ctx context.Context, key []byte) error {
	for range 5 {
		now := a.now()
		seen, err := a.store.Throttle(ctx, key)
		if err != nil {
			return err
		}
		if seen.Found && now.Before(seen.BlockedUntil) {
			return RateLimited(CodeTooManyAttempts, seen.BlockedUntil.Sub(now))
		}
		n := seen.Failures
		if !seen.Found || now.Sub(seen.UpdatedAt) > throttleMemory {
			n = 0
		}
		next := ThrottleState{Found: true, Failures: n + 1, BlockedUntil: now.Add(backoff(n + 1)), UpdatedAt: now}
		ok, err := a.store.TakeThrottleSlot(ctx, key, seen, next)
		if err != nil {
			return err
		}
		if ok {
			if n == 0 && !seen.Found {
				// A new key: now and then forget the keys of a day ago.
				if err := a.store.DeleteStaleThrottles(ctx, now.Add(-throttleMemory)); err != nil {
					return err
				}
			}
			return nil
		}
	}
	return RateLimited(CodeTooManyAttempts, time.Second)
}

// accountKey is the throttle key of password guesses at an e-mail address
// (whether or not an account has it, so that the answers do not tell).
func accountKey(email string) []byte { return throttleKey("account", email) }

// deviceKey is the throttle key of password guesses at an account from a
// device it trusts.
func deviceKey(userID int64, device string) []byte {
	return throttleKey("device", strconv.FormatInt(userID, 10), device)
}

// secondFactorKey is the throttle key of code guesses at an account.
func secondFactorKey(userID int64) []byte {
	return throttleKey("second_factor", strconv.FormatInt(userID, 10))
}

func throttleKey(parts ...string) []byte {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum(nil)
}
