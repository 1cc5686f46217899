package httpapi_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/setubashi/setubashi/backend/store/storetest"
)

// The dashboard tests run on storetest.SeedGoalData, whose doc lists who
// applied where and when; the numbers below are worked out from it.

type goalJSON struct {
	Definition struct {
		Target       int      `json:"target"`
		CountedTypes []string `json:"counted_types"`
		UpdatedBy    *int64   `json:"updated_by"`
	} `json:"definition"`
	Counted     int     `json:"counted"`
	Target      int     `json:"target"`
	Percent     float64 `json:"percent"`
	Remaining   int     `json:"remaining"`
	Status      string  `json:"status"`
	StatusLabel string  `json:"status_label"`
	Monthly     []struct {
		Month              string `json:"month"`
		Arrivals           *int   `json:"arrivals"`
		Cumulative         *int   `json:"cumulative"`
		InternshipArrivals *int   `json:"internship_arrivals"`
	} `json:"monthly"`
	Internships struct {
		Counted       int  `json:"counted"`
		CountedInGoal bool `json:"counted_in_goal"`
	} `json:"internships"`
	Funnel []struct {
		Stage      string   `json:"stage"`
		Label      string   `json:"label"`
		Reached    int      `json:"reached"`
		Conversion *float64 `json:"conversion"`
		MedianDays *float64 `json:"median_days"`
		Left       int      `json:"left"`
	} `json:"funnel"`
}

func show[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestDashboardGoal reads the goal in English, Japanese and Hindi.
func TestDashboardGoal(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		storetest.SeedGoalData(t, a.db)
		ministry := a.staff("ministry@example.test", "ministry")
		for _, lang := range []string{"en", "ja", "hi"} {
			// Staff save English as their language, which outranks Accept-Language.
			r := a.do(request{method: "GET", path: "/api/v1/dashboard/goal?lang=" + lang, session: ministry})
			if r.Status != http.StatusOK || r.Header.Get("Content-Language") != lang {
				t.Fatalf("%s: %d %s", lang, r.Status, r.Body)
			}
			var g goalJSON
			r.JSON(&g)
			// C7 (2 July), C1 (10 August, once), C2 and C3 (20 October).
			if g.Counted != 4 || g.Target != 500 || g.Percent != 0.8 || g.Remaining != 496 || g.Definition.Target != 500 ||
				!slices.Equal(g.Definition.CountedTypes, []string{"job", "research"}) || g.Definition.UpdatedBy != nil {
				t.Errorf("%s: counted %d of %d (%v%%), remaining %d, definition %+v", lang, g.Counted, g.Target, g.Percent, g.Remaining, g.Definition)
			}
			if g.StatusLabel != a.catalog.Text(lang, "dashboard.status."+g.Status) || g.StatusLabel == "" {
				t.Errorf("%s: status %s labelled %q", lang, g.Status, g.StatusLabel)
			}
			// July 1, August 1 (and C5's internship), September none, October 2.
			months := []struct {
				month                    string
				arrivals, cumulative, in any
			}{{"2026-07", 1, 1, 0}, {"2026-08", 1, 2, 1}, {"2026-09", 0, 2, 0}, {"2026-10", 2, 4, 0}}
			for i, m := range months {
				got := g.Monthly[i]
				if got.Month != m.month || show(got.Arrivals) != m.arrivals || show(got.Cumulative) != m.cumulative || show(got.InternshipArrivals) != m.in {
					t.Errorf("%s: %s %v/%v/%v, want %v/%v/%v", lang, got.Month, show(got.Arrivals), show(got.Cumulative), show(got.InternshipArrivals), m.arrivals, m.cumulative, m.in)
				}
			}
			if len(g.Monthly) != 54 || g.Internships.Counted != 1 || g.Internships.CountedInGoal {
				t.Errorf("%s: %d months, internships %+v", lang, len(g.Monthly), g.Internships)
			}
			// Reached: 12 submitted, 10 screening or beyond, 8 to every later
			// stage (skipping counts as passing). Medians from the stays in
			// TestFunnelCounts (store): submitted 24.5 h, screening (48.5 +
			// 48.5) / 2 h, interview (72.5 + 72.5) / 2 h, offer 24.5 h,
			// accepted (72.5 + 96.5) / 2 h.
			want := []struct {
				stage      string
				reached    int
				conversion any
				median     any
				left       int
			}{
				{"submitted", 12, nil, 1.0, 11}, {"screening", 10, 0.8333, 2.0, 8}, {"interview", 8, 0.8, 3.0, 6},
				{"offer", 8, 1.0, 1.0, 8}, {"accepted", 8, 1.0, 3.5, 8}, {"placed", 8, 1.0, nil, 0},
			}
			for i, w := range want {
				s := g.Funnel[i]
				if s.Stage != w.stage || s.Reached != w.reached || show(s.Conversion) != w.conversion || show(s.MedianDays) != w.median ||
					s.Left != w.left || s.Label != a.catalog.Text(lang, "stage."+w.stage) {
					t.Errorf("%s: funnel %+v (conversion %v, median %v), want %+v", lang, s, show(s.Conversion), show(s.MedianDays), w)
				}
			}
		}
		// The Japanese and Hindi labels differ from the English ones.
		if a.catalog.Text("ja", "stage.submitted") == a.catalog.Text("en", "stage.submitted") {
			t.Error("stage labels are not translated")
		}
	})
}

