package progress_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/setubashi/setubashi/backend/progress"
)

// published writes cells the way the public sees them: "tokyo=20 kyoto=<5".
func published(cells []progress.PublicCell) string {
	var parts []string
	for _, c := range cells {
		switch c.Shown {
		case progress.ShownUnder:
			parts = append(parts, c.Key+"=<5")
		case progress.ShownAtLeast:
			parts = append(parts, c.Key+"=5+")
		default:
			parts = append(parts, fmt.Sprintf("%s=%d", c.Key, c.Count))
		}
	}
	return strings.Join(parts, " ")
}

func TestSuppress(t *testing.T) {
	cases := []struct {
		name  string
		total int
		cells []progress.Cell
		want  string // "" with withheld
	}{
		{"nothing small", 30, []progress.Cell{{"b", 10}, {"a", 20}}, "a=20 b=10"},
		// 3 hidden in c, but 30 − 20 − 7 = 3 gives it away: b is hidden too.
		// Then b + c = 10 with c in 1–4 and b at least 5: c is 1–4, b 6–9.
		{"one small group", 30, []progress.Cell{{"a", 20}, {"b", 7}, {"c", 3}}, "a=20 b=5+ c=<5"},
		// b + c = 5 with both in 1–4: b 1–4, c 1–4; nothing more to hide.
		{"two small groups", 12, []progress.Cell{{"a", 7}, {"b", 3}, {"c", 2}}, "a=7 b=<5 c=<5"},
		// 10 − 6 = 4 gives b away, so a is hidden: a 6–9, b 1–4.
		{"the total gives it away", 10, []progress.Cell{{"a", 6}, {"b", 4}}, "a=5+ b=<5"},
		// Zeros are left out; the order is by key, never by size.
		{"zeros", 25, []progress.Cell{{"z", 0}, {"m", 10}, {"d", 15}}, "d=15 m=10"},
		// Two groups of one: 2 − 0 = 2 over two groups of at least one each.
		{"all ones", 2, []progress.Cell{{"a", 1}, {"b", 1}}, ""},
		{"one group under five", 3, []progress.Cell{{"a", 3}}, ""},
		// a = b = 5 and c = 1 is the only way to make 11 from "5+", "5+" and "<5".
		{"pinned even when all hidden", 11, []progress.Cell{{"a", 5}, {"b", 5}, {"c", 1}}, ""},
		{"several small groups", 40, []progress.Cell{{"a", 25}, {"b", 9}, {"c", 2}, {"d", 2}, {"e", 2}}, "a=25 b=9 c=<5 d=<5 e=<5"},
		{"empty", 0, nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cells, withheld := progress.Suppress(c.total, c.cells)
			got := published(cells)
			if withheld != (c.want == "" && c.total > 0) || got != c.want {
				t.Errorf("Suppress(%d, %v) = %q, withheld %v; want %q", c.total, c.cells, got, withheld, c.want)
			}
			for _, cell := range cells {
				if cell.Shown != progress.ShownExact && cell.Count != 0 {
					t.Errorf("hidden cell %s carries its count %d", cell.Key, cell.Count)
				}
			}
		})
	}
}

// TestSuppressNeverGivesAwayACount brute-forces small breakdowns: for every
// way of splitting people into up to 4 groups of up to 9, the published cells
// and the total must allow at least two values for every hidden count.
func TestSuppressNeverGivesAwayACount(t *testing.T) {
	keys := []string{"a", "b", "c", "d"}
	var split func(prefix []int, groups int)
	checked := 0
	split = func(prefix []int, groups int) {
		if len(prefix) == groups {
			var cells []progress.Cell
			total := 0
			for i, n := range prefix {
				cells = append(cells, progress.Cell{Key: keys[i], Count: n})
				total += n
			}
			checked++
			out, withheld := progress.Suppress(total, cells)
			if withheld {
				return
			}
			for i := range out {
				if out[i].Shown != progress.ShownExact && possibleValues(total, out, i) < 2 {
					t.Errorf("%v (total %d) published as %q gives %s away", prefix, total, published(out), out[i].Key)
				}
			}
			return
		}
		for n := 0; n <= 9; n++ {
			split(append(prefix, n), groups)
		}
	}
	for groups := 1; groups <= 4; groups++ {
		split(nil, groups)
	}
	if checked < 10000 {
		t.Fatalf("checked only %d breakdowns", checked)
	}
}

// possibleValues counts the values cell i could hold given the published
// cells (hidden ones by their range) and the total: the values v in its
// range for which the other cells can make up total − v, found by building
// up every sum the other cells can reach.
func possibleValues(total int, cells []progress.PublicCell, i int) int {
	rangeOf := func(c progress.PublicCell) (int, int) {
		switch c.Shown {
		case progress.ShownExact:
			return c.Count, c.Count
		case progress.ShownUnder:
			return 1, progress.Threshold - 1
		default:
			return progress.Threshold, total
		}
	}
	reach := make([]bool, total+1)
	reach[0] = true
	for j, c := range cells {
		if j == i {
			continue
		}
		lo, hi := rangeOf(c)
		next := make([]bool, total+1)
		for s, ok := range reach {
			for v := lo; ok && v <= hi && s+v <= total; v++ {
				next[s+v] = true
			}
		}
		reach = next
	}
	lo, hi := rangeOf(cells[i])
	n := 0
	for v := lo; v <= hi && v <= total; v++ {
		if reach[total-v] {
			n++
		}
	}
	return n
}
