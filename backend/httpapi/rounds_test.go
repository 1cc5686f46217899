package httpapi_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/talent"
)

// roundAnswer is a matching round as the API writes it.
type roundAnswer struct {
	ID              int64      `json:"id"`
	Name            string     `json:"name"`
	Status          string     `json:"status"`
	RankingDeadline time.Time  `json:"ranking_deadline"`
	RoleIDs         []int64    `json:"role_ids"`
	OpenedAt        *time.Time `json:"opened_at"`
	RanAt           *time.Time `json:"ran_at"`
	Matched         int        `json:"matched"`
	Proposals       int        `json:"proposals"`
}

// roundMatchAnswer is one match of a round's results.
type roundMatchAnswer struct {
	CandidateID   int64 `json:"candidate_id"`
	RoleID        int64 `json:"role_id"`
	ApplicationID int64 `json:"application_id"`
}

// roleRankingAnswer is a role's rank list with the candidates who ranked it.
type roleRankingAnswer struct {
	CandidateIDs []int64 `json:"candidate_ids"`
	Rankers      []struct {
		UserID int64  `json:"user_id"`
		Name   string `json:"name"`
	} `json:"rankers"`
}

func (r roleRankingAnswer) rankers() []int64 {
	out := make([]int64, len(r.Rankers))
	for i, p := range r.Rankers {
		out[i] = p.UserID
	}
	return out
}

// refusedIn sends a request in each language (?lang=) and checks that it is
// refused with the status and problem code, with a detail written in the
// language that contains want[lang] when given.
func (w *world) refusedIn(t *testing.T, method, path, session string, body any, status int, code string, want map[string]string) {
	t.Helper()
	english := ""
	for _, lang := range languages {
		r := w.do(request{method: method, path: path + "?lang=" + lang, session: session, body: body})
		var p problem
		r.JSON(&p)
		if r.Status != status || p.Code != code || r.Header.Get("Content-Language") != lang {
			t.Errorf("%s %s in %s: %d %q (Content-Language %q), want %d %s", method, path, lang, r.Status, p.Code, r.Header.Get("Content-Language"), status, code)
			continue
		}
		if !inLanguage(lang, p.Detail) || (lang != "en" && p.Detail == english) || !strings.Contains(p.Detail, want[lang]) {
			t.Errorf("%s %s in %s: detail %q, want it in %s with %q", method, path, lang, p.Detail, lang, want[lang])
		}
		if lang == "en" {
			english = p.Detail
		}
	}
}