type breakdownJSON struct {
	By       string   `json:"by"`
	Label    string   `json:"label"`
	Measures []string `json:"measures"`
	Rows     []struct {
		Code         string `json:"code"`
		Label        string `json:"label"`
		Candidates   *int   `json:"candidates"`
		Applications *int   `json:"applications"`
		Offers       *int   `json:"offers"`
		Placements   *int   `json:"placements"`
		Arrivals     *int   `json:"arrivals"`
	} `json:"rows"`
	Total struct {
		Label      string `json:"label"`
		Candidates *int   `json:"candidates"`
		Placements *int   `json:"placements"`
	} `json:"total"`
}

// counts writes a row as candidates/applications/offers/placements/arrivals.
func (b breakdownJSON) counts() string {
	var parts []string
	for _, r := range b.Rows {
		parts = append(parts, fmt.Sprintf("%s=%s:%v/%v/%v/%v/%v", r.Code, r.Label, show(r.Candidates), show(r.Applications), show(r.Offers), show(r.Placements), show(r.Arrivals)))
	}
	return strings.Join(parts, " ")
}

func TestDashboardBreakdown(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		storetest.SeedGoalData(t, a.db)
		admin := a.staff("admin@example.test", "admin")
		label := func(lang, id string) string { return a.catalog.Text(lang, id) }
		for _, lang := range []string{"en", "ja", "hi"} {
			var b breakdownJSON
			r := a.do(request{method: "GET", path: "/api/v1/dashboard/breakdown?by=prefecture&lang=" + lang, session: admin})
			r.JSON(&b)
			// See TestBreakdownCounts (store): seven people applied in all.
			want := fmt.Sprintf("kyoto=%s:5/6/4/4/4 osaka=%s:1/1/1/1/1 tokyo=%s:5/5/3/3/2",
				label(lang, "prefecture.kyoto"), label(lang, "prefecture.osaka"), label(lang, "prefecture.tokyo"))
			if r.Status != http.StatusOK || b.counts() != want || show(b.Total.Candidates) != 7 || b.Label != label(lang, "dashboard.dimension.prefecture") ||
				b.Total.Label != label(lang, "dashboard.total") {
				t.Errorf("%s: %d %s\nwant %s; total %+v", lang, r.Status, b.counts(), want, b.Total)
			}
		}

		// Visa statuses count placements and arrivals; the rest is null.
		var v breakdownJSON
		a.call(http.StatusOK, "GET", "/api/v1/dashboard/breakdown?by=visa_status&lang=ja", admin, nil).JSON(&v)
		if !slices.Equal(v.Measures, []string{"placements", "arrivals"}) || v.Rows[0].Code != "designated_internship" ||
			v.Rows[0].Candidates != nil || show(v.Rows[0].Placements) != 1 || show(v.Total.Placements) != 8 || v.Total.Candidates != nil {
			t.Errorf("visa statuses: %s, total %+v", v.counts(), v.Total)
		}
		// Skill domains: C1 and C6 (python) are programming languages, C3
		// (pytorch) frameworks, C4 has no skills.
		var s breakdownJSON
		a.call(http.StatusOK, "GET", "/api/v1/dashboard/breakdown?by=skill_domain&lang=en", admin, nil).JSON(&s)
		want := "=Not stated:1/2/0/0/0 computer-vision=" + label("en", "skill_domain.computer-vision") + ":1/1/1/1/1 frameworks=" + label("en", "skill_domain.frameworks") +
			":1/2/1/1/1 llms=" + label("en", "skill_domain.llms") + ":1/1/1/1/1 nlp=" + label("en", "skill_domain.nlp") + ":1/3/2/2/2 programming-languages=" +
			label("en", "skill_domain.programming-languages") + ":2/3/3/3/2"
		if s.counts() != want {
			t.Errorf("skill domains:\n got %s\nwant %s", s.counts(), want)
		}
		// Institutions are shown as written.
		var inst breakdownJSON
		a.call(http.StatusOK, "GET", "/api/v1/dashboard/breakdown?by=institution&from=2026-07-01&to=2026-09-30&lang=hi", admin, nil).JSON(&inst)
		// Submitted July to September: A4 (C2, IIT Madras), A5 (C3, NIT
		// Trichy), A7 (C6, no education), A8 (C4, IIM Ahmedabad); arrivals
		// P8 (C7, IIT Bombay), P1 (C1, IISc), P6 (C5, IIIT Hyderabad).
		want = "=" + label("hi", "dashboard.not_stated") + ":1/1/1/1/0 IIIT Hyderabad=IIIT Hyderabad:0/0/0/0/1 IIM Ahmedabad=IIM Ahmedabad:1/1/0/0/0 " +
			"IISc Bangalore=IISc Bangalore:0/0/0/0/1 IIT Bombay=IIT Bombay:0/0/0/0/1 IIT Madras=IIT Madras:1/1/1/1/0 NIT Trichy=NIT Trichy:1/1/1/1/0"
		if inst.counts() != want {
			t.Errorf("institutions:\n got %s\nwant %s", inst.counts(), want)
		}

		bad := []struct {
			query  string
			fields []string
		}{
			{"", []string{"by:required"}},
			{"?by=nationality", []string{"by:one_of"}},
			{"?by=prefecture&from=2026-13-01&to=someday", []string{"from:invalid_date", "to:invalid_date"}},
			{"?by=prefecture&from=2026-10-01&to=2026-09-30", []string{"to:date_order"}},
		}
		for _, c := range bad {
			r := a.call(http.StatusBadRequest, "GET", "/api/v1/dashboard/breakdown"+c.query, admin, nil)
			if got := problemFields(r); !slices.Equal(got, c.fields) {
				t.Errorf("%s: fields %v, want %v", c.query, got, c.fields)
			}
		}
	})
}

