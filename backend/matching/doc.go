// Package matching holds Setubashi's matching algorithms as pure functions
// over in-memory values: no I/O, no database, nothing but the standard library
// and package talent.
//
// Three jobs live here:
//
//   - Match scores that explain themselves. A Scorer rates a candidate's
//     talent.Profile against a talent.Role from 0 to 100 out of named
//     components (skills, languages, education, experience, research record,
//     logistics), whose weights are set in weights.go. Hard requirements
//     (required JLPT level, minimum education, a passed deadline) make a pair
//     ineligible. Every component and every blocker explains itself with
//     talent.Reason values (message IDs in locales/*.toml under [match], and
//     arguments). RankRoles and RankCandidates rank many pairs at once: a
//     cheap pass scores every pair, a heap keeps the best, and reasons are
//     built for those alone.
//   - The Highly Skilled Professional points assessment (category (i)(b)),
//     with J-Skip and J-Find, from the versioned table in hsp_points.json:
//     DecodeHSPInput, AssessHSP, WhatWouldLift and HSPInputFromProfile.
//   - Matching rounds: candidate-proposing deferred acceptance with
//     capacities (Solve, SolveRound) and an independent check that a result
//     is stable and respects capacities and rank lists (Verify).
package matching
