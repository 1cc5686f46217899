package httpapi_test

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/setubashi/setubashi/backend/talent"
)

// world is a small populated platform: two candidates, two verified
// organisations with a member each, a ministry viewer, an administrator, an
// open role of the first organisation, the first candidate's application to
// it, and a draft role.
type world struct {
	*api
	candidate, otherCandidate, member, otherMember, ministry, admin string // sessions
	org, otherOrg, role, draftRole, application                     int64
	// ranked is a round in which the candidate ranked the world's role,
	// made on first use by rankedOnce (for tests that call it repeatedly).
	ranked int64
}

// sampleProfile is a complete candidate profile with consent to share.
func sampleProfile(name string) map[string]any {
	return map[string]any{
		"name": name, "indian_state": "karnataka", "city": "Bengaluru",
		"education":        []map[string]any{{"level": "master", "institution": "IISc Bangalore", "field": "Computer Science", "year": 2024}},
		"experience_years": 3,
		"skills":           []map[string]any{{"skill": "python", "proficiency": 5}, {"skill": "pytorch", "proficiency": 4}},
		"research":         map[string]any{"papers": 2, "patents": 0},
		"jlpt_level":       "N4", "english_level": "fluent",
		"wanted_role_types": []string{"job", "research"}, "earliest_start": "2027-04-01",
		"salary_expectation_jpy": 6000000, "preferred_prefectures": []string{"tokyo", "osaka"}, "remote_ok": true,
		"date_of_birth": "1998-05-17", "consent_share_with_applied": true, "consent_discoverable": true,
	}
}

// sampleOrganization is a valid organisation request.
func sampleOrganization(n int) map[string]any {
	return map[string]any{
		"name_ja": fmt.Sprintf("株式会社テスト知能%d", n), "name_en": fmt.Sprintf("Test Intelligence %d Inc.", n),
		"kind": "startup", "prefecture": "tokyo", "website": "https://example.jp",
	}
}

// sampleRole is a valid role request for an organisation.
func sampleRole(orgID int64) map[string]any {
	return map[string]any{
		"organization_id": orgID, "type": "job",
		"title":            map[string]any{"en": "Machine Learning Engineer", "ja": "機械学習エンジニア"},
		"description":      map[string]any{"en": "Build speech models for Japanese and Hindi.", "ja": "日本語とヒンディー語の音声モデルを開発します。"},
		"required_skills":  []map[string]any{{"skill": "python", "min_proficiency": 3}},
		"preferred_skills": []map[string]any{{"skill": "pytorch", "min_proficiency": 2}},
		"min_education":    "bachelor", "min_experience_years": 1,
		"japanese": map[string]any{"level": "N3", "mode": "preferred"}, "english_level": "business",
		"prefecture": "tokyo", "remote": "hybrid", "salary_min_jpy": 6000000, "salary_max_jpy": 9000000,
		"start_date": "2027-04-01", "openings": 2, "deadline": "2030-01-31", "visa_support": true,
	}
}

func newWorld(a *api) *world {
	a.t.Helper()
	w := &world{api: a}
	w.admin = a.staff("admin@example.test", "admin")
	w.ministry = a.staff("ministry@example.test", "ministry")
	w.candidate = a.signUp("asha@example.in", "candidate")
	w.otherCandidate = a.signUp("ravi@example.in", "candidate")
	w.member = a.signUp("hiring@example.jp", "org_member")
	w.otherMember = a.signUp("other@example.jp", "org_member")
	a.call(http.StatusOK, "PUT", "/api/v1/me/profile", w.candidate, sampleProfile("Asha Rao"))
	a.call(http.StatusOK, "PUT", "/api/v1/me/profile", w.otherCandidate, sampleProfile("Ravi Kumar"))
	w.org = a.call(http.StatusCreated, "POST", "/api/v1/organizations", w.member, sampleOrganization(1)).ID()
	w.otherOrg = a.call(http.StatusCreated, "POST", "/api/v1/organizations", w.otherMember, sampleOrganization(2)).ID()
	for _, id := range []int64{w.org, w.otherOrg} {
		a.call(http.StatusOK, "POST", fmt.Sprintf("/api/v1/organizations/%d/verify", id), w.admin, nil)
	}
	w.role = a.call(http.StatusCreated, "POST", "/api/v1/roles", w.member, sampleRole(w.org)).ID()
	a.call(http.StatusOK, "POST", fmt.Sprintf("/api/v1/roles/%d/publish", w.role), w.member, nil)
	w.draftRole = a.call(http.StatusCreated, "POST", "/api/v1/roles", w.member, sampleRole(w.org)).ID()
	w.application = a.call(http.StatusCreated, "POST", fmt.Sprintf("/api/v1/roles/%d/applications", w.role), w.candidate,
		map[string]any{"cover_note": "I would love to build speech models in Tokyo."}).ID()
	return w
}

