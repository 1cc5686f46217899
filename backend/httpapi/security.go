package httpapi

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/pquerna/otp"

	"github.com/setubashi/setubashi/backend/talent"
)

// sessionResponse is one of the caller's sessions: never its token.
type sessionResponse struct {
	ID           int64     `json:"id"`
	CreatedAt    time.Time `json:"created_at"`
	LastSeenAt   time.Time `json:"last_seen_at"`
	ExpiresAt    time.Time `json:"expires_at"`
	SecondFactor bool      `json:"second_factor"`
	IP           string    `json:"ip"`
	Browser      string    `json:"browser"`
	OS           string    `json:"os"`
	Current      bool      `json:"current"`
}

type changePasswordRequest struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

type passwordRequest struct {
	Password string `json:"password"`
}

// secondFactorResponse says where an account stands on the second factor.
type secondFactorResponse struct {
	Enabled           bool       `json:"enabled"`
	Required          bool       `json:"required"`
	EnrolmentStarted  bool       `json:"enrolment_started"`
	EnabledAt         *time.Time `json:"enabled_at"`
	RecoveryCodesLeft int        `json:"recovery_codes_left"`
}

func toSecondFactorResponse(st talent.SecondFactorStatus) secondFactorResponse {
	return secondFactorResponse{Enabled: st.Enabled, Required: st.Required, EnrolmentStarted: st.EnrolmentStarted,
		EnabledAt: st.EnabledAt, RecoveryCodesLeft: st.RecoveryCodesLeft}
}

// totpEnrolmentResponse is what an authenticator app needs.
type totpEnrolmentResponse struct {
	Secret     string `json:"secret"`
	OTPAuthURI string `json:"otpauth_uri"`
	QRCode     string `json:"qr_code"`
	Digits     int    `json:"digits"`
	Period     int    `json:"period"`
	Algorithm  string `json:"algorithm"`
}

type recoveryCodesResponse struct {
	RecoveryCodes []string `json:"recovery_codes"`
}

func (s *Server) mySessions(c *gin.Context) (any, error) {
	p, err := pageOf(c)
	if err != nil {
		return nil, err
	}
	actor := actorOf(c)
	list, err := s.Accounts.Sessions(c.Request.Context(), actor, p)
	if err != nil {
		return nil, err
	}
	return page(p, list, func(x talent.Session) int64 { return x.ID }, func(x talent.Session) sessionResponse {
		browser, os := summarizeUserAgent(x.UserAgent)
		return sessionResponse{ID: x.ID, CreatedAt: x.CreatedAt.UTC(), LastSeenAt: x.LastSeenAt.UTC(), ExpiresAt: x.ExpiresAt.UTC(),
			SecondFactor: x.SecondFactorAt != nil, IP: x.IP, Browser: browser, OS: os, Current: x.ID == actor.SessionID}
	}), nil
}

// logoutEverywhere ends every session of the caller, this one too.
func (s *Server) logoutEverywhere(c *gin.Context) (any, error) {
	if err := s.Accounts.LogoutEverywhere(c.Request.Context(), actorOf(c)); err != nil {
		return nil, err
	}
	s.clearSessionCookie(c)
	return nil, nil
}

func (s *Server) revokeSession(c *gin.Context, id int64) (any, error) {
	actor := actorOf(c)
	if err := s.Accounts.RevokeSession(c.Request.Context(), actor, id); err != nil {
		return nil, err
	}
	if id == actor.SessionID {
		s.clearSessionCookie(c)
	}
	return nil, nil
}

// changePassword replaces the password; every session ends and this client
// gets a new one.
func (s *Server) changePassword(c *gin.Context, req changePasswordRequest) (any, error) {
	token, err := s.Accounts.ChangePassword(c.Request.Context(), actorOf(c), req.CurrentPassword, req.NewPassword, s.client(c))
	if err != nil {
		return nil, err
	}
	s.setSessionCookie(c, token)
	return nil, nil
}

func (s *Server) mySecondFactor(c *gin.Context) (any, error) {
	st, err := s.Accounts.SecondFactor(c.Request.Context(), actorOf(c))
	if err != nil {
		return nil, err
	}
	return toSecondFactorResponse(st), nil
}

// beginTOTP starts enrolling an authenticator app; the answer holds the
// secret, the otpauth:// URI and the URI as a QR code (a PNG data URI).
func (s *Server) beginTOTP(c *gin.Context, req passwordRequest) (any, error) {
	e, err := s.Accounts.BeginTOTP(c.Request.Context(), actorOf(c), req.Password)
	if err != nil {
		return nil, err
	}
	qr, err := qrCode(e.URI)
	if err != nil {
		return nil, err
	}
	c.Header("Cache-Control", "no-store")
	return totpEnrolmentResponse{Secret: e.Secret, OTPAuthURI: e.URI, QRCode: qr, Digits: 6, Period: 30, Algorithm: "SHA1"}, nil
}

// confirmTOTP finishes enrolment; this client gets a new session that
// counts as signed in with the second factor, and the others end.
func (s *Server) confirmTOTP(c *gin.Context, req codeRequest) (any, error) {
	codes, token, err := s.Accounts.ConfirmTOTP(c.Request.Context(), actorOf(c), req.Code, s.client(c))
	if err != nil {
		return nil, err
	}
	s.setSessionCookie(c, token)
	c.Header("Cache-Control", "no-store")
	return recoveryCodesResponse{RecoveryCodes: codes}, nil
}

func (s *Server) disableTOTP(c *gin.Context, req codeRequest) (any, error) {
	return nil, s.Accounts.DisableTOTP(c.Request.Context(), actorOf(c), req.Code)
}

func (s *Server) regenerateRecoveryCodes(c *gin.Context, req codeRequest) (any, error) {
	codes, err := s.Accounts.RegenerateRecoveryCodes(c.Request.Context(), actorOf(c), req.Code)
	if err != nil {
		return nil, err
	}
	c.Header("Cache-Control", "no-store")
	return recoveryCodesResponse{RecoveryCodes: codes}, nil
}

// qrCode renders an otpauth:// URI as a QR code, a PNG data URI the page
// can show in an img (the CSP allows data: images).
func qrCode(uri string) (string, error) {
	key, err := otp.NewKeyFromURL(uri)
	if err != nil {
		return "", err
	}
	img, err := key.Image(240, 240)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return "", err
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}

// summarizeUserAgent names the browser and operating system of a User-Agent
// header, coarsely ("" for what it does not know), so that people can tell
// their sessions apart without reading the raw header.
func summarizeUserAgent(ua string) (browser, os string) {
	has := func(s string) bool { return strings.Contains(ua, s) }
	switch {
	case has("Edg/") || has("EdgA/") || has("EdgiOS/"):
		browser = "Edge"
	case has("OPR/") || has("Opera"):
		browser = "Opera"
	case has("Firefox/") || has("FxiOS/"):
		browser = "Firefox"
	case has("Chrome/") || has("CriOS/") || has("Chromium/"):
		browser = "Chrome"
	case has("Safari/"):
		browser = "Safari"
	case has("curl/"):
		browser = "curl"
	}
	switch {
	case has("Android"):
		os = "Android"
	case has("iPhone") || has("iPad") || has("iPod"):
		os = "iOS"
	case has("Windows"):
		os = "Windows"
	case has("CrOS"):
		os = "ChromeOS"
	case has("Mac OS X") || has("Macintosh"):
		os = "macOS"
	case has("Linux"):
		os = "Linux"
	}
	return browser, os
}
