package talent

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestRetryWhileUnavailable retries only unavailability, and only so long.
func TestRetryWhileUnavailable(t *testing.T) {
	ctx := context.Background()
	calls := 0
	err := RetryWhileUnavailable(ctx, time.Minute, func(context.Context) error {
		calls++
		if calls < 3 {
			return NewProblem(ErrUnavailable, "unavailable")
		}
		return nil
	})
	if err != nil || calls != 3 {
		t.Errorf("recovering database: %v after %d calls, want success after 3", err, calls)
	}
	calls = 0
	wrong := NewProblem(ErrInvalid, "invalid")
	if err := RetryWhileUnavailable(ctx, time.Minute, func(context.Context) error { calls++; return wrong }); !errors.Is(err, ErrInvalid) || calls != 1 {
		t.Errorf("other error: %v after %d calls, want it at once", err, calls)
	}
	calls = 0
	err = RetryWhileUnavailable(ctx, 0, func(context.Context) error { calls++; return NewProblem(ErrUnavailable, "unavailable") })
	if !errors.Is(err, ErrUnavailable) || calls != 1 {
		t.Errorf("no time to retry: %v after %d calls", err, calls)
	}
}
