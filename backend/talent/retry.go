package talent

import (
	"context"
	"errors"
	"time"
)

// RetryWhileUnavailable calls fn until it succeeds, fails for a reason other
// than ErrUnavailable, ctx ends, or within has passed (then the last error is
// returned), waiting half a second between calls. It is for writes that must
// follow something already done, such as recording an e-mail as sent, across
// a database restart.
func RetryWhileUnavailable(ctx context.Context, within time.Duration, fn func(ctx context.Context) error) error {
	deadline := time.Now().Add(within)
	wait := time.NewTicker(500 * time.Millisecond)
	defer wait.Stop()
	for {
		err := fn(ctx)
		if !errors.Is(err, ErrUnavailable) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-wait.C:
		}
	}
}
