package notify_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/mail"
	"github.com/setubashi/setubashi/backend/mail/mailtest"
	"github.com/setubashi/setubashi/backend/matching"
	"github.com/setubashi/setubashi/backend/notify"
	"github.com/setubashi/setubashi/backend/seed"
	"github.com/setubashi/setubashi/backend/skills"
	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
	"github.com/setubashi/setubashi/locales"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// baseURL is the public address in the e-mails of these tests (https, so
// that List-Unsubscribe is sent).
const baseURL = "https://setubashi.test"

// env is a platform on a real database with the demo accounts, a real SMTP
// server on loopback, and a notification worker sending to it.
type env struct {
	t        *testing.T
	db       *store.DB
	platform *talent.Platform
	catalog  *i18n.Catalog
	smtp     *mailtest.Server
	worker   *notify.Worker
	// The demo accounts.
	candidate, member, admin talent.Actor
}

// demoPlatform loads the demo accounts into db and wires a platform to it
// with the real engines and a job queue on the same database; it returns the
// platform, its queue and the message catalogue.
func demoPlatform(tb testing.TB, db *store.DB) (*talent.Platform, *notify.Queue, *i18n.Catalog) {
	tb.Helper()
	if _, err := seed.DemoAccounts(context.Background(), db, "demo-password-1", seed.Options{Seed: 7, Now: time.Now()}); err != nil {
		tb.Fatal(err)
	}
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		tb.Fatal(err)
	}
	queue, err := notify.NewQueue(db)
	if err != nil {
		tb.Fatal(err)
	}
	engines := matching.Engines(skills.MustLoad())
	engines.Deliveries = queue
	platform, err := talent.NewPlatform(db, talent.Argon2Params{MemoryKiB: 64, Iterations: 1, Parallelism: 1}, time.Hour, engines)
	if err != nil {
		tb.Fatal(err)
	}
	return platform, queue, catalog
}

// newEnv builds an env; the worker is started.
func newEnv(t *testing.T, db *store.DB) *env {
	t.Helper()
	platform, _, catalog := demoPlatform(t, db)
	e := &env{t: t, db: db, platform: platform, catalog: catalog, smtp: mailtest.Start(t, mailtest.Options{})}
	e.candidate, e.member, e.admin = e.actor("candidate@demo.setubashi.test"), e.actor("org@demo.setubashi.test"), e.actor("admin@demo.setubashi.test")
	e.startWorker()
	return e
}

// actor signs in no one: it returns the actor of a demo account.
func (e *env) actor(email string) talent.Actor {
	e.t.Helper()
	u, _, err := e.db.UserByEmail(context.Background(), email)
	if err != nil {
		e.t.Fatal(err)
	}
	return talent.Actor{UserID: u.ID, Kind: u.Kind}
}

// startWorker starts a worker sending to the env's SMTP server, retrying a
// failed job after 50 ms, with the configuration changes tune makes; it
// stops when the test ends or stopWorker is called.
func (e *env) startWorker(tune ...func(*notify.Config)) {
	e.t.Helper()
	sender, err := mail.NewSMTP(e.smtp.URL())
	if err != nil {
		e.t.Fatal(err)
	}
	cfg := notify.Config{DB: e.db, Platform: e.platform, Catalog: e.catalog, Sender: sender, BaseURL: baseURL,
		PollInterval: 100 * time.Millisecond, RetryPolicy: quickRetry{}}
	for _, f := range tune {
		f(&cfg)
	}
	w, err := notify.NewWorker(cfg)
	if err != nil {
		e.t.Fatal(err)
	}
	if err := w.Start(context.Background()); err != nil {
		e.t.Fatal(err)
	}
	e.worker = w
	e.t.Cleanup(e.stopWorker)
}

// stopWorker stops the running worker, if any, letting its jobs finish.
func (e *env) stopWorker() {
	if e.worker == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := e.worker.Stop(ctx); err != nil {
		e.t.Errorf("stop worker: %v", err)
	}
	e.worker = nil
}

// quickRetry retries a failed job after 50 ms instead of River's minutes.
type quickRetry struct{}

func (quickRetry) NextRetry(*rivertype.JobRow) time.Time {
	return time.Now().Add(50 * time.Millisecond)
}

var _ river.ClientRetryPolicy = quickRetry{}

// setLocale saves the candidate's language.
func (e *env) setLocale(a talent.Actor, lang string) {
	e.t.Helper()
	if _, err := e.platform.Accounts.UpdateMe(context.Background(), a, talent.AccountChanges{Locale: &lang}); err != nil {
		e.t.Fatal(err)
	}
}

// application returns one of the candidate's applications in a stage.
func (e *env) application(stage talent.Stage) talent.Application {
	e.t.Helper()
	apps, err := e.platform.Applications.Mine(context.Background(), e.candidate, talent.Page{Limit: 100})
	if err != nil {
		e.t.Fatal(err)
	}
	i := slices.IndexFunc(apps, func(a talent.Application) bool { return a.Stage == stage })
	if i < 0 {
		e.t.Fatalf("the demo candidate has no application in stage %s", stage)
	}
	return apps[i]
}

// move moves an application as the organisation, sharing the reason.
func (e *env) move(id int64, to talent.Stage, reason string) {
	e.t.Helper()
	var err error
	if to == talent.StageOffer {
		today := talent.Today()
		_, err = e.platform.Offers.Make(context.Background(), e.member, id, talent.OfferTerms{Kind: "job", AnnualSalaryJPY: 6_000_000,
			StartDate: today.AddDays(60), PlannedStatus: "engineer_specialist", RespondBy: today.AddDays(14), TextEN: "We offer you the post."}, 0, talent.IdempotencyClaim{})
	} else {
		_, err = e.platform.Applications.Transition(context.Background(), e.member, id, to, reason, true, 0)
	}
	if err != nil {
		e.t.Fatalf("move %d to %s: %v", id, to, err)
	}
}

// notifications returns the candidate's notifications, newest first.
func (e *env) notifications(a talent.Actor) []talent.Notification {
	e.t.Helper()
	ns, err := e.platform.Notifications.List(context.Background(), a, false, talent.Page{Limit: 100})
	if err != nil {
		e.t.Fatal(err)
	}
	return ns
}