// TestRoundLifecycle follows a round up to its deadline: an administrator
// drafts it (seen by administrators alone) and opens it; candidates rank its
// roles once they share their profile; each organisation sees who ranked its
// role and ranks them; the round cannot run, nor show results, before the
// deadline.
func TestRoundLifecycle(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		other := w.openRoleOf(w.otherMember, with(sampleRole(w.otherOrg), "openings", 1))
		asha, ravi := w.userID(w.candidate), w.userID(w.otherCandidate)
		deadline := time.Now().Add(time.Hour).UTC().Truncate(time.Second)
		var draft roundAnswer
		w.call(http.StatusCreated, "POST", "/api/v1/rounds", w.admin, map[string]any{
			"name": "  Spring 2027 round ", "role_ids": []int64{w.role, other}, "ranking_deadline": deadline.Format(time.RFC3339),
		}).JSON(&draft)
		if draft.Name != "Spring 2027 round" || draft.Status != "draft" || !slices.Equal(draft.RoleIDs, []int64{w.role, other}) ||
			!draft.RankingDeadline.Equal(deadline) || draft.OpenedAt != nil || draft.RanAt != nil || draft.Matched != 0 {
			t.Fatalf("created %+v", draft)
		}
		base := fmt.Sprintf("/api/v1/rounds/%d", draft.ID)

		// A draft is the administrators' alone.
		w.call(http.StatusNotFound, "GET", base, w.candidate, nil)
		listed := func(session string) bool {
			var page struct {
				Items []roundAnswer `json:"items"`
			}
			w.call(http.StatusOK, "GET", "/api/v1/rounds", session, nil).JSON(&page)
			return slices.ContainsFunc(page.Items, func(r roundAnswer) bool { return r.ID == draft.ID })
		}
		if listed(w.candidate) || !listed(w.admin) {
			t.Errorf("a draft round is listed for the candidate, or not for the administrator")
		}

		var opened roundAnswer
		w.call(http.StatusOK, "POST", base+"/open", w.admin, nil).JSON(&opened)
		if opened.Status != "open" || opened.OpenedAt == nil {
			t.Fatalf("opened %+v", opened)
		}
		w.refusedIn(t, "POST", base+"/open", w.admin, nil, http.StatusConflict, "round_not_draft", nil)
		if !listed(w.candidate) {
			t.Errorf("an open round is not listed for candidates")
		}

		// Candidates rank the round's roles once they share their profile.
		noConsent, _ := w.candidateWith("noor@example.in", with(sampleProfile("Noor Khan"), "consent_share_with_applied", false))
		noProfile := w.signUp("newbie@example.in", "candidate")
		for _, s := range []string{noConsent, noProfile} {
			w.refusedIn(t, "PUT", base+"/ranking", s, map[string]any{"role_ids": []int64{w.role}}, http.StatusConflict, "consent_required", nil)
		}
		var mine struct {
			RoleIDs []int64 `json:"role_ids"`
		}
		w.call(http.StatusOK, "GET", base+"/ranking", noProfile, nil).JSON(&mine)
		if mine.RoleIDs == nil || len(mine.RoleIDs) != 0 {
			t.Errorf("rank list before ranking: %v, want []", mine.RoleIDs)
		}
		w.call(http.StatusOK, "PUT", base+"/ranking", w.candidate, map[string]any{"role_ids": []int64{other, w.role}}).JSON(&mine)
		w.call(http.StatusOK, "GET", base+"/ranking", w.candidate, nil).JSON(&mine)
		if !slices.Equal(mine.RoleIDs, []int64{other, w.role}) {
			t.Errorf("candidate's rank list %v, want [%d %d]", mine.RoleIDs, other, w.role)
		}
		w.call(http.StatusOK, "PUT", base+"/ranking", w.otherCandidate, map[string]any{"role_ids": []int64{other}})

		// Each organisation sees who ranked its role, and ranks them.
		roleRanking := func(role int64) string { return fmt.Sprintf("%s/roles/%d/ranking", base, role) }
		var ours, theirs roleRankingAnswer
		w.call(http.StatusOK, "GET", roleRanking(w.role), w.member, nil).JSON(&ours)
		w.call(http.StatusOK, "GET", roleRanking(other), w.otherMember, nil).JSON(&theirs)
		if len(ours.CandidateIDs) != 0 || !slices.Equal(ours.rankers(), []int64{asha}) || !slices.Equal(theirs.rankers(), []int64{asha, ravi}) {
			t.Errorf("rankers: ours %+v, theirs %+v", ours, theirs)
		}
		w.call(http.StatusOK, "PUT", roleRanking(w.role), w.member, map[string]any{"candidate_ids": []int64{asha}}).JSON(&ours)
		if !slices.Equal(ours.CandidateIDs, []int64{asha}) || !slices.Equal(ours.rankers(), []int64{asha}) {
			t.Errorf("after ranking: %+v", ours)
		}
		w.refusedIn(t, "PUT", roleRanking(other), w.member, map[string]any{"candidate_ids": []int64{asha}}, http.StatusForbidden, "organization_only", nil)
		w.refusedIn(t, "PUT", roleRanking(w.draftRole), w.member, map[string]any{"candidate_ids": []int64{asha}}, http.StatusNotFound, "not_found", nil)

		// Nothing runs, and there are no results, before the deadline.
		dates := map[string]string{}
		for _, lang := range languages {
			dates[lang] = i18n.FormatDate(lang, deadline)
		}
		w.refusedIn(t, "POST", base+"/run", w.admin, nil, http.StatusConflict, "round_deadline_not_reached", dates)
		w.refusedIn(t, "GET", base+"/results", w.candidate, nil, http.StatusConflict, "round_not_completed", nil)
		var still roundAnswer
		w.call(http.StatusOK, "GET", base, w.ministry, nil).JSON(&still)
		if still.Status != "open" || still.RanAt != nil {
			t.Errorf("after a refused run: %+v", still)
		}
	})
}

