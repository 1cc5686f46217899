// Package httpapi is Setubashi's JSON API on gin: the router, the
// middleware (request IDs, sessions, language, errors, limits, metrics) and
// the handlers, with request and response types of their own that convert to
// and from talent's domain types.
package httpapi

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/skills"
	"github.com/setubashi/setubashi/backend/talent"
)

// Config tunes the server.
type Config struct {
	// Development relaxes what only makes sense behind TLS (Secure cookies, HSTS).
	Development bool
	// SessionTTL is how long a session cookie lives.
	SessionTTL time.Duration
	// SignInLimit bounds sign-in requests (both steps) per client address,
	// SignUpLimit sign-ups; zero values mean DefaultSignInLimit and
	// DefaultSignUpLimit.
	SignInLimit, SignUpLimit RateLimit
	// DevMail, in development mode, is the mail catcher served at /dev/mail
	// (nil: not served).
	DevMail http.Handler
}

// RateLimit lets a client Burst requests at once and one more every Every.
type RateLimit struct {
	Every time.Duration
	Burst int
}

// Default per-client limits on signing in and up: generous for people (a
// classroom behind one address signing up together) and slow for scripts.
// Each replica counts on its own; the per-account back-off in talent is what
// all replicas share.
var (
	DefaultSignInLimit = RateLimit{Every: 6 * time.Second, Burst: 10}
	DefaultSignUpLimit = RateLimit{Every: 30 * time.Second, Burst: 10}
)

func (l RateLimit) orDefault(d RateLimit) *clientLimiter {
	if l.Every <= 0 || l.Burst <= 0 {
		l = d
	}
	return newClientLimiter(l.Every, l.Burst)
}

// Pinger reports whether the database answers (for /readyz).
type Pinger interface {
	Ping(ctx context.Context) error
}

// Server holds what the handlers need.
type Server struct {
	cfg      Config
	log      *slog.Logger
	catalog  *i18n.Catalog
	db       Pinger
	metrics  *httpMetrics
	openapi  []byte
	frontend *staticSite // the built web UI; nil when the binary has none
	skills   *skills.Taxonomy
	// hspLimiter bounds anonymous HSP assessments per client address.
	hspLimiter *clientLimiter
	// signInLimiter and signUpLimiter bound signing in and up per client address.
	signInLimiter, signUpLimiter *clientLimiter
	*talent.Platform
	engine  *gin.Engine
	handler http.Handler
}

// New returns the API server: the gin engine behind cross-origin protection
// for unsafe methods. taxonomy is the skills taxonomy that /api/v1/skills
// searches; openapi is the spec served at /api/openapi.yaml; frontend, when
// it holds an index.html, is the built web UI, served at / and for every GET
// path outside the API (see staticSite).
func New(cfg Config, log *slog.Logger, catalog *i18n.Catalog, db Pinger, svc *talent.Platform, taxonomy *skills.Taxonomy, openapi []byte, frontend fs.FS) *Server {
	s := &Server{cfg: cfg, log: log, catalog: catalog, db: db, metrics: newHTTPMetrics(), openapi: openapi, frontend: newStaticSite(frontend), skills: taxonomy, Platform: svc,
		hspLimiter: newClientLimiter(3*time.Second, 20), signInLimiter: cfg.SignInLimit.orDefault(DefaultSignInLimit),
		signUpLimiter: cfg.SignUpLimit.orDefault(DefaultSignUpLimit)}
	gin.SetMode(gin.ReleaseMode)
	engine := gin.New()
	engine.HandleMethodNotAllowed = true
	engine.ContextWithFallback = true
	// Client addresses come from the connection, never from X-Forwarded-For,
	// unless a deployment names its proxies (not configurable yet).
	_ = engine.SetTrustedProxies(nil)
	engine.Use(requestID(), s.accessLog(), s.audit(), s.recoverPanics(), requestDeadline(requestTimeout), securityHeaders(!cfg.Development), s.session(), s.language())
	s.routes(engine)
	engine.NoRoute(s.noRoute)
	engine.NoMethod(func(c *gin.Context) {
		s.respondError(c, newHTTPProblem(http.StatusMethodNotAllowed, "title.method_not_allowed", talent.ErrInvalid, codeMethodNotAllowed))
	})
	protection := http.NewCrossOriginProtection()
	protection.SetDenyHandler(http.HandlerFunc(s.crossOriginDenied))
	s.engine, s.handler = engine, protection.Handler(engine)
	return s
}

