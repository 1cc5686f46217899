package httpapi_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"
)

// TestHiringJourney follows one application from submission to arrival in
// Japan, checking the timeline and the placement.
func TestHiringJourney(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		app := fmt.Sprintf("/api/v1/applications/%d", w.application)
		w.advance("screening", "interview", "offer")
		// Each reader is told the moves they may make.
		nextStages := func(who string) []string {
			var v struct {
				NextStages []string `json:"next_stages"`
			}
			a.call(http.StatusOK, "GET", app, who, nil).JSON(&v)
			return v.NextStages
		}
		if got := nextStages(w.candidate); !slices.Equal(got, []string{"accepted", "declined", "withdrawn"}) {
			t.Errorf("the candidate's next stages at offer: %v", got)
		}
		if got := nextStages(w.member); !slices.Equal(got, []string{"rejected"}) {
			t.Errorf("the organisation's next stages at offer: %v", got)
		}
		w.advance("accepted")
		placement := a.call(http.StatusCreated, "POST", app+"/placement", w.member, map[string]any{"visa_status": "hsp_1b", "start_date": "2027-04-01"}).ID()
		// An arrival before the application was made is refused.
		a.call(http.StatusBadRequest, "POST", fmt.Sprintf("/api/v1/placements/%d/arrival", placement), w.member, map[string]any{"arrived_on": "2026-01-01"})
		today := time.Now().UTC().Format(time.DateOnly)
		arrived := a.call(http.StatusOK, "POST", fmt.Sprintf("/api/v1/placements/%d/arrival", placement), w.member, map[string]any{"arrived_on": today}).Map()
		if arrived["arrived_on"] != today {
			t.Fatalf("arrival not recorded: %v", arrived)
		}
		var view struct {
			Stage    string `json:"stage"`
			Timeline []struct {
				From, To, Reason, By string
			} `json:"timeline"`
		}
		a.call(http.StatusOK, "GET", app, w.candidate, nil).JSON(&view)
		if view.Stage != "placed" {
			t.Fatalf("stage %q, want placed", view.Stage)
		}
		if got := nextStages(w.candidate); len(got) != 0 {
			t.Errorf("the candidate may still move a placed application: %v", got)
		}
		want := []string{"submitted", "screening", "interview", "offer", "accepted", "placed"}
		if len(view.Timeline) != len(want) {
			t.Fatalf("timeline %+v, want %v", view.Timeline, want)
		}
		for i, ev := range view.Timeline {
			if ev.To != want[i] {
				t.Errorf("timeline[%d] to %q, want %q", i, ev.To, want[i])
			}
		}
		if view.Timeline[1].Reason != "moving on to screening" || view.Timeline[1].By != "organization" || view.Timeline[4].By != "candidate" {
			t.Errorf("timeline reasons or actors wrong: %+v", view.Timeline)
		}
		// A second arrival and an illegal move are refused.
		a.call(http.StatusConflict, "POST", fmt.Sprintf("/api/v1/placements/%d/arrival", placement), w.member, map[string]any{"arrived_on": today})
		a.call(http.StatusConflict, "POST", app+"/transitions", w.member, map[string]any{"to": "screening"})
	})
}
