package notify

import (
	"context"
	"log/slog"

	"github.com/riverqueue/river"

	"github.com/setubashi/setubashi/backend/talent"
)

// purgeArgs deletes the idempotency records that expired.
type purgeArgs struct{}

// Kind names the job in River's table.
func (purgeArgs) Kind() string { return "idempotency_purge" }

// housekeeping holds the periodic jobs that keep the database tidy.
type housekeeping struct {
	keys *talent.Idempotency
	log  *slog.Logger
}

// purge deletes expired idempotency records. It is a periodic job: River
// schedules those on the elected leader only, so one server of a cluster
// runs it per interval; a failure is retried by River and the next run
// deletes what this one left.
func (h housekeeping) purge(ctx context.Context, _ *river.Job[purgeArgs]) error {
	n, err := h.keys.Purge(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		h.log.InfoContext(ctx, "purged expired idempotency keys", slog.Int64("deleted", n))
	}
	return nil
}
