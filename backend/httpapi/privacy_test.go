package httpapi_test

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

// consentsOf reads a candidate's consents.
type consentsBody struct {
	Purposes []struct {
		Purpose        string   `json:"purpose"`
		Granted        bool     `json:"granted"`
		Effective      bool     `json:"effective"`
		WordingVersion *string  `json:"wording_version"`
		Requires       []string `json:"requires"`
		Wording        struct {
			Version   string `json:"version"`
			Language  string `json:"language"`
			Title     string `json:"title"`
			Text      string `json:"text"`
			Recipient *struct {
				Country, CountryName, Regime, Safeguards string
			} `json:"recipient"`
		} `json:"wording"`
	} `json:"purposes"`
	History []struct {
		Purpose  string `json:"purpose"`
		Granted  bool   `json:"granted"`
		Source   string `json:"source"`
		Language string `json:"language"`
	} `json:"history"`
}

func (w *world) consents(session, lang string) consentsBody {
	w.t.Helper()
	r := w.do(request{method: "GET", path: "/api/v1/me/consents?lang=" + lang, session: session})
	if r.Status != http.StatusOK {
		w.t.Fatalf("consents: %d %s", r.Status, r.Body)
	}
	var out consentsBody
	r.JSON(&out)
	return out
}

func (w *world) decide(session, purpose string, granted bool, version string) reply {
	w.t.Helper()
	body := map[string]any{"purpose": purpose, "granted": granted}
	if version != "" {
		body["wording_version"] = version
	}
	return w.do(request{method: "POST", path: "/api/v1/me/consents", session: session, body: body})
}

