// Package migrations embeds the versioned SQL schema: one folder per database
// dialect (postgres/, sqlite/), with the same version numbers in both, run by
// goose at start-up and by `setubashi migrate`.
package migrations

import "embed"

// FS holds postgres/*.sql and sqlite/*.sql.
//
//go:embed postgres/*.sql sqlite/*.sql
var FS embed.FS
