package notify_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/mail"
	"github.com/setubashi/setubashi/backend/mail/mailtest"
	"github.com/setubashi/setubashi/backend/notify"
	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
)

// The benchmarks of this file measure what notifications cost (docs/
// BENCHMARKS.md): a stage change's transaction with and without its
// notification, a whole Transition as the API runs it, the worker e-mailing
// a backlog to a real SMTP server on loopback, and rendering a notification's
// text in each language. They run on SQLite, and on PostgreSQL when
// TEST_DATABASE_URL is set; none of them checks a time.

// benchLangs are the languages the bench candidates read in, in turn.
var benchLangs = []string{"en", "ja", "hi"}

// benchEnv is a platform with the demo accounts on a fresh database, and a
// role of the demo organisation that bench candidates apply to.
type benchEnv struct {
	db       *store.DB
	platform *talent.Platform
	queue    *notify.Queue
	catalog  *i18n.Catalog
	member   talent.Actor
	role     talent.Role
}

func newBenchEnv(b *testing.B, dialect string) *benchEnv {
	b.Helper()
	ctx := context.Background()
	db := storetest.Open(b, dialect)
	platform, queue, catalog := demoPlatform(b, db)
	u, _, err := db.UserByEmail(ctx, "org@demo.setubashi.test")
	if err != nil {
		b.Fatal(err)
	}
	e := &benchEnv{db: db, platform: platform, queue: queue, catalog: catalog, member: talent.Actor{UserID: u.ID, Kind: u.Kind}}
	var roleID int64
	if err := db.SQL().QueryRowContext(ctx, `SELECT id FROM roles WHERE status = 'open' ORDER BY id LIMIT 1`).Scan(&roleID); err != nil {
		b.Fatal(err)
	}
	if e.role, err = db.RoleByID(ctx, roleID); err != nil {
		b.Fatal(err)
	}
	return e
}

