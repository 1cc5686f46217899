package httpapi

import (
	"errors"
	"log/slog"
	"math"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

// problemContentType is the media type of every error answer (RFC 9457).
const problemContentType = "application/problem+json"

// statusClientClosedRequest is logged for a request whose client went away
// before the answer (nginx's 499; never seen by a client).
const statusClientClosedRequest = 499

// problemTypeBase prefixes a problem's code to make its type URI.
const problemTypeBase = "tag:setubashi.dev,2026:problem:"

// Error codes the HTTP layer raises itself (the others are talent's).
const (
	codeBodyTooLarge                  talent.ErrorCode = "body_too_large"
	codeUnsupportedMediaType          talent.ErrorCode = "unsupported_media_type"
	codeRouteNotFound                 talent.ErrorCode = "route_not_found"
	codeMethodNotAllowed              talent.ErrorCode = "method_not_allowed"
	codeCrossOrigin                   talent.ErrorCode = "cross_origin"
	codeRateLimited                   talent.ErrorCode = "rate_limited"
	codeSecondFactorEnrolmentRequired talent.ErrorCode = "second_factor_enrolment_required"
	codeIdempotencyKeyReused          talent.ErrorCode = "idempotency_key_reused"
	codeIdempotencyKeyInProgress      talent.ErrorCode = "idempotency_key_in_progress"
	codePreconditionFailed            talent.ErrorCode = "precondition_failed"
	codeUnavailable                   talent.ErrorCode = "unavailable"
	codeInternal                      talent.ErrorCode = "internal"
)

// problemBody is an RFC 9457 problem document with Setubashi's extensions.
type problemBody struct {
	Type       string           `json:"type"`
	Title      string           `json:"title"`
	Status     int              `json:"status"`
	Detail     string           `json:"detail"`
	Code       talent.ErrorCode `json:"code"`
	Instance   string           `json:"instance,omitempty"`
	RequestID  string           `json:"request_id,omitempty"`
	Errors     []fieldProblem   `json:"errors,omitempty"`
	ExistingID int64            `json:"existing_id,omitempty"`
}

// fieldProblem names one bad field of a request.
type fieldProblem struct {
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
	// Suggestions are the codes the message offers instead of a bad value
	// (the nearest known skills for unknown_skill).
	Suggestions []string `json:"suggestions,omitempty"`
}

// kindStatus maps each error kind to its HTTP status and title message.
var kindStatus = []struct {
	kind   error
	status int
	title  string
}{
	{talent.ErrInvalid, http.StatusBadRequest, "title.invalid"},
	{talent.ErrNotFound, http.StatusNotFound, "title.not_found"},
	{talent.ErrConflict, http.StatusConflict, "title.conflict"},
	{talent.ErrForbidden, http.StatusForbidden, "title.forbidden"},
	{talent.ErrUnauthenticated, http.StatusUnauthorized, "title.unauthenticated"},
	{talent.ErrRateLimited, http.StatusTooManyRequests, "title.rate_limited"},
}

// httpProblem is an error raised by the HTTP layer itself, with a status that
// has no error kind (413, 415, 405, 503).
type httpProblem struct {
	status int
	title  string
	*talent.Problem
}

func newHTTPProblem(status int, title string, kind error, code talent.ErrorCode, kv ...any) *httpProblem {
	return &httpProblem{status: status, title: title, Problem: talent.NewProblem(kind, code, kv...)}
}

// respondError writes err as a localized problem document. Errors that carry
// no kind are internal: logged with the request ID, answered with 500 and a
// generic message.
func (s *Server) respondError(c *gin.Context, err error) {
	lang := languageOf(c)
	status, title := http.StatusInternalServerError, "title.internal"
	var hp *httpProblem
	p, isProblem := talent.AsProblem(err)
	switch {
	case errors.As(err, &hp):
		status, title, p, isProblem = hp.status, hp.title, hp.Problem, true
	case isProblem:
		for _, ks := range kindStatus {
			if errors.Is(err, ks.kind) {
				status, title = ks.status, ks.title
				break
			}
		}
	case c.Request.Context().Err() != nil:
		// The client went away (whatever the failure it caused looks like,
		// such as a transaction reported done): nobody reads the answer,
		// and it is no server error (499, as proxies log it).
		s.log.InfoContext(c.Request.Context(), "client closed the request", slog.String("request_id", requestIDOf(c)), slog.String("path", c.Request.URL.Path))
		c.AbortWithStatus(statusClientClosedRequest)
		return
	case errors.Is(err, talent.ErrUnavailable):
		// The database cannot answer now: a retry may succeed.
		s.log.WarnContext(c.Request.Context(), "database unavailable", slog.String("request_id", requestIDOf(c)), slog.String("path", c.Request.URL.Path), slog.Any("error", err))
		status, title, p, isProblem = http.StatusServiceUnavailable, "title.unavailable", talent.NewProblem(talent.ErrUnavailable, codeUnavailable), true
		c.Header("Retry-After", "1")
	}
	if !isProblem || status == http.StatusInternalServerError {
		s.log.ErrorContext(c.Request.Context(), "request failed", slog.String("request_id", requestIDOf(c)), slog.String("path", c.Request.URL.Path), slog.Any("error", err))
		p = talent.NewProblem(err, codeInternal, "RequestID", requestIDOf(c))
		status, title = http.StatusInternalServerError, "title.internal"
	}
	body := problemBody{
		Type: problemTypeBase + string(p.Code), Title: s.catalog.Text(lang, title), Status: status,
		Detail: s.render(lang, "error."+string(p.Code), p.Args), Code: p.Code,
		Instance: c.Request.URL.Path, RequestID: requestIDOf(c), ExistingID: p.ExistingID,
	}
	for _, f := range p.Fields {
		body.Errors = append(body.Errors, fieldProblem{Field: f.Field, Code: f.Code, Message: s.render(lang, "field."+f.Code, f.Args), Suggestions: suggestionsOf(f)})
	}
	if p.RetryAfter > 0 {
		c.Header("Retry-After", strconv.Itoa(int(math.Ceil(p.RetryAfter.Seconds()))))
	}
	c.Header("Content-Type", problemContentType)
	c.Header("Cache-Control", "no-store")
	c.AbortWithStatusJSON(status, body)
}

// render returns a message (see i18n.Catalog.Message), logging (not
// failing) if the catalogue lacks it.
func (s *Server) render(lang, id string, args map[string]any) string {
	if !s.catalog.Has(id) {
		s.log.Error("message missing", slog.String("id", id), slog.String("lang", lang))
	}
	return s.catalog.Message(lang, id, args)
}

// suggestionsOf returns the codes of a field error's Suggestions argument.
func suggestionsOf(f talent.FieldError) []string {
	terms, _ := f.Args["Suggestions"].(talent.Terms)
	if len(terms) == 0 {
		return nil
	}
	codes := make([]string, len(terms))
	for i, t := range terms {
		codes[i] = t.Code
	}
	return codes
}
