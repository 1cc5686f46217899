package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

type userRow struct {
	ID           int64 `gorm:"primaryKey"`
	Email        string
	Name         string
	Role         string
	Locale       string
	PasswordHash string
	Disabled     bool
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

func (userRow) TableName() string { return "users" }

func userToRow(u talent.User, passwordHash string) userRow {
	return userRow{Email: u.Email, Name: u.Name, Role: string(u.Kind), Locale: u.Locale, PasswordHash: passwordHash,
		Disabled: u.Disabled, CreatedAt: u.CreatedAt.UTC(), UpdatedAt: u.CreatedAt.UTC()}
}

func (r userRow) toUser() talent.User {
	return talent.User{ID: r.ID, Email: r.Email, Name: r.Name, Kind: talent.AccountKind(r.Role), Locale: r.Locale, Disabled: r.Disabled, CreatedAt: r.CreatedAt}
}

// CreateUser inserts a user; an e-mail in use is ErrConflict (email_taken).
func (d *DB) CreateUser(ctx context.Context, u *talent.User, passwordHash string) error {
	row := userToRow(*u, passwordHash)
	err := d.conn(ctx).Create(&row).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return talent.Conflict(talent.CodeEmailTaken)
	}
	if err != nil {
		return classify(err, "create user")
	}
	*u = row.toUser()
	return nil
}

// UserByEmail returns a user and their password hash.
func (d *DB) UserByEmail(ctx context.Context, email string) (talent.User, string, error) {
	var row userRow
	err := d.conn(ctx).Where("email = ?", email).Take(&row).Error
	return row.toUser(), row.PasswordHash, classify(err, "find user by email")
}

// UserByID returns a user.
func (d *DB) UserByID(ctx context.Context, id int64) (talent.User, error) {
	var row userRow
	err := d.conn(ctx).Take(&row, id).Error
	return row.toUser(), classify(err, "find user")
}

// UpdateUser saves a user's name and locale.
func (d *DB) UpdateUser(ctx context.Context, u talent.User) error {
	res := d.conn(ctx).Model(&userRow{ID: u.ID}).Updates(map[string]any{"name": u.Name, "locale": u.Locale, "updated_at": time.Now().UTC()})
	if res.Error == nil && res.RowsAffected == 0 {
		return talent.NotFound()
	}
	return classify(res.Error, "update user")
}

// CountUsers returns how many accounts exist (to tell an empty database).
func (d *DB) CountUsers(ctx context.Context) (int64, error) {
	var n int64
	err := d.conn(ctx).Model(&userRow{}).Count(&n).Error
	return n, classify(err, "count users")
}

// PasswordHash returns a user's password hash.
func (d *DB) PasswordHash(ctx context.Context, userID int64) (string, error) {
	var row userRow
	err := d.conn(ctx).Select("id", "password_hash").Take(&row, userID).Error
	return row.PasswordHash, classify(err, "find password hash")
}

// ListUsers returns a page of accounts, newest first, or the one with email.
func (d *DB) ListUsers(ctx context.Context, p talent.Page, email string) ([]talent.User, error) {
	q := d.conn(ctx).Model(&userRow{})
	if email != "" {
		q = q.Where("email = ?", email)
	}
	var rows []userRow
	if err := paged(q, "id", p).Find(&rows).Error; err != nil {
		return nil, classify(err, "list users")
	}
	return mapRows(rows, userRow.toUser), nil
}

// SetUserDisabled disables or enables an account; disabling ends its
// sessions and pending sign-ins in the same transaction.
func (d *DB) SetUserDisabled(ctx context.Context, userID int64, disabled bool, now time.Time) error {
	return classify(d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&userRow{ID: userID}).Updates(map[string]any{"disabled": disabled, "updated_at": now.UTC()})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return talent.NotFound()
		}
		if !disabled {
			return nil
		}
		return deleteSessions(tx, userID, 0)
	}), "set user disabled")
}

// SetPassword replaces a password hash and ends every session and pending
// sign-in of the account in the same transaction.
func (d *DB) SetPassword(ctx context.Context, userID int64, hash string, now time.Time) error {
	return classify(d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&userRow{ID: userID}).Updates(map[string]any{"password_hash": hash, "updated_at": now.UTC()})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return talent.NotFound()
		}
		return deleteSessions(tx, userID, 0)
	}), "set password")
}
