package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/setubashi/setubashi/backend/talent"
)

// purgeIdempotencyKeys deletes expired idempotency records every interval
// until ctx ends. Every replica may run it: the DELETE is idempotent.
func purgeIdempotencyKeys(ctx context.Context, keys *talent.Idempotency, log *slog.Logger, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			n, err := keys.Purge(ctx)
			switch {
			case err != nil:
				log.Warn("purging expired idempotency keys failed", slog.Any("error", err))
			case n > 0:
				log.Info("purged expired idempotency keys", slog.Int64("deleted", n))
			}
		}
	}
}