// ServeHTTP answers a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Routes lists every method and path the server answers.
func (s *Server) Routes() gin.RoutesInfo { return s.engine.Routes() }

func (s *Server) routes(r *gin.Engine) {
	ok, created := http.StatusOK, http.StatusCreated
	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)
	r.GET("/metrics", gin.WrapH(promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{})))
	r.GET("/api/openapi.yaml", s.openAPI)
	r.GET("/", s.home)
	if s.cfg.Development && s.cfg.DevMail != nil {
		r.GET("/dev/mail", gin.WrapH(s.cfg.DevMail))
		r.GET("/dev/mail/*rest", gin.WrapH(s.cfg.DevMail))
	}

	// Open to everyone.
	public := r.Group("/api/v1")
	public.GET("/reference", s.answer(ok, s.reference))
	public.GET("/skills", s.answer(ok, s.searchSkills))
	public.POST("/auth/register", s.limit(s.signUpLimiter), s.answer(created, withBody(s.register)))
	public.POST("/auth/login", s.limit(s.signInLimiter), s.answer(ok, withBody(s.login)))
	public.POST("/auth/login/second-factor", s.limit(s.signInLimiter), s.answer(ok, withBody(s.completeSignIn)))
	public.POST("/auth/logout", s.answer(http.StatusNoContent, s.logout))
	public.GET("/organizations", s.answer(ok, s.listOrganizations))
	public.GET("/organizations/:id", s.answer(ok, withID(s.getOrganization)))
	public.GET("/organizations/:id/roles", s.answer(ok, withID(s.organizationRoles)))
	public.GET("/roles", s.answer(ok, s.searchRoles))
	public.GET("/roles/:id", s.answer(ok, withID(s.getRole)))
	public.POST("/hsp/assessments", s.limit(s.hspLimiter), s.answer(ok, s.assessHSP))
	public.GET("/public/progress", s.answer(ok, s.publicProgress))
	public.POST("/unsubscribe", s.limit(s.hspLimiter), s.answer(ok, s.unsubscribe))

	// Signed-in users; the services decide what each may see and do.
	v1 := r.Group("/api/v1", s.requireSignIn)
	v1.GET("/me", s.answer(ok, s.me))
	v1.PATCH("/me", s.answer(ok, withBody(s.updateMe)))
	v1.GET("/me/profile", s.answer(ok, s.getProfile))
	v1.PUT("/me/profile", s.answer(ok, withBody(s.putProfile)))
	v1.GET("/me/applications", s.answer(ok, s.myApplications))
	v1.GET("/me/organizations", s.answer(ok, s.myOrganizations))
	v1.GET("/me/recommendations", s.answer(ok, s.myRecommendations))
	v1.GET("/me/hsp", s.answer(ok, s.myHSP))
	v1.GET("/me/consents", s.answer(ok, s.myConsents))
	v1.POST("/me/consents", s.answer(ok, withBody(s.decideConsent)))
	v1.GET("/me/profile-views", s.answer(ok, s.myProfileViews))
	v1.GET("/me/export", s.answer(ok, s.exportMe))
	v1.DELETE("/me", s.answer(http.StatusNoContent, withBody(s.eraseMe)))

	// Notifications, how each kind is delivered, and saved role searches.
	v1.GET("/me/notifications", s.answer(ok, s.myNotifications))
	v1.GET("/me/notifications/unread-count", s.answer(ok, s.myUnreadCount))
	v1.POST("/me/notifications/read-all", s.answer(http.StatusNoContent, s.markAllNotificationsRead))
	v1.POST("/me/notifications/:id/read", s.answer(http.StatusNoContent, withID(s.markNotificationRead)))
	v1.GET("/me/notification-preferences", s.answer(ok, s.myNotificationPreferences))
	v1.PUT("/me/notification-preferences", s.answer(ok, withBody(s.setNotificationPreferences)))
	v1.GET("/me/saved-searches", s.answer(ok, s.mySavedSearches))
	v1.POST("/me/saved-searches", s.answer(created, withBody(s.createSavedSearch)))
	v1.DELETE("/me/saved-searches/:id", s.answer(http.StatusNoContent, withID(s.deleteSavedSearch)))

	v1.POST("/organizations", s.answer(created, withBody(s.createOrganization)))
	v1.POST("/organizations/:id/verify", s.answer(ok, withID(s.verifyOrganization)))

	v1.POST("/roles", s.idempotent(created, withBody(s.createRole), s.getRole))
	v1.PATCH("/roles/:id", s.answer(ok, withID(s.patchRole)))
	v1.POST("/roles/:id/publish", s.answer(ok, withID(s.publishRole)))
	v1.POST("/roles/:id/close", s.answer(ok, withID(s.closeRole)))
	v1.POST("/roles/:id/applications", s.idempotent(created, withIDAndBody(true, s.apply), s.getApplication))
	v1.GET("/roles/:id/applications", s.answer(ok, withID(s.roleApplications)))
	v1.GET("/roles/:id/recommendations", s.answer(ok, withID(s.roleRecommendations)))

	v1.GET("/applications/:id", s.answer(ok, withID(s.getApplication)))
	v1.POST("/applications/:id/transitions", s.answer(ok, withIDAndBody(false, s.transition)))
	v1.POST("/applications/:id/withdraw", s.answer(ok, withIDAndBody(true, s.withdraw)))
	v1.POST("/applications/:id/offers", s.idempotent(created, withIDAndBody(false, s.makeOffer), s.getOffer))
	v1.GET("/applications/:id/offers", s.answer(ok, withID(s.applicationOffers)))
	v1.POST("/applications/:id/accept", s.answer(ok, withIDAndBody(false, s.acceptOffer)))
	v1.POST("/applications/:id/decline", s.answer(ok, withIDAndBody(false, s.declineOffer)))
	v1.POST("/applications/:id/placement", s.idempotent(created, withIDAndBody(false, s.recordPlacement), s.getPlacement))
	v1.GET("/applications/:id/placement", s.answer(ok, withID(s.applicationPlacement)))

	v1.GET("/placements/:id", s.answer(ok, withID(s.getPlacement)))
	v1.POST("/placements/:id/arrival", s.answer(ok, withIDAndBody(false, s.recordArrival)))

	v1.POST("/rounds", s.answer(created, withBody(s.createRound)))
	v1.GET("/rounds", s.answer(ok, s.listRounds))
	v1.GET("/rounds/:id", s.answer(ok, withID(s.getRound)))
	v1.POST("/rounds/:id/open", s.answer(ok, withID(s.openRound)))
	v1.POST("/rounds/:id/run", s.answer(ok, withID(s.runRound)))
	// Sessions, password and second factor (see enrolmentRoutes).
	v1.GET("/me/sessions", s.answer(ok, s.mySessions))
	v1.DELETE("/me/sessions", s.answer(http.StatusNoContent, s.logoutEverywhere))
	v1.DELETE("/me/sessions/:id", s.answer(http.StatusNoContent, withID(s.revokeSession)))
	v1.POST("/me/password", s.answer(http.StatusNoContent, withBody(s.changePassword)))
	v1.GET("/me/second-factor", s.answer(ok, s.mySecondFactor))
	v1.POST("/me/second-factor/totp", s.answer(ok, withBody(s.beginTOTP)))
	v1.POST("/me/second-factor/totp/confirm", s.answer(ok, withBody(s.confirmTOTP)))
	v1.POST("/me/second-factor/disable", s.answer(http.StatusNoContent, withBody(s.disableTOTP)))
	v1.POST("/me/second-factor/recovery-codes", s.answer(ok, withBody(s.regenerateRecoveryCodes)))

	// Administration: accounts and the audit log.
	v1.GET("/admin/users", s.answer(ok, s.adminUsers))
	v1.POST("/admin/users/:id/disable", s.answer(ok, withID(s.setUserDisabled(true))))
	v1.POST("/admin/users/:id/enable", s.answer(ok, withID(s.setUserDisabled(false))))
	v1.DELETE("/admin/users/:id/second-factor", s.answer(http.StatusNoContent, withID(s.resetSecondFactor)))
	v1.GET("/admin/audit", s.answer(ok, s.auditLog))

	v1.GET("/rounds/:id/results", s.answer(ok, withID(s.roundResults)))
	v1.GET("/rounds/:id/ranking", s.answer(ok, withID(s.myRoundRanking)))
	v1.PUT("/rounds/:id/ranking", s.answer(ok, withIDAndBody(false, s.putMyRoundRanking)))
	v1.GET("/rounds/:id/roles/:role_id/ranking", s.answer(ok, withID(s.roleRoundRanking)))
	v1.PUT("/rounds/:id/roles/:role_id/ranking", s.answer(ok, withIDAndBody(false, s.putRoleRoundRanking)))

	// The goal dashboard: ministry viewers and administrators; the goal
	// definition is changed by administrators.
	v1.GET("/dashboard/goal", s.answer(ok, s.dashboardGoal))
	v1.GET("/dashboard/breakdown", s.answer(ok, s.dashboardBreakdown))
	v1.GET("/dashboard/export", s.dashboardExport)
	v1.GET("/dashboard/goal-definition", s.answer(ok, s.getGoalDefinition))
	v1.PUT("/dashboard/goal-definition", s.answer(ok, withBody(s.putGoalDefinition)))
}

