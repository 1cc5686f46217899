package talent

import "context"

// Transactor runs work in one database transaction: every store call made
// with the context fn receives joins it, so a change and what it causes
// commit or roll back together; a nested InTx joins the outer transaction.
// The context is the one carrier of the transaction, and the store the one
// package that reads it.
type Transactor interface {
	InTx(ctx context.Context, fn func(ctx context.Context) error) error
}