// problemFields lists a problem's field errors as field:code.
func problemFields(r reply) []string {
	var p struct {
		Errors []struct {
			Field, Code string
		} `json:"errors"`
	}
	r.JSON(&p)
	var out []string
	for _, e := range p.Errors {
		out = append(out, e.Field+":"+e.Code)
	}
	return out
}

func TestDashboardExport(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		storetest.SeedGoalData(t, a.db)
		ministry := a.staff("ministry@example.test", "ministry")

		// CSV: one table, with a byte-order mark, headers in Japanese.
		r := a.do(request{method: "GET", path: "/api/v1/dashboard/export?format=csv&table=breakdown&by=role_type&from=2026-07-01&to=2026-09-30&lang=ja", session: ministry})
		if r.Status != http.StatusOK || r.Header.Get("Content-Type") != "text/csv; charset=utf-8" ||
			!strings.HasPrefix(r.Header.Get("Content-Disposition"), `attachment; filename="setubashi-breakdown-role-type-`) {
			t.Fatalf("csv: %d %v %s", r.Status, r.Header, r.Body)
		}
		body, ok := bytes.CutPrefix(r.Body, []byte("\uFEFF"))
		if !ok {
			t.Error("the CSV has no byte-order mark")
		}
		records, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		text := func(id string) string { return a.catalog.Text("ja", id) }
		// July to September, by role type (see TestBreakdownCounts in store).
		want := [][]string{
			{text("dashboard.column.code"), text("dashboard.dimension.role_type"), text("dashboard.measure.candidates"), text("dashboard.measure.applications"),
				text("dashboard.measure.offers"), text("dashboard.measure.placements"), text("dashboard.measure.arrivals")},
			{"internship", text("role_type.internship"), "0", "0", "0", "0", "1"},
			{"job", text("role_type.job"), "4", "4", "3", "3", "2"},
			{"", text("dashboard.total"), "4", "4", "3", "3", "3"},
		}
		if !slices.EqualFunc(records, want, slices.Equal) {
			t.Errorf("csv:\n got %q\nwant %q", records, want)
		}

		// XLSX: a sheet per table, in Hindi.
		r = a.do(request{method: "GET", path: "/api/v1/dashboard/export?format=xlsx&by=prefecture&by=jlpt_level&lang=hi", session: ministry})
		if r.Status != http.StatusOK || r.Header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
			t.Fatalf("xlsx: %d %s", r.Status, r.Body)
		}
		f, err := excelize.OpenReader(bytes.NewReader(r.Body))
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = f.Close() }()
		hi := func(id string) string { return a.catalog.Text("hi", id) }
		sheets := []string{hi("dashboard.sheet.summary"), hi("dashboard.sheet.monthly"), hi("dashboard.sheet.funnel"),
			hi("dashboard.dimension.prefecture"), hi("dashboard.dimension.jlpt_level")}
		if got := f.GetSheetList(); !slices.Equal(got, sheets) {
			t.Errorf("sheets %q, want %q", got, sheets)
		}
		summary, _ := f.GetRows(sheets[0])
		if len(summary) < 4 || summary[0][0] != hi("dashboard.column.figure") || summary[3][0] != hi("dashboard.figure.counted") || summary[3][1] != "4" {
			t.Errorf("summary %q", summary)
		}
		funnel, _ := f.GetRows(sheets[2])
		if len(funnel) != 7 || funnel[2][0] != hi("stage.screening") || funnel[2][1] != "10" || funnel[2][2] != "83.3" {
			t.Errorf("funnel %q", funnel)
		}
		prefectures, _ := f.GetRows(sheets[3])
		if len(prefectures) != 5 || prefectures[3][0] != "tokyo" || prefectures[3][1] != hi("prefecture.tokyo") || prefectures[4][2] != "7" {
			t.Errorf("prefectures %q", prefectures)
		}
		if typ, _ := f.GetCellType(sheets[3], "C2"); typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
			t.Error("counts are written as text")
		}

		// A CSV asked with two tables is refused, and not logged.
		r = a.call(http.StatusBadRequest, "GET", "/api/v1/dashboard/export?format=csv&table=summary&table=funnel", ministry, nil)
		if got := problemFields(r); !slices.Equal(got, []string{"table:one_table"}) {
			t.Errorf("two tables in a CSV: %v", got)
		}
		// Both exports were logged, with who and what.
		rows, err := a.db.SQL().Query("SELECT format, tables FROM dashboard_exports ORDER BY id")
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = rows.Close() }()
		var logged []string
		for rows.Next() {
			var format, tables string
			if err := rows.Scan(&format, &tables); err != nil {
				t.Fatal(err)
			}
			logged = append(logged, format+" "+tables)
		}
		wantLog := []string{"csv breakdown:role_type", "xlsx summary,monthly,funnel,breakdown:prefecture,breakdown:jlpt_level"}
		if !slices.Equal(logged, wantLog) {
			t.Errorf("export log %q, want %q", logged, wantLog)
		}
	})
}

