package httpapi_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/setubashi/setubashi/backend/store"
)

// worldSnapshot is the schema that keeps a copy of a PostgreSQL world's rows.
const worldSnapshot = "world_template"

// snapshotWorld copies every table of a PostgreSQL test database into the
// schema worldSnapshot, so that restoreWorld can bring the database back to
// this state far faster than building the world again. The copy is dropped
// when the test ends.
func snapshotWorld(t testing.TB, db *store.DB) {
	t.Helper()
	pgExec(t, db, "DROP SCHEMA IF EXISTS "+worldSnapshot+" CASCADE")
	pgExec(t, db, "CREATE SCHEMA "+worldSnapshot)
	t.Cleanup(func() { _, _ = db.SQL().Exec("DROP SCHEMA IF EXISTS " + worldSnapshot + " CASCADE") })
	for _, table := range pgTables(t, db) {
		pgExec(t, db, fmt.Sprintf("CREATE TABLE %s.%q AS TABLE public.%q", worldSnapshot, table, table))
	}
}

// restoreWorld empties every table and refills it from the snapshot, in one
// transaction and one round trip: children are emptied before their
// parents, parents filled before their children. DELETE is many times
// faster than TRUNCATE for a few rows, but tables with triggers of their
// own (an append-only log refuses DELETE) are truncated. Identities are not
// restarted, so rows made afterwards never take an id of the snapshot's.
func restoreWorld(t testing.TB, db *store.DB) {
	t.Helper()
	tables, guarded := pgTables(t, db), pgTriggered(t, db)
	script := []string{"BEGIN"}
	if len(guarded) > 0 {
		quoted := make([]string, len(guarded))
		for i, table := range guarded {
			quoted[i] = fmt.Sprintf("public.%q", table)
		}
		script = append(script, "TRUNCATE "+strings.Join(quoted, ", ")+" CASCADE")
	}
	for _, table := range slices.Backward(tables) {
		if !slices.Contains(guarded, table) {
			script = append(script, fmt.Sprintf("DELETE FROM public.%q", table))
		}
	}
	for _, table := range tables {
		script = append(script, fmt.Sprintf("INSERT INTO public.%q OVERRIDING SYSTEM VALUE SELECT * FROM %s.%q", table, worldSnapshot, table))
	}
	pgExec(t, db, strings.Join(append(script, "COMMIT"), ";\n"))
}

// pgTables lists the application's tables (not goose's), every table after
// the tables its foreign keys refer to.
func pgTables(t testing.TB, db *store.DB) []string {
	t.Helper()
	ctx := context.Background()
	var tables []string
	rows, err := db.SQL().QueryContext(ctx, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'goose_db_version' ORDER BY tablename`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	parents := map[string][]string{}
	rows, err = db.SQL().QueryContext(ctx, `
		SELECT child.relname, parent.relname
		FROM pg_constraint c
		JOIN pg_class child ON child.oid = c.conrelid
		JOIN pg_class parent ON parent.oid = c.confrelid
		JOIN pg_namespace n ON n.oid = child.relnamespace
		WHERE c.contype = 'f' AND n.nspname = 'public'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var child, parent string
		if err := rows.Scan(&child, &parent); err != nil {
			t.Fatal(err)
		}
		if child != parent {
			parents[child] = append(parents[child], parent)
		}
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	var ordered []string
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(table string)
	visit = func(table string) {
		switch state[table] {
		case 1:
			t.Fatalf("foreign keys form a cycle through %s: restoreWorld cannot order the tables", table)
		case 2:
			return
		}
		state[table] = 1
		for _, p := range parents[table] {
			if slices.Contains(tables, p) {
				visit(p)
			}
		}
		state[table] = 2
		ordered = append(ordered, table)
	}
	for _, table := range tables {
		visit(table)
	}
	return ordered
}

// pgTriggered lists the application's tables that have triggers of their
// own (not those PostgreSQL makes for foreign keys).
func pgTriggered(t testing.TB, db *store.DB) []string {
	t.Helper()
	rows, err := db.SQL().Query(`
		SELECT DISTINCT c.relname
		FROM pg_trigger tr
		JOIN pg_class c ON c.oid = tr.tgrelid
		JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE NOT tr.tgisinternal AND n.nspname = 'public'
		ORDER BY c.relname`)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		out = append(out, name)
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	return out
}

func pgExec(t testing.TB, db *store.DB, query string) {
	t.Helper()
	if _, err := db.SQL().Exec(query); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}