// TestConsentLedger walks a candidate through the consents: the profile
// form's consent is in the ledger, the wording comes in the reader's
// language with the APPI Art. 28 information, a withdrawal of the transfer
// to Japan hides the profile from the organisation at once, everywhere.
func TestConsentLedger(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		c := w.consents(w.candidate, "ja")
		if len(c.Purposes) != 3 || len(c.History) != 3 {
			t.Fatalf("consents after the profile form: %+v", c)
		}
		for _, p := range c.Purposes {
			if !p.Granted || !p.Effective || p.WordingVersion == nil || p.Wording.Language != "ja" || !strings.ContainsAny(p.Wording.Text, "のはを") {
				t.Errorf("purpose %+v", p)
			}
			if p.Purpose == "transfer_to_japan" && (p.Wording.Recipient == nil || p.Wording.Recipient.Country != "JP" ||
				!strings.Contains(p.Wording.Recipient.Regime, "個人情報保護委員会")) {
				t.Errorf("transfer without the APPI Art. 28 information: %+v", p.Wording)
			}
		}
		for _, h := range c.History {
			if !h.Granted || h.Source != "profile" {
				t.Errorf("history %+v", h)
			}
		}

		// The organisation sees the profile in the application, the
		// recommendations and a round's rank list; a withdrawal hides it
		// from all three at once.
		app := fmt.Sprintf("/api/v1/applications/%d", w.application)
		recs := fmt.Sprintf("/api/v1/roles/%d/recommendations", w.role)
		round := w.rankedRound()
		rankers := fmt.Sprintf("/api/v1/rounds/%d/roles/%d/ranking", round, w.role)
		sees := func() (inApp, inRecs, inRound bool) {
			t.Helper()
			inApp = w.call(http.StatusOK, "GET", app, w.member, nil).Map()["candidate"] != nil
			var r struct {
				Items []struct {
					Candidate struct {
						Name string `json:"name"`
					} `json:"candidate"`
				} `json:"items"`
			}
			w.call(http.StatusOK, "GET", recs, w.member, nil).JSON(&r)
			for _, it := range r.Items {
				inRecs = inRecs || it.Candidate.Name == "Asha Rao"
			}
			var rr struct {
				Rankers []struct {
					Name string `json:"name"`
				} `json:"rankers"`
			}
			w.call(http.StatusOK, "GET", rankers, w.member, nil).JSON(&rr)
			for _, p := range rr.Rankers {
				inRound = inRound || p.Name == "Asha Rao"
			}
			return
		}
		if a, b, c := sees(); !a || !b || !c {
			t.Fatalf("before withdrawal the organisation sees the profile: application %v, recommendations %v, round %v", a, b, c)
		}
		r := w.decide(w.candidate, "transfer_to_japan", false, "")
		if r.Status != http.StatusOK {
			t.Fatalf("withdraw: %d %s", r.Status, r.Body)
		}
		if a, b, c := sees(); a || b || c {
			t.Fatalf("after withdrawal the organisation still sees the profile: application %v, recommendations %v, round %v", a, b, c)
		}
		c = w.consents(w.candidate, "en")
		for _, p := range c.Purposes {
			if p.Effective || (p.Purpose == "transfer_to_japan") == p.Granted {
				t.Errorf("after withdrawing the transfer: %+v", p)
			}
		}
		if len(c.History) != 4 || c.History[0].Purpose != "transfer_to_japan" || c.History[0].Granted {
			t.Fatalf("history newest first: %+v", c.History)
		}
		// Applying again needs the consent back; withdrawing twice records nothing.
		w.decide(w.candidate, "transfer_to_japan", false, "")
		if got := len(w.consents(w.candidate, "en").History); got != 4 {
			t.Fatalf("a repeated withdrawal was recorded: %d events", got)
		}
		other := w.openRoleOf(w.member, sampleRole(w.org))
		w.call(http.StatusConflict, "POST", fmt.Sprintf("/api/v1/roles/%d/applications", other), w.candidate, nil)
		// Granting needs the current wording.
		if r := w.decide(w.candidate, "transfer_to_japan", true, ""); r.Status != http.StatusBadRequest {
			t.Fatalf("grant without a wording version: %d", r.Status)
		}
		if r := w.decide(w.candidate, "transfer_to_japan", true, "v0"); r.Status != http.StatusBadRequest {
			t.Fatalf("grant of an unknown wording: %d", r.Status)
		}
		if r := w.decide(w.candidate, "transfer_to_japan", true, "v1"); r.Status != http.StatusOK {
			t.Fatalf("grant: %d %s", r.Status, r.Body)
		}
		if a, b, c := sees(); !a || !b || !c {
			t.Fatalf("after granting again: application %v, recommendations %v, round %v", a, b, c)
		}
		w.call(http.StatusCreated, "POST", fmt.Sprintf("/api/v1/roles/%d/applications", other), w.candidate, nil)
		// The profile form turning sharing off withdraws that purpose only.
		profile := sampleProfile("Asha Rao")
		profile["consent_share_with_applied"] = false
		w.call(http.StatusOK, "PUT", "/api/v1/me/profile", w.candidate, profile)
		c = w.consents(w.candidate, "en")
		if c.History[0].Purpose != "share_with_applied" || c.History[0].Granted || c.History[0].Source != "profile" {
			t.Fatalf("profile form withdrawal: %+v", c.History[0])
		}
		if inApp, _, _ := sees(); inApp {
			t.Fatal("the profile form's withdrawal left the profile visible")
		}
	})
}

