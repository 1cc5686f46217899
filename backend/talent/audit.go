package talent

import (
	"context"
	"time"
)

// AuditEvent is one entry of the audit log: who (the actor, 0 when
// anonymous), what (the method, the route, the concrete path and the object
// it named), the outcome (the HTTP status), when, and from where (address
// and user agent). It holds no request or response bodies.
type AuditEvent struct {
	ID        int64
	At        time.Time
	ActorID   int64
	ActorKind AccountKind
	Method    string
	Route     string
	Path      string
	ObjectID  int64
	Status    int
	IP        string
	UserAgent string
	RequestID string
}

// AuditStore appends to the audit log and reads it. It has no way to change
// or remove an entry (on PostgreSQL and SQLite a trigger refuses both).
type AuditStore interface {
	// AppendAudit adds e to the log and sets e.ID.
	AppendAudit(ctx context.Context, e *AuditEvent) error
	// AuditEvents returns a page of the log, newest first.
	AuditEvents(ctx context.Context, p Page) ([]AuditEvent, error)
}

// Audit keeps the append-only audit log of every state change and export.
type Audit struct {
	store AuditStore
	now   func() time.Time
}

// newAudit returns the audit log service.
func newAudit(store AuditStore) *Audit { return &Audit{store: store, now: time.Now} }

// Record appends e to the log (At is set when zero; long texts are cut).
func (a *Audit) Record(ctx context.Context, e AuditEvent) error {
	if e.At.IsZero() {
		e.At = a.now()
	}
	e.At = e.At.UTC()
	e.Route, e.Path = clip(e.Route, 200), clip(e.Path, 500)
	e.IP, e.UserAgent, e.RequestID = clip(e.IP, 64), clip(e.UserAgent, 256), clip(e.RequestID, 64)
	return a.store.AppendAudit(ctx, &e)
}

// Events returns a page of the log, newest first, to an administrator;
// other actors are ErrForbidden (wrong_role), anonymous ones
// ErrUnauthenticated.
func (a *Audit) Events(ctx context.Context, actor Actor, p Page) ([]AuditEvent, error) {
	if err := adminOnly(actor); err != nil {
		return nil, err
	}
	return a.store.AuditEvents(ctx, p)
}
