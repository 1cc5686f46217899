package notify

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/mail"
	"github.com/setubashi/setubashi/backend/talent"
)

// Config is what a Worker needs.
type Config struct {
	DB       Database
	Platform *talent.Platform
	Catalog  *i18n.Catalog
	Sender   mail.Sender
	// BaseURL is the web app's public address, for links in e-mails.
	BaseURL string
	Logger  *slog.Logger
	// DigestAt is the time of day (UTC) digests go out (0: 03:30 UTC, which
	// is 09:00 in India and 12:30 in Japan).
	DigestAt time.Duration
	// SearchEvery is how often due saved searches are looked for (0: hourly).
	SearchEvery time.Duration
	// PurgeEvery is how often expired idempotency records are deleted (0:
	// hourly).
	PurgeEvery time.Duration
	// PollInterval is how often the queue is polled for new jobs (0: 1 s).
	PollInterval time.Duration
	// RetryPolicy overrides River's exponential back-off (tests shorten it).
	RetryPolicy river.ClientRetryPolicy
}

// maxWorkers is how many jobs one server works at once.
const maxWorkers = 32

// Worker runs the jobs: e-mail at once and in digests, saved searches,
// round reminders and the purge of expired idempotency records, with River's
// retries and back-off.
type Worker struct {
	client *river.Client[*sql.Tx]
}

// NewWorker builds the job queue's worker from cfg.
func NewWorker(cfg Config) (*Worker, error) {
	compose, err := newComposer(cfg.Catalog, cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	if cfg.DigestAt == 0 {
		cfg.DigestAt = 3*time.Hour + 30*time.Minute
	}
	if cfg.SearchEvery == 0 {
		cfg.SearchEvery = time.Hour
	}
	if cfg.PurgeEvery == 0 {
		cfg.PurgeEvery = time.Hour
	}
	if cfg.PollInterval == 0 {
		cfg.PollInterval = time.Second
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	tidy := housekeeping{keys: cfg.Platform.Idempotency, log: log}
	j := &jobs{db: cfg.DB, platform: cfg.Platform, sender: cfg.Sender, compose: compose}
	workers := river.NewWorkers()
	river.AddWorker(workers, river.WorkFunc(j.deliver))
	river.AddWorker(workers, river.WorkFunc(j.digest))
	river.AddWorker(workers, river.WorkFunc(j.digestSweep))
	river.AddWorker(workers, river.WorkFunc(j.search))
	river.AddWorker(workers, river.WorkFunc(j.searchSweep))
	river.AddWorker(workers, river.WorkFunc(j.roundClosing))
	river.AddWorker(workers, river.WorkFunc(tidy.purge))
	client, err := river.NewClient(cfg.DB.JobDriver(), &river.Config{
		// Deliveries mostly wait on SMTP servers: many run at once (River
		// refills free slots every 100 ms, so slots bound the rate).
		Queues:            map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: maxWorkers}},
		Workers:           workers,
		FetchPollInterval: cfg.PollInterval,
		RetryPolicy:       cfg.RetryPolicy,
		Logger:            cfg.Logger,
		PeriodicJobs: []*river.PeriodicJob{
			river.NewPeriodicJob(daily(cfg.DigestAt), func() (river.JobArgs, *river.InsertOpts) { return digestSweepArgs{}, nil },
				&river.PeriodicJobOpts{ID: "digest_sweep"}),
			river.NewPeriodicJob(river.PeriodicInterval(cfg.SearchEvery), func() (river.JobArgs, *river.InsertOpts) { return searchSweepArgs{}, nil },
				&river.PeriodicJobOpts{ID: "saved_search_sweep", RunOnStart: true}),
			river.NewPeriodicJob(river.PeriodicInterval(cfg.PurgeEvery), func() (river.JobArgs, *river.InsertOpts) { return purgeArgs{}, nil },
				&river.PeriodicJobOpts{ID: "idempotency_purge"}),
		},
	})
	if err != nil {
		return nil, fmt.Errorf("job queue worker: %w", err)
	}
	return &Worker{client: client}, nil
}

// Start begins working jobs until ctx ends or Stop is called.
func (w *Worker) Start(ctx context.Context) error { return w.client.Start(ctx) }

// Stop lets running jobs finish (until ctx ends) and stops.
func (w *Worker) Stop(ctx context.Context) error { return w.client.Stop(ctx) }

// SendDigestsNow schedules today's digests at once instead of at DigestAt
// (for operators; a digest already sent today is not sent again).
func (w *Worker) SendDigestsNow(ctx context.Context) error {
	_, err := w.client.Insert(ctx, digestSweepArgs{}, nil)
	return err
}

// daily is a schedule firing once a day at a time of day (UTC).
type daily time.Duration

// Next returns the next time of day after current.
func (d daily) Next(current time.Time) time.Time {
	next := current.UTC().Truncate(24 * time.Hour).Add(time.Duration(d))
	if !next.After(current) {
		next = next.Add(24 * time.Hour)
	}
	return next
}
