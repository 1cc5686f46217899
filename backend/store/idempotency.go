package store

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/setubashi/setubashi/backend/talent"
)

type idempotencyRow struct {
	UserID          int64  `gorm:"primaryKey;autoIncrement:false"`
	IdemKey         string `gorm:"primaryKey"`
	Fingerprint     []byte
	ResourceID      *int64
	Status          int
	ResponseHeaders string
	ResponseBody    []byte
	LockedUntil     time.Time
	CreatedAt       time.Time
	ExpiresAt       time.Time
}

func (idempotencyRow) TableName() string { return "idempotency_keys" }

func (r idempotencyRow) toRecord() talent.IdempotencyRecord {
	rec := talent.IdempotencyRecord{UserID: r.UserID, Key: r.IdemKey, Fingerprint: r.Fingerprint, Status: r.Status,
		Body: r.ResponseBody, LockedUntil: r.LockedUntil, CreatedAt: r.CreatedAt, ExpiresAt: r.ExpiresAt}
	if r.ResourceID != nil {
		rec.ResourceID = *r.ResourceID
	}
	_ = json.Unmarshal([]byte(r.ResponseHeaders), &rec.Headers) // written by CompleteIdempotencyKey only
	return rec
}

// ClaimIdempotencyKey inserts rec as running unless the caller's key is
// held: the primary key makes the insert the lock. An expired record is
// deleted first; a record without an answer whose lock lapsed is taken over
// by moving its lock (compare-and-swap, so one taker wins).
func (d *DB) ClaimIdempotencyKey(ctx context.Context, rec talent.IdempotencyRecord) (talent.IdempotencyRecord, bool, error) {
	db := d.conn(ctx)
	now := rec.CreatedAt
	row := idempotencyRow{UserID: rec.UserID, IdemKey: rec.Key, Fingerprint: rec.Fingerprint, ResponseHeaders: "{}",
		LockedUntil: rec.LockedUntil.UTC(), CreatedAt: now.UTC(), ExpiresAt: rec.ExpiresAt.UTC()}
	for attempt := 0; attempt < 3; attempt++ {
		res := db.Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
		if res.Error != nil {
			return talent.IdempotencyRecord{}, false, classify(res.Error, "claim idempotency key")
		}
		if res.RowsAffected == 1 {
			return row.toRecord(), true, nil
		}
		var held idempotencyRow
		err := db.Where("user_id = ? AND idem_key = ?", rec.UserID, rec.Key).Take(&held).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			continue // released or purged in between: try again
		}
		if err != nil {
			return talent.IdempotencyRecord{}, false, classify(err, "read idempotency key")
		}
		switch {
		case !held.ExpiresAt.After(now):
			if err := db.Where("user_id = ? AND idem_key = ? AND expires_at <= ?", rec.UserID, rec.Key, now.UTC()).
				Delete(&idempotencyRow{}).Error; err != nil {
				return talent.IdempotencyRecord{}, false, classify(err, "expire idempotency key")
			}
			continue
		case held.Status == 0 && !held.LockedUntil.After(now) && string(held.Fingerprint) == string(rec.Fingerprint):
			res := db.Model(&idempotencyRow{}).
				Where("user_id = ? AND idem_key = ? AND status = 0 AND locked_until <= ?", rec.UserID, rec.Key, now.UTC()).
				Update("locked_until", rec.LockedUntil.UTC())
			if res.Error != nil {
				return talent.IdempotencyRecord{}, false, classify(res.Error, "take over idempotency key")
			}
			if res.RowsAffected == 1 {
				held.LockedUntil = rec.LockedUntil.UTC()
				return held.toRecord(), true, nil
			}
			continue
		}
		return held.toRecord(), false, nil
	}
	return talent.IdempotencyRecord{}, false, talent.Conflict(talent.CodeIdempotencyKeyInUse)
}

// CompleteIdempotencyKey stores the answer of a claimed key.
func (d *DB) CompleteIdempotencyKey(ctx context.Context, userID int64, key string, status int, headers map[string]string, body []byte) error {
	h, err := json.Marshal(headers)
	if err != nil {
		return err
	}
	res := d.conn(ctx).Model(&idempotencyRow{}).Where("user_id = ? AND idem_key = ?", userID, key).
		Updates(map[string]any{"status": status, "response_headers": string(h), "response_body": body})
	return classify(res.Error, "complete idempotency key")
}

// ReleaseIdempotencyKey deletes a key's record if it has no answer and no
// created object.
func (d *DB) ReleaseIdempotencyKey(ctx context.Context, userID int64, key string) error {
	err := d.conn(ctx).Where("user_id = ? AND idem_key = ? AND status = 0 AND resource_id IS NULL", userID, key).
		Delete(&idempotencyRow{}).Error
	return classify(err, "release idempotency key")
}

// PurgeIdempotencyKeys deletes the records that expired before t.
func (d *DB) PurgeIdempotencyKeys(ctx context.Context, t time.Time) (int64, error) {
	res := d.conn(ctx).Where("expires_at < ?", t.UTC()).Delete(&idempotencyRow{})
	return res.RowsAffected, classify(res.Error, "purge idempotency keys")
}

// markIdempotencyResource records, inside the transaction that creates an
// object, which object the request holding an idempotency key created; a
// request that dies after committing is then answered from the object.
func markIdempotencyResource(tx *gorm.DB, claim talent.IdempotencyClaim, id int64) error {
	if !claim.Held() {
		return nil
	}
	return tx.Model(&idempotencyRow{}).Where("user_id = ? AND idem_key = ?", claim.UserID, claim.Key).Update("resource_id", id).Error
}
