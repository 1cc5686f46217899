package store_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
)

// goalRule is the default goal's rule: 2026-07-02 to 2030-12-31, jobs and research.
var goalRule = talent.CountRule{From: talent.NewDate(2026, time.July, 2), To: talent.NewDate(2030, time.December, 31), Types: []string{"job", "research"}}

func dayCounts(days []talent.DayCount) string {
	var parts []string
	for _, d := range days {
		parts = append(parts, fmt.Sprintf("%s:%d", d.Day, d.Count))
	}
	return strings.Join(parts, " ")
}

func groupCounts(groups []talent.GroupCount) string {
	var parts []string
	for _, g := range groups {
		parts = append(parts, fmt.Sprintf("%s:%d", g.Key, g.Count))
	}
	return strings.Join(parts, " ")
}

// TestCountedDays counts people on storetest.SeedGoalData: C7 on the
// window's first day (2 July); C1 once, on 10 August, though a second
// arrival (research, 5 October) follows; nobody in September; C2 on 20
// October (their arrival on 20 June precedes the window) and C3 the same
// day. C5's internship counts only under the internship rule; C6 has not
// arrived.
func TestCountedDays(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		storetest.SeedGoalData(t, db)
		days, err := db.CountedDays(ctx, goalRule)
		if got, want := dayCounts(days), "2026-07-02:1 2026-08-10:1 2026-10-20:2"; err != nil || got != want {
			t.Errorf("goal: %s, %v; want %s", got, err, want)
		}
		interns := talent.CountRule{From: goalRule.From, To: goalRule.To, Types: []string{"internship"}}
		if days, err := db.CountedDays(ctx, interns); dayCounts(days) != "2026-08-15:1" || err != nil {
			t.Errorf("internships: %s, %v", dayCounts(days), err)
		}
		// Both ends are included: a window ending on 20 October still has C2
		// and C3, one ending the day before has not; one starting on 3 July
		// loses C7.
		narrow := goalRule
		narrow.From, narrow.To = talent.NewDate(2026, time.July, 3), talent.NewDate(2026, time.October, 20)
		if days, _ := db.CountedDays(ctx, narrow); dayCounts(days) != "2026-08-10:1 2026-10-20:2" {
			t.Errorf("to 20 October: %s", dayCounts(days))
		}
		narrow.To = talent.NewDate(2026, time.October, 19)
		if days, _ := db.CountedDays(ctx, narrow); dayCounts(days) != "2026-08-10:1" {
			t.Errorf("to 19 October: %s", dayCounts(days))
		}
		// A window that opens on 1 June counts C2 on 20 June, once.
		early := goalRule
		early.From = talent.NewDate(2026, time.June, 1)
		if days, _ := db.CountedDays(ctx, early); dayCounts(days) != "2026-06-20:1 2026-07-02:1 2026-08-10:1 2026-10-20:1" {
			t.Errorf("from 1 June: %s", dayCounts(days))
		}
	})
}

// TestCountedGroups puts the four people counted under the goal into
// their states (C1 and C3 from karnataka, C2 from kerala, C7 without one)
// and the prefectures of the roles they were counted through (C1 and C3
// through R1 in tokyo, C2 and C7 through R4 in kyoto; C1's later research
// post in kyoto does not count).
func TestCountedGroups(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		storetest.SeedGoalData(t, db)
		states, prefectures, err := db.CountedGroups(context.Background(), goalRule)
		if err != nil {
			t.Fatal(err)
		}
		if got := groupCounts(states); got != ":1 karnataka:2 kerala:1" {
			t.Errorf("states: %s", got)
		}
		if got := groupCounts(prefectures); got != "kyoto:2 tokyo:2" {
			t.Errorf("prefectures: %s", got)
		}
	})
}

func hist(stays []talent.StayCount) string {
	slices.SortFunc(stays, func(a, b talent.StayCount) int { return a.Hours - b.Hours })
	var parts []string
	for _, s := range stays {
		parts = append(parts, fmt.Sprintf("%dh×%d", s.Hours, s.Count))
	}
	return strings.Join(parts, " ")
}

