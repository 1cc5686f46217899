package talent

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeProgress is a ProgressStore with fixed aggregates that counts the
// computations it is asked for.
type fakeProgress struct {
	mu       sync.Mutex
	version  string
	def      *GoalDefinition
	computed atomic.Int64
	exports  []ExportRecord
	block    chan struct{} // when set, computations wait for it
}

func (f *fakeProgress) compute() {
	f.computed.Add(1)
	if f.block != nil {
		<-f.block
	}
}

func (f *fakeProgress) GoalDefinition(context.Context) (GoalDefinition, error) {
	if f.def == nil {
		return GoalDefinition{}, NotFound()
	}
	return *f.def, nil
}

func (f *fakeProgress) SaveGoalDefinition(_ context.Context, g GoalDefinition) error {
	f.def = &g
	return nil
}

func (f *fakeProgress) ProgressVersion(context.Context) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.version, nil
}

func (f *fakeProgress) CountedDays(_ context.Context, rule CountRule) ([]DayCount, error) {
	f.compute()
	if slices.Contains(rule.Types, "internship") {
		return []DayCount{{Day: NewDate(2026, time.August, 15), Count: 1}}, nil
	}
	return []DayCount{{Day: NewDate(2026, time.July, 2), Count: 3}, {Day: NewDate(2026, time.October, 20), Count: 4}}, nil
}

func (f *fakeProgress) CountedGroups(context.Context, CountRule) ([]GroupCount, []GroupCount, error) {
	f.compute()
	return []GroupCount{{"karnataka", 5}, {"kerala", 2}}, []GroupCount{{"tokyo", 7}}, nil
}

func (f *fakeProgress) FunnelCounts(context.Context, []Stage) (FunnelCounts, error) {
	f.compute()
	return FunnelCounts{Furthest: map[string]int{"submitted": 4, "placed": 1}, Stays: map[string][]StayCount{"submitted": {{Hours: -3, Count: 1}}}}, nil
}

func (f *fakeProgress) BreakdownCounts(_ context.Context, by string, _ Period) ([]BreakdownRow, BreakdownRow, error) {
	f.compute()
	if by == GroupBySkill {
		return []BreakdownRow{{Key: "", Candidates: 1}, {Key: "nlp", Candidates: 2, Applications: 3}, {Key: "python", Candidates: 1},
			{Key: "transformers", Candidates: 4, Applications: 1, Arrivals: 1}}, BreakdownRow{Candidates: 8}, nil
	}
	return []BreakdownRow{{Key: "tokyo", Candidates: 1}}, BreakdownRow{Candidates: 1}, nil
}

func (f *fakeProgress) LogExport(_ context.Context, e *ExportRecord) error {
	e.ID = int64(len(f.exports) + 1)
	f.exports = append(f.exports, *e)
	return nil
}

func (f *fakeProgress) PipelineHistory(context.Context, []string, time.Time) (PipelineHistory, error) {
	return PipelineHistory{}, nil
}

// domainsOf maps skills to domains as the taxonomy would.
type domainsOf map[string]string

func (d domainsOf) DomainOf(slug string) string { return d[slug] }

func newTestDashboard(f *fakeProgress) *Dashboard {
	s := NewDashboard(f, domainsOf{"nlp": "nlp", "transformers": "nlp", "python": "programming-languages"})
	s.now = func() time.Time { return time.Date(2026, time.November, 26, 12, 0, 0, 0, time.UTC) }
	return s
}

var (
	ministry  = Actor{UserID: 1, Kind: AccountMinistry}
	admin     = Actor{UserID: 2, Kind: AccountAdmin}
	candidate = Actor{UserID: 3, Kind: AccountCandidate}
)

func TestDashboardAuthorization(t *testing.T) {
	s := newTestDashboard(&fakeProgress{version: "1"})
	ctx := context.Background()
	for _, actor := range []Actor{{}, candidate, {UserID: 4, Kind: AccountOrgMember}} {
		want := ErrForbidden
		if actor.Anonymous() {
			want = ErrUnauthenticated
		}
		_, errGoal := s.Goal(ctx, actor)
		_, errDef := s.Definition(ctx, actor)
		_, errBreakdown := s.Breakdown(ctx, actor, ByPrefecture, Period{})
		_, errExport := s.Export(ctx, actor, ExportRequest{Format: ExportXLSX})
		for _, err := range []error{errGoal, errDef, errBreakdown, errExport} {
			if !errors.Is(err, want) {
				t.Errorf("%+v: %v, want %v", actor, err, want)
			}
		}
	}
	if _, err := s.SetDefinition(ctx, ministry, DefaultGoal()); !errors.Is(err, ErrForbidden) {
		t.Errorf("a ministry viewer set the goal: %v", err)
	}
	for _, actor := range []Actor{ministry, admin} {
		if _, err := s.Goal(ctx, actor); err != nil {
			t.Errorf("%s: %v", actor.Kind, err)
		}
	}
	// The public figures need no one.
	if _, err := s.PublicProgress(ctx); err != nil {
		t.Error(err)
	}
}