// TestProfileViews checks that the organisation's looks are recorded once a
// day and listed for the candidate, and that administrators' are not.
func TestProfileViews(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		app := fmt.Sprintf("/api/v1/applications/%d", w.application)
		for range 3 {
			w.call(http.StatusOK, "GET", app, w.member, nil)
		}
		w.call(http.StatusOK, "GET", app, w.admin, nil)
		w.call(http.StatusOK, "GET", app, w.candidate, nil)
		w.call(http.StatusOK, "GET", fmt.Sprintf("/api/v1/roles/%d/recommendations", w.role), w.member, nil)
		var views struct {
			Items []struct {
				Organization struct {
					ID     int64  `json:"id"`
					NameEN string `json:"name_en"`
				} `json:"organization"`
				Source string `json:"source"`
			} `json:"items"`
		}
		w.call(http.StatusOK, "GET", "/api/v1/me/profile-views", w.candidate, nil).JSON(&views)
		if len(views.Items) != 1 || views.Items[0].Organization.ID != w.org || views.Items[0].Source != "application" ||
			views.Items[0].Organization.NameEN != "Test Intelligence 1 Inc." {
			t.Fatalf("views %+v", views)
		}
		w.call(http.StatusOK, "GET", "/api/v1/me/profile-views", w.otherCandidate, nil).JSON(&views)
		if len(views.Items) != 1 || views.Items[0].Source != "recommendation" {
			t.Fatalf("the other candidate, recommended: %+v", views)
		}
	})
}

// TestExport checks that the export holds the caller's data and nobody
// else's, and never a token or password hash.
func TestExport(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		w.call(http.StatusOK, "GET", fmt.Sprintf("/api/v1/applications/%d", w.application), w.member, nil)
		w.rankedRound()
		r := w.call(http.StatusOK, "GET", "/api/v1/me/export", w.candidate, nil)
		if cd := r.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") {
			t.Errorf("Content-Disposition %q", cd)
		}
		var e struct {
			Account struct {
				Email string `json:"email"`
			} `json:"account"`
			Profile struct {
				DateOfBirth string `json:"date_of_birth"`
			} `json:"profile"`
			Consents     []any `json:"consents"`
			Applications []struct {
				CoverNote string `json:"cover_note"`
				Timeline  []any  `json:"timeline"`
			} `json:"applications"`
			Sessions      []any `json:"sessions"`
			ProfileViews  []any `json:"profile_views"`
			RoundRankings []struct {
				RoleIDs []int64 `json:"role_ids"`
			} `json:"round_rankings"`
		}
		r.JSON(&e)
		if e.Account.Email != "asha@example.in" || e.Profile.DateOfBirth != "1998-05-17" || len(e.Consents) != 3 ||
			len(e.Applications) != 1 || len(e.Applications[0].Timeline) != 1 || e.Applications[0].CoverNote == "" ||
			len(e.Sessions) == 0 || len(e.ProfileViews) != 1 || len(e.RoundRankings) != 1 || !slices.Equal(e.RoundRankings[0].RoleIDs, []int64{w.role}) {
			t.Fatalf("export %s", r.Body)
		}
		for _, secret := range []string{"argon2", "token", "ravi@example.in", "Ravi Kumar"} {
			if strings.Contains(string(r.Body), secret) {
				t.Errorf("the export holds %q", secret)
			}
		}
		// A member's export: memberships and the steps taken.
		w.advance("screening")
		var m struct {
			Profile       any   `json:"profile"`
			Organizations []any `json:"organizations"`
			StagesMoved   []struct {
				To string `json:"to"`
			} `json:"stages_moved"`
		}
		w.call(http.StatusOK, "GET", "/api/v1/me/export", w.member, nil).JSON(&m)
		if m.Profile != nil || len(m.Organizations) != 1 || len(m.StagesMoved) != 1 || m.StagesMoved[0].To != "screening" {
			t.Fatalf("member export %+v", m)
		}
	})
}