// pendingOrganization registers another organisation for the member and
// leaves it unverified; it returns its id.
func (w *world) pendingOrganization() int64 {
	w.t.Helper()
	return w.call(http.StatusCreated, "POST", "/api/v1/organizations", w.member, sampleOrganization(3)).ID()
}

// advance moves the world's application through the given stages: the
// member makes the organisation's moves (an offer with sampleOffer's
// terms), the candidate accepts the offer.
func (w *world) advance(stages ...string) {
	w.t.Helper()
	app := fmt.Sprintf("/api/v1/applications/%d", w.application)
	for _, to := range stages {
		switch to {
		case "offer":
			w.call(http.StatusCreated, "POST", app+"/offers", w.member, sampleOffer())
		case "accepted":
			w.call(http.StatusOK, "POST", app+"/accept", w.candidate, map[string]any{"revision": 1})
		default:
			w.call(http.StatusOK, "POST", app+"/transitions", w.member, map[string]any{"to": to, "reason": "moving on to " + to})
		}
	}
}

// sampleOffer is a valid offer for the world's role (a job at a startup):
// ¥6,000,000 a year from two months on, under Engineer/Specialist in
// Humanities/International Services, to be answered within two weeks.
func sampleOffer() map[string]any {
	today := time.Now().UTC()
	return map[string]any{
		"kind": "job", "annual_salary_jpy": 6_000_000, "start_date": today.AddDate(0, 2, 0).Format(time.DateOnly),
		"planned_status": "engineer_specialist", "respond_by": today.AddDate(0, 0, 14).Format(time.DateOnly),
		"text_en": "We are glad to offer you the post of machine-learning engineer.", "text_ja": "機械学習エンジニアとして内定をお知らせします。",
	}
}

// placement takes the world's application to an accepted offer, records
// its placement and returns the placement's id.
func (w *world) placement() int64 {
	w.t.Helper()
	w.advance("screening", "interview", "offer", "accepted")
	return w.call(http.StatusCreated, "POST", fmt.Sprintf("/api/v1/applications/%d/placement", w.application), w.member,
		map[string]any{"visa_status": "hsp_1b", "start_date": "2027-04-01"}).ID()
}

// userID returns the id of the account signed in with session.
// candidateNotification moves the world's application to screening, which
// notifies the candidate, and returns that notification's id.
func (w *world) candidateNotification() int64 {
	w.t.Helper()
	w.advance("screening")
	var page struct {
		Items []struct {
			ID int64 `json:"id"`
		} `json:"items"`
	}
	w.call(http.StatusOK, "GET", "/api/v1/me/notifications", w.candidate, nil).JSON(&page)
	if len(page.Items) == 0 {
		w.t.Fatal("the candidate was not notified of the stage change")
	}
	return page.Items[0].ID
}

// savedSearch saves a role search for the candidate and returns its id.
func (w *world) savedSearch() int64 {
	w.t.Helper()
	return w.call(http.StatusCreated, "POST", "/api/v1/me/saved-searches", w.candidate, savedSearchBody).ID()
}

// savedSearchBody saves a search for research roles in Tokyo.
var savedSearchBody = map[string]any{"name": "Research in Tokyo", "frequency": "daily", "filters": map[string]any{"type": "research", "prefecture": "tokyo"}}

func (w *world) userID(session string) int64 {
	w.t.Helper()
	return w.call(http.StatusOK, "GET", "/api/v1/me", session, nil).ID()
}

// roundRequest is a valid request for a round of roles, ranking until a day
// from now.
func roundRequest(roleIDs ...int64) map[string]any {
	return map[string]any{"name": "Spring 2027 round", "role_ids": roleIDs,
		"ranking_deadline": time.Now().Add(24 * time.Hour).UTC().Format(time.RFC3339)}
}

