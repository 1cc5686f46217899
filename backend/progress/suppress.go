package progress

import (
	"cmp"
	"slices"
)

// Threshold is the smallest count of people published exactly in a public
// breakdown.
const Threshold = 5

// Cell is one group of a breakdown of people: its key (a state, a
// prefecture) and how many people it holds.
type Cell struct {
	Key   string
	Count int
}

// Shown is how a public cell's count is published.
type Shown int

// How counts are published.
const (
	// ShownExact publishes the count.
	ShownExact Shown = iota
	// ShownUnder publishes a count from 1 to Threshold-1 as "<5".
	ShownUnder
	// ShownAtLeast withholds a count of Threshold or more, published as
	// "5+", because with the total it would give a small count away.
	ShownAtLeast
)

// PublicCell is a cell as the public may see it: Count is zero unless Shown
// is ShownExact, so a withheld count cannot leak by mistake.
type PublicCell struct {
	Key   string
	Count int
	Shown Shown
}

// Suppress prepares a breakdown of people for the public, where total (the
// number of people in the breakdown, published exactly elsewhere) is known.
// The rule:
//
//  1. Groups with nobody are left out (so they read as zero).
//  2. A group of 1 to Threshold-1 people is shown as "<5" (ShownUnder).
//  3. If anyone could still work out a hidden count exactly from the shown
//     counts and the total — one hidden group alone, or hidden groups that
//     can only hold one person each — the smallest exactly shown group is
//     also hidden, as "5+" (ShownAtLeast), and again until no hidden count
//     can be worked out.
//  4. If hiding every group is not enough (a total under Threshold in a
//     single group, say), the breakdown is withheld: no cells, withheld true.
//
// A hidden count can be worked out when, given each hidden group's range
// ("<5": 1–4, "5+": 5 to the total) and that all groups add up to the
// total, it has only one possible value. Cells come back sorted by key, so
// that their order says nothing about their size.
func Suppress(total int, cells []Cell) (out []PublicCell, withheld bool) {
	var live []Cell
	for _, c := range cells {
		if c.Count > 0 {
			live = append(live, c)
		}
	}
	slices.SortFunc(live, func(a, b Cell) int { return cmp.Compare(a.Key, b.Key) })
	shown := make([]Shown, len(live))
	for i, c := range live {
		if c.Count < Threshold {
			shown[i] = ShownUnder
		}
	}
	for exposed(total, live, shown) {
		smallest := -1
		for i, c := range live {
			if shown[i] == ShownExact && (smallest < 0 || c.Count < live[smallest].Count) {
				smallest = i
			}
		}
		if smallest < 0 {
			return nil, true
		}
		shown[smallest] = ShownAtLeast
	}
	out = make([]PublicCell, len(live))
	for i, c := range live {
		out[i] = PublicCell{Key: c.Key, Shown: shown[i]}
		if shown[i] == ShownExact {
			out[i].Count = c.Count
		}
	}
	return out, false
}

// exposed reports whether some hidden count has a single possible value
// given the exact counts, the hidden groups' ranges and the total.
func exposed(total int, cells []Cell, shown []Shown) bool {
	rest := total // what the hidden groups hold together
	var lo, hi []int
	for i, c := range cells {
		switch shown[i] {
		case ShownExact:
			rest -= c.Count
		case ShownUnder:
			lo, hi = append(lo, 1), append(hi, min(Threshold-1, total))
		case ShownAtLeast:
			lo, hi = append(lo, Threshold), append(hi, total)
		}
	}
	sumLo, sumHi := 0, 0
	for i := range lo {
		sumLo, sumHi = sumLo+lo[i], sumHi+hi[i]
	}
	for i := range lo {
		least := max(lo[i], rest-(sumHi-hi[i]))
		most := min(hi[i], rest-(sumLo-lo[i]))
		if least >= most {
			return true
		}
	}
	return false
}