// aggregates are the counts the goal dashboard is made of, read straight
// from the database.
func aggregates(t *testing.T, a *api) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for name, q := range map[string]string{
		"candidates":         "SELECT COUNT(*) FROM users WHERE role = 'candidate'",
		"karnataka":          "SELECT COUNT(*) FROM profiles WHERE indian_state = 'karnataka'",
		"jlpt_n4":            "SELECT COUNT(*) FROM profiles WHERE jlpt_level = 'N4'",
		"applications":       "SELECT COUNT(*) FROM applications",
		"placements":         "SELECT COUNT(*) FROM placements",
		"arrived":            "SELECT COUNT(*) FROM placements WHERE arrived_on IS NOT NULL",
		"events_to_offer":    "SELECT COUNT(*) FROM application_events WHERE to_stage = 'offer'",
		"placed_in_tokyo":    "SELECT COUNT(*) FROM placements p JOIN roles r ON r.id = p.role_id WHERE r.prefecture = 'tokyo'",
		"hsp_1b_placements":  "SELECT COUNT(*) FROM placements WHERE visa_status = 'hsp_1b'",
		"applications_to_jp": "SELECT COUNT(*) FROM applications a JOIN roles r ON r.id = a.role_id WHERE r.type = 'job'",
	} {
		var n int64
		if err := a.db.SQL().QueryRowContext(context.Background(), q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[name] = n
	}
	return out
}

// TestErasure erases a placed candidate: their personal data is gone, they
// cannot sign in, organisations see nothing of them, and the counts the goal
// is measured by stay the same.
func TestErasure(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		placement := w.placement()
		w.call(http.StatusOK, "POST", fmt.Sprintf("/api/v1/placements/%d/arrival", placement), w.member, map[string]any{"arrived_on": arrivedInWindow()})
		// A second, still open application is withdrawn by the erasure.
		second := w.openRoleOf(w.member, sampleRole(w.org))
		secondApp := w.call(http.StatusCreated, "POST", fmt.Sprintf("/api/v1/roles/%d/applications", second), w.candidate,
			map[string]any{"cover_note": "My phone is +91 98765 43210"}).ID()
		w.rankedRound()
		w.call(http.StatusOK, "GET", fmt.Sprintf("/api/v1/applications/%d", w.application), w.member, nil)
		before := aggregates(t, a)
		dashboard := w.dashboardFigures()
		if dashboard["goal counted"] != "1" {
			t.Fatalf("the placed candidate does not count toward the goal: %v", dashboard)
		}
		candidateID := w.userID(w.candidate)

		if r := w.do(request{method: "DELETE", path: "/api/v1/me", session: w.candidate, body: map[string]any{"password": "wrong password"}}); r.Status != http.StatusBadRequest {
			t.Fatalf("erasure with a wrong password: %d %s", r.Status, r.Body)
		}
		r := w.do(request{method: "DELETE", path: "/api/v1/me", session: w.candidate, body: map[string]any{"password": testPassword}})
		if r.Status != http.StatusNoContent || !strings.Contains(r.Header.Get("Set-Cookie"), "Max-Age=0") {
			t.Fatalf("erase: %d %v %s", r.Status, r.Header, r.Body)
		}
		w.call(http.StatusUnauthorized, "GET", "/api/v1/me", w.candidate, nil)
		w.call(http.StatusUnauthorized, "POST", "/api/v1/auth/login", "", map[string]any{"email": "asha@example.in", "password": testPassword})

		if after := aggregates(t, a); !maps.Equal(after, before) {
			t.Errorf("aggregates changed by the erasure:\nbefore %v\nafter  %v", before, after)
		}
		if after := w.dashboardFigures(); !maps.Equal(after, dashboard) {
			for k, v := range dashboard {
				if after[k] != v {
					t.Errorf("dashboard %s changed by the erasure:\nbefore %s\nafter  %s", k, v, after[k])
				}
			}
		}
		// Nothing personal is left in the database.
		ctx := context.Background()
		for _, q := range []string{
			"SELECT COUNT(*) FROM users WHERE email = 'asha@example.in' OR name = 'Asha Rao' OR (id = ?1 AND password_hash LIKE '$argon2%')",
			"SELECT COUNT(*) FROM profiles WHERE name = 'Asha Rao' OR (user_id = ?1 AND (city <> '' OR date_of_birth IS NOT NULL OR salary_expectation_jpy IS NOT NULL))",
			"SELECT COUNT(*) FROM educations WHERE user_id = ?1",
			"SELECT COUNT(*) FROM candidate_skills WHERE user_id = ?1",
			"SELECT COUNT(*) FROM sessions WHERE user_id = ?1",
			"SELECT COUNT(*) FROM applications WHERE candidate_id = ?1 AND cover_note <> ''",
			"SELECT COUNT(*) FROM round_rankings WHERE (owner_id = ?1 AND side = 'candidate') OR (ranked_id = ?1 AND side = 'role')",
			"SELECT COUNT(*) FROM profile_views WHERE candidate_id = ?1",
			"SELECT COUNT(*) FROM application_events WHERE reason <> '' AND application_id IN (SELECT id FROM applications WHERE candidate_id = ?1)",
		} {
			if a.db.Dialect() == "postgres" {
				q = strings.ReplaceAll(q, "?1", "$1")
			}
			var n int64
			if err := a.db.SQL().QueryRowContext(ctx, q, candidateID).Scan(&n); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			if n != 0 {
				t.Errorf("left after the erasure: %s → %d", q, n)
			}
		}
		// The organisation keeps the application and the placement, without the person.
		got := w.call(http.StatusOK, "GET", fmt.Sprintf("/api/v1/applications/%d", w.application), w.member, nil).Map()
		if got["candidate"] != nil || got["stage"] != "placed" {
			t.Fatalf("application after the erasure: %v", got)
		}
		if got := w.call(http.StatusOK, "GET", fmt.Sprintf("/api/v1/applications/%d", secondApp), w.member, nil).Map(); got["stage"] != "withdrawn" || got["cover_note"] != "" {
			t.Fatalf("open application after the erasure: %v", got)
		}
		w.call(http.StatusOK, "GET", fmt.Sprintf("/api/v1/placements/%d", placement), w.member, nil)
	})
}