// submitted makes n candidates (consenting to share their profile, reading
// in benchLangs in turn) with an application each to the env's role, in
// stage submitted, and returns the applications. With inApp the candidates
// chose in-app notices only for stage changes: no e-mail, no job.
func (e *benchEnv) submitted(b *testing.B, n int, inApp bool) []talent.Application {
	b.Helper()
	ctx := context.Background()
	now := time.Now().UTC().Truncate(time.Second)
	users := make([]talent.User, n)
	for i := range users {
		users[i] = talent.User{Email: fmt.Sprintf("bench-%d@bench.example", i), Name: fmt.Sprintf("Bench Candidate %d", i),
			Kind: talent.AccountCandidate, Locale: benchLangs[i%len(benchLangs)], CreatedAt: now}
	}
	if err := e.db.InsertUsers(ctx, users, "!bench"); err != nil {
		b.Fatal(err)
	}
	profiles := make([]talent.Profile, n)
	apps := make([]talent.Application, n)
	for i, u := range users {
		profiles[i] = talent.Profile{UserID: u.ID, Name: u.Name, IndianState: "karnataka", JLPTLevel: "N3", EnglishLevel: "fluent",
			WantedRoleTypes: []string{"job"}, ConsentShareApplied: true, UpdatedAt: now}
		apps[i] = talent.Application{RoleID: e.role.ID, CandidateID: u.ID, Stage: talent.StageSubmitted, CreatedAt: now, UpdatedAt: now,
			Timeline: []talent.StageEvent{{To: talent.StageSubmitted, ActorID: u.ID, At: now}}}
		if inApp {
			if err := e.db.SetPreferences(ctx, u.ID, map[talent.NoticeKind]talent.Delivery{talent.NoticeStageChanged: talent.DeliverInApp}, now); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := e.db.InsertProfiles(ctx, profiles); err != nil {
		b.Fatal(err)
	}
	if err := e.db.InsertApplications(ctx, apps); err != nil {
		b.Fatal(err)
	}
	return apps
}

// eachDialect runs fn as a sub-benchmark per database of this run.
func eachDialect(b *testing.B, fn func(b *testing.B, dialect string)) {
	for _, dialect := range storetest.Dialects() {
		b.Run(dialect, func(b *testing.B) { fn(b, dialect) })
	}
}

// BenchmarkTransition moves applications from submitted to screening with
// platform.Applications.Transition, as PATCH …/stage does: the reads, the
// move, the candidate's notification and (email) the job that e-mails it,
// in one transaction, then the application read back for the answer. The
// in_app candidates chose in-app notices: the notification row, no job.
func BenchmarkTransition(b *testing.B) {
	eachDialect(b, func(b *testing.B, dialect string) {
		for _, mode := range []string{"email", "in_app"} {
			b.Run(mode, func(b *testing.B) {
				e := newBenchEnv(b, dialect)
				apps := e.submitted(b, b.N, mode == "in_app")
				ctx := context.Background()
				b.ReportAllocs()
				b.ResetTimer()
				for i := range b.N {
					if _, err := e.platform.Applications.Transition(ctx, e.member, apps[i].ID, talent.StageScreening, "Strong profile", true, 0); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	})
}

// BenchmarkMoveTx isolates a stage change's write transaction: bare is the
// move alone (the application's row and its event); notice adds what the
// platform writes with it for a candidate who chose in-app notices (the
// delivery-choice lookup and the notification row); notice+job is the
// default, which adds the River job that e-mails it.
func BenchmarkMoveTx(b *testing.B) {
	modes := []struct {
		name          string
		notify, inApp bool
	}{{"bare", false, false}, {"notice", true, true}, {"notice+job", true, false}}
	eachDialect(b, func(b *testing.B, dialect string) {
		for _, mode := range modes {
			b.Run(mode.name, func(b *testing.B) {
				e := newBenchEnv(b, dialect)
				apps := e.submitted(b, b.N, mode.inApp)
				ctx := context.Background()
				b.ReportAllocs()
				b.ResetTimer()
				for i := range b.N {
					a := apps[i]
					err := e.db.InTx(ctx, func(ctx context.Context) error {
						ev := talent.StageEvent{From: talent.StageSubmitted, To: talent.StageScreening, ActorID: e.member.UserID, At: time.Now().UTC()}
						if err := e.db.MoveApplication(ctx, a.ID, a.Stage, a.Version, ev); err != nil || !mode.notify {
							return err
						}
						return e.notify(ctx, a)
					})
					if err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	})
}

// notify writes what the platform writes for the candidate of a stage
// change, in ctx's transaction: the notification, and its e-mail's job.
func (e *benchEnv) notify(ctx context.Context, a talent.Application) error {
	n := e.stageChanged(a)
	choices, err := e.db.DeliveryChoices(ctx, []int64{a.CandidateID}, n.Kind)
	if err != nil {
		return err
	}
	if choice, ok := choices[a.CandidateID]; ok {
		n.Delivery = choice
	}
	added, err := e.db.AddNotifications(ctx, []talent.Notification{n})
	if err != nil || n.Delivery != talent.DeliverNow {
		return err
	}
	return e.queue.Deliver(ctx, []int64{added[0].ID})
}

// stageChanged is the notification of a move of a to screening, with a
// shared reason, to be e-mailed at once.
func (e *benchEnv) stageChanged(a talent.Application) talent.Notification {
	return talent.Notification{UserID: a.CandidateID, Kind: talent.NoticeStageChanged, ObjectType: talent.ObjectApplication, ObjectID: a.ID,
		Params:   talent.NoticeParams{Role: &e.role.Title, From: talent.StageSubmitted, To: talent.StageScreening, Reason: "Strong profile"},
		Delivery: talent.DeliverNow, CreatedAt: time.Now().UTC()}
}

// BenchmarkDelivery has the worker e-mail a backlog of b.N stage-change
// notifications (recipients reading English, Japanese and Hindi in turn) to
// a real SMTP server on loopback, one message each: per operation, one
// e-mail from the job queue through composing, SMTP and marking it sent.
// The worker runs with the server's settings except a 100 ms poll (the
// shortest River allows), and is started before the backlog is committed in
// one transaction.
func BenchmarkDelivery(b *testing.B) {
	eachDialect(b, func(b *testing.B, dialect string) {
		e := newBenchEnv(b, dialect)
		apps := e.submitted(b, b.N, false)
		smtp := mailtest.Start(b, mailtest.Options{})
		sender, err := mail.NewSMTP(smtp.URL())
		if err != nil {
			b.Fatal(err)
		}
		w, err := notify.NewWorker(notify.Config{DB: e.db, Platform: e.platform, Catalog: e.catalog, Sender: sender,
			BaseURL: baseURL, PollInterval: 100 * time.Millisecond})
		if err != nil {
			b.Fatal(err)
		}
		ctx := context.Background()
		if err := w.Start(ctx); err != nil {
			b.Fatal(err)
		}
		defer func() {
			stopCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
			defer cancel()
			_ = w.Stop(stopCtx)
		}()
		err = e.db.InTx(ctx, func(ctx context.Context) error {
			for _, a := range apps {
				if err := e.notify(ctx, a); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		b.ResetTimer()
		start := time.Now()
		got := smtp.WaitFor(b, b.N, time.Hour) // a bound against a hang, not a time the benchmark expects
		elapsed := time.Since(start)
		b.StopTimer()
		if len(got) != b.N {
			b.Fatalf("%d messages for %d notifications", len(got), b.N)
		}
		b.ReportMetric(float64(b.N)/elapsed.Seconds(), "mails/s")
	})
}
