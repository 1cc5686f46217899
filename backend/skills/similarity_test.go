package skills

import "testing"

func TestSimilarity(t *testing.T) {
	tax := mustLoad(t)
	cases := []struct {
		have, want string
		sim        float64
	}{
		{"pytorch", "pytorch", SimilaritySame},
		{"not-a-skill", "not-a-skill", SimilaritySame},
		{"llm-fine-tuning", "llm", SimilarityChild},
		{"transformers", "deep-learning", SimilarityChild},
		{"llm-fine-tuning", "nlp", SimilarityDescendant},
		{"pytorch", "machine-learning", SimilarityDescendant},
		{"llm", "llm-fine-tuning", SimilarityParent},
		{"deep-learning", "transformers", SimilarityParent},
		{"pytorch", "tensorflow", SimilaritySibling},
		{"rag", "prompt-engineering", SimilaritySibling},
		{"docker", "kubernetes", SimilaritySibling},
		{"machine-learning", "pytorch", SimilarityAncestor},
		{"nlp", "computer-vision", SimilarityUnrelated}, // children of an umbrella
		{"numpy", "pandas", SimilaritySameDomain},       // children of python, an umbrella, in one domain
		{"spark", "kafka", SimilaritySameDomain},
		{"kubernetes", "nlp", SimilarityUnrelated},
		{"pytorch", "not-a-skill", SimilarityUnrelated},
		{"not-a-skill", "pytorch", SimilarityUnrelated},
	}
	for _, c := range cases {
		if got := tax.Similarity(c.have, c.want); got != c.sim {
			t.Errorf("Similarity(%s, %s) = %v, want %v", c.have, c.want, got, c.sim)
		}
	}
}

// TestSimilarityProperties checks the whole table: values in [0, 1], 1 only
// on the diagonal, and more for the specific skill than the general one.
func TestSimilarityProperties(t *testing.T) {
	tax := mustLoad(t)
	all := tax.All()
	for _, h := range all {
		for _, w := range all {
			s := tax.Similarity(h.Slug, w.Slug)
			if s < 0 || s > 1 || (s == 1) != (h.Slug == w.Slug) {
				t.Fatalf("Similarity(%s, %s) = %v", h.Slug, w.Slug, s)
			}
			if w.Parent == h.Slug && tax.Similarity(w.Slug, h.Slug) <= s {
				t.Errorf("%s for its parent %s is not above the reverse", w.Slug, h.Slug)
			}
		}
	}
}

func BenchmarkSimilarity(b *testing.B) {
	tax := mustLoad(b)
	for b.Loop() {
		tax.Similarity("llm-fine-tuning", "nlp")
	}
}
