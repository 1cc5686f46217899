// Package locales embeds the message catalogues en.toml, ja.toml and
// hi.toml: every user-facing string of the API and the web UI, loaded by
// package i18n.
package locales

import "embed"

// FS holds the three catalogues.
//
//go:embed *.toml
var FS embed.FS