func TestGoalDefinitionValidation(t *testing.T) {
	s := newTestDashboard(&fakeProgress{version: "1"})
	ctx := context.Background()
	if g, err := s.Definition(ctx, ministry); err != nil || g.Target != 500 || g.UpdatedAt != nil {
		t.Fatalf("default %+v, %v", g, err)
	}
	bad := GoalDefinition{Target: 0, WindowStart: NewDate(2026, time.July, 2), Deadline: NewDate(2026, time.July, 2), CountedTypes: []string{"job", "job", "gig"}}
	_, err := s.SetDefinition(ctx, admin, bad)
	want := []string{"target:out_of_range", "deadline:date_order", "counted_types[1]:duplicate", "counted_types[2]:one_of"}
	if got := fieldsOf(err); !slices.Equal(got, want) {
		t.Errorf("fields %v, want %v", got, want)
	}
	if _, err := s.SetDefinition(ctx, admin, GoalDefinition{Target: 5}); !slices.Equal(fieldsOf(err), []string{"window_start:required", "deadline:required", "counted_types:required"}) {
		t.Errorf("empty definition: %v", fieldsOf(err))
	}
	good := GoalDefinition{Target: 450, WindowStart: NewDate(2026, time.July, 2), Deadline: NewDate(2030, time.December, 31), CountedTypes: []string{"research", "internship", "job"}}
	g, err := s.SetDefinition(ctx, admin, good)
	if err != nil || !slices.Equal(g.CountedTypes, []string{"internship", "job", "research"}) || g.UpdatedBy != admin.UserID || g.UpdatedAt == nil {
		t.Fatalf("saved %+v, %v", g, err)
	}
	report, err := s.Goal(ctx, admin)
	if err != nil || report.Definition.Target != 450 || !report.InternshipsCounted {
		t.Errorf("goal after the change: %+v, %v", report.Definition, err)
	}
}

// TestDashboardCache checks that aggregates are computed once per data
// version, again when the version moves or the entry is too old, and once
// for callers who ask at the same time.
func TestDashboardCache(t *testing.T) {
	f := &fakeProgress{version: "1"}
	s := newTestDashboard(f)
	ctx := context.Background()
	report, err := s.Goal(ctx, ministry)
	if err != nil {
		t.Fatal(err)
	}
	// Three computations: the goal's days, the internships' days, the funnel.
	if n := f.computed.Load(); n != 3 || report.Goal.Counted != 7 || report.Internships.Counted != 1 || report.Funnel[0].Reached != 5 {
		t.Fatalf("%d computations; counted %d, internships %d, funnel %+v", n, report.Goal.Counted, report.Internships.Counted, report.Funnel[0])
	}
	// A negative stay (clocks out of step) counts as none.
	if m := report.Funnel[0].MedianDays; m == nil || *m != 0 {
		t.Errorf("median of a negative stay: %v", m)
	}
	if _, err := s.Goal(ctx, admin); err != nil || f.computed.Load() != 3 {
		t.Errorf("same version: %d computations, %v", f.computed.Load(), err)
	}
	f.mu.Lock()
	f.version = "2"
	f.mu.Unlock()
	if _, err := s.Goal(ctx, admin); err != nil || f.computed.Load() != 6 {
		t.Errorf("new version: %d computations, %v", f.computed.Load(), err)
	}
	s.cache.now = func() time.Time { return time.Now().Add(DashboardCacheAge) }
	if _, err := s.Goal(ctx, admin); err != nil || f.computed.Load() != 9 {
		t.Errorf("old entries: %d computations, %v", f.computed.Load(), err)
	}

	// Ten callers at once share one computation of a breakdown.
	f.block = make(chan struct{})
	before := f.computed.Load()
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if _, err := s.Breakdown(ctx, ministry, ByPrefecture, Period{}); err != nil {
				t.Error(err)
			}
		})
	}
	for f.computed.Load() == before {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond) // let the others find the computation running
	close(f.block)
	wg.Wait()
	if n := f.computed.Load() - before; n != 1 {
		t.Errorf("ten callers made %d computations", n)
	}
}

