package notify

import (
	"context"
	"database/sql"
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

// deliver e-mails one notification if it is due (talent decides, see
// Notifications.EmailDue). A failure to send is returned, and River retries
// with back-off.
func (j *jobs) deliver(ctx context.Context, job *river.Job[deliverArgs]) error {
	email, due, err := j.platform.Notifications.EmailDue(ctx, job.Args.NotificationID)
	if err != nil || !due {
		return err
	}
	if err := j.sender.Send(ctx, j.compose.one(email.To, email.Notification, email.UnsubscribeToken)); err != nil {
		return err
	}
	return markEmailed(ctx, j.db, []int64{email.Notification.ID})
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
	d, err := j.platform.Notifications.DigestOf(ctx, job.Args.UserID)
	if err != nil || len(d.Notices) == 0 {
		return err
	}
	if d.To != nil {
		if err := j.sender.Send(ctx, j.compose.digest(*d.To, d.Notices, job.Args.Day)); err != nil {
			return err
		}
	}
	return markEmailed(ctx, j.db, d.IDs())
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
