package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// columns lists every table's columns in a database.
func columns(t *testing.T, db *store.DB) map[string][]string {
	t.Helper()
	query := `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`
	if db.Dialect() == store.SQLite {
		query = `SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
			WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`
	}
	rows, err := db.SQL().QueryContext(context.Background(), query)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = rows.Close() }()
	out := map[string][]string{}
	for rows.Next() {
		var table, column string
		if err := rows.Scan(&table, &column); err != nil {
			t.Fatal(err)
		}
		out[table] = append(out[table], column)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for table := range out {
		slices.Sort(out[table])
	}
	return out
}

// TestDialectsHaveTheSameSchema migrates both dialects from empty and checks
// that they have the same tables with the same columns.
func TestDialectsHaveTheSameSchema(t *testing.T) {
	if os.Getenv(storetest.EnvVar) == "" {
		t.Skip("set TEST_DATABASE_URL to compare with PostgreSQL")
	}
	lite := columns(t, storetest.Open(t, store.SQLite))
	pg := columns(t, storetest.Open(t, store.Postgres))
	if len(lite) < 12 {
		t.Fatalf("SQLite has only %d tables", len(lite))
	}
	for _, table := range slices.Sorted(maps.Keys(lite)) {
		if !slices.Equal(lite[table], pg[table]) {
			t.Errorf("table %s: sqlite %v, postgres %v", table, lite[table], pg[table])
		}
	}
	for table := range pg {
		if _, ok := lite[table]; !ok {
			t.Errorf("table %s exists only in PostgreSQL", table)
		}
	}
}

// TestMigrateIsIdempotent runs the migrations twice: the second run applies
// nothing and the schema version stays the newest.
func TestMigrateIsIdempotent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		n, err := db.Migrate(ctx)
		if err != nil || n != 0 {
			t.Fatalf("second migrate applied %d, err %v", n, err)
		}
		v, err := db.SchemaVersion(ctx)
		if err != nil || v < 1 {
			t.Fatalf("schema version %d, err %v", v, err)
		}
	})
}

// TestSQLitePragmas checks the embedded database runs with foreign keys, WAL
// and a busy timeout.
func TestSQLitePragmas(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "sub", "p.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }()
	for pragma, want := range map[string]string{"foreign_keys": "1", "journal_mode": "wal", "busy_timeout": "10000"} {
		var got sql.NullString
		if err := db.SQL().QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got.String) != want {
			t.Errorf("PRAGMA %s = %q, want %q", pragma, got.String, want)
		}
	}
}
