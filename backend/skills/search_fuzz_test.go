package skills

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearch throws arbitrary queries at Search and Suggest: no panic, at
// most limit results in (rank, slug) order, the same answer twice, matched
// names that contain the query (folded), and suggestions that are skills.
func FuzzSearch(f *testing.F) {
	tax := mustLoad(f)
	for _, q := range []string{"", "nlp", "自然言語", "मशीन", "ＰｙＴｏｒｃｈ", "ﾃﾞｰﾀ", "c++", "a/b", "\xff\xfe", "・・", "विज़न", strings.Repeat("ab", 80)} {
		f.Add(q, 10)
	}
	f.Fuzz(func(t *testing.T, q string, limit int) {
		limit %= 300
		got := tax.Search(q, limit)
		if len(got) > max(limit, 0) {
			t.Fatalf("Search(%q, %d): %d results", q, limit, len(got))
		}
		// Browsing (an empty query) orders top-level skills by breadth instead.
		ordered := len(got) == 0 || got[0].Rank == RankBrowse || slices.IsSortedFunc(got, func(a, b Match) int {
			if a.Rank != b.Rank {
				return int(a.Rank) - int(b.Rank)
			}
			return strings.Compare(a.Skill.Slug, b.Skill.Slug)
		})
		if !ordered {
			t.Fatalf("Search(%q) out of order: %v", q, slugsOf(got))
		}
		if again := tax.Search(q, limit); !slices.EqualFunc(got, again, func(a, b Match) bool {
			return a.Skill.Slug == b.Skill.Slug && a.Matched == b.Matched && a.Rank == b.Rank
		}) {
			t.Fatalf("Search(%q) is not deterministic", q)
		}
		qs := strings.ReplaceAll(fold(truncate(q, maxQuery)), " ", "")
		for _, m := range got {
			if m.Rank == RankBrowse {
				if qs != "" || m.Matched != "" {
					t.Fatalf("Search(%q): browse result %+v", q, m)
				}
				continue
			}
			if !utf8.ValidString(m.Matched) || !strings.Contains(strings.ReplaceAll(fold(m.Matched), " ", ""), qs) {
				t.Fatalf("Search(%q): %s matched %q", q, m.Skill.Slug, m.Matched)
			}
		}
		for _, s := range tax.Suggest(q, 3) {
			if !tax.Known(s) {
				t.Fatalf("Suggest(%q) offers unknown %q", q, s)
			}
		}
	})
}