// enrolmentRoutes are the signed-in routes open to a session of an account
// that must use a second factor and has not enrolled one yet: reading the
// account and changing its name or language, enrolling, and listing or
// ending sessions. Every other signed-in
// route answers it 403 second_factor_enrolment_required, and public routes
// treat it as anonymous; a route added later is closed to it by default.
var enrolmentRoutes = map[string]bool{
	"GET /api/v1/me":                             true,
	"GET /api/v1/me/second-factor":               true,
	"POST /api/v1/me/second-factor/totp":         true,
	"POST /api/v1/me/second-factor/totp/confirm": true,
	"PATCH /api/v1/me":                           true,
	"GET /api/v1/me/sessions":                    true,
	"DELETE /api/v1/me/sessions":                 true,
	"DELETE /api/v1/me/sessions/:id":             true,
}

// requireSignIn answers 401 to anonymous callers before anything else runs,
// and 403 to a session that must enrol a second factor first, outside the
// enrolment routes.
func (s *Server) requireSignIn(c *gin.Context) {
	if actorOf(c).Anonymous() {
		restricted, ok := restrictedOf(c)
		switch {
		case ok && enrolmentRoutes[c.Request.Method+" "+c.FullPath()]:
			c.Set(ctxActor, restricted)
		case ok:
			s.respondError(c, talent.Forbidden(codeSecondFactorEnrolmentRequired))
			return
		default:
			s.respondError(c, talent.Unauthenticated())
			return
		}
	}
	c.Next()
}

