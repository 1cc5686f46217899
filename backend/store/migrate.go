package store

import (
	"context"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"

	"github.com/setubashi/setubashi/migrations"
)

// Migrate applies every pending migration of the database's dialect and
// returns how many ran.
func (d *DB) Migrate(ctx context.Context) (int, error) {
	p, err := d.migrationProvider()
	if err != nil {
		return 0, err
	}
	results, err := p.Up(ctx)
	if err != nil {
		return len(results), fmt.Errorf("migrate %s: %w", d.dialect, err)
	}
	return len(results), nil
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
