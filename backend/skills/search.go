package skills

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Rank says how well a skill matched a search; lower is better.
type Rank int

// Ranks of a search match, best first.
const (
	// RankExact: a label, alias or slug equals the query.
	RankExact Rank = iota
	// RankLabelPrefix: a label (in any language) starts with the query.
	RankLabelPrefix
	// RankAliasPrefix: an alias or the slug starts with the query.
	RankAliasPrefix
	// RankWordPrefix: a word inside a label or alias starts with the query.
	RankWordPrefix
	// RankSubstring: a label, alias or slug contains the query.
	RankSubstring
	// RankBrowse: the query was empty and the skill is a top-level one.
	RankBrowse
)

// Match is one search result.
type Match struct {
	Skill Skill
	// Matched is the label or alias that matched, as the taxonomy writes it,
	// in whatever language it is; "" for an empty query.
	Matched string
	Rank    Rank
}

// name is one searchable name of a skill.
type name struct {
	text     string   // as written
	key      string   // folded: see fold
	squeezed string   // key without spaces
	runes    []rune   // squeezed, for edit distances
	pairs    []uint64 // neighbouring letters of squeezed, sorted (see letterPairs)
	label    bool     // a label, not an alias or the slug
}

func newName(text string, label bool) name {
	key := fold(text)
	squeezed := strings.ReplaceAll(key, " ", "")
	runes := []rune(squeezed)
	return name{text: text, key: key, squeezed: squeezed, runes: runes, pairs: letterPairs(runes), label: label}
}

// maxQuery is how much of a query Search and Suggest look at, in characters;
// no name is longer.
const maxQuery = maxNameLen

// Search returns at most limit skills matching q, for autocomplete in any of
// Setubashi's languages. Matching ignores case, letter width (full-width and
// half-width forms), hiragana versus katakana, the Devanagari nukta, and
// spaces, hyphens and other separators. Each skill is ranked by the best of
// its names: an exact name, then a label starting with q, then an alias
// starting with q, then a word inside a name starting with q, then a name
// containing q; skills of equal rank are ordered by slug.
//
// An empty (or separator-only) q returns the top-level skills instead, those
// with the most skills under them first, then by slug. A limit below 1
// returns nothing.
func (t *Taxonomy) Search(q string, limit int) []Match {
	if limit < 1 {
		return nil
	}
	qk := fold(truncate(q, maxQuery))
	if qk == "" {
		out := make([]Match, 0, min(limit, len(t.roots)))
		for _, i := range t.roots[:min(limit, len(t.roots))] {
			out = append(out, Match{Skill: t.skill(i), Rank: RankBrowse})
		}
		return out
	}
	qs := strings.ReplaceAll(qk, " ", "")
	type hit struct {
		i       int
		rank    Rank
		matched string
	}
	var hits []hit
	for i, names := range t.names {
		best := hit{i: i, rank: RankBrowse}
		for _, n := range names {
			if r, ok := n.rank(qk, qs); ok && r < best.rank {
				best.rank, best.matched = r, n.text
			}
		}
		if best.rank < RankBrowse {
			hits = append(hits, best)
		}
	}
	// t.names is in slug order, so a stable sort by rank keeps slugs in order.
	slices.SortStableFunc(hits, func(a, b hit) int { return int(a.rank) - int(b.rank) })
	out := make([]Match, 0, min(limit, len(hits)))
	for _, h := range hits[:min(limit, len(hits))] {
		out = append(out, Match{Skill: t.skill(h.i), Matched: h.matched, Rank: h.rank})
	}
	return out
}

// rank says how this name matches the folded query qk (qs: without spaces).
func (n name) rank(qk, qs string) (Rank, bool) {
	switch {
	case n.key == qk || n.squeezed == qs:
		return RankExact, true
	case strings.HasPrefix(n.key, qk) || strings.HasPrefix(n.squeezed, qs):
		if n.label {
			return RankLabelPrefix, true
		}
		return RankAliasPrefix, true
	case strings.Contains(n.key, " "+qk):
		return RankWordPrefix, true
	case strings.Contains(n.squeezed, qs):
		return RankSubstring, true
	}
	return 0, false
}

// fold brings a name or query to the form searches compare: compatibility
// forms unified (full-width Latin and half-width katakana become ordinary
// letters and katakana), lower case, hiragana as katakana, the Devanagari
// nukta and invisible joiners dropped, and any run of spaces or separators
// (hyphens, slashes, dots, the Japanese middle dot, brackets…) as one space.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case r == '\u093C' || unicode.Is(unicode.Cf, r):
			continue
		case unicode.IsSpace(r) || strings.ContainsRune(separators, r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		r = unicode.ToLower(r)
		if r >= 'ぁ' && r <= 'ゖ' {
			r += 'ァ' - 'ぁ'
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// separators are the characters that fold treats as spaces.
const separators = "-‐‑‒–—―_/\\|.,:;!?&'\"`()[]{}<>・·•、。「」『』【】〈〉《》（）［］｛｝〜~"

// truncate returns the first n characters of s.
func truncate(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
