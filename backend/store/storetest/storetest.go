// Package storetest gives tests real databases: a fresh migrated SQLite file
// per test, and, when TEST_DATABASE_URL names a PostgreSQL server, a database
// of the test package's own (created by Main, dropped after) that is emptied
// before each test.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver for creating databases

	"github.com/setubashi/setubashi/backend/store"
)

// EnvVar names the PostgreSQL server tests may create databases on.
const EnvVar = "TEST_DATABASE_URL"

var (
	pgURL string     // the package's own database, set by Main
	pgMu  sync.Mutex // PostgreSQL tests of a package share one database, one at a time
	pgDB  *store.DB
)

// Main runs a test package: with TEST_DATABASE_URL set it creates the
// package's PostgreSQL database first and drops it after. Call it from TestMain.
func Main(m *testing.M) {
	admin := os.Getenv(EnvVar)
	if admin == "" {
		os.Exit(m.Run())
	}
	name, err := createDatabase(admin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "storetest:", err)
		os.Exit(1)
	}
	pgURL = withDatabase(admin, name)
	code := m.Run()
	if pgDB != nil {
		_ = pgDB.Close()
	}
	if err := dropDatabase(admin, name); err != nil {
		fmt.Fprintln(os.Stderr, "storetest:", err)
	}
	os.Exit(code)
}

// Dialects returns the dialects this run tests: SQLite always, PostgreSQL
// when TEST_DATABASE_URL is set.
func Dialects() []string {
	if os.Getenv(EnvVar) != "" {
		return []string{store.SQLite, store.Postgres}
	}
	return []string{store.SQLite}
}

// Each runs fn as a subtest once per dialect, each with an empty migrated database.
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	for _, dialect := range Dialects() {
		t.Run(dialect, func(t *testing.T) { fn(t, Open(t, dialect)) })
	}
}

// Open returns an empty migrated database of the dialect for one test.
// PostgreSQL tests of a package run one at a time (the database is shared and
// emptied before each); the lock is released when the test ends.
func Open(t testing.TB, dialect string) *store.DB {
	t.Helper()
	ctx := context.Background()
	if dialect == store.SQLite {
		db, err := store.Open(ctx, filepath.Join(t.TempDir(), "test.db"), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = db.Close() })
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		return db
	}
	if pgURL == "" {
		t.Fatal("storetest: PostgreSQL tests need storetest.Main in the package's TestMain")
	}
	pgMu.Lock()
	t.Cleanup(pgMu.Unlock)
	if pgDB == nil {
		db, err := store.Open(ctx, pgURL, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		pgDB = db
	}
	if err := truncateAll(ctx, pgDB.SQL()); err != nil {
		t.Fatal(err)
	}
	return pgDB
}

func truncateAll(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'goose_db_version'`)
	if err != nil {
		return err
	}
	defer func() { _ = rows.Close() }()
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return err
		}
		tables = append(tables, `"`+name+`"`)
	}
	if err := rows.Err(); err != nil || len(tables) == 0 {
		return err
	}
	_, err = db.ExecContext(ctx, "TRUNCATE "+strings.Join(tables, ", ")+" RESTART IDENTITY CASCADE")
	return err
}

func createDatabase(admin string) (string, error) {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "setubashi_test_" + hex.EncodeToString(b)
	db, err := sql.Open("pgx", admin)
	if err != nil {
		return "", err
	}
	defer func() { _ = db.Close() }()
	if _, err := db.Exec("CREATE DATABASE " + name); err != nil {
		return "", fmt.Errorf("create test database: %w", err)
	}
	return name, nil
}

func dropDatabase(admin, name string) error {
	db, err := sql.Open("pgx", admin)
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	_, err = db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
	return err
}

// withDatabase returns the URL with its database name replaced.
func withDatabase(rawURL, name string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	u.Path = "/" + name
	return u.String()
}

// PostgresURL returns the package's PostgreSQL database URL ("" without
// TEST_DATABASE_URL), for tests that open their own connections.
func PostgresURL() string { return pgURL }
