package store

import (
	"context"
	"time"

	"gorm.io/gorm/clause"

	"github.com/setubashi/setubashi/backend/talent"
)

type profileViewRow struct {
	ID             int64 `gorm:"primaryKey"`
	CandidateID    int64
	OrganizationID int64
	ViewedOn       time.Time
	Source         string
	CreatedAt      time.Time
}

func (profileViewRow) TableName() string { return "profile_views" }

func (r profileViewRow) toView() talent.ProfileView {
	return talent.ProfileView{ID: r.ID, CandidateID: r.CandidateID, OrganizationID: r.OrganizationID,
		On: talent.DateOf(r.ViewedOn), Source: r.Source, At: r.CreatedAt}
}

// RecordProfileViews records that an organisation saw candidates' profiles
// on the day of at: one multi-row INSERT that leaves a view already recorded
// that day as it was (the unique key throttles to one a day).
func (d *DB) RecordProfileViews(ctx context.Context, organizationID int64, candidateIDs []int64, source string, at time.Time) error {
	if len(candidateIDs) == 0 {
		return nil
	}
	day := talent.DateOf(at).Time()
	rows := make([]profileViewRow, len(candidateIDs))
	for i, id := range candidateIDs {
		rows[i] = profileViewRow{CandidateID: id, OrganizationID: organizationID, ViewedOn: day, Source: source, CreatedAt: at.UTC()}
	}
	err := d.conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(&rows, 500).Error
	return classify(err, "record profile views")
}

// ProfileViewsOf returns a page of a candidate's profile views, newest first.
func (d *DB) ProfileViewsOf(ctx context.Context, candidateID int64, p talent.Page) ([]talent.ProfileView, error) {
	var rows []profileViewRow
	q := d.conn(ctx).Where("candidate_id = ?", candidateID)
	if err := paged(q, "id", p).Find(&rows).Error; err != nil {
		return nil, classify(err, "list profile views")
	}
	return mapRows(rows, profileViewRow.toView), nil
}
