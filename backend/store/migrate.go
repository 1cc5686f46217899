package store

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/setubashi/setubashi/migrations"
)

// Migrate applies every pending migration of the database's dialect, then
// the job queue's own (River's), and returns how many of Setubashi's ran.
func (d *DB) Migrate(ctx context.Context) (int, error) {
	p, err := d.migrationProvider()
	if err != nil {
		return 0, err
	}
	results, err := p.Up(ctx)
	if err != nil {
		return len(results), fmt.Errorf("migrate %s: %w", d.dialect, err)
	}
	if err := d.migrateJobQueue(ctx); err != nil {
		return len(results), err
	}
	return len(results), nil
}

// migrateJobQueue brings River's tables up to the version of the River
// library built in, with River's own migrator.
func (d *DB) migrateJobQueue(ctx context.Context) error {
	m, err := rivermigrate.New(d.JobDriver(), nil)
	if err != nil {
		return fmt.Errorf("job queue migrations: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("migrate job queue: %w", err)
	}
	return nil
}

// JobDriver returns the River driver for this database, over the same pool.
func (d *DB) JobDriver() riverdriver.Driver[*sql.Tx] {
	if d.dialect == SQLite {
		return riversqlite.New(d.SQL())
	}
	return riverdatabasesql.New(d.SQL())
}

// MigrateTo applies pending migrations up to and including version (tests of
// data migrations start from an older schema) and returns how many ran.
func (d *DB) MigrateTo(ctx context.Context, version int64) (int, error) {
	p, err := d.migrationProvider()
	if err != nil {
		return 0, err
	}
	results, err := p.UpTo(ctx, version)
	if err != nil {
		return len(results), fmt.Errorf("migrate %s to %d: %w", d.dialect, version, err)
	}
	return len(results), nil
}

// SchemaVersion returns the version of the last applied migration.
func (d *DB) SchemaVersion(ctx context.Context) (int64, error) {
	p, err := d.migrationProvider()
	if err != nil {
		return 0, err
	}
	return p.GetDBVersion(ctx)
}

func (d *DB) migrationProvider() (*goose.Provider, error) {
	dir, gooseDialect := "postgres", goose.DialectPostgres
	if d.dialect == SQLite {
		dir, gooseDialect = "sqlite", goose.DialectSQLite3
	}
	fsys, err := fs.Sub(migrations.FS, dir)
	if err != nil {
		return nil, fmt.Errorf("migrations for %s: %w", dir, err)
	}
	p, err := goose.NewProvider(gooseDialect, d.SQL(), fsys)
	if err != nil {
		return nil, fmt.Errorf("migrations for %s: %w", dir, err)
	}
	return p, nil
}
