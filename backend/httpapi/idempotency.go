package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

// Idempotency-Key (draft-ietf-httpapi-idempotency-key-header) on the requests
// that create something: applying, creating a role, recording a placement.
// A retry with the same key by the same caller gets the first answer (status,
// body and the headers that describe it) with Idempotent-Replayed: true, for
// 24 hours; the same key with another request is 422; a retry while the first
// is still running is 409 with Retry-After. The records are rows in the
// database, so every replica answers alike, and the insert of the record is
// the lock: two requests with one key never both run.

const (
	idempotencyKeyHeader = "Idempotency-Key"
	replayedHeader       = "Idempotent-Replayed"
)

// replayedHeaders are the headers of a first answer that a replay repeats.
var replayedHeaders = []string{"Content-Type", "Content-Language", "ETag", "Location"}

// resourceAnswer answers a retry whose first request created the object id
// but died before its answer was stored: the answer is rebuilt from the object.
type resourceAnswer func(c *gin.Context, id int64) (any, error)

// idempotent is answer(status, fn) honouring the Idempotency-Key header.
func (s *Server) idempotent(status int, fn handlerFunc, rebuild resourceAnswer) gin.HandlerFunc {
	plain := s.answer(status, fn)
	return func(c *gin.Context) {
		key := c.GetHeader(idempotencyKeyHeader)
		if key == "" {
			plain(c)
			return
		}
		if !talent.ValidIdempotencyKey(key) {
			var v talent.Validator
			v.Add(idempotencyKeyHeader, "idempotency_key", "Max", talent.MaxIdempotencyKeyLen)
			s.respondError(c, v.Err())
			return
		}
		body, err := readBody(c)
		if err != nil {
			s.respondError(c, err)
			return
		}
		c.Request.Body = io.NopCloser(bytes.NewReader(body))
		fp := requestFingerprint(c.Request.Method, c.Request.URL.Path, body)
		actor := actorOf(c)
		rec, claimed, err := s.Idempotency.Claim(c.Request.Context(), actor, key, fp)
		switch {
		case err != nil:
			s.respondError(c, err)
		case !bytes.Equal(rec.Fingerprint, fp):
			s.respondError(c, newHTTPProblem(http.StatusUnprocessableEntity, "title.unprocessable", talent.ErrInvalid, codeIdempotencyKeyReused))
		case rec.Status != 0:
			for k, v := range rec.Headers {
				c.Header(k, v)
			}
			c.Header(replayedHeader, "true")
			c.Data(rec.Status, rec.Headers["Content-Type"], rec.Body)
		case rec.ResourceID != 0:
			s.rebuildAnswer(c, status, key, rec.ResourceID, rebuild)
		case !claimed:
			c.Header("Retry-After", "1")
			s.respondError(c, talent.Conflict(codeIdempotencyKeyInProgress))
		default:
			s.runIdempotent(c, plain, key)
		}
	}
}

// runIdempotent runs the request holding key, bounded in time so that it
// ends before its lock lapses, and stores its answer; a failure the request
// may not meet again (5xx) releases the key instead, unless the request
// created its object before failing.
func (s *Server) runIdempotent(c *gin.Context, plain gin.HandlerFunc, key string) {
	actor := actorOf(c)
	ctx, cancel := context.WithTimeout(c.Request.Context(), talent.IdempotencyWorkLimit)
	defer cancel()
	c.Request = c.Request.WithContext(ctx)
	c.Set(ctxClaim, talent.IdempotencyClaim{UserID: actor.UserID, Key: key})
	tee := &teeWriter{ResponseWriter: c.Writer}
	c.Writer = tee
	plain(c)
	c.Writer = tee.ResponseWriter
	status := tee.Status()
	// Settle the key even if the client has gone.
	settle, done := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer done()
	var err error
	if storable(status) {
		err = s.Idempotency.Complete(settle, actor, key, status, headersOf(tee.Header()), tee.body.Bytes())
	} else {
		err = s.Idempotency.Release(settle, actor, key)
	}
	if err != nil {
		s.log.WarnContext(settle, "idempotency key not settled", slog.String("request_id", requestIDOf(c)), slog.Any("error", err))
	}
}

// rebuildAnswer answers from the object a died request created, and stores
// that answer.
func (s *Server) rebuildAnswer(c *gin.Context, status int, key string, id int64, rebuild resourceAnswer) {
	out, err := rebuild(c, id)
	if err != nil {
		s.respondError(c, err)
		return
	}
	body, err := json.Marshal(out)
	if err != nil {
		s.respondError(c, err)
		return
	}
	c.Header(replayedHeader, "true")
	c.Data(status, "application/json; charset=utf-8", body)
	if err := s.Idempotency.Complete(c.Request.Context(), actorOf(c), key, status, headersOf(c.Writer.Header()), body); err != nil {
		s.log.WarnContext(c.Request.Context(), "idempotency key not settled", slog.String("request_id", requestIDOf(c)), slog.Any("error", err))
	}
}

// claimOf returns the idempotency key the request holds, for the creating
// service to mark with what it creates (the zero claim when none).
func claimOf(c *gin.Context) talent.IdempotencyClaim {
	claim, _ := c.Get(ctxClaim)
	held, _ := claim.(talent.IdempotencyClaim)
	return held
}

// storable reports whether an answer is the request's own outcome, to be
// repeated to retries: successes and refusals, but not failures of the
// moment (5xx, 408, 429, a client gone), after which a retry should run again.
func storable(status int) bool {
	return status >= http.StatusOK && status < http.StatusInternalServerError && status != http.StatusRequestTimeout &&
		status != http.StatusTooManyRequests && status != statusClientClosedRequest
}

func headersOf(h http.Header) map[string]string {
	out := map[string]string{}
	for _, k := range replayedHeaders {
		if v := h.Get(k); v != "" {
			out[k] = v
		}
	}
	return out
}

// requestFingerprint identifies a request by method, path and body; a JSON
// body counts by its content, so spacing and key order do not matter.
func requestFingerprint(method, path string, body []byte) []byte {
	h := sha256.New()
	h.Write([]byte(method + " " + path + "\n"))
	var v any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&v); err == nil && !dec.More() {
		if canonical, err := json.Marshal(v); err == nil {
			body = canonical
		}
	}
	h.Write(body)
	return h.Sum(nil)
}

// teeWriter keeps a copy of the body written through it.
type teeWriter struct {
	gin.ResponseWriter
	body bytes.Buffer
}

func (w *teeWriter) Write(b []byte) (int, error) {
	w.body.Write(b)
	return w.ResponseWriter.Write(b)
}

func (w *teeWriter) WriteString(s string) (int, error) {
	w.body.WriteString(s)
	return w.ResponseWriter.WriteString(s)
}
