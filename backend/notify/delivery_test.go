package notify_test

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/mail/mailtest"
	"github.com/setubashi/setubashi/backend/notice"
	"github.com/setubashi/setubashi/backend/notify"
	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
)

// wait is how long a test waits for mail before failing; deliveries take
// well under a second.
const wait = 20 * time.Second

// TestStageChangesAreEmailedInTheRecipientsLanguage moves one application
// three times, the candidate's language changing in between: each e-mail is
// in the language saved at sending, with a text and an HTML part, the link
// to the application, the shared reason, and a one-click unsubscribe header.
func TestStageChangesAreEmailedInTheRecipientsLanguage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		app := e.application(talent.StageSubmitted)
		steps := []struct {
			lang   string
			to     talent.Stage
			kind   talent.NoticeKind
			reason string
		}{
			{"en", talent.StageScreening, talent.NoticeStageChanged, "Strong NLP publications"},
			{"ja", talent.StageInterview, talent.NoticeStageChanged, "面接でお会いしましょう"},
			{"hi", talent.StageOffer, talent.NoticeOfferMade, ""}, // an offer speaks through its own text, not a shared reason
		}
		for i, step := range steps {
			e.setLocale(e.candidate, step.lang)
			e.move(app.ID, step.to, step.reason)
			got := mailtest.Parse(t, e.smtp.WaitFor(t, i+1, wait)[i].Data)
			n := e.notifications(e.candidate)[0]
			if n.Kind != step.kind || n.ObjectID != app.ID || n.Params.Reason != step.reason {
				t.Fatalf("%s: notification %+v", step.lang, n)
			}
			title, body := notice.Text(e.catalog, step.lang, talent.AccountCandidate, n)
			link := fmt.Sprintf("%s/applications/%d", baseURL, app.ID)
			switch {
			case got.Subject != title:
				t.Errorf("%s: subject %q, want %q", step.lang, got.Subject, title)
			case got.Header.Get("Content-Language") != step.lang:
				t.Errorf("%s: Content-Language %q", step.lang, got.Header.Get("Content-Language"))
			case !strings.Contains(got.Text, body) || !strings.Contains(got.Text, step.reason) || !strings.Contains(got.Text, link):
				t.Errorf("%s: text part lacks the body, reason or link:\n%s", step.lang, got.Text)
			case !strings.Contains(got.HTML, `href="`+link+`"`):
				t.Errorf("%s: HTML part lacks the link:\n%s", step.lang, got.HTML)
			case !strings.HasPrefix(got.Header.Get("List-Unsubscribe"), "<"+baseURL+"/api/v1/unsubscribe?token="):
				t.Errorf("%s: List-Unsubscribe %q", step.lang, got.Header.Get("List-Unsubscribe"))
			case got.Header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click":
				t.Errorf("%s: List-Unsubscribe-Post %q", step.lang, got.Header.Get("List-Unsubscribe-Post"))
			}
			if step.lang != "en" && (strings.Contains(got.Text, "Hello") || title == "" || strings.HasPrefix(title, "notice.")) {
				t.Errorf("%s: not translated: %q\n%s", step.lang, title, got.Text)
			}
		}
		waitEmailed(t, e, e.candidate, 3)
	})
}

// TestFailedDeliveryIsRetried has the SMTP server refuse twice: the worker
// retries with back-off and the message arrives once.
func TestFailedDeliveryIsRetried(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		e.smtp.RefuseNext(2)
		e.move(e.application(talent.StageSubmitted).ID, talent.StageScreening, "")
		e.smtp.WaitFor(t, 1, wait)
		waitEmailed(t, e, e.candidate, 1)
		if got := len(e.smtp.Received()); got != 1 {
			t.Errorf("%d messages arrived, want 1", got)
		}
		if got := e.smtp.Connections(); got < 3 {
			t.Errorf("%d SMTP sessions, want at least 3 (two refused, one accepted)", got)
		}
	})
}

// TestNothingLostNothingTwiceAcrossRestarts changes an application while no
// worker runs (a crash after the change): the notification waits in the
// database and goes out once the worker starts, and neither a restart nor
// the same job running again sends it twice. A change that rolls back takes
// its notification and job with it.
func TestNothingLostNothingTwiceAcrossRestarts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		e.stopWorker()
		e.move(e.application(talent.StageSubmitted).ID, talent.StageScreening, "")
		if n := e.notifications(e.candidate); len(n) != 1 || n[0].EmailedAt != nil {
			t.Fatalf("before the worker runs: %+v", n)
		}

		boom := errors.New("crash before commit")
		err := db.InTx(ctx, func(ctx context.Context) error {
			queue, err := notify.NewQueue(db)
			if err != nil {
				return err
			}
			added, err := db.AddNotifications(ctx, []talent.Notification{{UserID: e.candidate.UserID, Kind: talent.NoticeOfferMade,
				ObjectType: talent.ObjectApplication, ObjectID: 1, Delivery: talent.DeliverNow, CreatedAt: time.Now()}})
			if err != nil {
				return err
			}
			if err := queue.Deliver(ctx, []int64{added[0].ID}); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("rolled-back change: %v", err)
		}

		e.startWorker()
		e.smtp.WaitFor(t, 1, wait)
		waitEmailed(t, e, e.candidate, 1)
		e.stopWorker()
		// The job runs again, as after a crash between sending and River
		// recording the job as done.
		if _, err := db.SQL().ExecContext(ctx, "UPDATE river_job SET state = 'available', finalized_at = NULL WHERE kind = 'notification_deliver'"); err != nil {
			t.Fatal(err)
		}
		e.startWorker()
		waitForJobs(t, db, "notification_deliver")
		e.stopWorker()
		e.startWorker()
		e.move(e.application(talent.StageInterview).ID, talent.StageOffer, "")
		e.smtp.WaitFor(t, 2, wait) // a later event still goes out: the worker is alive
		if got := len(e.smtp.Received()); got != 2 {
			t.Errorf("%d messages, want 2 (one per committed change)", got)
		}
		if n := e.notifications(e.candidate); len(n) != 2 {
			t.Errorf("%d notifications, want 2 (the rolled-back one is gone)", len(n))
		}
	})
}