func TestGoalDefinitionEndpoints(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		storetest.SeedGoalData(t, a.db)
		admin := a.staff("admin@example.test", "admin")
		ministry := a.staff("ministry@example.test", "ministry")
		def := map[string]any{"target": 450, "window_start": "2026-07-02", "deadline": "2030-12-31", "counted_types": []string{"research", "job", "internship"}}
		var saved struct {
			Target       int      `json:"target"`
			CountedTypes []string `json:"counted_types"`
			UpdatedBy    *int64   `json:"updated_by"`
			UpdatedAt    *string  `json:"updated_at"`
		}
		a.call(http.StatusOK, "PUT", "/api/v1/dashboard/goal-definition", admin, def).JSON(&saved)
		if saved.Target != 450 || !slices.Equal(saved.CountedTypes, []string{"internship", "job", "research"}) || saved.UpdatedBy == nil || saved.UpdatedAt == nil {
			t.Errorf("saved %+v", saved)
		}
		a.call(http.StatusOK, "GET", "/api/v1/dashboard/goal-definition", ministry, nil).JSON(&saved)
		if saved.Target != 450 {
			t.Errorf("read back %+v", saved)
		}
		// Internships now count: C5 arrived on 15 August.
		var g goalJSON
		a.call(http.StatusOK, "GET", "/api/v1/dashboard/goal", ministry, nil).JSON(&g)
		if g.Counted != 5 || g.Target != 450 || !g.Internships.CountedInGoal || show(g.Monthly[1].Arrivals) != 2 {
			t.Errorf("with internships: counted %d of %d, %+v", g.Counted, g.Target, g.Internships)
		}

		r := a.do(request{method: "PUT", path: "/api/v1/dashboard/goal-definition?lang=ja", session: admin,
			body: map[string]any{"target": 0, "window_start": "2026-07-02", "deadline": "2026-07-01", "counted_types": []string{}}})
		if got := problemFields(r); r.Status != http.StatusBadRequest || !slices.Equal(got, []string{"target:out_of_range", "deadline:date_order", "counted_types:required"}) {
			t.Errorf("bad definition: %d %v", r.Status, got)
		}
		var p struct {
			Errors []struct{ Message string } `json:"errors"`
		}
		r.JSON(&p)
		if len(p.Errors) < 2 || p.Errors[1].Message != a.catalog.Text("ja", "field.date_order") {
			t.Errorf("messages %+v", p.Errors)
		}
		r = a.call(http.StatusBadRequest, "PUT", "/api/v1/dashboard/goal-definition", admin, map[string]any{"target": 500, "window_start": "2 July 2026", "deadline": "2030-12-31", "counted_types": []string{"job"}, "extra": 1})
		if got := problemFields(r); !slices.Contains(got, "extra:unknown_field") && !slices.Contains(got, "window_start:invalid_date") {
			t.Errorf("strict decoding: %v", got)
		}
		if r := a.call(http.StatusForbidden, "PUT", "/api/v1/dashboard/goal-definition", ministry, def); !strings.Contains(string(r.Body), "wrong_role") {
			t.Errorf("ministry: %s", r.Body)
		}
	})
}

