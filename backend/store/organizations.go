package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

type organizationRow struct {
	ID         int64  `gorm:"primaryKey"`
	NameJA     string `gorm:"column:name_ja"`
	NameEN     string `gorm:"column:name_en"`
	Kind       string
	Prefecture string
	Website    string
	Verified   bool
	VerifiedAt *time.Time
	CreatedBy  int64
	CreatedAt  time.Time
}

func (organizationRow) TableName() string { return "organizations" }

func organizationToRow(o talent.Organization) organizationRow {
	return organizationRow{NameJA: o.NameJA, NameEN: o.NameEN, Kind: o.Kind, Prefecture: o.Prefecture, Website: o.Website,
		Verified: o.Verified, VerifiedAt: utcPtr(o.VerifiedAt), CreatedBy: o.CreatedBy, CreatedAt: o.CreatedAt.UTC()}
}

func (r organizationRow) toOrganization() talent.Organization {
	return talent.Organization{ID: r.ID, NameJA: r.NameJA, NameEN: r.NameEN, Kind: r.Kind, Prefecture: r.Prefecture,
		Website: r.Website, Verified: r.Verified, VerifiedAt: r.VerifiedAt, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt}
}

type memberRow struct {
	OrganizationID int64 `gorm:"primaryKey;autoIncrement:false"`
	UserID         int64 `gorm:"primaryKey;autoIncrement:false"`
	CreatedAt      time.Time
}

func (memberRow) TableName() string { return "organization_members" }

// CreateOrganization inserts an organisation and its creator's membership.
func (d *DB) CreateOrganization(ctx context.Context, o *talent.Organization) error {
	row := organizationToRow(*o)
	err := d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		return tx.Create(&memberRow{OrganizationID: row.ID, UserID: o.CreatedBy}).Error
	})
	if err != nil {
		return classify(err, "create organization")
	}
	*o = row.toOrganization()
	return nil
}

// OrganizationByID returns an organisation.
func (d *DB) OrganizationByID(ctx context.Context, id int64) (talent.Organization, error) {
	var row organizationRow
	err := d.conn(ctx).Take(&row, id).Error
	return row.toOrganization(), classify(err, "find organization")
}

// IsMember reports whether a user belongs to an organisation.
func (d *DB) IsMember(ctx context.Context, orgID, userID int64) (bool, error) {
	var n int64
	err := d.conn(ctx).Model(&memberRow{}).Where("organization_id = ? AND user_id = ?", orgID, userID).Count(&n).Error
	return n > 0, classify(err, "check membership")
}

// MarkVerified records an organisation's verification.
func (d *DB) MarkVerified(ctx context.Context, id int64, at time.Time) error {
	res := d.conn(ctx).Model(&organizationRow{ID: id}).Updates(map[string]any{"verified": true, "verified_at": at.UTC()})
	if res.Error == nil && res.RowsAffected == 0 {
		return talent.NotFound()
	}
	return classify(res.Error, "verify organization")
}

// ListOrganizations returns a page of organisations, newest first.
func (d *DB) ListOrganizations(ctx context.Context, verified *bool, p talent.Page) ([]talent.Organization, error) {
	q := d.conn(ctx).Model(&organizationRow{})
	if verified != nil {
		q = q.Where("verified = ?", *verified)
	}
	var rows []organizationRow
	if err := paged(q, "id", p).Find(&rows).Error; err != nil {
		return nil, classify(err, "list organizations")
	}
	return mapRows(rows, organizationRow.toOrganization), nil
}

// OrganizationsOf returns the organisations a user belongs to, oldest first.
func (d *DB) OrganizationsOf(ctx context.Context, userID int64) ([]talent.Organization, error) {
	var rows []organizationRow
	err := d.conn(ctx).
		Where("id IN (?)", d.gorm.Model(&memberRow{}).Select("organization_id").Where("user_id = ?", userID)).
		Order("id").Find(&rows).Error
	if err != nil {
		return nil, classify(err, "list memberships")
	}
	return mapRows(rows, organizationRow.toOrganization), nil
}

// OrganizationsByIDs returns organisations by id.
func (d *DB) OrganizationsByIDs(ctx context.Context, ids []int64) (map[int64]talent.Organization, error) {
	out := make(map[int64]talent.Organization, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var rows []organizationRow
	if err := d.conn(ctx).Where("id IN ?", ids).Find(&rows).Error; err != nil {
		return nil, classify(err, "find organizations")
	}
	for _, r := range rows {
		out[r.ID] = r.toOrganization()
	}
	return out, nil
}
