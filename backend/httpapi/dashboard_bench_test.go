package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/httpapi"
	"github.com/setubashi/setubashi/backend/seed"
	"github.com/setubashi/setubashi/backend/skills"
	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
)

// dashboardBenchOptions are the size: 100,000 candidates and
// 300,000 applications; 24,000 roles at 2,000 organisations give about
// 5,000 arrivals (5,076 with seed 1 as of 26 November 2026).
var dashboardBenchOptions = seed.Options{Candidates: 100_000, Organizations: 2_000, Roles: 24_000, Applications: 300_000,
	Seed: 1, Now: time.Date(2026, time.November, 26, 12, 0, 0, 0, time.UTC)}

// BenchmarkDashboardPostgres seeds the issue-size dataset into PostgreSQL
// (needs TEST_DATABASE_URL; seeding takes about a minute) and measures the
// dashboard, each sub-benchmark reporting the median (p50-ms) and the 90th
// percentile (p90-ms) of its requests:
//
//	warm/…  through the whole stack (gin, session, service, JSON) as the
//	        server answers repeated requests: from the aggregates it keeps
//	        until the data change (after one data-version query each time)
//	cold/…  the service with an empty cache every time: every aggregate
//	        computed in SQL, as after any change to the data
//
// Run it with
//
//	TEST_DATABASE_URL=… go test -run '^$' -bench BenchmarkDashboardPostgres -benchtime 20x -timeout 30m ./backend/httpapi/
func BenchmarkDashboardPostgres(b *testing.B) {
	if storetest.PostgresURL() == "" {
		b.Skip("TEST_DATABASE_URL is not set")
	}
	ctx := context.Background()
	db := storetest.Open(b, store.Postgres)
	sum, err := seed.Generate(ctx, db, dashboardBenchOptions, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := db.SQL().ExecContext(ctx, "VACUUM ANALYZE"); err != nil {
		b.Fatal(err)
	}
	b.Logf("seeded %d candidates, %d applications, %d placements, %d arrivals", sum.Candidates, sum.Applications, sum.Placements, sum.Arrivals)

	srv, _ := newServer(b, db)
	session := benchStaffSession(b, srv, "bench-ministry@example.test", talent.AccountMinistry)
	warm := []struct{ name, path string }{
		{"goal", "/api/v1/dashboard/goal"},
		{"breakdown_prefecture", "/api/v1/dashboard/breakdown?by=prefecture"},
		{"breakdown_indian_state", "/api/v1/dashboard/breakdown?by=indian_state"},
		{"breakdown_skill_domain", "/api/v1/dashboard/breakdown?by=skill_domain&from=2026-01-01&to=2026-11-30"},
		{"public", "/api/v1/public/progress"},
	}
	for _, w := range warm {
		b.Run("warm/"+w.name, func(b *testing.B) {
			measure(b, func() {
				req := httptest.NewRequest(http.MethodGet, w.path, nil)
				req.AddCookie(&http.Cookie{Name: "setubashi_session", Value: session})
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: %d %s", w.path, rec.Code, rec.Body)
				}
			})
		})
	}

	ministry := talent.Actor{UserID: 1, Kind: talent.AccountMinistry}
	taxonomy := skills.MustLoad()
	cold := []struct {
		name string
		call func(d *talent.Dashboard) error
	}{
		{"goal", func(d *talent.Dashboard) error { _, err := d.Goal(ctx, ministry); return err }},
		{"breakdown_prefecture", func(d *talent.Dashboard) error {
			_, err := d.Breakdown(ctx, ministry, talent.ByPrefecture, talent.Period{})
			return err
		}},
		{"breakdown_indian_state", func(d *talent.Dashboard) error {
			_, err := d.Breakdown(ctx, ministry, talent.ByIndianState, talent.Period{})
			return err
		}},
		{"public", func(d *talent.Dashboard) error { _, err := d.PublicProgress(ctx); return err }},
	}
	for _, c := range cold {
		b.Run("cold/"+c.name, func(b *testing.B) {
			measure(b, func() {
				if err := c.call(talent.NewDashboard(db, taxonomy)); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// measure runs fn b.N times and reports the median and 90th percentile.
func measure(b *testing.B, fn func()) {
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		fn()
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	ms := func(q float64) float64 { return float64(took[int(q*float64(len(took)-1))]) / float64(time.Millisecond) }
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.9), "p90-ms")
}

// benchStaffSession creates a staff account that may sign in without a
// second factor (as the development demo accounts do) and signs it in.
func benchStaffSession(b *testing.B, srv *httpapi.Server, email string, kind talent.AccountKind) string {
	b.Helper()
	if _, err := srv.Accounts.CreateStaff(context.Background(), talent.Registration{Email: email, Password: testPassword, Name: "Bench", Kind: kind}); err != nil {
		b.Fatal(err)
	}
	srv.Accounts.ExemptFromSecondFactor(email)
	body, _ := json.Marshal(map[string]string{"email": email, "password": testPassword})
	req := httptest.NewRequest(http.MethodPost, "/api/v1/auth/login", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	for _, c := range (&http.Response{Header: rec.Header()}).Cookies() {
		if c.Name == "setubashi_session" && c.Value != "" {
			return c.Value
		}
	}
	b.Fatalf("sign-in: %d %s", rec.Code, rec.Body)
	return ""
}