type publicJSON struct {
	Counted int     `json:"counted"`
	Target  int     `json:"target"`
	Percent float64 `json:"percent"`
	Monthly []struct {
		Month      string `json:"month"`
		Cumulative int    `json:"cumulative"`
	} `json:"monthly"`
	ByPrefecture  publicBreakdown `json:"by_prefecture"`
	ByIndianState publicBreakdown `json:"by_indian_state"`
}

type publicBreakdown struct {
	Withheld bool `json:"withheld"`
	Groups   []struct {
		Code  string `json:"code"`
		Label string `json:"label"`
		Count any    `json:"count"`
	} `json:"groups"`
}

func (b publicBreakdown) String() string {
	if b.Withheld {
		return "withheld"
	}
	var parts []string
	for _, g := range b.Groups {
		parts = append(parts, fmt.Sprintf("%s=%s:%v", g.Code, g.Label, g.Count))
	}
	return strings.Join(parts, " ")
}

func TestPublicProgress(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		storetest.SeedGoalData(t, a.db)
		r := a.do(request{method: "GET", path: "/api/v1/public/progress", lang: "hi"})
		if r.Status != http.StatusOK || r.Header.Get("Cache-Control") != "public, max-age=60" {
			t.Fatalf("%d %v", r.Status, r.Header)
		}
		var p publicJSON
		r.JSON(&p)
		if p.Counted != 4 || p.Target != 500 || p.Percent != 0.8 || p.Monthly[0].Month != "2026-07" || p.Monthly[3].Cumulative != 4 {
			t.Errorf("public %+v", p)
		}
		// Four people: two per prefecture, one or two per state — all under
		// five, and with four in all no hidden count can be worked out.
		hi := func(id string) string { return a.catalog.Text("hi", id) }
		if got, want := p.ByPrefecture.String(), "kyoto="+hi("prefecture.kyoto")+":<5 tokyo="+hi("prefecture.tokyo")+":<5"; got != want {
			t.Errorf("prefectures %s, want %s", got, want)
		}
		if got, want := p.ByIndianState.String(), "="+hi("dashboard.not_stated")+":<5 karnataka="+hi("state.karnataka")+":<5 kerala="+hi("state.kerala")+":<5"; got != want {
			t.Errorf("states %s, want %s", got, want)
		}
		for _, secret := range []string{"C1", "goal.example", "IISc", "hsp_1b"} {
			if bytes.Contains(r.Body, []byte(secret)) {
				t.Errorf("the public figures mention %q", secret)
			}
		}

		// Counting from 6 October leaves C2 (kerala, kyoto) and C3
		// (karnataka, tokyo) — C1 arrived on 10 August and 5 October: one
		// person per group and two in all would give everyone away, so
		// both breakdowns are withheld.
		admin := a.staff("admin@example.test", "admin")
		a.call(http.StatusOK, "PUT", "/api/v1/dashboard/goal-definition", admin,
			map[string]any{"target": 500, "window_start": "2026-10-06", "deadline": "2030-12-31", "counted_types": []string{"job", "research"}})
		var narrow publicJSON
		a.call(http.StatusOK, "GET", "/api/v1/public/progress", "", nil).JSON(&narrow)
		if narrow.Counted != 2 || narrow.ByPrefecture.String() != "withheld" || narrow.ByIndianState.String() != "withheld" {
			t.Errorf("narrow window: %d, %s, %s", narrow.Counted, narrow.ByPrefecture, narrow.ByIndianState)
		}
		raw, _ := json.Marshal(narrow.ByPrefecture.Groups)
		if string(raw) != "[]" {
			t.Errorf("withheld groups %s", raw)
		}
	})
}

