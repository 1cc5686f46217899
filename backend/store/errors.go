package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

// Classify gives a database error talent's error kinds: a missing row is
// talent.ErrNotFound, a unique-key violation (either dialect) ErrConflict, a
// lost or refused connection ErrUnavailable. Anything else is wrapped with
// what was being done. The store classifies its own errors with it, and
// libraries that work on the same database (the job queue) theirs.
func classify(err error, doing string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound):
		return talent.NotFound()
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return talent.Conflict(talent.CodeDuplicate)
	case errors.Is(err, talent.ErrNotFound), errors.Is(err, talent.ErrConflict), errors.Is(err, talent.ErrInvalid),
		errors.Is(err, talent.ErrUnavailable):
		return err
	case unreachable(err):
		return &unavailableError{doing: doing, err: err}
	default:
		return fmt.Errorf("%s: %w", doing, err)
	}
}

// Classify gives an error of a library that works on the same database (the
// job queue) the kinds of store errors: in particular, a lost or refused
// connection becomes talent.ErrUnavailable. doing says what was being done.
func (d *DB) Classify(err error, doing string) error { return classify(err, doing) }

// unavailableError is a database failure a retry may not meet: the
// connection was lost, the server is restarting or busy, or a statement ran
// out of time. It is talent.ErrUnavailable (503 with Retry-After).
type unavailableError struct {
	doing string
	err   error
}

func (e *unavailableError) Error() string {
	return e.doing + ": database unavailable: " + e.err.Error()
}

// Unwrap returns both the kind and the cause.
func (e *unavailableError) Unwrap() []error { return []error{talent.ErrUnavailable, e.err} }

// unreachable reports whether err says the database cannot answer now
// rather than that the request is wrong: lost or refused connections,
// PostgreSQL shutting down or starting up (57P01–57P03) or in a connection
// exception (class 08), statement and lock timeouts (57014, 55P03), a
// deadline, and SQLite busy past its busy_timeout.
func unreachable(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return strings.HasPrefix(pgErr.Code, "08") || strings.HasPrefix(pgErr.Code, "57P") ||
			pgErr.Code == "57014" || pgErr.Code == "55P03" || pgErr.Code == "53300"
	}
	var netErr net.Error
	var connectErr *pgconn.ConnectError
	switch {
	case errors.As(err, &connectErr), errors.As(err, &netErr),
		errors.Is(err, driver.ErrBadConn), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		errors.Is(err, context.DeadlineExceeded), pgconn.Timeout(err), pgconn.SafeToRetry(err),
		// A transaction whose connection died under it (its commit failed)
		// is then reported as done when rolled back.
		errors.Is(err, sql.ErrTxDone):
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "conn closed") || strings.Contains(msg, "database is locked") ||
		strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "failed to connect")
}
