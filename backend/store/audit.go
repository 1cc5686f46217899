package store

import (
	"context"
	"time"

	"github.com/setubashi/setubashi/backend/talent"
)

// auditRow is one entry of the append-only audit log. The store only ever
// inserts and reads these rows; triggers refuse UPDATE and DELETE.
type auditRow struct {
	ID        int64 `gorm:"primaryKey"`
	At        time.Time
	ActorID   *int64
	ActorRole string
	Method    string
	Route     string
	Path      string
	ObjectID  *int64
	Status    int
	IP        string `gorm:"column:ip"`
	UserAgent string
	RequestID string
}

func (auditRow) TableName() string { return "audit_events" }

func nonZero(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func zeroIfNil(id *int64) int64 {
	if id == nil {
		return 0
	}
	return *id
}

// AppendAudit adds an entry to the audit log and sets e.ID.
func (d *DB) AppendAudit(ctx context.Context, e *talent.AuditEvent) error {
	row := auditRow{At: e.At.UTC(), ActorID: nonZero(e.ActorID), ActorRole: string(e.ActorKind), Method: e.Method, Route: e.Route, Path: e.Path,
		ObjectID: nonZero(e.ObjectID), Status: e.Status, IP: e.IP, UserAgent: e.UserAgent, RequestID: e.RequestID}
	if err := d.conn(ctx).Create(&row).Error; err != nil {
		return classify(err, "append audit event")
	}
	e.ID = row.ID
	return nil
}

// AuditEvents returns a page of the audit log, newest first.
func (d *DB) AuditEvents(ctx context.Context, p talent.Page) ([]talent.AuditEvent, error) {
	var rows []auditRow
	if err := paged(d.conn(ctx).Model(&auditRow{}), "id", p).Find(&rows).Error; err != nil {
		return nil, classify(err, "read audit log")
	}
	return mapRows(rows, func(r auditRow) talent.AuditEvent {
		return talent.AuditEvent{ID: r.ID, At: r.At, ActorID: zeroIfNil(r.ActorID), ActorKind: talent.AccountKind(r.ActorRole), Method: r.Method, Route: r.Route,
			Path: r.Path, ObjectID: zeroIfNil(r.ObjectID), Status: r.Status, IP: r.IP, UserAgent: r.UserAgent, RequestID: r.RequestID}
	}), nil
}
