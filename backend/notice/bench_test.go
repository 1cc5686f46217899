package notice_test

import (
	"testing"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/notice"
	"github.com/setubashi/setubashi/backend/talent"
	"github.com/setubashi/setubashi/locales"
)

// BenchmarkText renders a stage change's title and body, with a shared
// reason, in each language (what the bell and every e-mail show).
func BenchmarkText(b *testing.B) {
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		b.Fatal(err)
	}
	title := talent.LocalizedText{EN: "Machine learning engineer", JA: "機械学習エンジニア", HI: "मशीन लर्निंग इंजीनियर"}
	n := talent.Notification{Kind: talent.NoticeStageChanged, ObjectType: talent.ObjectApplication, ObjectID: 42,
		Params: talent.NoticeParams{Role: &title, From: talent.StageInterview, To: talent.StageOffer, Reason: "The team would like to work with you"}}
	for _, lang := range i18n.Supported {
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if t, body := notice.Text(catalog, lang, talent.AccountCandidate, n); t == "" || body == "" {
					b.Fatal("empty text")
				}
			}
		})
	}
}
