// Package frontend embeds the web UI built by `npm run build` (Vite writes
// it to frontend/dist) so that the one binary serves it.
package frontend

import "embed"

// Dist holds dist/: index.html, hashed assets under dist/assets/ and the
// few files Vite copies from public/. In a clone where the UI was never
// built it holds only dist/.gitkeep, and the server shows a page saying how
// to build it.
//
//go:embed all:dist
var Dist embed.FS
