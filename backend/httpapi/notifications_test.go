package httpapi_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/setubashi/setubashi/backend/talent"
)

// notificationPage is the answer of GET /api/v1/me/notifications.
type notificationPage struct {
	Items []struct {
		ID    int64  `json:"id"`
		Kind  string `json:"kind"`
		Title string `json:"title"`
		Body  string `json:"body"`
		Link  string `json:"link"`
		Read  bool   `json:"read"`
	} `json:"items"`
}

// notificationsOf returns the first page of a person's notifications in a
// language (named explicitly: it wins over the person's saved one).
func (w *world) notificationsOf(session, lang string) notificationPage {
	w.t.Helper()
	var page notificationPage
	r := w.do(request{method: "GET", path: "/api/v1/me/notifications?lang=" + lang, session: session})
	if r.Status != http.StatusOK {
		w.t.Fatalf("notifications: %d %s", r.Status, r.Body)
	}
	r.JSON(&page)
	return page
}

// unread returns a person's unread count.
func (w *world) unread(session string) float64 {
	w.t.Helper()
	return w.call(http.StatusOK, "GET", "/api/v1/me/notifications/unread-count", session, nil).Map()["unread"].(float64)
}

// TestNotificationJourney follows the bell through the world's events: the
// organisation hears of the application, in the reader's language, with a
// link to it; the candidate hears of a stage change with the reason only when
// the organisation shares it; reading and settings work as the UI needs.
func TestNotificationJourney(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		app := fmt.Sprintf("/api/v1/applications/%d", w.application)

		member := w.notificationsOf(w.member, "ja")
		submitted := member.Items[0]
		if submitted.Kind != "application_submitted" || submitted.Link != fmt.Sprintf("/applications/%d", w.application) ||
			!strings.Contains(submitted.Title, "機械学習エンジニア") || !strings.Contains(submitted.Body, "Asha Rao") {
			t.Errorf("member's notification %+v", submitted)
		}
		if n := w.unread(w.otherMember); n != 1 { // only the verification of their own organisation
			t.Errorf("the other organisation's member has %v unread", n)
		}

		w.call(http.StatusOK, "POST", app+"/transitions", w.member, map[string]any{"to": "screening", "reason": "Strong speech work"})
		w.call(http.StatusOK, "POST", app+"/transitions", w.member, map[string]any{"to": "interview", "reason": "Let us meet", "share_reason": true})
		candidate := w.notificationsOf(w.candidate, "hi")
		if len(candidate.Items) != 2 || w.unread(w.candidate) != 2 {
			t.Fatalf("candidate's notifications %+v", candidate)
		}
		if shared, private := candidate.Items[0], candidate.Items[1]; !strings.Contains(shared.Body, "Let us meet") || strings.Contains(private.Body, "Strong speech work") {
			t.Errorf("reasons: shared %q, private %q", shared.Body, private.Body)
		}
		if strings.HasPrefix(candidate.Items[0].Title, "notice.") || !strings.Contains(candidate.Items[0].Title, "के लिए आवेदन") {
			t.Errorf("Hindi title %q", candidate.Items[0].Title)
		}

		w.call(http.StatusNoContent, "POST", fmt.Sprintf("/api/v1/me/notifications/%d/read", candidate.Items[1].ID), w.candidate, nil)
		w.call(http.StatusNoContent, "POST", fmt.Sprintf("/api/v1/me/notifications/%d/read", candidate.Items[1].ID), w.candidate, nil)
		if n := w.unread(w.candidate); n != 1 {
			t.Errorf("after reading one: %v unread", n)
		}
		if page := w.call(http.StatusOK, "GET", "/api/v1/me/notifications?unread=true", w.candidate, nil).Map(); len(page["items"].([]any)) != 1 {
			t.Errorf("unread only: %v", page)
		}
		w.call(http.StatusNoContent, "POST", "/api/v1/me/notifications/read-all", w.candidate, nil)
		if n := w.unread(w.candidate); n != 0 {
			t.Errorf("after reading all: %v unread", n)
		}

		prefs := w.call(http.StatusOK, "GET", "/api/v1/me/notification-preferences", w.candidate, nil).Map()["preferences"].(map[string]any)
		if len(prefs) != len(talent.NotificationKinds) || prefs["stage_changed"] != "now" {
			t.Errorf("default preferences %v", prefs)
		}
		prefs = w.call(http.StatusOK, "PUT", "/api/v1/me/notification-preferences", w.candidate,
			map[string]any{"preferences": map[string]any{"stage_changed": "digest", "offer_made": "in_app"}}).Map()["preferences"].(map[string]any)
		if prefs["stage_changed"] != "digest" || prefs["offer_made"] != "in_app" || prefs["new_roles"] != "now" {
			t.Errorf("saved preferences %v", prefs)
		}
	})
}

// TestUnsubscribeLink turns off one kind of e-mail with the signed link of
// the e-mails, without signing in, as mail programs do.
func TestUnsubscribeLink(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		id := w.userID(w.candidate)
		token, err := talent.NewNotifications(a.db).UnsubscribeToken(context.Background(), id, talent.NoticeOfferMade)
		if err != nil {
			t.Fatal(err)
		}
		path := "/api/v1/unsubscribe?token=" + url.QueryEscape(token)
		for range 2 {
			r := w.do(request{method: "POST", path: path, body: "List-Unsubscribe=One-Click", header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}})
			if r.Status != http.StatusOK || r.Map()["kind"] != "offer_made" {
				t.Fatalf("unsubscribe: %d %s", r.Status, r.Body)
			}
		}
		prefs := w.call(http.StatusOK, "GET", "/api/v1/me/notification-preferences", w.candidate, nil).Map()["preferences"].(map[string]any)
		if prefs["offer_made"] != "in_app" {
			t.Errorf("after unsubscribing: %v", prefs)
		}
		other, err := talent.NewNotifications(a.db).UnsubscribeToken(context.Background(), id+1, talent.NoticeOfferMade)
		if err != nil {
			t.Fatal(err)
		}
		forged := strings.Replace(other, fmt.Sprint(id+1), fmt.Sprint(id), 1)
		w.call(http.StatusNotFound, "POST", "/api/v1/unsubscribe?token="+url.QueryEscape(forged), "", nil)
	})
}

// TestSavedSearches saves, lists and deletes a candidate's searches.
func TestSavedSearches(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		id := w.savedSearch()
		page := w.call(http.StatusOK, "GET", "/api/v1/me/saved-searches", w.candidate, nil).Map()
		items := page["items"].([]any)
		if len(items) != 1 || items[0].(map[string]any)["filters"].(map[string]any)["prefecture"] != "tokyo" {
			t.Fatalf("saved searches %v", page)
		}
		if others := w.call(http.StatusOK, "GET", "/api/v1/me/saved-searches", w.otherCandidate, nil).Map()["items"].([]any); len(others) != 0 {
			t.Errorf("another candidate sees %v", others)
		}
		w.call(http.StatusNotFound, "DELETE", fmt.Sprintf("/api/v1/me/saved-searches/%d", id), w.otherCandidate, nil)
		w.call(http.StatusNoContent, "DELETE", fmt.Sprintf("/api/v1/me/saved-searches/%d", id), w.candidate, nil)
		w.call(http.StatusNotFound, "DELETE", fmt.Sprintf("/api/v1/me/saved-searches/%d", id), w.candidate, nil)
		for range talent.MaxSavedSearches {
			w.savedSearch()
		}
		w.call(http.StatusConflict, "POST", "/api/v1/me/saved-searches", w.candidate, savedSearchBody)
	})
}
