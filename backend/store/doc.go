// Package store keeps Setubashi's data with GORM on PostgreSQL or on an
// embedded pure-Go SQLite: opening either database, running the versioned
// migrations, and the repositories that implement talent's store interfaces.
// Row types (with gorm tags) live here and never leave the package: callers
// get talent's domain types.
package store
