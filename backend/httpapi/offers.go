package httpapi

import (
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

// offerRequest is an offer's terms as the organisation sends them.
type offerRequest struct {
	Kind                string       `json:"kind"`
	AnnualSalaryJPY     int64        `json:"annual_salary_jpy"`
	StartDate           *talent.Date `json:"start_date"`
	TermMonths          int          `json:"term_months"`
	PlannedStatus       string       `json:"planned_status"`
	RespondBy           *talent.Date `json:"respond_by"`
	TextEN              string       `json:"text_en"`
	TextJA              string       `json:"text_ja"`
	UniversityAgreement bool         `json:"university_agreement"`
}

// answerRequest names the revision of the offer the candidate answers, so
// that an answer to terms since revised is refused.
type answerRequest struct {
	Revision int `json:"revision"`
}

// offerResponse is one revision of an offer; Text is the offer's text in the
// reader's language where given (Japanese or English), with the language it
// is in.
type offerResponse struct {
	ID                  int64              `json:"id"`
	ApplicationID       int64              `json:"application_id"`
	Revision            int                `json:"revision"`
	Kind                string             `json:"kind"`
	AnnualSalaryJPY     int64              `json:"annual_salary_jpy"`
	StartDate           talent.Date        `json:"start_date"`
	TermMonths          int                `json:"term_months"`
	PlannedStatus       string             `json:"planned_status"`
	RespondBy           talent.Date        `json:"respond_by"`
	TextEN              string             `json:"text_en"`
	TextJA              string             `json:"text_ja"`
	Text                displayTextJSON    `json:"text"`
	UniversityAgreement bool               `json:"university_agreement"`
	CreatedAt           time.Time          `json:"created_at"`
	Answer              talent.OfferAnswer `json:"answer"`
	AnsweredAt          *time.Time         `json:"answered_at"`
}

// displayTextJSON is a text in the reader's language, or the language it
// falls back to.
type displayTextJSON struct {
	Language string `json:"language"`
	Fallback bool   `json:"fallback"`
	Body     string `json:"body"`
}

func toOfferResponse(o talent.Offer, lang string) offerResponse {
	text := talent.LocalizedText{EN: o.TextEN, JA: o.TextJA}
	body, got := text.In(lang)
	return offerResponse{ID: o.ID, ApplicationID: o.ApplicationID, Revision: o.Revision, Kind: o.Kind, AnnualSalaryJPY: o.AnnualSalaryJPY,
		StartDate: o.StartDate, TermMonths: o.TermMonths, PlannedStatus: o.PlannedStatus, RespondBy: o.RespondBy,
		TextEN: o.TextEN, TextJA: o.TextJA, Text: displayTextJSON{Language: got, Fallback: got != lang, Body: body},
		UniversityAgreement: o.UniversityAgreement, CreatedAt: o.CreatedAt, Answer: o.Answer, AnsweredAt: o.AnsweredAt}
}

func (req offerRequest) terms() talent.OfferTerms {
	t := talent.OfferTerms{Kind: req.Kind, AnnualSalaryJPY: req.AnnualSalaryJPY, TermMonths: req.TermMonths, PlannedStatus: req.PlannedStatus,
		TextEN: req.TextEN, TextJA: req.TextJA, UniversityAgreement: req.UniversityAgreement}
	if req.StartDate != nil {
		t.StartDate = *req.StartDate
	}
	if req.RespondBy != nil {
		t.RespondBy = *req.RespondBy
	}
	return t
}

// makeOffer is POST /applications/{id}/offers: the first offer, or a
// revision, honouring If-Match and Idempotency-Key.
func (s *Server) makeOffer(c *gin.Context, applicationID int64, req offerRequest) (any, error) {
	version, ifMatch := ifMatchVersion(c)
	o, err := s.Offers.Make(c.Request.Context(), actorOf(c), applicationID, req.terms(), version, claimOf(c))
	if err != nil {
		return nil, preconditionFailed(err, ifMatch)
	}
	return toOfferResponse(o, languageOf(c)), nil
}

// getOffer answers with one revision (an idempotent retry of makeOffer).
func (s *Server) getOffer(c *gin.Context, id int64) (any, error) {
	o, err := s.Offers.Get(c.Request.Context(), actorOf(c), id)
	if err != nil {
		return nil, err
	}
	return toOfferResponse(o, languageOf(c)), nil
}

// applicationOffers is GET /applications/{id}/offers: every revision, first
// first.
func (s *Server) applicationOffers(c *gin.Context, applicationID int64) (any, error) {
	offers, err := s.Offers.List(c.Request.Context(), actorOf(c), applicationID)
	if err != nil {
		return nil, err
	}
	lang := languageOf(c)
	out := itemsResponse[offerResponse]{Items: make([]offerResponse, len(offers))}
	for i, o := range offers {
		out.Items[i] = toOfferResponse(o, lang)
	}
	return out, nil
}

func (s *Server) acceptOffer(c *gin.Context, id int64, req answerRequest) (any, error) {
	v, err := s.Offers.Answer(c.Request.Context(), actorOf(c), id, req.Revision, true)
	return s.viewAnswer(c, v, err)
}

func (s *Server) declineOffer(c *gin.Context, id int64, req answerRequest) (any, error) {
	v, err := s.Offers.Answer(c.Request.Context(), actorOf(c), id, req.Revision, false)
	return s.viewAnswer(c, v, err)
}
