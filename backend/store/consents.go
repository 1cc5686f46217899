package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

type consentEventRow struct {
	ID             int64 `gorm:"primaryKey"`
	UserID         int64
	Purpose        string
	Granted        bool
	WordingVersion string
	Language       string
	Source         string
	CreatedAt      time.Time
}

func (consentEventRow) TableName() string { return "consent_events" }

func consentToRow(ev talent.ConsentEvent) consentEventRow {
	return consentEventRow{UserID: ev.UserID, Purpose: ev.Purpose, Granted: ev.Granted, WordingVersion: ev.WordingVersion,
		Language: ev.Language, Source: ev.Source, CreatedAt: ev.At.UTC()}
}

func (r consentEventRow) toEvent() talent.ConsentEvent {
	return talent.ConsentEvent{ID: r.ID, UserID: r.UserID, Purpose: r.Purpose, Granted: r.Granted, WordingVersion: r.WordingVersion,
		Language: r.Language, Source: r.Source, At: r.CreatedAt}
}

// RecordConsent appends events to a user's consent ledger and brings the
// profile's consent flags in step with the ledger, in one transaction.
func (d *DB) RecordConsent(ctx context.Context, userID int64, events []talent.ConsentEvent) error {
	return classify(d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		return recordConsent(tx, userID, events)
	}), "record consent")
}

// ConsentEvents returns a user's consent ledger, oldest first.
func (d *DB) ConsentEvents(ctx context.Context, userID int64) ([]talent.ConsentEvent, error) {
	rows, err := consentRows(d.conn(ctx), userID)
	if err != nil {
		return nil, classify(err, "list consent events")
	}
	return mapRows(rows, consentEventRow.toEvent), nil
}

func consentRows(db *gorm.DB, userID int64) ([]consentEventRow, error) {
	var rows []consentEventRow
	err := db.Where("user_id = ?", userID).Order("id").Find(&rows).Error
	return rows, err
}

// recordConsent inserts events (for userID) and then sets the profile's
// flags from the whole ledger.
func recordConsent(tx *gorm.DB, userID int64, events []talent.ConsentEvent) error {
	if len(events) > 0 {
		rows := make([]consentEventRow, len(events))
		for i, ev := range events {
			ev.UserID = userID
			rows[i] = consentToRow(ev)
		}
		if err := tx.Create(&rows).Error; err != nil {
			return err
		}
	}
	return syncConsentFlags(tx, userID)
}

// syncConsentFlags sets a profile's consent flags (if the user has a
// profile) to what the consent ledger says is in effect; when they change,
// the profile's updated_at moves on, so caches of discoverable profiles
// notice.
func syncConsentFlags(tx *gorm.DB, userID int64) error {
	rows, err := consentRows(tx, userID)
	if err != nil {
		return err
	}
	share, discover := talent.EffectiveConsent(talent.StateOf(mapRows(rows, consentEventRow.toEvent)))
	return tx.Model(&profileRow{}).
		Where("user_id = ? AND (consent_share_applied <> ? OR consent_discoverable <> ?)", userID, share, discover).
		Updates(map[string]any{"consent_share_applied": share, "consent_discoverable": discover, "updated_at": time.Now().UTC()}).Error
}
