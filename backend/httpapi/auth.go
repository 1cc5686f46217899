package httpapi

import (
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

type registerRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	Name     string `json:"name"`
	Role     string `json:"role"`
	Locale   string `json:"locale"`
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

type updateMeRequest struct {
	Name   *string `json:"name"`
	Locale *string `json:"locale"`
}

// userResponse is an account as its owner sees it.
type userResponse struct {
	ID        int64     `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	Role      string    `json:"role"`
	Locale    string    `json:"locale"`
	CreatedAt time.Time `json:"created_at"`
}

func toUserResponse(u talent.User) userResponse {
	return userResponse{ID: u.ID, Email: u.Email, Name: u.Name, Role: u.Role, Locale: u.Locale, CreatedAt: u.CreatedAt}
}

// register creates an account and signs it in.
func (s *Server) register(c *gin.Context, req registerRequest) (any, error) {
	reg := talent.Registration{Email: req.Email, Password: req.Password, Name: req.Name, Role: req.Role, Locale: req.Locale}
	if reg.Locale == "" {
		reg.Locale = languageOf(c)
	}
	if _, err := s.Accounts.Register(c.Request.Context(), reg); err != nil {
		return nil, err
	}
	return s.login(c, loginRequest{Email: req.Email, Password: req.Password})
}

// login opens a session (ending the caller's previous one) and sets its cookie.
func (s *Server) login(c *gin.Context, req loginRequest) (any, error) {
	u, token, err := s.Accounts.Login(c.Request.Context(), req.Email, req.Password)
	if err != nil {
		return nil, err
	}
	if old, err := c.Cookie(sessionCookie); err == nil && old != "" {
		if err := s.Accounts.Logout(c.Request.Context(), old); err != nil {
			return nil, err
		}
	}
	s.setSessionCookie(c, token)
	return toUserResponse(u), nil
}

func (s *Server) logout(c *gin.Context) (any, error) {
	if token, err := c.Cookie(sessionCookie); err == nil && token != "" {
		if err := s.Accounts.Logout(c.Request.Context(), token); err != nil {
			return nil, err
		}
	}
	s.clearSessionCookie(c)
	return nil, nil
}

func (s *Server) me(c *gin.Context) (any, error) {
	u, err := s.Accounts.Me(c.Request.Context(), actorOf(c))
	if err != nil {
		return nil, err
	}
	return toUserResponse(u), nil
}

func (s *Server) updateMe(c *gin.Context, req updateMeRequest) (any, error) {
	u, err := s.Accounts.UpdateMe(c.Request.Context(), actorOf(c), talent.AccountChanges{Name: req.Name, Locale: req.Locale})
	if err != nil {
		return nil, err
	}
	return toUserResponse(u), nil
}
