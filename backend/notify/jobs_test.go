package notify_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/mail/mailtest"
	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
)

// TestSavedSearchAnnouncesARoleOnce saves a search, publishes a role that
// matches it, and lets the worker's sweep run the search when it starts:
// the candidate hears of the role once, however often the search runs or
// the worker restarts.
func TestSavedSearchAnnouncesARoleOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		e.setLocale(e.candidate, "hi")
		draft := e.draftRole()
		search, err := e.platform.SavedSearches.Create(ctx, e.candidate, talent.SavedSearch{Name: "टोक्यो इंटर्नशिप", Frequency: talent.SearchDaily,
			Filters: talent.SearchFilters{Type: draft.Type, Prefecture: draft.Prefecture}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.platform.Roles.Publish(ctx, e.member, draft.ID); err != nil {
			t.Fatal(err)
		}
		e.stopWorker()
		e.startWorker() // its first sweep runs the search, due since it never ran
		got := mailtest.Parse(t, e.smtp.WaitFor(t, 1, wait)[0].Data)
		if !strings.Contains(got.Subject, "टोक्यो इंटर्नशिप") || !strings.Contains(got.Text, baseURL+"/roles/") {
			t.Errorf("announcement %q:\n%s", got.Subject, got.Text)
		}
		for range 3 {
			if n, err := e.platform.SavedSearches.Run(ctx, search.ID); err != nil || n != 0 {
				t.Fatalf("run again: %d new roles, %v", n, err)
			}
		}
		e.stopWorker()
		e.startWorker()
		waitForJobs(t, db, "saved_search_sweep")
		waitForJobs(t, db, "saved_search_run")
		var announced []talent.Notification
		for _, n := range e.notifications(e.candidate) {
			if n.Kind == talent.NoticeNewRoles {
				announced = append(announced, n)
			}
		}
		if len(announced) != 1 || !slices.Equal(announced[0].Params.RoleIDs, []int64{draft.ID}) {
			t.Errorf("announcements %+v, want one of role %d", announced, draft.ID)
		}
		if got := len(e.smtp.Received()); got != 1 {
			t.Errorf("%d messages, want 1", got)
		}
	})
}

// TestRoundParticipantsHearOfOpeningAndClosing opens a round whose deadline
// is less than 48 hours away: its participants hear that it opened and, at
// once, that it closes soon; a second reminder tells no one anything new.
func TestRoundParticipantsHearOfOpeningAndClosing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		ctx := context.Background()
		app := e.application(talent.StageSubmitted)
		round, err := e.platform.Rounds.Create(ctx, e.admin, talent.NewRound{Name: "Winter 2026", RoleIDs: []int64{app.RoleID}, RankingDeadline: time.Now().Add(24 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.platform.Rounds.Open(ctx, e.admin, round.ID); err != nil {
			t.Fatal(err)
		}
		waitForJobs(t, db, "round_closing_reminder")
		if err := e.platform.Rounds.RemindClosing(ctx, round.ID); err != nil {
			t.Fatal(err)
		}
		for _, who := range []talent.Actor{e.candidate, e.member} {
			var kinds []talent.NoticeKind
			for _, n := range e.notifications(who) {
				if n.ObjectType == talent.ObjectRound && n.ObjectID == round.ID {
					kinds = append(kinds, n.Kind)
				}
			}
			if !slices.Equal(kinds, []talent.NoticeKind{talent.NoticeRoundClosing, talent.NoticeRoundOpened}) {
				t.Errorf("user %d heard %v, want closing then opened, once each", who.UserID, kinds)
			}
		}
		if n := e.notifications(e.admin); len(n) != 0 {
			t.Errorf("the administrator who opened the round was notified: %+v", n)
		}
	})
}

// draftRole returns the demo organisation's draft role.
func (e *env) draftRole() talent.Role {
	e.t.Helper()
	ctx := context.Background()
	orgs, err := e.platform.Organizations.Mine(ctx, e.member)
	if err != nil || len(orgs) == 0 {
		e.t.Fatalf("organisations of the demo member: %v", err)
	}
	roles, err := e.platform.Roles.ForOrganization(ctx, e.member, orgs[0].ID, talent.Page{Limit: 100})
	if err != nil {
		e.t.Fatal(err)
	}
	i := slices.IndexFunc(roles, func(r talent.Role) bool { return r.Status == talent.RoleDraft })
	if i < 0 {
		e.t.Fatal("the demo organisation has no draft role")
	}
	return roles[i]
}
