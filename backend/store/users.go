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
	return userRow{Email: u.Email, Name: u.Name, Role: u.Role, Locale: u.Locale, PasswordHash: passwordHash,
		Disabled: u.Disabled, CreatedAt: u.CreatedAt.UTC(), UpdatedAt: u.CreatedAt.UTC()}
}

func (r userRow) toUser() talent.User {
	return talent.User{ID: r.ID, Email: r.Email, Name: r.Name, Role: r.Role, Locale: r.Locale, Disabled: r.Disabled, CreatedAt: r.CreatedAt}
}

type sessionRow struct {
	ID        int64 `gorm:"primaryKey"`
	UserID    int64
	TokenHash []byte
	CreatedAt time.Time
	ExpiresAt time.Time
}

func (sessionRow) TableName() string { return "sessions" }

// CreateUser inserts a user; an e-mail in use is ErrConflict (email_taken).
func (d *DB) CreateUser(ctx context.Context, u *talent.User, passwordHash string) error {
	row := userToRow(*u, passwordHash)
	err := d.gorm.WithContext(ctx).Create(&row).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return talent.Conflict("email_taken")
	}
	if err != nil {
		return translate(err, "create user")
	}
	*u = row.toUser()
	return nil
}

// UserByEmail returns a user and their password hash.
func (d *DB) UserByEmail(ctx context.Context, email string) (talent.User, string, error) {
	var row userRow
	err := d.gorm.WithContext(ctx).Where("email = ?", email).Take(&row).Error
	return row.toUser(), row.PasswordHash, translate(err, "find user by email")
}

// UserByID returns a user.
func (d *DB) UserByID(ctx context.Context, id int64) (talent.User, error) {
	var row userRow
	err := d.gorm.WithContext(ctx).Take(&row, id).Error
	return row.toUser(), translate(err, "find user")
}

// UpdateUser saves a user's name and locale.
func (d *DB) UpdateUser(ctx context.Context, u talent.User) error {
	res := d.gorm.WithContext(ctx).Model(&userRow{ID: u.ID}).Updates(map[string]any{"name": u.Name, "locale": u.Locale, "updated_at": time.Now().UTC()})
	if res.Error == nil && res.RowsAffected == 0 {
		return talent.NotFound()
	}
	return translate(res.Error, "update user")
}

// CountUsers returns how many accounts exist (to tell an empty database).
func (d *DB) CountUsers(ctx context.Context) (int64, error) {
	var n int64
	err := d.gorm.WithContext(ctx).Model(&userRow{}).Count(&n).Error
	return n, translate(err, "count users")
}

// CreateSession stores a session by its token hash.
func (d *DB) CreateSession(ctx context.Context, userID int64, tokenHash []byte, expires time.Time) error {
	row := sessionRow{UserID: userID, TokenHash: tokenHash, ExpiresAt: expires.UTC()}
	return translate(d.gorm.WithContext(ctx).Create(&row).Error, "create session")
}

// SessionUser returns the enabled user of an unexpired session.
func (d *DB) SessionUser(ctx context.Context, tokenHash []byte, now time.Time) (talent.User, error) {
	var row userRow
	err := d.gorm.WithContext(ctx).
		Joins("JOIN sessions ON sessions.user_id = users.id").
		Where("sessions.token_hash = ? AND sessions.expires_at > ? AND users.disabled = ?", tokenHash, now.UTC(), false).
		Take(&row).Error
	return row.toUser(), translate(err, "find session")
}

// DeleteSession removes a session by its token hash.
func (d *DB) DeleteSession(ctx context.Context, tokenHash []byte) error {
	return translate(d.gorm.WithContext(ctx).Where("token_hash = ?", tokenHash).Delete(&sessionRow{}).Error, "delete session")
}
