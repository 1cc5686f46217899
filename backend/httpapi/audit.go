package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

// The audit log (OWASP ASVS 5.0 V16) is written here, in one middleware that
// every request passes, rather than by each handler or service: a route
// added tomorrow is audited without anyone remembering to. It records every
// request that may change state (any method but GET, HEAD and OPTIONS) and
// every export (a GET route whose last segment is "export" or
// "export.<format>"),
// whatever its outcome: refusals and failed sign-ins are as telling as
// successes. An entry says who (the actor after the request: a sign-in
// records the account signing in), what (method, route, concrete path, the
// object named by the path's :id or created by a 201 answer), the outcome
// (status), when, and from where (client address and user agent). Bodies
// are never recorded, so no password, code or personal field ends up there.

// Context keys handlers use to tell the audit log what only they know.
const (
	ctxAuditActor  = "setubashi.audit_actor"
	ctxAuditObject = "setubashi.audit_object"
)

// audited reports whether a request to route with method is written to the
// audit log.
func audited(method, route string) bool {
	switch method {
	case http.MethodGet, http.MethodHead:
		return isExport(route)
	case http.MethodOptions:
		return false
	}
	return true
}

// isExport reports whether a route hands out data in bulk: its last path
// segment is "export" or "export.<format>" (…/export, …/export.csv).
func isExport(route string) bool {
	last := route[strings.LastIndexByte(route, '/')+1:]
	return last == "export" || strings.HasPrefix(last, "export.")
}

// auditAs tells the audit log who a request acted as when that is not the
// session's actor (sign-up and sign-in).
func auditAs(c *gin.Context, u talent.User) {
	c.Set(ctxAuditActor, talent.Actor{UserID: u.ID, Kind: u.Kind})
	c.Set(ctxAuditObject, u.ID)
}

// audit records audited requests after they are answered.
func (s *Server) audit() gin.HandlerFunc {
	return func(c *gin.Context) {
		route := c.FullPath()
		if route == "" || !audited(c.Request.Method, route) {
			c.Next()
			return
		}
		w := &createdIDWriter{ResponseWriter: c.Writer}
		c.Writer = w
		c.Next()
		actor := auditActorOf(c)
		e := talent.AuditEvent{
			At: time.Now(), ActorID: actor.UserID, ActorKind: actor.Kind, Method: c.Request.Method, Route: route,
			Path: c.Request.URL.Path, ObjectID: auditObjectOf(c, w), Status: w.Status(),
			IP: c.ClientIP(), UserAgent: c.Request.UserAgent(), RequestID: requestIDOf(c),
		}
		// The answer is sent already; the entry must be written even if the
		// client has gone away.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(c.Request.Context()), 5*time.Second)
		defer cancel()
		err := s.Audit.Record(ctx, e)
		if errors.Is(err, talent.ErrUnavailable) {
			// The database is restarting: keep trying a while, without
			// holding up the request.
			go s.recordAuditLater(context.WithoutCancel(c.Request.Context()), e)
			return
		}
		if err != nil {
			s.auditFailed(ctx, e, err)
		}
	}
}

// auditRetryFor is how long an audit entry is retried while the database is
// unavailable.
const auditRetryFor = 30 * time.Second

// recordAuditLater writes an audit entry the database could not take when
// the request ended, retrying while it is unavailable.
func (s *Server) recordAuditLater(ctx context.Context, e talent.AuditEvent) {
	ctx, cancel := context.WithTimeout(ctx, auditRetryFor+5*time.Second)
	defer cancel()
	if err := talent.RetryWhileUnavailable(ctx, auditRetryFor, func(ctx context.Context) error { return s.Audit.Record(ctx, e) }); err != nil {
		s.auditFailed(ctx, e, err)
	}
}

// auditFailed logs an audit entry that could not be written, with what it
// would have said.
func (s *Server) auditFailed(ctx context.Context, e talent.AuditEvent, err error) {
	s.log.ErrorContext(ctx, "audit log write failed", slog.Any("error", err), slog.Int64("actor_id", e.ActorID),
		slog.String("method", e.Method), slog.String("path", e.Path), slog.Int("status", e.Status),
		slog.String("ip", e.IP), slog.String("request_id", e.RequestID))
}

// auditActorOf returns who the request acted as: whom a handler named, else
// the session's actor, else the account of a session that may only enrol a
// second factor.
func auditActorOf(c *gin.Context) talent.Actor {
	if a, ok := c.Get(ctxAuditActor); ok {
		return a.(talent.Actor)
	}
	if a := actorOf(c); !a.Anonymous() {
		return a
	}
	if a, ok := restrictedOf(c); ok {
		return a
	}
	return talent.Actor{}
}

// auditObjectOf returns the id of the object a request was about: the one a
// handler named, the path's :id, or the id of what a 201 answer created.
func auditObjectOf(c *gin.Context, w *createdIDWriter) int64 {
	if id, ok := c.Get(ctxAuditObject); ok {
		return id.(int64)
	}
	if raw := c.Param("id"); raw != "" {
		id, _ := strconv.ParseInt(raw, 10, 64)
		return max(id, 0)
	}
	if w.Status() == http.StatusCreated {
		var body struct {
			ID int64 `json:"id"`
		}
		if json.Unmarshal(w.body.Bytes(), &body) == nil {
			return body.ID
		}
	}
	return 0
}

// createdIDWriter keeps the start of a 201 answer's body, where the created
// object's id is.
type createdIDWriter struct {
	gin.ResponseWriter
	body bytes.Buffer
}

// maxKeptBody is how much of an answer createdIDWriter keeps.
const maxKeptBody = 64 << 10

func (w *createdIDWriter) keep(b []byte) {
	if w.Status() == http.StatusCreated && w.body.Len() < maxKeptBody {
		w.body.Write(b[:min(len(b), maxKeptBody-w.body.Len())])
	}
}

// Write passes b on, keeping it if the answer is a 201.
func (w *createdIDWriter) Write(b []byte) (int, error) {
	w.keep(b)
	return w.ResponseWriter.Write(b)
}

// WriteString passes s on, keeping it if the answer is a 201.
func (w *createdIDWriter) WriteString(s string) (int, error) {
	w.keep([]byte(s))
	return w.ResponseWriter.WriteString(s)
}