func (s *Server) healthz(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

func (s *Server) readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	if err := s.db.Ping(ctx); err != nil {
		s.log.Warn("database not ready", slog.Any("error", err))
		s.respondError(c, newHTTPProblem(http.StatusServiceUnavailable, "title.unavailable", errors.New("unavailable"), codeUnavailable))
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ready"})
}

func (s *Server) openAPI(c *gin.Context) {
	c.Header("Cache-Control", "public, max-age=300")
	c.Data(http.StatusOK, "application/yaml", s.openapi)
}

// noRoute answers paths no route matches: the web UI's files and
// client-side routes when the UI is built, a 404 problem otherwise (and
// always under /api/ and the operational endpoints).
func (s *Server) noRoute(c *gin.Context) {
	if s.frontend != nil && s.frontend.answers(c.Request) {
		s.serveStatic(c)
		return
	}
	s.noRoute404(c)
}

// crossOriginDenied answers a cross-site unsafe request with a 403 problem.
func (s *Server) crossOriginDenied(w http.ResponseWriter, r *http.Request) {
	lang := s.catalog.Negotiate(r.URL.Query().Get("lang"), "", r.Header.Get("Accept-Language"))
	body := problemBody{
		Type: problemTypeBase + string(codeCrossOrigin), Title: s.catalog.Text(lang, "title.forbidden"), Status: http.StatusForbidden,
		Detail: s.catalog.Text(lang, "error."+string(codeCrossOrigin)), Code: codeCrossOrigin, Instance: r.URL.Path,
	}
	w.Header().Set("Content-Type", problemContentType)
	w.Header().Set("Content-Language", lang)
	w.WriteHeader(http.StatusForbidden)
	_ = jsonEncode(w, body)
}
