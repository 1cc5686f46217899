package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

type placementRow struct {
	ID             int64 `gorm:"primaryKey"`
	ApplicationID  int64
	CandidateID    int64
	RoleID         int64
	OrganizationID int64
	VisaStatus     string
	StartDate      time.Time
	ArrivedOn      *time.Time
	CreatedAt      time.Time
}

func (placementRow) TableName() string { return "placements" }

func placementToRow(p talent.Placement) placementRow {
	return placementRow{ApplicationID: p.ApplicationID, CandidateID: p.CandidateID, RoleID: p.RoleID, OrganizationID: p.OrganizationID,
		VisaStatus: p.VisaStatus, StartDate: p.StartDate.Time(), ArrivedOn: dateToTime(p.ArrivedOn), CreatedAt: p.CreatedAt.UTC()}
}

func (r placementRow) toPlacement() talent.Placement {
	return talent.Placement{ID: r.ID, ApplicationID: r.ApplicationID, CandidateID: r.CandidateID, RoleID: r.RoleID,
		OrganizationID: r.OrganizationID, VisaStatus: r.VisaStatus, StartDate: talent.DateOf(r.StartDate),
		ArrivedOn: timeToDate(r.ArrivedOn), CreatedAt: r.CreatedAt}
}

// CreatePlacement inserts a placement and moves its application to placed;
// a held claim's record is marked with the new placement.
func (d *DB) CreatePlacement(ctx context.Context, p *talent.Placement, ev talent.StageEvent, claim talent.IdempotencyClaim) error {
	row := placementToRow(*p)
	err := d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if err := moveApplication(tx, p.ApplicationID, talent.StageAccepted, 0, ev); err != nil {
			return err
		}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		return markIdempotencyResource(tx, claim, row.ID)
	})
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return talent.Conflict(talent.CodeAlreadyPlaced)
	}
	if err != nil {
		return classify(err, "create placement")
	}
	*p = row.toPlacement()
	return nil
}

// PlacementByID returns a placement.
func (d *DB) PlacementByID(ctx context.Context, id int64) (talent.Placement, error) {
	var row placementRow
	err := d.conn(ctx).Take(&row, id).Error
	return row.toPlacement(), classify(err, "find placement")
}

// PlacementOfApplication returns the placement of an application.
func (d *DB) PlacementOfApplication(ctx context.Context, applicationID int64) (talent.Placement, error) {
	var row placementRow
	err := d.conn(ctx).Take(&row, "application_id = ?", applicationID).Error
	return row.toPlacement(), classify(err, "find placement")
}

// RecordArrival sets a placement's arrival date if none is set yet.
func (d *DB) RecordArrival(ctx context.Context, id int64, on talent.Date) error {
	res := d.conn(ctx).Model(&placementRow{}).Where("id = ? AND arrived_on IS NULL", id).Update("arrived_on", on.Time())
	if res.Error == nil && res.RowsAffected == 0 {
		return talent.Conflict(talent.CodeAlreadyArrived)
	}
	return classify(res.Error, "record arrival")
}