// TestFunnelCounts reads the funnel's raw figures from SeedGoalData. The
// furthest stages: A1–A7 and A9 placed (8); A8 withdrew from screening and
// A11 waits there (2); A10 was rejected at submitted and A12 waits there
// (2). The stays, each from the move into a stage to the move out of it
// (A11 and A12 have not left theirs, so they are not measured).
func TestFunnelCounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		storetest.SeedGoalData(t, db)
		f, err := db.FunnelCounts(context.Background(), talent.PipelineStages)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int{"submitted": 2, "screening": 2, "placed": 8}
		if !maps.Equal(f.Furthest, want) {
			t.Errorf("furthest %v, want %v", f.Furthest, want)
		}
		stays := map[string]string{
			// A4 5 h; A1, A3, A5, A6, A7, A8, A9, A10 24 h; A2 (straight to interview) and A11 48 h.
			"submitted": "5h×1 24h×8 48h×2",
			// A1, A4, A5, A7, A8, A9 48 h; A3 and A6 (straight to offer) 72 h.
			"screening": "48h×6 72h×2",
			// A2 48 h; A1, A4, A5, A7, A9 72 h.
			"interview": "48h×1 72h×5",
			// Every offer was accepted after a day.
			"offer": "24h×8",
			// A2, A7 48 h; A4, A5 72 h; A3 96 h; A1, A6, A9 120 h.
			"accepted": "48h×2 72h×2 96h×1 120h×3",
		}
		for stage, w := range stays {
			if got := hist(f.Stays[stage]); got != w {
				t.Errorf("stays in %s: %s, want %s", stage, got, w)
			}
		}
		if len(f.Stays) != len(stays) {
			t.Errorf("stays measured in %v", slices.Sorted(maps.Keys(f.Stays)))
		}
	})
}

func rows(rs []talent.BreakdownRow) string {
	var parts []string
	for _, r := range rs {
		parts = append(parts, fmt.Sprintf("%s:%d/%d/%d/%d/%d", r.Key, r.Candidates, r.Applications, r.Offers, r.Placements, r.Arrivals))
	}
	return strings.Join(parts, " ")
}

