// Package archtest keeps the layering that docs/ARCHITECTURE.md describes
// true: its tests fail when a package imports what its layer must not (the
// rules .golangci.yml's depguard also checks, here including indirect
// imports), or when the table of packages and their dependencies in
// docs/ARCHITECTURE.md no longer says what `go list` does. It has no code of
// its own.
package archtest
