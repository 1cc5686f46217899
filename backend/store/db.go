package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

// Dialects a DB can speak.
const (
	Postgres = "postgres"
	SQLite   = "sqlite"
)

// DB is an open database with its dialect. It implements every store
// interface of package talent.
type DB struct {
	gorm    *gorm.DB
	dialect string
	// Snapshots of what recommendations are computed over (see snapshot).
	openRoles    snapshot[[]talent.Role]
	discoverable snapshot[[]talent.Profile]
}

// Options tune how a database is opened.
type Options struct {
	// StatementTimeout bounds every PostgreSQL statement (0: 15 s).
	StatementTimeout time.Duration
	// MaxOpenConns bounds the PostgreSQL connection pool (0: 20).
	MaxOpenConns int
	// Logger receives the statements that took SlowQuery or longer, at
	// warn level with the request ID of their context, and GORM's own
	// warnings and errors (nil: nothing is logged).
	Logger *slog.Logger
	// SlowQuery is how long a statement may take before it is logged
	// (0: DefaultSlowQuery).
	SlowQuery time.Duration
}

// DefaultSQLitePath is where `make run` keeps its embedded database.
const DefaultSQLitePath = "data/setubashi.db"

// Open connects to the database named by dsn: a postgres:// or postgresql://
// URL selects PostgreSQL, anything else is a SQLite file path (created with
// its folder if missing; "" means DefaultSQLitePath).
func Open(ctx context.Context, dsn string, opt Options) (*DB, error) {
	cfg := &gorm.Config{TranslateError: true, Logger: gormLogger(opt), NowFunc: func() time.Time { return time.Now().UTC() }}
	var (
		db      *gorm.DB
		dialect string
		err     error
	)
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		dialect = Postgres
		db, err = gorm.Open(postgres.Open(withStatementTimeout(dsn, opt.StatementTimeout)), cfg)
	} else {
		dialect = SQLite
		var path string
		if path, err = sqlitePath(dsn); err == nil {
			db, err = gorm.Open(sqlite.Open(path), cfg)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", dialect, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", dialect, err)
	}
	configurePool(sqlDB, dialect, opt)
	if err := sqlDB.PingContext(ctx); err != nil {
		_ = sqlDB.Close()
		return nil, fmt.Errorf("reach %s database: %w", dialect, err)
	}
	return &DB{gorm: db, dialect: dialect}, nil
}

// Dialect returns Postgres or SQLite.
func (d *DB) Dialect() string { return d.dialect }

// SQL returns the underlying database/sql handle (for migrations and tests).
func (d *DB) SQL() *sql.DB {
	sqlDB, _ := d.gorm.DB() // never fails once Open succeeded
	return sqlDB
}

// Ping reports whether the database answers.
func (d *DB) Ping(ctx context.Context) error { return d.SQL().PingContext(ctx) }

// Close closes the connection pool.
func (d *DB) Close() error { return d.SQL().Close() }

func configurePool(sqlDB *sql.DB, dialect string, opt Options) {
	if dialect == SQLite {
		// One writer at a time is SQLite's nature; a small pool keeps readers
		// concurrent under WAL while writers queue on busy_timeout.
		sqlDB.SetMaxOpenConns(8)
		sqlDB.SetMaxIdleConns(8)
		return
	}
	maxOpen := opt.MaxOpenConns
	if maxOpen == 0 {
		maxOpen = 20
	}
	sqlDB.SetMaxOpenConns(maxOpen)
	sqlDB.SetMaxIdleConns(maxOpen / 2)
	sqlDB.SetConnMaxLifetime(30 * time.Minute)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
}

// withStatementTimeout adds a statement_timeout runtime parameter to a
// PostgreSQL URL unless it names one already.
func withStatementTimeout(dsn string, timeout time.Duration) string {
	if timeout == 0 {
		timeout = 15 * time.Second
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn
	}
	q := u.Query()
	if q.Get("statement_timeout") == "" {
		q.Set("statement_timeout", fmt.Sprint(timeout.Milliseconds()))
	}
	// A transaction left open by a stuck or killed client must not hold its
	// locks for ever.
	if q.Get("idle_in_transaction_session_timeout") == "" {
		q.Set("idle_in_transaction_session_timeout", "60000")
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// sqlitePath turns a file path (or sqlite:// / file: form) into a DSN with
// the pragmas Setubashi relies on, creating the folder it lives in.
func sqlitePath(dsn string) (string, error) {
	path := strings.TrimPrefix(strings.TrimPrefix(dsn, "sqlite://"), "file:")
	if path == "" {
		path = DefaultSQLitePath
	}
	if i := strings.IndexByte(path, '?'); i >= 0 {
		return "", errors.New("give DATABASE_URL as a plain SQLite file path; Setubashi sets the pragmas itself")
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return "", fmt.Errorf("create %s: %w", dir, err)
		}
	}
	// The path goes into a file: URI, where % and # have meanings of their own.
	path = strings.NewReplacer("%", "%25", "#", "%23").Replace(path)
	pragmas := url.Values{"_pragma": {"foreign_keys(1)", "journal_mode(WAL)", "busy_timeout(10000)", "synchronous(NORMAL)"}, "_txlock": {"immediate"}}
	return "file:" + path + "?" + pragmas.Encode(), nil
}
