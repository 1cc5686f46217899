package store

import (
	"context"
	"database/sql"

	"gorm.io/gorm"
)

// txKey marks the transaction a context runs in. The transaction is the one
// value Setubashi carries in a context: every store call must join it
// without each signature naming it (talent.Transactor). This file alone
// puts it there (InTx) and reads it (conn, SQLTx).
type txKey struct{}

// InTx runs fn in one database transaction: every store call made with the
// context fn receives joins it (their own transactions become savepoints),
// so a change and what it causes (notifications, jobs) commit or roll back
// together. A nested InTx joins the outer transaction.
func (d *DB) InTx(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return fn(ctx)
	}
	err := d.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return fn(context.WithValue(ctx, txKey{}, tx))
	})
	// Beginning or committing can fail too (a lost connection is
	// ErrUnavailable); fn's own errors keep their kind.
	return classify(err, "transaction")
}

// conn returns the transaction ctx runs in, or the pool.
func (d *DB) conn(ctx context.Context) *gorm.DB {
	if tx, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return tx.WithContext(ctx)
	}
	return d.gorm.WithContext(ctx)
}

// SQLTx returns the database/sql transaction ctx runs in (see InTx), for
// libraries that join it, such as the job queue.
func (d *DB) SQLTx(ctx context.Context) (*sql.Tx, bool) {
	tx, ok := ctx.Value(txKey{}).(*gorm.DB)
	if !ok {
		return nil, false
	}
	sqlTx, ok := tx.Statement.ConnPool.(*sql.Tx)
	return sqlTx, ok
}
