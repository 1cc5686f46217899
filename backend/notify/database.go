package notify

import (
	"context"
	"database/sql"

	"github.com/riverqueue/river/riverdriver"

	"github.com/setubashi/setubashi/backend/talent"
)

// JobDatabase is the database the job queue shares with the store
// (*store.DB is one, handed over by the binary): River keeps its jobs in the
// same database, so that a change and the jobs it causes commit together.
type JobDatabase interface {
	// JobDriver returns River's driver over the database's connection pool.
	JobDriver() riverdriver.Driver[*sql.Tx]
	// SQLTx returns the database/sql transaction ctx runs in, if any.
	SQLTx(ctx context.Context) (*sql.Tx, bool)
	// Classify gives an error of the job queue the kinds of the store's
	// errors: a lost or refused connection becomes talent.ErrUnavailable.
	// doing says what was being done.
	Classify(err error, doing string) error
}

// Database is what a Worker needs of the database: the job tables, and the
// notifications it delivers.
type Database interface {
	JobDatabase
	talent.NotificationStore
}
