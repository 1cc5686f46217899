package seed

import (
	"math/rand/v2"
	"slices"
	"sort"
	"time"
)

// rng is a deterministic random source with the draws the generator needs.
// Every phase has its own stream, so that changing one size leaves the data of
// earlier phases as they were.
type rng struct{ *rand.Rand }

// Streams of the generator's phases: the second PCG word of each rng.
const (
	streamCandidates uint64 = iota + 1
	streamOrganizations
	streamRoles
	streamApplications
	streamDemo
)

func newRNG(seed, stream uint64) rng {
	return rng{rand.New(rand.NewPCG(seed, stream))} //nolint:gosec // reproducible demo data, not secrets
}

// chance reports true with probability p.
func (r rng) chance(p float64) bool { return r.Float64() < p }

// between returns an integer in [lo, hi].
func (r rng) between(lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// timeIn returns a whole second in [from, to] (from when the span is empty).
func (r rng) timeIn(from, to time.Time) time.Time {
	span := int64(to.Sub(from) / time.Second)
	if span <= 0 {
		return from
	}
	return from.Add(time.Duration(r.Int64N(span+1)) * time.Second)
}

// pick returns a uniformly chosen element of xs.
func pick[T any](r rng, xs []T) T { return xs[r.IntN(len(xs))] }

// pickSome returns n distinct elements of xs (all of them if n ≥ len(xs)), in
// the order drawn.
func pickSome[T any](r rng, xs []T, n int) []T {
	idx := r.Perm(len(xs))[:min(n, len(xs))]
	out := make([]T, len(idx))
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}

// choice is a value with its relative weight in a table.
type choice[T any] struct {
	v T
	w float64
}

// table draws values in proportion to their weights.
type table[T any] struct {
	values []T
	cum    []float64 // running totals of the weights
}

func newTable[T any](choices ...choice[T]) table[T] {
	t := table[T]{values: make([]T, len(choices)), cum: make([]float64, len(choices))}
	total := 0.0
	for i, c := range choices {
		total += c.w
		t.values[i], t.cum[i] = c.v, total
	}
	return t
}

// draw returns a value with probability proportional to its weight.
func (t table[T]) draw(r rng) T {
	x := r.Float64() * t.cum[len(t.cum)-1]
	return t.values[sort.Search(len(t.cum), func(i int) bool { return t.cum[i] > x })]
}

// covering returns n values drawn from t, but containing every value of all
// at least once when n ≥ len(all), in random order.
func covering[T any](r rng, n int, all []T, t table[T]) []T {
	out := make([]T, 0, n)
	if n >= len(all) {
		out = append(out, all...)
	}
	for len(out) < n {
		out = append(out, t.draw(r))
	}
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// uniqueAppend appends the values of add that xs does not hold yet.
func uniqueAppend[T comparable](xs []T, add ...T) []T {
	for _, v := range add {
		if !slices.Contains(xs, v) {
			xs = append(xs, v)
		}
	}
	return xs
}

func ptr[T any](v T) *T { return &v }