// TestBreakdownCounts groups SeedGoalData by each dimension. Each row is
// key:candidates/applications/offers/placements/arrivals.
func TestBreakdownCounts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		storetest.SeedGoalData(t, db)
		summer := talent.Period{From: ptr(talent.NewDate(2026, time.July, 1)), To: ptr(talent.NewDate(2026, time.September, 30))}
		cases := []struct {
			by     string
			period talent.Period
			rows   string
			total  string
		}{
			// C1 (A1, A2) and C3 (A5, A11): offers A1, A2, A5, placements and
			// arrivals P1, P2, P5. C2 (A3, A4, A12): offers A3, A4, placements
			// and arrivals P3, P4. C4 (A8, A10) nothing further. C5: A6 → P6.
			// C6: A7 → P7, not arrived. C7 (no state): A9 → P8.
			{talent.ByIndianState, talent.Period{},
				":1/1/1/1/1 delhi:1/2/0/0/0 karnataka:2/4/3/3/3 kerala:1/3/2/2/2 maharashtra:1/1/1/1/0 tamil_nadu:1/1/1/1/1",
				":7/12/8/8/7"},
			// R1 tokyo: A1, A5, A7, A8, A12 by C1, C3, C6, C4, C2; R2 and R4
			// kyoto: A2, A3, A4, A9, A10, A11 by C1, C2, C7, C4, C3; R3 osaka:
			// A6. Seven people applied, though the groups name eleven.
			{talent.ByPrefecture, talent.Period{}, "kyoto:5/6/4/4/4 osaka:1/1/1/1/1 tokyo:5/5/3/3/2", ":7/12/8/8/7"},
			{talent.ByOrganizationKind, talent.Period{}, "startup:6/6/4/4/3 university:5/6/4/4/4", ":7/12/8/8/7"},
			{talent.ByRoleType, talent.Period{}, "internship:1/1/1/1/1 job:6/9/5/5/4 research:2/2/2/2/2", ":7/12/8/8/7"},
			// The highest degree: C1 IISc (master over bachelor), C4 IIM (MBA
			// over master), C5 IIIT Hyderabad (the later bachelor's), C6 none.
			{talent.ByInstitution, talent.Period{},
				":1/1/1/1/0 IIIT Hyderabad:1/1/1/1/1 IIM Ahmedabad:1/2/0/0/0 IISc Bangalore:1/2/2/2/2 IIT Bombay:1/1/1/1/1 IIT Madras:1/3/2/2/2 NIT Trichy:1/2/1/1/1",
				":7/12/8/8/7"},
			// The strongest skill: C1 python (5 over 3), C3 pytorch (4 and 4,
			// listed first), C4 none.
			{talent.GroupBySkill, talent.Period{},
				":1/2/0/0/0 computer-vision:1/1/1/1/1 llm:1/1/1/1/1 nlp:1/3/2/2/2 python:2/3/3/3/2 pytorch:1/2/1/1/1",
				":7/12/8/8/7"},
			{talent.ByJLPTLevel, talent.Period{},
				"N1:1/3/2/2/2 N2:1/1/1/1/0 N3:1/2/2/2/2 N4:1/1/1/1/1 N5:1/2/0/0/0 none:2/3/2/2/2",
				":7/12/8/8/7"},
			// Visa statuses count placements and arrivals only.
			{talent.ByVisaStatus, talent.Period{},
				"designated_internship:0/0/0/1/1 engineer_specialist:0/0/0/2/1 hsp_1a:0/0/0/1/1 hsp_1b:0/0/0/3/3 researcher:0/0/0/1/1",
				":0/0/0/8/7"},
			// July to September: submitted A4, A5, A7, A8 (C2, C3, C6, C4);
			// offers made A4 (6 Aug), A5 (16 Jul), A7 (7 Sep); placements
			// recorded P4 (10 Aug), P5 (20 Jul), P7 (10 Sep); arrivals P8
			// (2 Jul, a job), P1 (10 Aug, a job), P6 (15 Aug, the internship).
			{talent.ByRoleType, summer, "internship:0/0/0/0/1 job:4/4/3/3/2", ":4/4/3/3/3"},
			// Only 20 October: P4 and P5 arrived, nothing else happened.
			{talent.ByRoleType, talent.Period{From: ptr(talent.NewDate(2026, time.October, 20)), To: ptr(talent.NewDate(2026, time.October, 20))},
				"job:0/0/0/0/2", ":0/0/0/0/2"},
			// From 1 November: A12 only.
			{talent.ByIndianState, talent.Period{From: ptr(talent.NewDate(2026, time.November, 1))}, "kerala:1/1/0/0/0", ":1/1/0/0/0"},
		}
		for _, c := range cases {
			got, total, err := db.BreakdownCounts(context.Background(), c.by, c.period)
			if err != nil {
				t.Fatalf("%s: %v", c.by, err)
			}
			if rows(got) != c.rows || rows([]talent.BreakdownRow{total}) != c.total {
				t.Errorf("%s %v:\n got %s = %s\nwant %s = %s", c.by, c.period, rows(got), rows([]talent.BreakdownRow{total}), c.rows, c.total)
			}
		}
		if _, _, err := db.BreakdownCounts(context.Background(), "nationality", talent.Period{}); err == nil {
			t.Error("an unknown dimension was accepted")
		}
	})
}