// TestRoundRun runs a round whose ranking deadline has passed. Asha ranks
// the other organisation's role (one opening) over the world's role; Ravi
// ranks only the other role, which prefers him; Meera ranks the world's
// role (two openings). Deferred acceptance gives Asha and Meera the world's
// role and Ravi the other, in 4 proposals. Each sees their own part of the
// results, each match is an offer (Asha's application moves there), and the
// round runs once.
func TestRoundRun(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		other := w.openRoleOf(w.otherMember, with(sampleRole(w.otherOrg), "openings", 1))
		asha, ravi := w.userID(w.candidate), w.userID(w.otherCandidate)
		meeraSession, meera := w.candidateWith("meera@example.in", strongProfile("Meera Iyer", false))
		id := w.pastRound([]int64{w.role, other},
			candidateRanks(asha, other, w.role), candidateRanks(ravi, other), candidateRanks(meera, w.role),
			roleRanks(w.role, asha, meera), roleRanks(other, ravi, asha))
		base := fmt.Sprintf("/api/v1/rounds/%d", id)

		// Rank lists are closed after the deadline.
		w.refusedIn(t, "PUT", base+"/ranking", w.candidate, map[string]any{"role_ids": []int64{w.role}}, http.StatusConflict, "round_deadline_passed", nil)
		w.refusedIn(t, "PUT", fmt.Sprintf("%s/roles/%d/ranking", base, w.role), w.member, map[string]any{"candidate_ids": []int64{asha}},
			http.StatusConflict, "round_deadline_passed", nil)

		w.call(http.StatusForbidden, "POST", base+"/run", w.member, nil)
		var ran roundAnswer
		w.call(http.StatusOK, "POST", base+"/run", w.admin, nil).JSON(&ran)
		if ran.Status != "completed" || ran.RanAt == nil || ran.Matched != 3 || ran.Proposals != 4 || !slices.Equal(ran.RoleIDs, []int64{w.role, other}) {
			t.Fatalf("ran %+v, want completed with 3 matches in 4 proposals", ran)
		}
		w.refusedIn(t, "POST", base+"/run", w.admin, nil, http.StatusConflict, "round_not_open", nil)
		w.refusedIn(t, "PUT", base+"/ranking", w.candidate, map[string]any{"role_ids": []int64{w.role}}, http.StatusConflict, "round_not_open", nil)

		results := func(session string) []roundMatchAnswer {
			var res struct {
				Round   roundAnswer        `json:"round"`
				Matches []roundMatchAnswer `json:"matches"`
			}
			w.call(http.StatusOK, "GET", base+"/results", session, nil).JSON(&res)
			if res.Round.ID != id || res.Round.Status != "completed" {
				t.Errorf("results for the wrong round: %+v", res.Round)
			}
			return res.Matches
		}
		all := results(w.admin)
		if len(all) != 3 {
			t.Fatalf("matches %+v, want 3", all)
		}
		byCandidate := map[int64]roundMatchAnswer{}
		for _, m := range all {
			byCandidate[m.CandidateID] = m
		}
		want := map[int64]int64{asha: w.role, ravi: other, meera: w.role}
		for c, role := range want {
			if byCandidate[c].RoleID != role || byCandidate[c].ApplicationID == 0 {
				t.Errorf("candidate %d matched %+v, want role %d", c, byCandidate[c], role)
			}
		}
		if byCandidate[asha].ApplicationID != w.application {
			t.Errorf("Asha's match became application %d, want her application %d", byCandidate[asha].ApplicationID, w.application)
		}
		if !slices.IsSortedFunc(all, func(x, y roundMatchAnswer) int { return int(x.CandidateID - y.CandidateID) }) {
			t.Errorf("matches not by candidate id: %+v", all)
		}
		parts := []struct {
			who     string
			session string
			want    []roundMatchAnswer
		}{
			{"Asha", w.candidate, []roundMatchAnswer{byCandidate[asha]}},
			{"Ravi", w.otherCandidate, []roundMatchAnswer{byCandidate[ravi]}},
			{"Meera", meeraSession, []roundMatchAnswer{byCandidate[meera]}},
			{"the world's organisation", w.member, []roundMatchAnswer{byCandidate[asha], byCandidate[meera]}},
			{"the other organisation", w.otherMember, []roundMatchAnswer{byCandidate[ravi]}},
			{"the ministry", w.ministry, []roundMatchAnswer{}},
		}
		for _, p := range parts {
			if got := results(p.session); !slices.Equal(got, p.want) {
				t.Errorf("%s sees %+v, want %+v", p.who, got, p.want)
			}
		}

		// Each match is an application in the offer stage.
		type view struct {
			Stage    string `json:"stage"`
			Timeline []struct {
				From, To, Reason string
			} `json:"timeline"`
		}
		var mineView, hisView view
		w.call(http.StatusOK, "GET", fmt.Sprintf("/api/v1/applications/%d", w.application), w.candidate, nil).JSON(&mineView)
		last := mineView.Timeline[len(mineView.Timeline)-1]
		if mineView.Stage != "offer" || last.From != "submitted" || last.To != "offer" || last.Reason != "Autumn 2026 round" {
			t.Errorf("Asha's application: %+v", mineView)
		}
		app := fmt.Sprintf("/api/v1/applications/%d", byCandidate[ravi].ApplicationID)
		w.call(http.StatusOK, "GET", app, w.otherMember, nil).JSON(&hisView)
		if hisView.Stage != "offer" || len(hisView.Timeline) != 2 || hisView.Timeline[0].To != "submitted" || hisView.Timeline[1].To != "offer" {
			t.Errorf("Ravi's new application: %+v", hisView)
		}
		// The round's offer has no terms yet: the organisation gives them,
		// then the candidate accepts.
		w.call(http.StatusConflict, "POST", app+"/accept", w.otherCandidate, map[string]any{"revision": 1})
		w.call(http.StatusCreated, "POST", app+"/offers", w.otherMember, sampleOffer())
		w.call(http.StatusOK, "POST", app+"/accept", w.otherCandidate, map[string]any{"revision": 1})

		var seen roundAnswer
		w.call(http.StatusOK, "GET", base, w.ministry, nil).JSON(&seen)
		if seen.Status != "completed" || seen.Matched != 3 {
			t.Errorf("the completed round as the ministry sees it: %+v", seen)
		}
	})
}

