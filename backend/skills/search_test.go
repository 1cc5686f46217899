package skills

import (
	"slices"
	"strings"
	"testing"
)

func slugsOf(ms []Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Skill.Slug
	}
	return out
}

// TestSearchRanking checks the order of results: exact names, label
// prefixes, alias prefixes, word prefixes, substrings, then slug.
func TestSearchRanking(t *testing.T) {
	tax := mustLoad(t)
	cases := []struct {
		q     string
		limit int
		want  []string // the first results, in order
		rank  Rank     // of the first result
		match string   // what the first result matched
	}{
		{"自然言語", 3, []string{"nlp", "indic-nlp", "japanese-nlp"}, RankLabelPrefix, "自然言語処理"},
		{"自然言語処理", 1, []string{"nlp"}, RankExact, "自然言語処理"},
		{"NLP", 1, []string{"nlp"}, RankExact, "NLP"},
		{"Natural Language Processing", 1, []string{"nlp"}, RankExact, "Natural language processing"},
		{"मशीन", 2, []string{"machine-learning", "machine-translation"}, RankLabelPrefix, "मशीन लर्निंग"},
		{"pytorch", 5, []string{"pytorch", "pytorch-lightning"}, RankExact, "PyTorch"},
		{"PyTorch", 5, []string{"pytorch", "pytorch-lightning"}, RankExact, "PyTorch"},
		{"ＰＹＴＯＲＣＨ", 1, []string{"pytorch"}, RankExact, "PyTorch"},
		{"py", 3, []string{"python", "pytorch", "pytorch-lightning"}, RankExact, "py"},
		{"ﾃﾞｨｰﾌﾟﾗｰﾆﾝｸﾞ", 1, []string{"deep-learning"}, RankExact, "ディープラーニング"},
		{"でぃーぷらーにんぐ", 1, []string{"deep-learning"}, RankExact, "ディープラーニング"},
		{"कंप्यूटर विजन", 1, []string{"computer-vision"}, RankExact, "कंप्यूटर विज़न"},
		{"k8s", 1, []string{"kubernetes"}, RankExact, "K8s"},
		{"llm fine", 1, []string{"llm-fine-tuning"}, RankLabelPrefix, "LLM fine-tuning"},
		{"llmfine", 1, []string{"llm-fine-tuning"}, RankLabelPrefix, "LLM fine-tuning"},
		{"ab testing", 1, []string{"a-b-testing"}, RankExact, "A/B testing"},
		{"kuber", 1, []string{"kubernetes"}, RankLabelPrefix, "Kubernetes"},
		{"golang", 1, []string{"go"}, RankExact, "Golang"},
		{"retrieval", 2, []string{"rag", "information-retrieval"}, RankLabelPrefix, "Retrieval-augmented generation"},
		{"処理", 1, []string{"audio-signal-processing"}, RankSubstring, "音響信号処理"},
	}
	for _, c := range cases {
		got := tax.Search(c.q, c.limit)
		if !slices.Equal(slugsOf(got)[:min(len(c.want), len(got))], c.want) || len(got) < len(c.want) {
			t.Errorf("Search(%q) = %v, want %v first", c.q, slugsOf(got), c.want)
			continue
		}
		if got[0].Rank != c.rank || got[0].Matched != c.match {
			t.Errorf("Search(%q): first ranked %d matching %q, want %d matching %q", c.q, got[0].Rank, got[0].Matched, c.rank, c.match)
		}
	}
}

func TestSearchLimitsAndEmptyQuery(t *testing.T) {
	tax := mustLoad(t)
	if got := tax.Search("learning", 0); got != nil {
		t.Errorf("limit 0: %v", slugsOf(got))
	}
	if got := tax.Search("a", 7); len(got) != 7 {
		t.Errorf("limit 7: %d results", len(got))
	}
	if got := tax.Search("zzqqxx", 10); len(got) != 0 {
		t.Errorf("nonsense: %v", slugsOf(got))
	}
	for _, q := range []string{"", "   ", "・-/"} {
		got := tax.Search(q, 100)
		if len(got) == 0 || got[0].Skill.Slug != "artificial-intelligence" {
			t.Fatalf("empty query %q: %v", q, slugsOf(got))
		}
		for _, m := range got {
			if m.Skill.Parent != "" || m.Rank != RankBrowse || m.Matched != "" {
				t.Errorf("empty query %q gave %+v, want top-level skills only", q, m)
			}
		}
	}
	// Every result's best name contains the query, folded.
	for _, m := range tax.Search("learning", 100) {
		if !strings.Contains(strings.ReplaceAll(fold(m.Matched), " ", ""), "learning") {
			t.Errorf("%s matched %q", m.Skill.Slug, m.Matched)
		}
	}
}

func TestFold(t *testing.T) {
	cases := map[string]string{
		"PyTorch":         "pytorch",
		"ＰｙＴｏｒｃｈ":         "pytorch",
		"ﾃﾞｰﾀ":            "データ",
		"でーた":             "データ",
		"  Fine-Tuning  ": "fine tuning",
		"A/B testing":     "a b testing",
		"マテリアルズ・インフォマティクス": "マテリアルズ インフォマティクス",
		"विज़न":                    "विजन",
		"C++":                      "c++",
		"Triton（GPUカーネル言語）":        "triton gpuカーネル言語",
		"deep\u200dlearning\u00ad": "deeplearning",
	}
	for in, want := range cases {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}