// TestGoalDefinitionAndExportLog saves the goal definition twice (the
// second replaces the first) and logs an export.
func TestGoalDefinitionAndExportLog(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.GoalDefinition(ctx); !errors.Is(err, talent.ErrNotFound) {
			t.Fatalf("before any save: %v", err)
		}
		admin := user(t, db, "admin@example.org", talent.AccountAdmin)
		at := time.Date(2026, time.November, 26, 9, 0, 0, 0, time.UTC)
		g := talent.DefaultGoal()
		g.UpdatedAt, g.UpdatedBy = &at, admin.ID
		if err := db.SaveGoalDefinition(ctx, g); err != nil {
			t.Fatal(err)
		}
		g.Target, g.CountedTypes = 600, []string{"internship", "job", "research"}
		g.Deadline = talent.NewDate(2031, time.March, 31)
		if err := db.SaveGoalDefinition(ctx, g); err != nil {
			t.Fatal(err)
		}
		got, err := db.GoalDefinition(ctx)
		if err != nil || got.Target != 600 || got.WindowStart != g.WindowStart || got.Deadline != g.Deadline ||
			!slices.Equal(got.CountedTypes, g.CountedTypes) || got.UpdatedBy != admin.ID || !got.UpdatedAt.Equal(at) {
			t.Errorf("goal definition %+v, %v", got, err)
		}

		rec := talent.ExportRecord{UserID: admin.ID, Format: "xlsx", Tables: []string{"summary", "breakdown:prefecture"},
			Period: talent.Period{From: ptr(talent.NewDate(2026, time.July, 1))}, At: at}
		if err := db.LogExport(ctx, &rec); err != nil || rec.ID == 0 {
			t.Fatalf("log export: %v, id %d", err, rec.ID)
		}
		var tables, format string
		var userID int64
		if err := db.SQL().QueryRowContext(ctx, "SELECT user_id, format, tables FROM dashboard_exports WHERE id = "+fmt.Sprint(rec.ID)).Scan(&userID, &format, &tables); err != nil ||
			userID != admin.ID || format != "xlsx" || tables != "summary,breakdown:prefecture" {
			t.Errorf("logged %d %s %s, %v", userID, format, tables, err)
		}
	})
}

// TestProgressVersionChanges checks that the data version moves with
// every change the dashboard's aggregates read, and only then.
func TestProgressVersionChanges(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		data := storetest.SeedGoalData(t, db)
		version := func() string {
			t.Helper()
			v, err := db.ProgressVersion(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		before := version()
		if again := version(); again != before {
			t.Fatalf("version moved without a change: %s, %s", before, again)
		}
		if err := db.RecordArrival(ctx, data.Placements["P7"], talent.NewDate(2026, time.November, 2)); err != nil {
			t.Fatal(err)
		}
		afterArrival := version()
		if afterArrival == before {
			t.Error("an arrival did not change the version")
		}
		update := "UPDATE profiles SET indian_state = 'goa', updated_at = ? WHERE user_id = ?"
		if db.Dialect() == store.Postgres {
			update = "UPDATE profiles SET indian_state = 'goa', updated_at = $1 WHERE user_id = $2"
		}
		if _, err := db.SQL().ExecContext(ctx, update, time.Now().UTC(), data.Candidates["C7"]); err != nil {
			t.Fatal(err)
		}
		if version() == afterArrival {
			t.Error("a profile change did not change the version")
		}
	})
}

// TestPipelineHistory reads the stretch from acceptance to arrival of the
// goal data's jobs and research posts (A6, an internship, left out): seven
// placements 48–120 hours after their acceptance, none withdrawn after
// accepting, A7 placed and not yet arrived, six arrivals (A9 31 days after
// its placement on 1 June, A3 102 days after 10 March), and one acceptance
// since 1 September (A7's, on the 7th).
func TestPipelineHistory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		storetest.SeedGoalData(t, db)
		ctx := context.Background()
		h, err := db.PipelineHistory(ctx, goalRule.Types, time.Date(2026, time.September, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		hours := slices.Sorted(slices.Values(h.AcceptedToPlacedHours))
		if !slices.Equal(hours, []int{48, 48, 72, 72, 96, 120, 120}) || h.AcceptedClosed != 0 || len(h.OpenAccepted) != 0 ||
			len(h.OpenPlaced) != 1 || h.AcceptedSince != 1 {
			t.Errorf("%+v", h)
		}
		days := h.PlacedToArrivedDays
		if len(days) != 6 || !slices.Contains(days, 31) || !slices.Contains(days, 102) {
			t.Errorf("arrival days %v", days)
		}
		interns, err := db.PipelineHistory(ctx, []string{"internship"}, time.Time{})
		if err != nil || len(interns.AcceptedToPlacedHours) != 1 || interns.AcceptedToPlacedHours[0] != 120 || interns.AcceptedSince != 1 {
			t.Errorf("internships: %+v %v", interns, err)
		}
	})
}