// TestErasureOfStaffAndMembers checks who may not erase their account.
func TestErasureOfStaffAndMembers(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		erase := func(session string) reply {
			return w.do(request{method: "DELETE", path: "/api/v1/me", session: session, body: map[string]any{"password": testPassword}})
		}
		if r := erase(w.admin); r.Status != http.StatusForbidden || r.Map()["code"] != "staff_account" {
			t.Fatalf("administrator: %d %s", r.Status, r.Body)
		}
		if r := erase(w.member); r.Status != http.StatusConflict || r.Map()["code"] != "last_organization_member" {
			t.Fatalf("last member: %d %s", r.Status, r.Body)
		}
		if r := erase(w.otherCandidate); r.Status != http.StatusNoContent {
			t.Fatalf("candidate without a profile view: %d %s", r.Status, r.Body)
		}
	})
}

// arrivedInWindow is an arrival day inside the default goal window
// (2026-07-02 to 2030-12-31) and not in the future.
func arrivedInWindow() string {
	day := time.Now().UTC()
	if start := time.Date(2026, 7, 2, 0, 0, 0, 0, time.UTC); day.Before(start) {
		day = start
	}
	return day.Format(time.DateOnly)
}

// dashboardFigures reads, as the ministry viewer, what an erasure must not
// change: the goal count and the breakdowns (candidates, applications, offers,
// placements and arrivals per group) by the dimensions an erasure keeps.
func (w *world) dashboardFigures() map[string]string {
	w.t.Helper()
	out := map[string]string{}
	var goal struct {
		Counted int `json:"counted"`
	}
	w.call(http.StatusOK, "GET", "/api/v1/dashboard/goal", w.ministry, nil).JSON(&goal)
	out["goal counted"] = fmt.Sprint(goal.Counted)
	for _, by := range []string{"indian_state", "jlpt_level", "prefecture", "organization_kind", "role_type", "visa_status"} {
		out["breakdown by "+by] = string(w.call(http.StatusOK, "GET", "/api/v1/dashboard/breakdown?by="+by, w.ministry, nil).Body)
	}
	return out
}
