package store

import (
	"context"
	"time"

	"gorm.io/gorm/clause"

	"github.com/setubashi/setubashi/backend/talent"
)

type throttleRow struct {
	ThrottleKey  []byte `gorm:"primaryKey"`
	Failures     int
	BlockedUntil time.Time
	UpdatedAt    time.Time
}

func (throttleRow) TableName() string { return "login_throttles" }

type trustedDeviceRow struct {
	UserID     int64  `gorm:"primaryKey;autoIncrement:false"`
	DeviceHash []byte `gorm:"primaryKey"`
	CreatedAt  time.Time
	LastUsedAt time.Time
}

func (trustedDeviceRow) TableName() string { return "trusted_devices" }

// Throttle returns the failed-attempt state under key.
func (d *DB) Throttle(ctx context.Context, key []byte) (talent.ThrottleState, error) {
	var rows []throttleRow
	if err := d.conn(ctx).Where("throttle_key = ?", key).Limit(1).Find(&rows).Error; err != nil {
		return talent.ThrottleState{}, classify(err, "read throttle")
	}
	if len(rows) == 0 {
		return talent.ThrottleState{}, nil
	}
	r := rows[0]
	return talent.ThrottleState{Found: true, Failures: r.Failures, BlockedUntil: r.BlockedUntil, UpdatedAt: r.UpdatedAt}, nil
}

// TakeThrottleSlot replaces the state seen with next (compare and swap).
func (d *DB) TakeThrottleSlot(ctx context.Context, key []byte, seen, next talent.ThrottleState) (bool, error) {
	db := d.conn(ctx)
	if !seen.Found {
		res := db.Clauses(clause.OnConflict{DoNothing: true}).
			Create(&throttleRow{ThrottleKey: key, Failures: next.Failures, BlockedUntil: next.BlockedUntil.UTC(), UpdatedAt: next.UpdatedAt.UTC()})
		return res.RowsAffected == 1, classify(res.Error, "take throttle slot")
	}
	res := db.Model(&throttleRow{}).Where("throttle_key = ? AND failures = ? AND updated_at = ?", key, seen.Failures, seen.UpdatedAt.UTC()).
		Updates(map[string]any{"failures": next.Failures, "blocked_until": next.BlockedUntil.UTC(), "updated_at": next.UpdatedAt.UTC()})
	return res.RowsAffected == 1, classify(res.Error, "take throttle slot")
}

// ClearThrottle forgets the state under key.
func (d *DB) ClearThrottle(ctx context.Context, key []byte) error {
	return classify(d.conn(ctx).Where("throttle_key = ?", key).Delete(&throttleRow{}).Error, "clear throttle")
}

// DeleteStaleThrottles forgets states last changed before before.
func (d *DB) DeleteStaleThrottles(ctx context.Context, before time.Time) error {
	return classify(d.conn(ctx).Where("updated_at < ?", before.UTC()).Delete(&throttleRow{}).Error, "delete stale throttles")
}

// TrustDevice records a device's sign-in to an account.
func (d *DB) TrustDevice(ctx context.Context, userID int64, deviceHash []byte, now time.Time) error {
	row := trustedDeviceRow{UserID: userID, DeviceHash: deviceHash, CreatedAt: now.UTC(), LastUsedAt: now.UTC()}
	err := d.conn(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "user_id"}, {Name: "device_hash"}},
		DoUpdates: clause.AssignmentColumns([]string{"last_used_at"}),
	}).Create(&row).Error
	return classify(err, "trust device")
}

// IsTrustedDevice reports whether a device signed in to an account before.
func (d *DB) IsTrustedDevice(ctx context.Context, userID int64, deviceHash []byte) (bool, error) {
	var n int64
	err := d.conn(ctx).Model(&trustedDeviceRow{}).Where("user_id = ? AND device_hash = ?", userID, deviceHash).Count(&n).Error
	return n > 0, classify(err, "find trusted device")
}
