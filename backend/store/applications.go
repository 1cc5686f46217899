package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

type applicationRow struct {
	ID          int64 `gorm:"primaryKey"`
	RoleID      int64
	CandidateID int64
	Stage       string
	CoverNote   string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Version     int
}

func (applicationRow) TableName() string { return "applications" }

func applicationToRow(a talent.Application) applicationRow {
	return applicationRow{RoleID: a.RoleID, CandidateID: a.CandidateID, Stage: string(a.Stage), CoverNote: a.CoverNote,
		CreatedAt: a.CreatedAt.UTC(), UpdatedAt: a.UpdatedAt.UTC(), Version: max(a.Version, 1)}
}

func (r applicationRow) toApplication() talent.Application {
	return talent.Application{ID: r.ID, RoleID: r.RoleID, CandidateID: r.CandidateID, Stage: talent.Stage(r.Stage),
		CoverNote: r.CoverNote, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, Version: r.Version}
}

type applicationEventRow struct {
	ID            int64 `gorm:"primaryKey"`
	ApplicationID int64
	FromStage     string
	ToStage       string
	Reason        string
	ActorID       int64
	CreatedAt     time.Time
}

func (applicationEventRow) TableName() string { return "application_events" }

func (r applicationEventRow) toEvent() talent.StageEvent {
	return talent.StageEvent{ID: r.ID, From: talent.Stage(r.FromStage), To: talent.Stage(r.ToStage), Reason: r.Reason, ActorID: r.ActorID, At: r.CreatedAt}
}

func eventRow(applicationID int64, ev talent.StageEvent) applicationEventRow {
	return applicationEventRow{ApplicationID: applicationID, FromStage: string(ev.From), ToStage: string(ev.To), Reason: ev.Reason, ActorID: ev.ActorID, CreatedAt: ev.At.UTC()}
}

// CreateApplication inserts an application with its first event. If the
// candidate already applied to the role, it returns an ErrConflict problem
// (already_applied) carrying the existing application's id. A held claim's
// record is marked with the new application.
func (d *DB) CreateApplication(ctx context.Context, a *talent.Application, claim talent.IdempotencyClaim) error {
	row := applicationToRow(*a)
	events := make([]applicationEventRow, 0, len(a.Timeline))
	err := d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		for _, ev := range a.Timeline {
			events = append(events, eventRow(row.ID, ev))
		}
		if len(events) > 0 {
			if err := tx.Create(&events).Error; err != nil {
				return err
			}
		}
		return markIdempotencyResource(tx, claim, row.ID)
	})
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		var existing applicationRow
		if ferr := d.conn(ctx).Select("id").Where("role_id = ? AND candidate_id = ?", a.RoleID, a.CandidateID).Take(&existing).Error; ferr != nil {
			return classify(ferr, "find existing application")
		}
		p := talent.Conflict(talent.CodeAlreadyApplied)
		p.ExistingID = existing.ID
		return p
	}
	if err != nil {
		return classify(err, "create application")
	}
	*a = row.toApplication()
	a.Timeline = mapRows(events, applicationEventRow.toEvent)
	return nil
}

// ApplicationByID returns an application with its timeline, oldest event first.
func (d *DB) ApplicationByID(ctx context.Context, id int64) (talent.Application, error) {
	var row applicationRow
	db := d.conn(ctx)
	if err := db.Take(&row, id).Error; err != nil {
		return talent.Application{}, classify(err, "find application")
	}
	var events []applicationEventRow
	if err := db.Where("application_id = ?", id).Order("id").Find(&events).Error; err != nil {
		return talent.Application{}, classify(err, "find timeline")
	}
	a := row.toApplication()
	a.Timeline = mapRows(events, applicationEventRow.toEvent)
	return a, nil
}

// MoveApplication changes an application's stage if it is still in stage
// from (and, version non-zero, at that version), counts the change in its
// version and records the event, in one transaction.
func (d *DB) MoveApplication(ctx context.Context, id int64, from talent.Stage, version int, ev talent.StageEvent) error {
	return classify(d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		return moveApplication(tx, id, from, version, ev)
	}), "move application")
}

func moveApplication(tx *gorm.DB, id int64, from talent.Stage, version int, ev talent.StageEvent) error {
	q := tx.Model(&applicationRow{}).Where("id = ? AND stage = ?", id, string(from))
	if version != 0 {
		q = q.Where("version = ?", version)
	}
	res := q.Updates(map[string]any{"stage": string(ev.To), "updated_at": ev.At.UTC(), "version": gorm.Expr("version + 1")})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return talent.Conflict(talent.CodeStageChanged)
	}
	row := eventRow(id, ev)
	return tx.Create(&row).Error
}

// touchApplication counts a change of an application that stays in stage
// (at version, when non-zero) in its version: ErrConflict (stage_changed)
// if it is no longer there.
func touchApplication(tx *gorm.DB, id int64, stage talent.Stage, version int, at time.Time) error {
	q := tx.Model(&applicationRow{}).Where("id = ? AND stage = ?", id, string(stage))
	if version != 0 {
		q = q.Where("version = ?", version)
	}
	res := q.Updates(map[string]any{"updated_at": at.UTC(), "version": gorm.Expr("version + 1")})
	if res.Error == nil && res.RowsAffected == 0 {
		return talent.Conflict(talent.CodeStageChanged)
	}
	return res.Error
}

// ApplicationsOfCandidate returns a page of a candidate's applications.
func (d *DB) ApplicationsOfCandidate(ctx context.Context, candidateID int64, p talent.Page) ([]talent.Application, error) {
	var rows []applicationRow
	q := d.conn(ctx).Where("candidate_id = ?", candidateID)
	if err := paged(q, "id", p).Find(&rows).Error; err != nil {
		return nil, classify(err, "list applications")
	}
	return mapRows(rows, applicationRow.toApplication), nil
}

// ApplicationsOfRole returns a page of a role's applications, optionally in one stage.
func (d *DB) ApplicationsOfRole(ctx context.Context, roleID int64, stage talent.Stage, p talent.Page) ([]talent.Application, error) {
	var rows []applicationRow
	q := d.conn(ctx).Where("role_id = ?", roleID)
	if stage != "" {
		q = q.Where("stage = ?", string(stage))
	}
	if err := paged(q, "id", p).Find(&rows).Error; err != nil {
		return nil, classify(err, "list role applications")
	}
	return mapRows(rows, applicationRow.toApplication), nil
}
