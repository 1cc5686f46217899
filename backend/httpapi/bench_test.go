package httpapi_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
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
	srv, _ := newServer(b, db)
	paths := map[string]string{
		"search_all":      "/api/v1/roles?limit=20",
		"search_text_ja":  "/api/v1/roles?q=%E6%A9%9F%E6%A2%B0%E5%AD%A6%E7%BF%92&limit=20",
		"search_filtered": "/api/v1/roles?type=job&skill=python&jlpt_max=N3&min_salary=6000000&limit=20",
		"role":            "/api/v1/roles/1000",
		"reference_hi":    "/api/v1/reference?lang=hi",
	}
	for name, path := range paths {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				rec := httptest.NewRecorder()
				srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
				if rec.Code != http.StatusOK && rec.Code != http.StatusNotFound {
					b.Fatal(fmt.Sprint(rec.Code, rec.Body.String()))
				}
			}
		})
	}
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
