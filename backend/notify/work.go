package notify

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/riverqueue/river"

	"github.com/setubashi/setubashi/backend/mail"
	"github.com/setubashi/setubashi/backend/talent"
)

// jobs holds what the job functions work with.
type jobs struct {
	db       talent.NotificationStore
	platform *talent.Platform
	sender   mail.Sender
	compose  composer
}

// deliver e-mails one notification unless it went out already (a job run
// again after a restart sends nothing twice), its recipient chose otherwise
// since, or the account was disabled or erased. A failure to send is
// returned, and River retries with back-off.
func (j *jobs) deliver(ctx context.Context, job *river.Job[deliverArgs]) error {
	n, err := j.db.NotificationByID(ctx, job.Args.NotificationID)
	if errors.Is(err, talent.ErrNotFound) {
		return nil
	}
	if err != nil || n.EmailedAt != nil {
		return err
	}
	choices, err := j.db.DeliveryChoices(ctx, []int64{n.UserID}, n.Kind)
	if err != nil {
		return err
	}
	if choice, ok := choices[n.UserID]; ok && choice != talent.DeliverNow {
		return nil
	}
	recipients, err := j.db.Recipients(ctx, []int64{n.UserID})
	if err != nil {
		return err
	}
	r, ok := recipients[n.UserID]
	if !ok {
		return nil
	}
	token, err := j.platform.Notifications.UnsubscribeToken(ctx, r.UserID, n.Kind)
	if err != nil {
		return err
	}
	if err := j.sender.Send(ctx, j.compose.one(r, n, token)); err != nil {
		return err
	}
	return markEmailed(ctx, j.db, []int64{n.ID})
}

// markEmailed stamps notifications as sent, retrying while the database is
// unavailable: the e-mail is gone already, and a job failing now would send it
// again (delivery is at least once; this keeps "again" rare, and a copy has
// the same Message-ID, by which mail systems drop duplicates). The retries
// stay within River's one-minute job timeout.
func markEmailed(ctx context.Context, db talent.NotificationStore, ids []int64) error {
	return talent.RetryWhileUnavailable(ctx, 40*time.Second, func(ctx context.Context) error {
		return db.MarkEmailed(ctx, ids, time.Now())
	})
}

// digest e-mails one person everything waiting for their digest, in one
// message, and marks it sent.
func (j *jobs) digest(ctx context.Context, job *river.Job[digestArgs]) error {
	pending, err := j.db.PendingDigest(ctx, job.Args.UserID)
	if err != nil || len(pending) == 0 {
		return err
	}
	ids := make([]int64, len(pending))
	for i, n := range pending {
		ids[i] = n.ID
	}
	recipients, err := j.db.Recipients(ctx, []int64{job.Args.UserID})
	if err != nil {
		return err
	}
	if r, ok := recipients[job.Args.UserID]; ok {
		if err := j.sender.Send(ctx, j.compose.digest(r, pending, job.Args.Day)); err != nil {
			return err
		}
	}
	return markEmailed(ctx, j.db, ids)
}

// digestSweep schedules today's digest of everyone with notifications
// waiting; a second sweep on the same day schedules nothing new.
func (j *jobs) digestSweep(ctx context.Context, _ *river.Job[digestSweepArgs]) error {
	users, err := j.db.DigestRecipients(ctx)
	if err != nil {
		return err
	}
	day := time.Now().UTC().Format(time.DateOnly)
	params := make([]river.InsertManyParams, len(users))
	for i, id := range users {
		params[i] = river.InsertManyParams{Args: digestArgs{UserID: id, Day: day}, InsertOpts: unique}
	}
	return insertJobs(ctx, params)
}

// search runs one saved search.
func (j *jobs) search(ctx context.Context, job *river.Job[searchArgs]) error {
	_, err := j.platform.SavedSearches.Run(ctx, job.Args.SearchID)
	return err
}

// searchSweep schedules a run of every saved search that is due, once per
// search and hour.
func (j *jobs) searchSweep(ctx context.Context, _ *river.Job[searchSweepArgs]) error {
	due, err := j.platform.SavedSearches.Due(ctx)
	if err != nil {
		return err
	}
	slot := time.Now().UTC().Truncate(time.Hour).Format(time.RFC3339)
	params := make([]river.InsertManyParams, len(due))
	for i, id := range due {
		params[i] = river.InsertManyParams{Args: searchArgs{SearchID: id, Slot: slot}, InsertOpts: unique}
	}
	return insertJobs(ctx, params)
}

// roundClosing reminds a round's participants of its deadline.
func (j *jobs) roundClosing(ctx context.Context, job *river.Job[roundClosingArgs]) error {
	return j.platform.Rounds.RemindClosing(ctx, job.Args.RoundID)
}

// insertJobs inserts jobs from within a job, with the client working it.
func insertJobs(ctx context.Context, params []river.InsertManyParams) error {
	if len(params) == 0 {
		return nil
	}
	client, err := river.ClientFromContextSafely[*sql.Tx](ctx)
	if err != nil {
		return err
	}
	_, err = client.InsertMany(ctx, params)
	return err
}
