package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/seed"
	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
)

// benchmarkReads seeds the issue-size dataset (10,000 candidates, 300
// organisations, 2,000 roles, 50,000 applications) into a database of the
// dialect and measures the public read paths through the whole stack.
func benchmarkReads(b *testing.B, dialect string) {
	db := storetest.Open(b, dialect)
	opt := seed.Options{Candidates: 10_000, Organizations: 300, Roles: 2_000, Applications: 50_000, Seed: 1, Now: time.Now()}
	if _, err := seed.Generate(context.Background(), db, opt, io.Discard); err != nil {
		b.Fatal(err)
	}
	if _, err := seed.DemoAccounts(context.Background(), db, benchPassword, opt); err != nil {
		b.Fatal(err)
	}
	srv, _ := newServer(b, db)
	srv.Accounts.ExemptFromSecondFactor("org@demo.setubashi.test") // as development mode does for the demo accounts
	candidate, member := benchLogin(b, srv, "candidate@demo.setubashi.test"), benchLogin(b, srv, "org@demo.setubashi.test")
	type call struct{ path, session string }
	calls := map[string]call{
		"me_recommendations":   {"/api/v1/me/recommendations?limit=20", candidate},
		"role_recommendations": {fmt.Sprintf("/api/v1/roles/%d/recommendations?limit=20", benchDemoRole(b, srv, member)), member},
	}
	paths := map[string]string{
		"search_all":      "/api/v1/roles?limit=20",
		"search_text_ja":  "/api/v1/roles?q=%E6%A9%9F%E6%A2%B0%E5%AD%A6%E7%BF%92&limit=20",
		"search_filtered": "/api/v1/roles?type=job&skill=python&jlpt_max=N3&min_salary=6000000&limit=20",
		"role":            "/api/v1/roles/1000",
		"reference_hi":    "/api/v1/reference?lang=hi",
	}
	for name, path := range paths {
		calls[name] = call{path: path}
	}
	for name, c := range calls {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				rec := benchGet(srv, c.path, c.session)
				if rec.Code != http.StatusOK && rec.Code != http.StatusNotFound {
					b.Fatal(fmt.Sprint(rec.Code, rec.Body.String()))
				}
			}
		})
	}
}

// benchPassword is the demo accounts' password in benchmarks.
const benchPassword = "benchmark-password-2026"

func benchGet(srv http.Handler, path, session string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if session != "" {
		req.AddCookie(&http.Cookie{Name: "setubashi_session", Value: session})
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	return rec
}

// benchLogin signs a demo account in and returns its session token.
func benchLogin(b *testing.B, srv http.Handler, email string) string {
	b.Helper()
	body := fmt.Sprintf(`{"email":%q,"password":%q}`, email, benchPassword)
	req := httptest.NewRequest(http.MethodPost, "/api/v1/auth/login", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	for _, c := range rec.Result().Cookies() {
		if c.Name == "setubashi_session" {
			return c.Value
		}
	}
	b.Fatalf("sign-in of %s: %d %s", email, rec.Code, rec.Body.String())
	return ""
}

// benchDemoRole returns an open role of the demo organisation.
func benchDemoRole(b *testing.B, srv http.Handler, member string) int64 {
	b.Helper()
	var orgs struct {
		Items []struct{ ID int64 } `json:"items"`
	}
	if err := json.Unmarshal(benchGet(srv, "/api/v1/me/organizations", member).Body.Bytes(), &orgs); err != nil || len(orgs.Items) == 0 {
		b.Fatalf("demo organisation: %v", err)
	}
	var roles struct {
		Items []struct{ ID int64 } `json:"items"`
	}
	path := fmt.Sprintf("/api/v1/organizations/%d/roles", orgs.Items[0].ID)
	if err := json.Unmarshal(benchGet(srv, path, member).Body.Bytes(), &roles); err != nil || len(roles.Items) == 0 {
		b.Fatalf("demo roles: %v", err)
	}
	return roles.Items[0].ID
}

// BenchmarkReadsSQLite measures the read paths on the embedded database.
func BenchmarkReadsSQLite(b *testing.B) { benchmarkReads(b, store.SQLite) }

// BenchmarkReadsPostgres measures them on PostgreSQL (needs TEST_DATABASE_URL).
func BenchmarkReadsPostgres(b *testing.B) {
	if storetest.PostgresURL() == "" {
		b.Skip("TEST_DATABASE_URL is not set")
	}
	benchmarkReads(b, store.Postgres)
}
