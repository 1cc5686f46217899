package notify

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"
)

// deliverArgs e-mails one notification.
type deliverArgs struct {
	NotificationID int64 `json:"notification_id" river:"unique"`
}

// Kind names the job in River's table.
func (deliverArgs) Kind() string { return "notification_deliver" }

// digestArgs e-mails one person's digest of one day.
type digestArgs struct {
	UserID int64  `json:"user_id" river:"unique"`
	Day    string `json:"day" river:"unique"`
}

// Kind names the job in River's table.
func (digestArgs) Kind() string { return "notification_digest" }

// digestSweepArgs starts a digest for everyone with notifications waiting.
type digestSweepArgs struct{}

// Kind names the job in River's table.
func (digestSweepArgs) Kind() string { return "notification_digest_sweep" }

// searchArgs runs one saved search once for one slot (the hour it was due).
type searchArgs struct {
	SearchID int64  `json:"search_id" river:"unique"`
	Slot     string `json:"slot" river:"unique"`
}

// Kind names the job in River's table.
func (searchArgs) Kind() string { return "saved_search_run" }

// searchSweepArgs starts a run of every saved search that is due.
type searchSweepArgs struct{}

// Kind names the job in River's table.
func (searchSweepArgs) Kind() string { return "saved_search_sweep" }

// roundClosingArgs reminds a round's participants of its deadline.
type roundClosingArgs struct {
	RoundID int64 `json:"round_id" river:"unique"`
}

// Kind names the job in River's table.
func (roundClosingArgs) Kind() string { return "round_closing_reminder" }

// unique makes a job with the same arguments a no-op while one exists in any
// state but cancelled or discarded: a sweep that runs twice, or a server that
// restarts, schedules nothing twice.
var unique = &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}

// RoundReminderLead is how long before a round's ranking deadline its
// participants are reminded.
const RoundReminderLead = 48 * time.Hour

// Queue schedules deliveries in the transaction of the change that causes
// them (it implements talent.DeliveryQueue). It only inserts jobs; a Worker
// runs them.
type Queue struct {
	db     JobDatabase
	client *river.Client[*sql.Tx]
}

// NewQueue returns a queue inserting into db's job tables.
func NewQueue(db JobDatabase) (*Queue, error) {
	client, err := river.NewClient(db.JobDriver(), &river.Config{})
	if err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	return &Queue{db: db, client: client}, nil
}

// Deliver schedules an e-mail for each notification, in ctx's transaction.
func (q *Queue) Deliver(ctx context.Context, ids []int64) error {
	params := make([]river.InsertManyParams, len(ids))
	for i, id := range ids {
		params[i] = river.InsertManyParams{Args: deliverArgs{NotificationID: id}, InsertOpts: unique}
	}
	return q.insert(ctx, params)
}

// RoundOpened schedules the reminder RoundReminderLead before a round's
// deadline (at once if that is past), in ctx's transaction.
func (q *Queue) RoundOpened(ctx context.Context, roundID int64, deadline time.Time) error {
	opts := *unique
	opts.ScheduledAt = deadline.Add(-RoundReminderLead)
	return q.insert(ctx, []river.InsertManyParams{{Args: roundClosingArgs{RoundID: roundID}, InsertOpts: &opts}})
}

func (q *Queue) insert(ctx context.Context, params []river.InsertManyParams) error {
	if len(params) == 0 {
		return nil
	}
	tx, ok := q.db.SQLTx(ctx)
	if !ok {
		return errors.New("notify: deliveries must be scheduled inside the transaction of their change")
	}
	_, err := q.client.InsertManyTx(ctx, tx, params)
	return q.db.Classify(err, "schedule jobs")
}
