package matching

import "slices"

// rankKey is what a ranking orders pairs by: eligible pairs first, then the
// higher score, then the lower id, then the earlier position in the input
// (so that even repeated ids come out in a fixed order).
type rankKey struct {
	eligible bool
	score    int
	id       int64
	index    int
}

// before reports whether a ranks ahead of b.
func (a rankKey) before(b rankKey) bool {
	if a.eligible != b.eligible {
		return a.eligible
	}
	if a.score != b.score {
		return a.score > b.score
	}
	if a.id != b.id {
		return a.id < b.id
	}
	return a.index < b.index
}

// topK keeps the k best keys offered to it in a binary heap whose root is
// the worst key kept, so each offer costs O(log k).
type topK struct {
	k    int
	heap []rankKey
}

func newTopK(k int) *topK { return &topK{k: k, heap: make([]rankKey, 0, k)} }

// offer keeps key if it is among the k best seen so far.
func (t *topK) offer(key rankKey) {
	if len(t.heap) < t.k {
		t.heap = append(t.heap, key)
		t.up(len(t.heap) - 1)
		return
	}
	if t.k == 0 || !key.before(t.heap[0]) {
		return
	}
	t.heap[0] = key
	t.down(0)
}

// sorted returns the kept keys, best first.
func (t *topK) sorted() []rankKey {
	out := slices.Clone(t.heap)
	slices.SortFunc(out, func(a, b rankKey) int {
		if a.before(b) {
			return -1
		}
		return 1
	})
	return out
}

// worse reports whether heap[i] ranks behind heap[j] (the heap's order).
func (t *topK) worse(i, j int) bool { return t.heap[j].before(t.heap[i]) }

func (t *topK) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !t.worse(i, parent) {
			return
		}
		t.heap[i], t.heap[parent] = t.heap[parent], t.heap[i]
		i = parent
	}
}

func (t *topK) down(i int) {
	n := len(t.heap)
	for {
		worst, l, r := i, 2*i+1, 2*i+2
		if l < n && t.worse(l, worst) {
			worst = l
		}
		if r < n && t.worse(r, worst) {
			worst = r
		}
		if worst == i {
			return
		}
		t.heap[i], t.heap[worst] = t.heap[worst], t.heap[i]
		i = worst
	}
}
