package httpapi

import (
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

// adminUserResponse is an account as an administrator sees it.
type adminUserResponse struct {
	ID        int64              `json:"id"`
	Email     string             `json:"email"`
	Name      string             `json:"name"`
	Kind      talent.AccountKind `json:"role"`
	Locale    string             `json:"locale"`
	Disabled  bool               `json:"disabled"`
	CreatedAt time.Time          `json:"created_at"`
}

func toAdminUserResponse(u talent.User) adminUserResponse {
	return adminUserResponse{ID: u.ID, Email: u.Email, Name: u.Name, Kind: u.Kind, Locale: u.Locale, Disabled: u.Disabled, CreatedAt: u.CreatedAt.UTC()}
}

// auditEventResponse is one entry of the audit log.
type auditEventResponse struct {
	ID        int64              `json:"id"`
	At        time.Time          `json:"at"`
	ActorID   *int64             `json:"actor_id"`
	ActorKind talent.AccountKind `json:"actor_role"`
	Method    string             `json:"method"`
	Route     string             `json:"route"`
	Path      string             `json:"path"`
	ObjectID  *int64             `json:"object_id"`
	Status    int                `json:"status"`
	IP        string             `json:"ip"`
	UserAgent string             `json:"user_agent"`
	RequestID string             `json:"request_id"`
}

func optionalID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func (s *Server) adminUsers(c *gin.Context) (any, error) {
	p, err := pageOf(c)
	if err != nil {
		return nil, err
	}
	users, err := s.Accounts.Users(c.Request.Context(), actorOf(c), p, c.Query("email"))
	if err != nil {
		return nil, err
	}
	return page(p, users, func(u talent.User) int64 { return u.ID }, toAdminUserResponse), nil
}

func (s *Server) setUserDisabled(disabled bool) func(c *gin.Context, id int64) (any, error) {
	return func(c *gin.Context, id int64) (any, error) {
		u, err := s.Accounts.SetDisabled(c.Request.Context(), actorOf(c), id, disabled)
		if err != nil {
			return nil, err
		}
		return toAdminUserResponse(u), nil
	}
}

func (s *Server) resetSecondFactor(c *gin.Context, id int64) (any, error) {
	return nil, s.Accounts.ResetSecondFactor(c.Request.Context(), actorOf(c), id)
}

func (s *Server) auditLog(c *gin.Context) (any, error) {
	p, err := pageOf(c)
	if err != nil {
		return nil, err
	}
	events, err := s.Audit.Events(c.Request.Context(), actorOf(c), p)
	if err != nil {
		return nil, err
	}
	return page(p, events, func(e talent.AuditEvent) int64 { return e.ID }, func(e talent.AuditEvent) auditEventResponse {
		return auditEventResponse{ID: e.ID, At: e.At.UTC(), ActorID: optionalID(e.ActorID), ActorKind: e.ActorKind, Method: e.Method,
			Route: e.Route, Path: e.Path, ObjectID: optionalID(e.ObjectID), Status: e.Status, IP: e.IP, UserAgent: e.UserAgent, RequestID: e.RequestID}
	}), nil
}
