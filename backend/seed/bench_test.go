package seed

import (
	"context"
	"io"
	"testing"

	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
)

// issueOptions are the sizes the seed command must load in under a minute.
var issueOptions = Options{Candidates: 10_000, Organizations: 300, Roles: 2_000, Applications: 50_000, Seed: 1, Now: testNow}

// BenchmarkSeedSQLite seeds the issue's full size into a fresh SQLite file.
// Run it once with
//
//	go test -run '^$' -bench BenchmarkSeedSQLite -benchtime 1x ./backend/seed/
func BenchmarkSeedSQLite(b *testing.B) { benchmarkSeed(b, store.SQLite) }

// BenchmarkSeedPostgres does the same on PostgreSQL when TEST_DATABASE_URL is set.
func BenchmarkSeedPostgres(b *testing.B) {
	if storetest.PostgresURL() == "" {
		b.Skip("TEST_DATABASE_URL is not set")
	}
	benchmarkSeed(b, store.Postgres)
}

func benchmarkSeed(b *testing.B, dialect string) {
	for range b.N {
		b.StopTimer()
		db := storetest.Open(b, dialect)
		b.StartTimer()
		if _, err := Generate(context.Background(), db, issueOptions, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
