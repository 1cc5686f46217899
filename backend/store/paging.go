package store

import (
	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

// paged orders a query newest first by its id column and applies a keyset
// page: ids below the cursor, at most p.Limit rows.
func paged(q *gorm.DB, idColumn string, p talent.Page) *gorm.DB {
	if p.After > 0 {
		q = q.Where(idColumn+" < ?", p.After)
	}
	return q.Order(idColumn + " DESC").Limit(p.Limit)
}

// mapRows converts row values to domain values.
func mapRows[R, T any](rows []R, convert func(R) T) []T {
	out := make([]T, len(rows))
	for i, r := range rows {
		out[i] = convert(r)
	}
	return out
}
