package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

type totpRow struct {
	UserID      int64 `gorm:"primaryKey;autoIncrement:false"`
	Secret      string
	ConfirmedAt *time.Time
	LastStep    int64
	CreatedAt   time.Time
}

func (totpRow) TableName() string { return "totp_authenticators" }

type recoveryCodeRow struct {
	ID        int64 `gorm:"primaryKey"`
	UserID    int64
	CodeHash  string
	UsedAt    *time.Time
	CreatedAt time.Time
}

func (recoveryCodeRow) TableName() string { return "recovery_codes" }

// SaveTOTPSecret stores an unconfirmed secret, replacing an unconfirmed one.
func (d *DB) SaveTOTPSecret(ctx context.Context, userID int64, secret string, now time.Time) error {
	err := d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("user_id = ? AND confirmed_at IS NULL", userID).Delete(&totpRow{}).Error; err != nil {
			return err
		}
		err := tx.Create(&totpRow{UserID: userID, Secret: secret, CreatedAt: now.UTC()}).Error
		if errors.Is(err, gorm.ErrDuplicatedKey) {
			return talent.Conflict(talent.CodeTOTPAlreadyEnabled)
		}
		return err
	})
	return classify(err, "save authenticator")
}

// TOTPOf returns a user's authenticator.
func (d *DB) TOTPOf(ctx context.Context, userID int64) (talent.TOTPState, error) {
	var row totpRow
	if err := d.conn(ctx).Where("user_id = ?", userID).Take(&row).Error; err != nil {
		return talent.TOTPState{}, classify(err, "find authenticator")
	}
	return talent.TOTPState{Secret: row.Secret, ConfirmedAt: row.ConfirmedAt, LastStep: row.LastStep, CreatedAt: row.CreatedAt}, nil
}

// ConfirmTOTP confirms an unconfirmed authenticator and stores its recovery codes.
func (d *DB) ConfirmTOTP(ctx context.Context, userID, step int64, now time.Time, recoveryHashes []string) error {
	err := d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&totpRow{}).Where("user_id = ? AND confirmed_at IS NULL", userID).
			Updates(map[string]any{"confirmed_at": now.UTC(), "last_step": step})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return talent.Conflict(talent.CodeTOTPNotStarted)
		}
		return replaceRecoveryCodes(tx, userID, recoveryHashes, now)
	})
	return classify(err, "confirm authenticator")
}

// UseTOTPStep records the step of a used code unless it or a later one was used.
func (d *DB) UseTOTPStep(ctx context.Context, userID, step int64) (bool, error) {
	res := d.conn(ctx).Model(&totpRow{}).Where("user_id = ? AND confirmed_at IS NOT NULL AND last_step < ?", userID, step).
		Update("last_step", step)
	return res.RowsAffected == 1, classify(res.Error, "use authenticator code")
}

// DeleteTOTP removes a user's authenticator and recovery codes.
func (d *DB) DeleteTOTP(ctx context.Context, userID int64) error {
	return classify(d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("user_id = ?", userID).Delete(&recoveryCodeRow{}).Error; err != nil {
			return err
		}
		return tx.Where("user_id = ?", userID).Delete(&totpRow{}).Error
	}), "delete authenticator")
}

// RecoveryCodesOf returns a user's unused recovery codes.
func (d *DB) RecoveryCodesOf(ctx context.Context, userID int64) ([]talent.RecoveryCode, error) {
	var rows []recoveryCodeRow
	if err := d.conn(ctx).Where("user_id = ? AND used_at IS NULL", userID).Order("id").Find(&rows).Error; err != nil {
		return nil, classify(err, "list recovery codes")
	}
	return mapRows(rows, func(r recoveryCodeRow) talent.RecoveryCode { return talent.RecoveryCode{ID: r.ID, Hash: r.CodeHash} }), nil
}

// UseRecoveryCode marks a recovery code used unless it was already.
func (d *DB) UseRecoveryCode(ctx context.Context, id int64, now time.Time) (bool, error) {
	res := d.conn(ctx).Model(&recoveryCodeRow{}).Where("id = ? AND used_at IS NULL", id).Update("used_at", now.UTC())
	return res.RowsAffected == 1, classify(res.Error, "use recovery code")
}

// ReplaceRecoveryCodes replaces a user's recovery codes.
func (d *DB) ReplaceRecoveryCodes(ctx context.Context, userID int64, hashes []string, now time.Time) error {
	return classify(d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		return replaceRecoveryCodes(tx, userID, hashes, now)
	}), "replace recovery codes")
}

func replaceRecoveryCodes(tx *gorm.DB, userID int64, hashes []string, now time.Time) error {
	if err := tx.Where("user_id = ?", userID).Delete(&recoveryCodeRow{}).Error; err != nil {
		return err
	}
	if len(hashes) == 0 {
		return nil
	}
	rows := make([]recoveryCodeRow, len(hashes))
	for i, h := range hashes {
		rows[i] = recoveryCodeRow{UserID: userID, CodeHash: h, CreatedAt: now.UTC()}
	}
	return tx.Create(&rows).Error
}
