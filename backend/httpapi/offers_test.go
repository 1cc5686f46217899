package httpapi_test

import (
	"fmt"
	"net/http"
	"slices"
	"sync"
	"testing"
)

// offerView is what the tests read of an offer.
type offerView struct {
	Revision        int    `json:"revision"`
	AnnualSalaryJPY int64  `json:"annual_salary_jpy"`
	PlannedStatus   string `json:"planned_status"`
	Answer          string `json:"answer"`
	Text            struct {
		Language string `json:"language"`
		Fallback bool   `json:"fallback"`
		Body     string `json:"body"`
	} `json:"text"`
}

// offersOf lists an application's offers as a caller sees them.
func (w *world) offersOf(app, session, lang string) []offerView {
	w.t.Helper()
	var page struct {
		Items []offerView `json:"items"`
	}
	w.call(http.StatusOK, "GET", app+"/offers?lang="+lang, session, nil).JSON(&page)
	return page.Items
}

// stageOf reads an application's stage as a caller.
func (w *world) stageOf(app, session string) string {
	w.t.Helper()
	var v struct {
		Stage string `json:"stage"`
	}
	w.call(http.StatusOK, "GET", app, session, nil).JSON(&v)
	return v.Stage
}

// TestOnlyTheCandidateAccepts: the organisation and administrators get 403
// candidate_only on every route that would accept or decline an offer, and
// nothing moves.
func TestOnlyTheCandidateAccepts(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		w.advance("screening", "interview", "offer")
		app := fmt.Sprintf("/api/v1/applications/%d", w.application)
		for _, who := range []string{w.member, w.admin} {
			for _, try := range []struct {
				path string
				body map[string]any
			}{
				{app + "/transitions", map[string]any{"to": "accepted"}},
				{app + "/transitions", map[string]any{"to": "declined"}},
				{app + "/accept", map[string]any{"revision": 1}},
				{app + "/decline", map[string]any{"revision": 1}},
			} {
				var p problem
				w.call(http.StatusForbidden, "POST", try.path, who, try.body).JSON(&p)
				if p.Code != "candidate_only" {
					t.Errorf("%s %v: %s", try.path, try.body, p.Code)
				}
			}
		}
		if got := w.stageOf(app, w.candidate); got != "offer" {
			t.Fatalf("stage %s after refused answers", got)
		}
		w.call(http.StatusOK, "POST", app+"/accept", w.candidate, map[string]any{"revision": 1})
		var view struct {
			Timeline []struct{ To, By string } `json:"timeline"`
		}
		w.call(http.StatusOK, "GET", app, w.member, nil).JSON(&view)
		if last := view.Timeline[len(view.Timeline)-1]; last.To != "accepted" || last.By != "candidate" {
			t.Errorf("the acceptance reads %+v", last)
		}
	})
}

// TestOfferRevisions: the organisation revises an offer until the candidate
// answers; an answer to a revision since replaced is refused; every
// revision is kept; the candidate reads the text in their language or is
// told it falls back.
func TestOfferRevisions(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		w.advance("screening", "interview", "offer")
		app := fmt.Sprintf("/api/v1/applications/%d", w.application)
		w.call(http.StatusCreated, "POST", app+"/offers", w.member, with(sampleOffer(), "annual_salary_jpy", 6_500_000, "text_ja", ""))
		var p problem
		w.call(http.StatusConflict, "POST", app+"/accept", w.candidate, map[string]any{"revision": 1}).JSON(&p)
		if p.Code != "offer_revised" {
			t.Errorf("answering a replaced revision: %s", p.Code)
		}
		offers := w.offersOf(app, w.candidate, "ja")
		if len(offers) != 2 || offers[0].Revision != 1 || offers[1].AnnualSalaryJPY != 6_500_000 || offers[1].Answer != "" {
			t.Fatalf("revisions %+v", offers)
		}
		if txt := offers[1].Text; txt.Language != "en" || !txt.Fallback || txt.Body == "" {
			t.Errorf("a Japanese reader of an English-only revision: %+v", txt)
		}
		if txt := w.offersOf(app, w.candidate, "hi")[0].Text; txt.Language != "en" || !txt.Fallback {
			t.Errorf("a Hindi reader: %+v", txt)
		}
		w.call(http.StatusOK, "POST", app+"/decline", w.candidate, map[string]any{"revision": 2})
		if got := w.stageOf(app, w.member); got != "declined" {
			t.Errorf("stage %s after declining", got)
		}
		w.call(http.StatusConflict, "POST", app+"/offers", w.member, sampleOffer()).JSON(&p)
		if p.Code != "offer_answered" {
			t.Errorf("revising an answered offer: %s", p.Code)
		}
		if got := w.offersOf(app, w.member, "en"); len(got) != 2 || got[1].Answer != "declined" {
			t.Errorf("after the answer: %+v", got)
		}
	})
}

// TestOfferAnswerAndRevisionCross: an acceptance and a revision sent at the
// same moment never leave an accepted application with an unanswered
// revision, nor accept terms the candidate did not read.
func TestOfferAnswerAndRevisionCross(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		w.advance("screening", "interview", "offer")
		app := fmt.Sprintf("/api/v1/applications/%d", w.application)
		var wg sync.WaitGroup
		statuses := make([]int, 2)
		wg.Go(func() {
			statuses[0] = w.do(request{method: "POST", path: app + "/accept", session: w.candidate, body: map[string]any{"revision": 1}}).Status
		})
		wg.Go(func() {
			statuses[1] = w.do(request{method: "POST", path: app + "/offers", session: w.member, body: sampleOffer()}).Status
		})
		wg.Wait()
		offers := w.offersOf(app, w.member, "en")
		stage := w.stageOf(app, w.member)
		switch {
		case statuses[0] == http.StatusOK && statuses[1] == http.StatusConflict:
			if stage != "accepted" || len(offers) != 1 || offers[0].Answer != "accepted" {
				t.Errorf("accepted first: %s %+v", stage, offers)
			}
		case statuses[0] == http.StatusConflict && statuses[1] == http.StatusCreated:
			if stage != "offer" || len(offers) != 2 || slices.ContainsFunc(offers, func(o offerView) bool { return o.Answer != "" }) {
				t.Errorf("revised first: %s %+v", stage, offers)
			}
		default:
			t.Errorf("statuses %v (accept, revise)", statuses)
		}
	})
}
