package httpapi

import (
	"slices"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

// consentRequest grants or withdraws one purpose. Granted is a pointer so
// that leaving it out is "required", not a withdrawal.
type consentRequest struct {
	Purpose        string `json:"purpose"`
	Granted        *bool  `json:"granted"`
	WordingVersion string `json:"wording_version"`
}

// recipientJSON is what APPI Art. 28 requires a person be told before their
// data goes abroad: the country, its data-protection system and the
// recipients' safeguards.
type recipientJSON struct {
	Country     string `json:"country"`
	CountryName string `json:"country_name"`
	Regime      string `json:"regime"`
	Safeguards  string `json:"safeguards"`
}

// wordingJSON is the text of one version of a purpose, in the reader's language.
type wordingJSON struct {
	Version       string         `json:"version"`
	EffectiveFrom talent.Date    `json:"effective_from"`
	Language      string         `json:"language"`
	Title         string         `json:"title"`
	Text          string         `json:"text"`
	Recipient     *recipientJSON `json:"recipient,omitempty"`
}

type purposeJSON struct {
	Purpose        string      `json:"purpose"`
	Granted        bool        `json:"granted"`
	Effective      bool        `json:"effective"`
	WordingVersion *string     `json:"wording_version"`
	DecidedAt      *time.Time  `json:"decided_at"`
	Requires       []string    `json:"requires"`
	Wording        wordingJSON `json:"wording"`
}

type consentEventJSON struct {
	Purpose        string    `json:"purpose"`
	Granted        bool      `json:"granted"`
	WordingVersion string    `json:"wording_version"`
	Language       string    `json:"language"`
	Source         string    `json:"source"`
	At             time.Time `json:"at"`
}

type consentsResponse struct {
	Purposes []purposeJSON `json:"purposes"`
	// History is the ledger, newest first: at most maxConsentHistory events
	// (the export has all of them); HistoryComplete says whether it is whole.
	History         []consentEventJSON `json:"history"`
	HistoryComplete bool               `json:"history_complete"`
}

// maxConsentHistory bounds the ledger events GET /me/consents shows.
const maxConsentHistory = 200

func toConsentEventJSON(ev talent.ConsentEvent) consentEventJSON {
	return consentEventJSON{Purpose: ev.Purpose, Granted: ev.Granted, WordingVersion: ev.WordingVersion,
		Language: ev.Language, Source: ev.Source, At: ev.At}
}

// wording renders a purpose's wording in lang.
func (s *Server) wording(w talent.ConsentWording, lang string) wordingJSON {
	prefix := w.MessagePrefix()
	out := wordingJSON{Version: w.Version, EffectiveFrom: w.Effective, Language: lang,
		Title: s.catalog.Text(lang, prefix+".title"), Text: s.catalog.Text(lang, prefix+".text")}
	if w.Purpose == talent.ConsentTransferJapan {
		out.Recipient = &recipientJSON{Country: talent.TransferCountry, CountryName: s.catalog.Text(lang, prefix+".country"),
			Regime: s.catalog.Text(lang, prefix+".regime"), Safeguards: s.catalog.Text(lang, prefix+".safeguards")}
	}
	return out
}

func (s *Server) consentsAnswer(c *gin.Context, o talent.ConsentOverview, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	lang := languageOf(c)
	out := consentsResponse{Purposes: make([]purposeJSON, len(o.Purposes)), History: []consentEventJSON{},
		HistoryComplete: len(o.History) <= maxConsentHistory}
	for i, p := range o.Purposes {
		pj := purposeJSON{Purpose: p.Purpose, Granted: p.Granted, Effective: p.Effective, DecidedAt: p.At,
			Requires: p.Requires, Wording: s.wording(p.Current, lang)}
		if p.Version != "" {
			v := p.Version
			pj.WordingVersion = &v
		}
		out.Purposes[i] = pj
	}
	for _, ev := range slices.Backward(o.History) {
		if len(out.History) == maxConsentHistory {
			break
		}
		out.History = append(out.History, toConsentEventJSON(ev))
	}
	return out, nil
}

func (s *Server) myConsents(c *gin.Context) (any, error) {
	o, err := s.Consents.Mine(c.Request.Context(), actorOf(c))
	return s.consentsAnswer(c, o, err)
}

// decideConsent grants or withdraws one purpose; it takes effect at once.
func (s *Server) decideConsent(c *gin.Context, req consentRequest) (any, error) {
	o, err := s.Consents.Decide(c.Request.Context(), actorOf(c), talent.ConsentDecision{
		Purpose: req.Purpose, Granted: req.Granted, WordingVersion: req.WordingVersion, Language: languageOf(c),
	})
	return s.consentsAnswer(c, o, err)
}