// checkDraftRefusals checks the refusals that depend on the ranking
// deadline and status: a draft whose deadline passed cannot open, and a
// draft cannot run nor show results.
func checkDraftRefusals(t *testing.T, w *world) {
	t.Helper()
	now := time.Now().UTC()
	r := talent.Round{Name: "Forgotten round", Status: talent.RoundDraft, RankingDeadline: now.Add(-time.Minute),
		RoleIDs: []int64{w.role}, CreatedBy: w.userID(w.admin), CreatedAt: now.Add(-time.Hour)}
	if err := w.db.CreateRound(context.Background(), &r); err != nil {
		t.Fatal(err)
	}
	base := fmt.Sprintf("/api/v1/rounds/%d", r.ID)
	w.refusedIn(t, "POST", base+"/open", w.admin, nil, http.StatusConflict, "round_deadline_passed", nil)
	w.refusedIn(t, "POST", base+"/run", w.admin, nil, http.StatusConflict, "round_not_open", nil)
	w.refusedIn(t, "GET", base+"/results", w.admin, nil, http.StatusConflict, "round_not_completed", nil)
}

// TestRoundRunsOnce runs one round from many requests at the same moment:
// exactly one succeeds, the others answer 409, and the match is stored once.
// It also checks a draft's refusals (checkDraftRefusals).
func TestRoundRunsOnce(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		id := w.runnableRound()
		const attempts = 8
		replies := make([]reply, attempts)
		var wg sync.WaitGroup
		for i := range attempts {
			wg.Go(func() {
				replies[i] = a.do(request{method: "POST", path: fmt.Sprintf("/api/v1/rounds/%d/run", id), session: w.admin})
			})
		}
		wg.Wait()
		statuses := map[int]int{}
		for _, r := range replies {
			statuses[r.Status]++
			if r.Status == http.StatusConflict {
				var p problem
				r.JSON(&p)
				if p.Code != "round_not_open" && p.Code != "round_changed" {
					t.Errorf("concurrent run refused with %q", p.Code)
				}
			}
		}
		if statuses[http.StatusOK] != 1 || statuses[http.StatusConflict] != attempts-1 {
			t.Fatalf("concurrent runs answered %v, want one 200 and %d 409", statuses, attempts-1)
		}
		var res struct {
			Matches []roundMatchAnswer `json:"matches"`
		}
		w.call(http.StatusOK, "GET", fmt.Sprintf("/api/v1/rounds/%d/results", id), w.admin, nil).JSON(&res)
		if len(res.Matches) != 1 || res.Matches[0].ApplicationID != w.application {
			t.Errorf("matches %+v, want the candidate's application %d once", res.Matches, w.application)
		}
		var page struct {
			Items []struct {
				ID    int64  `json:"id"`
				Stage string `json:"stage"`
			} `json:"items"`
		}
		w.call(http.StatusOK, "GET", fmt.Sprintf("/api/v1/roles/%d/applications", w.role), w.member, nil).JSON(&page)
		if len(page.Items) != 1 || page.Items[0].Stage != "offer" {
			t.Errorf("role's applications %+v, want one, at offer", page.Items)
		}
		checkDraftRefusals(t, w)
	})
}
