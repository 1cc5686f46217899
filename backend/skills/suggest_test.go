package skills

import (
	"slices"
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	tax := mustLoad(t)
	cases := []struct {
		unknown string
		first   string
	}{
		{"pytorh", "pytorch"},
		{"natural language", "nlp"},
		{"natural-language", "nlp"},
		{"natural lnaguage", "nlp"},
		{"NLP", "nlp"},
		{"自然言語処理", "nlp"},
		{"Py Torch", "pytorch"},
		{"kubernets", "kubernetes"},
		{"k8s", "kubernetes"},
		{"tensorflw", "tensorflow"},
		{"golang", "go"},
		{"llms", "llm"},
		{"machine-learnin", "machine-learning"},
		{"scikit learn", "scikit-learn"},
		{"ﾊﾟｲｿﾝ", "python"},
		{"मशीन लर्निग", "machine-learning"},
		{"reinforcement", "reinforcement-learning"},
	}
	for _, c := range cases {
		got := tax.Suggest(c.unknown, 3)
		if len(got) != 3 || got[0] != c.first {
			t.Errorf("Suggest(%q) = %v, want %s first", c.unknown, got, c.first)
		}
		if len(slices.Compact(slices.Sorted(slices.Values(got)))) != len(got) {
			t.Errorf("Suggest(%q) repeats a skill: %v", c.unknown, got)
		}
	}
}

func TestSuggestAlwaysOffersSome(t *testing.T) {
	tax := mustLoad(t)
	for _, q := range []string{"xyzzy", "q", "🙂x", strings.Repeat("long", 100)} {
		got := tax.Suggest(q, 3)
		if len(got) != 3 {
			t.Errorf("Suggest(%q) = %v, want 3 skills", q, got)
		}
		for _, s := range got {
			if !tax.Known(s) {
				t.Errorf("Suggest(%q) offers unknown %q", q, s)
			}
		}
	}
	if got := tax.Suggest("pytorch", 0); got != nil {
		t.Errorf("n = 0: %v", got)
	}
	if got := tax.Suggest(" - ", 3); got != nil {
		t.Errorf("no letters: %v", got)
	}
	if !slices.Equal(tax.Suggest("pytorh", 3), tax.Suggest("pytorh", 3)) {
		t.Error("Suggest is not deterministic")
	}
}

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b  string
		bound int
		want  int
	}{
		{"pytorch", "pytorch", 2, 0},
		{"pytorh", "pytorch", 2, 1},
		{"pyotrch", "pytorch", 2, 1}, // a swap
		{"kitten", "sitting", 3, 3},
		{"kitten", "sitting", 2, 3}, // over the bound: bound+1
		{"", "abc", 5, 3},
		{"abc", "", 1, 2},
	}
	for _, c := range cases {
		if got := editDistance([]rune(c.a), []rune(c.b), c.bound); got != c.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", c.a, c.b, c.bound, got, c.want)
		}
	}
}

func BenchmarkSuggest(b *testing.B) {
	tax := mustLoad(b)
	for b.Loop() {
		tax.Suggest("natual lnaguage procesing", 3)
	}
}
