package httpapi

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

// Context keys set by the middleware.
const (
	ctxActor = "setubashi.actor"
	ctxUser  = "setubashi.user"
	ctxLang  = "setubashi.lang"
	// ctxRestricted holds the actor of a session that may only enrol a
	// second factor (see requireSignIn); ctxActor stays anonymous for it.
	ctxRestricted = "setubashi.restricted"
	// ctxClaim holds the idempotency key a creating request holds (see
	// idempotent), read with claimOf.
	ctxClaim = "setubashi.idempotency_claim"
)

// sessionCookie is the name of the session cookie.
const sessionCookie = "setubashi_session"

// requestIDShape is what a caller's X-Request-ID may look like to be taken
// into the logs and the audit log: 1 to 64 letters, digits, dots,
// underscores and hyphens (a UUID, a trace id); anything else, markup or
// control characters included, is replaced.
var requestIDShape = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// requestID gives every request an ID (the caller's X-Request-ID if it has
// a safe shape, else a random one), carried in the request's context (see
// talent.WithRequestID) and echoed in the response.
func requestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader("X-Request-ID")
		if !requestIDShape.MatchString(id) {
			b := make([]byte, 8)
			_, _ = rand.Read(b)
			id = hex.EncodeToString(b)
		}
		c.Request = c.Request.WithContext(talent.WithRequestID(c.Request.Context(), id))
		c.Header("X-Request-ID", id)
		c.Next()
	}
}

func requestIDOf(c *gin.Context) string { return talent.RequestIDFrom(c.Request.Context()) }

// accessLog logs each request once it has been answered, and counts it in
// the metrics by route and status.
func (s *Server) accessLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		route := c.FullPath()
		if route == "" {
			route = "unmatched"
		}
		elapsed := time.Since(start)
		status := c.Writer.Status()
		s.metrics.observe(c.Request.Method, route, status, elapsed)
		level := slog.LevelInfo
		if status >= http.StatusInternalServerError {
			level = slog.LevelError
		}
		s.log.Log(c.Request.Context(), level, "request",
			slog.String("request_id", requestIDOf(c)), slog.String("method", c.Request.Method),
			slog.String("route", route), slog.Int("status", status), slog.Duration("elapsed", elapsed),
			slog.Int64("user_id", auditActorOf(c).UserID), slog.String("ip", c.ClientIP()))
	}
}

// recoverPanics turns a panic in a handler into a logged 500 problem.
func (s *Server) recoverPanics() gin.HandlerFunc {
	return gin.CustomRecoveryWithWriter(nil, func(c *gin.Context, recovered any) {
		s.respondError(c, panicError{value: recovered})
	})
}

type panicError struct{ value any }

func (p panicError) Error() string { return "panic: " + strconv.Quote(anyString(p.value)) }

func anyString(v any) string {
	if err, ok := v.(error); ok {
		return err.Error()
	}
	if s, ok := v.(string); ok {
		return s
	}
	return "unprintable panic value"
}

// securityHeaders sets the headers every answer carries.
func securityHeaders(secure bool) gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		if secure {
			h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		c.Next()
	}
}

// session reads the session cookie and sets the actor (anonymous when there
// is no live session); answers to a live session are not to be cached. A
// session that has ended clears the cookie. The
// session of an account that must enrol a second factor and has not leaves
// the actor anonymous: requireSignIn lets it through to the enrolment
// routes only.
func (s *Server) session() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Set(ctxActor, talent.Actor{})
		token, err := c.Cookie(sessionCookie)
		if err != nil || token == "" {
			c.Next()
			return
		}
		auth, err := s.Accounts.Authenticate(c.Request.Context(), token)
		if err == nil {
			// What a signed-in person is answered may be personal data: no
			// cache keeps it (routes with nothing personal may say otherwise).
			c.Header("Cache-Control", "no-store")
		}
		switch {
		case err == nil && auth.EnrolmentRequired:
			c.Set(ctxRestricted, auth.Actor())
			c.Set(ctxUser, auth.User)
		case err == nil:
			c.Set(ctxActor, auth.Actor())
			c.Set(ctxUser, auth.User)
		case errors.Is(err, talent.ErrUnauthenticated):
			s.clearSessionCookie(c)
		default:
			c.Set(ctxLang, "en")
			s.respondError(c, err)
			return
		}
		c.Next()
	}
}

// language negotiates the response language (?lang=, saved preference,
// Accept-Language, English) and announces it in Content-Language.
func (s *Server) language() gin.HandlerFunc {
	return func(c *gin.Context) {
		saved := ""
		if u, ok := c.Get(ctxUser); ok {
			saved = u.(talent.User).Locale
		}
		lang := s.catalog.Negotiate(c.Query("lang"), saved, c.GetHeader("Accept-Language"))
		c.Set(ctxLang, lang)
		c.Header("Content-Language", lang)
		c.Header("Vary", "Accept-Language, Cookie")
		c.Next()
	}
}

func languageOf(c *gin.Context) string {
	if lang := c.GetString(ctxLang); lang != "" {
		return lang
	}
	return "en"
}

func actorOf(c *gin.Context) talent.Actor {
	a, _ := c.Get(ctxActor)
	actor, _ := a.(talent.Actor)
	return actor
}

// restrictedOf returns the actor of a session that may only enrol a second
// factor, if the request came with one.
func restrictedOf(c *gin.Context) (talent.Actor, bool) {
	a, ok := c.Get(ctxRestricted)
	actor, _ := a.(talent.Actor)
	return actor, ok
}

func (s *Server) setSessionCookie(c *gin.Context, token string) {
	//nolint:gosec // Secure is off only in development mode, which serves plain HTTP on localhost
	http.SetCookie(c.Writer, &http.Cookie{
		Name: sessionCookie, Value: token, Path: "/", MaxAge: int(s.cfg.SessionTTL.Seconds()),
		HttpOnly: true, Secure: !s.cfg.Development, SameSite: http.SameSiteLaxMode,
	})
}

func (s *Server) clearSessionCookie(c *gin.Context) {
	//nolint:gosec // Secure is off only in development mode, which serves plain HTTP on localhost
	http.SetCookie(c.Writer, &http.Cookie{
		Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: !s.cfg.Development, SameSite: http.SameSiteLaxMode,
	})
}