// TestPublicProgressPublishesClosedMonths: an arrival counts on the
// ministry's dashboard at once, but the open figures cover closed months
// only, so they do not change on the day it happens.
func TestPublicProgressPublishesClosedMonths(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		var before, after struct {
			publicJSON
			PublishedThrough string `json:"published_through"`
		}
		a.call(http.StatusOK, "GET", "/api/v1/public/progress", "", nil).JSON(&before)
		today := time.Now().UTC()
		a.call(http.StatusOK, "POST", fmt.Sprintf("/api/v1/placements/%d/arrival", w.placement()), w.member,
			map[string]any{"arrived_on": today.Format(time.DateOnly)})
		var goal struct {
			Counted int `json:"counted"`
		}
		a.call(http.StatusOK, "GET", "/api/v1/dashboard/goal", w.ministry, nil).JSON(&goal)
		a.call(http.StatusOK, "GET", "/api/v1/public/progress", "", nil).JSON(&after)
		if goal.Counted != 1 || after.Counted != before.Counted || after.ByPrefecture.String() != before.ByPrefecture.String() ||
			after.ByIndianState.String() != before.ByIndianState.String() {
			t.Errorf("dashboard %d; public before %+v, after %+v", goal.Counted, before, after)
		}
		through, err := time.Parse(time.DateOnly, after.PublishedThrough)
		if err != nil || through.AddDate(0, 0, 1).Day() != 1 || today.Sub(through) < 7*24*time.Hour || today.Sub(through) > 40*24*time.Hour {
			t.Errorf("published through %q on %s", after.PublishedThrough, today.Format(time.DateOnly))
		}
	})
}
