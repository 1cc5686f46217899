package httpapi

import (
	"errors"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

type registerRequest struct {
	Email    string             `json:"email"`
	Password string             `json:"password"`
	Name     string             `json:"name"`
	Kind     talent.AccountKind `json:"role"`
	Locale   string             `json:"locale"`
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// codeRequest carries a second-factor code: six digits from the
// authenticator app, or a recovery code.
type codeRequest struct {
	Code string `json:"code"`
}

type updateMeRequest struct {
	Name   *string `json:"name"`
	Locale *string `json:"locale"`
}

// userResponse is an account as its owner sees it.
type userResponse struct {
	ID           int64                `json:"id"`
	Email        string               `json:"email"`
	Name         string               `json:"name"`
	Kind         talent.AccountKind   `json:"role"`
	Locale       string               `json:"locale"`
	CreatedAt    time.Time            `json:"created_at"`
	SecondFactor secondFactorResponse `json:"second_factor"`
}

// secondFactorChallenge answers a right password for an account with an
// authenticator: the sign-in continues at POST /auth/login/second-factor.
type secondFactorChallenge struct {
	SecondFactorRequired bool      `json:"second_factor_required"`
	Methods              []string  `json:"methods"`
	ExpiresAt            time.Time `json:"expires_at"`
}

// userResponse returns u as its owner sees it, with where it stands on the
// second factor.
func (s *Server) userResponse(c *gin.Context, u talent.User) (userResponse, error) {
	st, err := s.Accounts.SecondFactor(c.Request.Context(), talent.Actor{UserID: u.ID, Kind: u.Kind})
	if err != nil {
		return userResponse{}, err
	}
	return userResponse{ID: u.ID, Email: u.Email, Name: u.Name, Kind: u.Kind, Locale: u.Locale, CreatedAt: u.CreatedAt,
		SecondFactor: toSecondFactorResponse(st)}, nil
}

// client describes where a request comes from.
func (s *Server) client(c *gin.Context) talent.Client {
	device, _ := c.Cookie(deviceCookie)
	return talent.Client{IP: c.ClientIP(), UserAgent: c.Request.UserAgent(), Device: device}
}

// register creates an account and signs it in.
func (s *Server) register(c *gin.Context, req registerRequest) (any, error) {
	reg := talent.Registration{Email: req.Email, Password: req.Password, Name: req.Name, Kind: req.Kind, Locale: req.Locale}
	if reg.Locale == "" {
		reg.Locale = languageOf(c)
	}
	u, err := s.Accounts.Register(c.Request.Context(), reg)
	if err != nil {
		return nil, err
	}
	auditAs(c, u)
	out, err := s.login(c, loginRequest{Email: req.Email, Password: req.Password})
	if err != nil {
		return nil, err
	}
	if a, ok := out.(answerWith); ok { // a new account has no second factor; never happens
		return a.body, nil
	}
	return out, nil
}

// login checks the password and either opens a session (200, ending the
// caller's previous one) or, for an account with an authenticator, starts
// the second step (202 with the pending cookie).
func (s *Server) login(c *gin.Context, req loginRequest) (any, error) {
	in, err := s.Accounts.Login(c.Request.Context(), req.Email, req.Password, s.client(c))
	if err != nil {
		return nil, err
	}
	auditAs(c, in.User)
	s.setDeviceCookie(c, in.Device)
	if err := s.endCallerSession(c); err != nil {
		return nil, err
	}
	if in.Stage == talent.SecondFactorPending {
		s.setPendingCookie(c, in.Token)
		return answerWith{status: http.StatusAccepted, body: secondFactorChallenge{
			SecondFactorRequired: true, Methods: []string{"totp", "recovery_code"}, ExpiresAt: in.ExpiresAt.UTC(),
		}}, nil
	}
	s.setSessionCookie(c, in.Token)
	return s.userResponse(c, in.User)
}

// completeSignIn is the second step of signing in: a code for the pending
// sign-in the cookie names opens the session.
func (s *Server) completeSignIn(c *gin.Context, req codeRequest) (any, error) {
	pending, _ := c.Cookie(pendingCookie)
	in, err := s.Accounts.CompleteSignIn(c.Request.Context(), pending, req.Code, s.client(c))
	if errors.Is(err, talent.ErrUnauthenticated) {
		s.clearPendingCookie(c)
	}
	if err != nil {
		return nil, err
	}
	auditAs(c, in.User)
	s.clearPendingCookie(c)
	if err := s.endCallerSession(c); err != nil {
		return nil, err
	}
	s.setSessionCookie(c, in.Token)
	return s.userResponse(c, in.User)
}

// endCallerSession ends the session the caller's cookie names, if any.
func (s *Server) endCallerSession(c *gin.Context) error {
	if old, err := c.Cookie(sessionCookie); err == nil && old != "" {
		return s.Accounts.Logout(c.Request.Context(), old)
	}
	return nil
}

func (s *Server) logout(c *gin.Context) (any, error) {
	if err := s.endCallerSession(c); err != nil {
		return nil, err
	}
	s.clearSessionCookie(c)
	return nil, nil
}

func (s *Server) me(c *gin.Context) (any, error) {
	u, err := s.Accounts.Me(c.Request.Context(), actorOf(c))
	if err != nil {
		return nil, err
	}
	return s.userResponse(c, u)
}

func (s *Server) updateMe(c *gin.Context, req updateMeRequest) (any, error) {
	u, err := s.Accounts.UpdateMe(c.Request.Context(), actorOf(c), talent.AccountChanges{Name: req.Name, Locale: req.Locale})
	if err != nil {
		return nil, err
	}
	return s.userResponse(c, u)
}

// Cookies besides the session's: the pending second step of a sign-in
// (five minutes, sent only to the sign-in routes) and the device token that
// exempts the owner's browser from the back-off strangers cause (a year,
// sent only to /api/v1/auth/).
const (
	pendingCookie = "setubashi_pending"
	deviceCookie  = "setubashi_device"
)

func (s *Server) setPendingCookie(c *gin.Context, token string) {
	//nolint:gosec // Secure is off only in development mode, which serves plain HTTP on localhost
	http.SetCookie(c.Writer, &http.Cookie{
		Name: pendingCookie, Value: token, Path: "/api/v1/auth/login", MaxAge: int(talent.PendingSignInLifetime.Seconds()),
		HttpOnly: true, Secure: !s.cfg.Development, SameSite: http.SameSiteStrictMode,
	})
}

func (s *Server) clearPendingCookie(c *gin.Context) {
	//nolint:gosec // Secure is off only in development mode, which serves plain HTTP on localhost
	http.SetCookie(c.Writer, &http.Cookie{
		Name: pendingCookie, Value: "", Path: "/api/v1/auth/login", MaxAge: -1,
		HttpOnly: true, Secure: !s.cfg.Development, SameSite: http.SameSiteStrictMode,
	})
}

func (s *Server) setDeviceCookie(c *gin.Context, token string) {
	if token == "" {
		return
	}
	//nolint:gosec // Secure is off only in development mode, which serves plain HTTP on localhost
	http.SetCookie(c.Writer, &http.Cookie{
		Name: deviceCookie, Value: token, Path: "/api/v1/auth", MaxAge: int((365 * 24 * time.Hour).Seconds()),
		HttpOnly: true, Secure: !s.cfg.Development, SameSite: http.SameSiteStrictMode,
	})
}