// TestDigestGathersTheDaysNotifications lets the candidate choose the daily
// digest for stage changes and offers: nothing is e-mailed at once, then one
// digest lists both, grouped by kind, and a second run that day sends nothing.
func TestDigestGathersTheDaysNotifications(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		e.setLocale(e.candidate, "ja")
		if _, err := e.platform.Notifications.SetPreferences(ctx, e.candidate, map[talent.NoticeKind]talent.Delivery{
			talent.NoticeStageChanged: talent.DeliverDigest, talent.NoticeOfferMade: talent.DeliverDigest,
		}); err != nil {
			t.Fatal(err)
		}
		e.move(e.application(talent.StageInterview).ID, talent.StageOffer, "")
		e.move(e.application(talent.StageSubmitted).ID, talent.StageScreening, "")
		if err := e.worker.SendDigestsNow(ctx); err != nil {
			t.Fatal(err)
		}
		got := mailtest.Parse(t, e.smtp.WaitFor(t, 1, wait)[0].Data)
		ns := e.notifications(e.candidate)
		stage, _ := notice.Text(e.catalog, "ja", talent.AccountCandidate, ns[0])
		offer, _ := notice.Text(e.catalog, "ja", talent.AccountCandidate, ns[1])
		if want := "Setubashiのお知らせまとめ（2件）"; got.Subject != want {
			t.Errorf("subject %q, want %q", got.Subject, want)
		}
		if s, o := strings.Index(got.Text, stage), strings.Index(got.Text, offer); s < 0 || o < 0 || s > o {
			t.Errorf("the digest should list the stage change before the offer (kind order):\n%s", got.Text)
		}
		waitEmailed(t, e, e.candidate, 2)
		if err := e.worker.SendDigestsNow(ctx); err != nil {
			t.Fatal(err)
		}
		waitForJobs(t, db, "notification_digest_sweep")
		if got := len(e.smtp.Received()); got != 1 {
			t.Errorf("%d messages, want one digest", got)
		}
	})
}

// TestUnsubscribeStopsOneKind follows the List-Unsubscribe link of a stage
// change: later stage changes reach the bell only, offers still come by
// e-mail, and a forged token is refused.
func TestUnsubscribeStopsOneKind(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		e.setLocale(e.candidate, "en")
		app := e.application(talent.StageSubmitted)
		e.move(app.ID, talent.StageScreening, "")
		header := mailtest.Parse(t, e.smtp.WaitFor(t, 1, wait)[0].Data).Header.Get("List-Unsubscribe")
		link, err := url.Parse(strings.Trim(header, "<>"))
		if err != nil {
			t.Fatal(err)
		}
		token := link.Query().Get("token")
		if _, err := e.platform.Notifications.Unsubscribe(ctx, token+"x"); !errors.Is(err, talent.ErrNotFound) {
			t.Errorf("forged token: %v, want not found", err)
		}
		for range 2 { // once, and again: the same answer
			if kind, err := e.platform.Notifications.Unsubscribe(ctx, token); err != nil || kind != talent.NoticeStageChanged {
				t.Fatalf("unsubscribe: %q, %v", kind, err)
			}
		}
		e.move(app.ID, talent.StageInterview, "")
		e.move(app.ID, talent.StageOffer, "")
		got := e.smtp.WaitFor(t, 2, wait)
		if subject := mailtest.Parse(t, got[1].Data).Subject; !strings.Contains(subject, "Offer") {
			t.Errorf("second e-mail %q, want the offer", subject)
		}
		if n := e.notifications(e.candidate); len(n) != 3 || n[1].Kind != talent.NoticeStageChanged || n[1].Delivery != talent.DeliverInApp {
			t.Errorf("the bell should still show the stage change, in-app only: %+v", n)
		}
		if got := len(e.smtp.Received()); got != 2 {
			t.Errorf("%d messages, want 2", got)
		}
	})
}

// TestErasedPeopleGetNothing erases the candidate after a notification was
// written but before it went out: nothing is sent.
func TestErasedPeopleGetNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		e.stopWorker()
		e.move(e.application(talent.StageSubmitted).ID, talent.StageScreening, "")
		if err := e.platform.Privacy.Erase(ctx, e.candidate, "demo-password-1"); err != nil {
			t.Fatal(err)
		}
		e.startWorker()
		waitForJobs(t, db, "notification_deliver")
		if got := len(e.smtp.Received()); got != 0 {
			t.Errorf("%d messages to an erased account", got)
		}
	})
}

// waitEmailed waits until n of a person's notifications are marked e-mailed.
func waitEmailed(t *testing.T, e *env, a talent.Actor, n int) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		emailed := 0
		for _, x := range e.notifications(a) {
			if x.EmailedAt != nil {
				emailed++
			}
		}
		if emailed >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d notifications marked e-mailed, want %d", emailed, n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitForJobs waits until no job of a kind is waiting or running.
func waitForJobs(t *testing.T, db *store.DB, kind string) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		var pending int
		err := db.SQL().QueryRowContext(context.Background(),
			"SELECT COUNT(*) FROM river_job WHERE kind = $1 AND state IN ('available', 'running', 'retryable', 'scheduled', 'pending')", kind).Scan(&pending)
		if err != nil {
			t.Fatal(err)
		}
		if pending == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d %s jobs still pending", pending, kind)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
