package skills

import (
	"cmp"
	"slices"
	"strings"
)

// Suggest returns the slugs of the n known skills nearest to unknown, nearest
// first, for "unknown skill X: did you mean …?". Names compare as Search
// compares them (case, width, script variants and separators ignored), and a
// skill is as near as the nearest of its labels, aliases and slug:
//
//  1. a name equal to unknown ("NLP", "自然言語処理", "k8s");
//  2. a name that starts with it ("natural language" → nlp), shorter first;
//  3. a name that contains it or is contained in it, closer in length first;
//  4. a name within a few typing mistakes of it, or of its beginning
//     ("pytorh" → pytorch), fewer mistakes first;
//  5. the rest, by how many pairs of letters they share.
//
// Ties go by slug. Unless unknown has no letters or digits (or n < 1), there
// are always n suggestions (or every skill, if there are fewer), so that a
// message can always offer some.
func (t *Taxonomy) Suggest(unknown string, n int) []string {
	if n < 1 {
		return nil
	}
	qk := fold(truncate(unknown, maxQuery))
	if qk == "" {
		return nil
	}
	q := query{key: qk, squeezed: strings.ReplaceAll(qk, " ", "")}
	q.runes = []rune(q.squeezed)
	q.pairs = letterPairs(q.runes)
	type candidate struct {
		i int
		nearness
	}
	all := make([]candidate, len(t.skills))
	for i, names := range t.names {
		best := nearness{class: farthest}
		for _, nm := range names {
			if near := q.nearness(nm); near.less(best) {
				best = near
			}
		}
		all[i] = candidate{i, best}
	}
	// all is in slug order, so a stable sort keeps ties by slug.
	slices.SortStableFunc(all, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(a.class, b.class), cmp.Compare(a.distance, b.distance))
	})
	out := make([]string, 0, min(n, len(all)))
	for _, c := range all[:min(n, len(all))] {
		out = append(out, t.skills[c.i].Slug)
	}
	return out
}

// nearness is how near a name is to a query: a class (lower is nearer) and a
// distance within the class.
type nearness struct {
	class    int
	distance float64
}

// Classes of nearness, nearest first.
const (
	sameName = iota
	startsWith
	contains
	misspelt
	lettersInCommon
	farthest
)

func (a nearness) less(b nearness) bool {
	return a.class < b.class || (a.class == b.class && a.distance < b.distance)
}

// query is an unknown skill name, folded.
type query struct {
	key, squeezed string
	runes         []rune
	pairs         []uint64
}

// nearness places the name nm in one of the classes of Suggest.
func (q query) nearness(nm name) nearness {
	lq, ln := len(q.runes), len(nm.runes)
	switch {
	case nm.key == q.key || nm.squeezed == q.squeezed:
		return nearness{sameName, 0}
	case lq >= 2 && (strings.HasPrefix(nm.key, q.key) || strings.HasPrefix(nm.squeezed, q.squeezed)):
		return nearness{startsWith, float64(ln - lq)}
	case min(lq, ln) >= 3 && (strings.Contains(nm.squeezed, q.squeezed) || strings.Contains(q.squeezed, nm.squeezed)):
		return nearness{contains, float64(abs(ln - lq))}
	}
	bound := max(1, min(lq/3, 4))
	best := farthest
	if d := editDistance(q.runes, nm.runes, bound); d <= bound {
		best = d * 2
	}
	if lq >= 4 && ln > lq {
		// A misspelt beginning of a longer name counts, a little less.
		if d := editDistance(q.runes, nm.runes[:lq], bound); d <= bound && d*2+1 < best {
			best = d*2 + 1
		}
	}
	if best < farthest {
		return nearness{misspelt, float64(best) / float64(2*max(lq, 1))}
	}
	return nearness{lettersInCommon, 1 - dice(q.pairs, nm.pairs)}
}

// editDistance returns the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions and swaps of neighbours), or bound+1
// as soon as it must exceed bound.
func editDistance(a, b []rune, bound int) int {
	if abs(len(a)-len(b)) > bound {
		return bound + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > bound {
			return bound + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// letterPairs returns the neighbouring pairs of letters in s, each packed
// in a number, sorted.
func letterPairs(s []rune) []uint64 {
	if len(s) < 2 {
		return nil
	}
	out := make([]uint64, len(s)-1)
	for i := 1; i < len(s); i++ {
		out[i-1] = uint64(s[i-1])<<32 | uint64(s[i])
	}
	slices.Sort(out)
	return out
}

// dice returns the Sørensen–Dice coefficient of two sorted lists of letter
// pairs: 1 when they share all, 0 when none.
func dice(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	shared := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(shared) / float64(len(a)+len(b))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
