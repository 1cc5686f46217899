package skills

// How well a skill a candidate has (have) stands in for a skill a role wants
// (want), by where the two sit in the taxonomy. This table is the one place
// the numbers live; the matching engine weighs skills with them.
//
//	relation of have to want                                   similarity
//	the same skill                                              1.0
//	a child of want (more specific: llm-fine-tuning for llm)    0.8
//	a deeper descendant of want (pytorch for deep-learning)     0.7
//	the parent of want (more general: llm for llm-fine-tuning)  0.6
//	a sibling: same parent, which is not an umbrella            0.5
//	  (pytorch for tensorflow; not nlp for computer-vision,
//	  whose shared parent, machine-learning, is an umbrella)
//	a deeper ancestor of want (machine-learning for pytorch)    0.3
//	another skill of the same domain                            0.2
//	anything else, or a slug the taxonomy does not know         0
//
// Knowing something more specific says more than knowing something more
// general, so the table is not symmetric: Similarity(have, want) and
// Similarity(want, have) differ for a parent and child.
const (
	SimilaritySame       = 1.0
	SimilarityChild      = 0.8
	SimilarityDescendant = 0.7
	SimilarityParent     = 0.6
	SimilaritySibling    = 0.5
	SimilarityAncestor   = 0.3
	SimilaritySameDomain = 0.2
	SimilarityUnrelated  = 0.0
)

// maxSimilarityTableSize bounds the table of pairs (about 2,000 skills).
const maxSimilarityTableSize = 1 << 22

// Similarity returns how well the skill have stands in for the skill want,
// from 0 (not at all) to 1 (the same skill), by the table above. Slugs the
// taxonomy does not know are similar only to themselves. It takes constant
// time: the values are computed when the taxonomy is loaded.
func (t *Taxonomy) Similarity(have, want string) float64 {
	if have == want {
		return SimilaritySame
	}
	h, ok := t.index[have]
	if !ok {
		return SimilarityUnrelated
	}
	w, ok := t.index[want]
	if !ok {
		return SimilarityUnrelated
	}
	return similarityOf[t.relation[h*len(t.skills)+w]]
}

// relation is how one skill relates to another, an index into similarityOf.
type relation uint8

const (
	unrelated relation = iota
	sameDomain
	ancestor
	sibling
	parent
	descendant
	child
	same
)

// similarityOf is the table above by relation.
var similarityOf = [...]float64{
	unrelated: SimilarityUnrelated, sameDomain: SimilaritySameDomain, ancestor: SimilarityAncestor,
	sibling: SimilaritySibling, parent: SimilarityParent, descendant: SimilarityDescendant,
	child: SimilarityChild, same: SimilaritySame,
}

// computeSimilarity relates every ordered pair of skills.
func (t *Taxonomy) computeSimilarity() {
	n := len(t.skills)
	if n*n > maxSimilarityTableSize {
		panic("skills: taxonomy too large for a similarity table")
	}
	t.relation = make([]relation, n*n)
	for h := range n {
		for w := range n {
			t.relation[h*n+w] = t.relate(h, w)
		}
	}
}

// relate returns how skill h relates to skill w.
func (t *Taxonomy) relate(h, w int) relation {
	if h == w {
		return same
	}
	if d := t.steps(h, w); d > 0 {
		if d == 1 {
			return child
		}
		return descendant
	}
	if d := t.steps(w, h); d > 0 {
		if d == 1 {
			return parent
		}
		return ancestor
	}
	if p := t.parent[h]; p >= 0 && p == t.parent[w] && !t.skills[p].Umbrella {
		return sibling
	}
	if t.skills[h].Domain == t.skills[w].Domain {
		return sameDomain
	}
	return unrelated
}

// steps returns how many parents up from skill from the skill to is, or 0
// if to is not an ancestor of from.
func (t *Taxonomy) steps(from, to int) int {
	d := 0
	for p := t.parent[from]; p >= 0; p = t.parent[p] {
		d++
		if p == to {
			return d
		}
	}
	return 0
}