// draftRound has the administrator draft a matching round of the world's
// open role; it returns the round's id.
func (w *world) draftRound() int64 {
	w.t.Helper()
	return w.call(http.StatusCreated, "POST", "/api/v1/rounds", w.admin, roundRequest(w.role)).ID()
}

// openRound drafts a round of the world's open role and opens it.
func (w *world) openRound() int64 {
	w.t.Helper()
	id := w.draftRound()
	w.call(http.StatusOK, "POST", fmt.Sprintf("/api/v1/rounds/%d/open", id), w.admin, nil)
	return id
}

// rankedRound opens a round in which the candidate ranked the world's role.
func (w *world) rankedRound() int64 {
	w.t.Helper()
	id := w.openRound()
	w.call(http.StatusOK, "PUT", fmt.Sprintf("/api/v1/rounds/%d/ranking", id), w.candidate, map[string]any{"role_ids": []int64{w.role}})
	return id
}

// pastRound stores an open round of roleIDs whose ranking deadline passed an
// hour ago, with the given rank lists, straight through the store: the API
// takes rank lists only before the deadline, and a round runs only after it.
func (w *world) pastRound(roleIDs []int64, lists ...talent.RoundRanking) int64 {
	w.t.Helper()
	ctx, now := context.Background(), time.Now().UTC()
	r := talent.Round{Name: "Autumn 2026 round", Status: talent.RoundDraft, RankingDeadline: now.Add(-time.Hour),
		RoleIDs: roleIDs, CreatedBy: w.userID(w.admin), CreatedAt: now.Add(-48 * time.Hour)}
	if err := w.db.CreateRound(ctx, &r); err != nil {
		w.t.Fatal(err)
	}
	if err := w.db.SetRoundStatus(ctx, r.ID, talent.RoundDraft, talent.RoundOpen, now.Add(-47*time.Hour)); err != nil {
		w.t.Fatal(err)
	}
	for _, l := range lists {
		if err := w.db.SaveRanking(ctx, r.ID, l); err != nil {
			w.t.Fatal(err)
		}
	}
	return r.ID
}

// candidateRanks is a candidate's rank list of roles in a round.
func candidateRanks(candidate int64, roles ...int64) talent.RoundRanking {
	return talent.RoundRanking{Side: talent.SideCandidate, Owner: candidate, Ranked: roles}
}

// roleRanks is a role's rank list of candidates in a round.
func roleRanks(role int64, candidates ...int64) talent.RoundRanking {
	return talent.RoundRanking{Side: talent.SideRole, Owner: role, Ranked: candidates}
}

// runnableRound is a past-deadline round of the world's open role in which
// the candidate and the role ranked each other.
func (w *world) runnableRound() int64 {
	w.t.Helper()
	candidate := w.userID(w.candidate)
	return w.pastRound([]int64{w.role}, candidateRanks(candidate, w.role), roleRanks(w.role, candidate))
}

// completedRound runs a runnable round: the candidate is matched to the
// world's role.
func (w *world) completedRound() int64 {
	w.t.Helper()
	id := w.runnableRound()
	w.call(http.StatusOK, "POST", fmt.Sprintf("/api/v1/rounds/%d/run", id), w.admin, nil)
	return id
}

// rankedOnce returns the world's ranked round, making it on first use.
func (w *world) rankedOnce() int64 {
	if w.ranked == 0 {
		w.ranked = w.rankedRound()
	}
	return w.ranked
}

// openRoleOf has the member signed in with session post the role and
// publish it; it returns the role's id.
func (w *world) openRoleOf(session string, role map[string]any) int64 {
	w.t.Helper()
	id := w.call(http.StatusCreated, "POST", "/api/v1/roles", session, role).ID()
	w.call(http.StatusOK, "POST", fmt.Sprintf("/api/v1/roles/%d/publish", id), session, nil)
	return id
}

// candidateWith signs a new candidate up with the given profile; it returns
// their session and user id.
func (w *world) candidateWith(email string, profile map[string]any) (string, int64) {
	w.t.Helper()
	session := w.signUp(email, "candidate")
	w.call(http.StatusOK, "PUT", "/api/v1/me/profile", session, profile)
	return session, w.userID(session)
}