// TestBreakdownBySkillDomain sums each candidate's strongest skill into its
// domain; skills the taxonomy does not know and candidates without skills
// are "".
func TestBreakdownBySkillDomain(t *testing.T) {
	s := newTestDashboard(&fakeProgress{version: "1"})
	b, err := s.Breakdown(context.Background(), ministry, BySkillDomain, Period{})
	if err != nil {
		t.Fatal(err)
	}
	want := []BreakdownRow{{Key: "", Candidates: 1}, {Key: "nlp", Candidates: 6, Applications: 4, Arrivals: 1}, {Key: "programming-languages", Candidates: 1}}
	if !slices.Equal(b.Rows, want) || b.Total.Candidates != 8 || !slices.Equal(b.Measures, Measures) {
		t.Errorf("rows %+v, total %+v", b.Rows, b.Total)
	}
	if v, _ := s.Breakdown(context.Background(), ministry, ByVisaStatus, Period{}); !slices.Equal(v.Measures, []string{MeasurePlacements, MeasureArrivals}) {
		t.Errorf("visa measures %v", v.Measures)
	}
	from, to := NewDate(2026, time.October, 1), NewDate(2026, time.September, 1)
	_, err = s.Breakdown(context.Background(), ministry, "nationality", Period{From: &from, To: &to})
	if got := fieldsOf(err); !slices.Equal(got, []string{"by:one_of", "to:date_order"}) {
		t.Errorf("bad breakdown: %v", got)
	}
}

func TestExportRequests(t *testing.T) {
	f := &fakeProgress{version: "1"}
	s := newTestDashboard(f)
	ctx := context.Background()
	cases := []struct {
		req    ExportRequest
		fields []string
		tables []string // as logged
	}{
		{ExportRequest{Format: ExportXLSX}, nil, []string{"summary", "monthly", "funnel", "breakdown:indian_state", "breakdown:institution",
			"breakdown:prefecture", "breakdown:organization_kind", "breakdown:role_type", "breakdown:skill_domain", "breakdown:visa_status", "breakdown:jlpt_level"}},
		{ExportRequest{Format: ExportXLSX, Tables: []string{"funnel", "summary"}, By: []string{"prefecture"}}, nil, []string{"summary", "funnel"}},
		{ExportRequest{Format: ExportCSV, Tables: []string{"breakdown"}, By: []string{"role_type"}}, nil, []string{"breakdown:role_type"}},
		{ExportRequest{Format: ExportCSV, Tables: []string{"monthly"}}, nil, []string{"monthly"}},
		{ExportRequest{Format: ExportCSV}, []string{"table:required"}, nil},
		{ExportRequest{Format: ExportCSV, Tables: []string{"summary", "funnel"}}, []string{"table:one_table"}, nil},
		{ExportRequest{Format: ExportCSV, Tables: []string{"breakdown"}}, []string{"by:required"}, nil},
		{ExportRequest{Format: ExportCSV, Tables: []string{"breakdown"}, By: []string{"prefecture", "role_type"}}, []string{"by:one_dimension"}, nil},
		{ExportRequest{Format: "pdf", Tables: []string{"charts", "summary", "summary"}, By: []string{"nationality"}},
			[]string{"format:one_of", "table:one_of", "table:duplicate", "by:one_of"}, nil},
	}
	for _, c := range cases {
		before := len(f.exports)
		out, err := s.Export(ctx, admin, c.req)
		if got := fieldsOf(err); !slices.Equal(got, c.fields) {
			t.Errorf("%+v: fields %v, want %v", c.req, got, c.fields)
			continue
		}
		if c.fields != nil {
			if len(f.exports) != before {
				t.Errorf("%+v: a refused export was logged", c.req)
			}
			continue
		}
		logged := f.exports[len(f.exports)-1]
		if !slices.Equal(logged.Tables, c.tables) || logged.UserID != admin.UserID || logged.Format != c.req.Format || out.ID != logged.ID {
			t.Errorf("%+v: logged %+v, want tables %v", c.req, logged, c.tables)
		}
	}
}

func TestPublicProgress(t *testing.T) {
	s := newTestDashboard(&fakeProgress{version: "1"})
	p, err := s.PublicProgress(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// On 26 November the open figures run to the end of October (November
	// has not closed). 7 counted: karnataka 5 exact, kerala 2 hidden — and
	// 7 − 5 = 2 would give kerala away, so karnataka is hidden as "5+" too
	// (5–6, 1–2 left).
	if p.Counted != 7 || p.Target != 500 || p.Percent != 1.4 || len(p.Monthly) != 4 || *p.Monthly[3].Cumulative != 7 ||
		p.PublishedThrough != NewDate(2026, time.October, 31) {
		t.Errorf("public %+v", p)
	}
	if c := p.ByIndianState.Cells; len(c) != 2 || c[0].Shown != 2 || c[1].Shown != 1 || c[0].Count != 0 {
		t.Errorf("states %+v", p.ByIndianState)
	}
	if c := p.ByPrefecture.Cells; len(c) != 1 || c[0].Count != 7 {
		t.Errorf("prefectures %+v", p.ByPrefecture)
	}
}
