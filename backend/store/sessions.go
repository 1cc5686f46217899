package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

type sessionRow struct {
	ID             int64 `gorm:"primaryKey"`
	UserID         int64
	TokenHash      []byte
	CreatedAt      time.Time
	LastSeenAt     time.Time
	ExpiresAt      time.Time
	SecondFactorAt *time.Time
	IP             string `gorm:"column:ip"`
	UserAgent      string
}

func (sessionRow) TableName() string { return "sessions" }

func (r sessionRow) toSession() talent.Session {
	return talent.Session{ID: r.ID, UserID: r.UserID, CreatedAt: r.CreatedAt, LastSeenAt: r.LastSeenAt, ExpiresAt: r.ExpiresAt,
		SecondFactorAt: r.SecondFactorAt, IP: r.IP, UserAgent: r.UserAgent}
}

type pendingSignInRow struct {
	ID        int64 `gorm:"primaryKey"`
	UserID    int64
	TokenHash []byte
	Attempts  int
	CreatedAt time.Time
	ExpiresAt time.Time
	IP        string `gorm:"column:ip"`
	UserAgent string
}

func (pendingSignInRow) TableName() string { return "pending_sign_ins" }

// CreateSession stores a session under its token hash and sets s.ID.
func (d *DB) CreateSession(ctx context.Context, s *talent.Session, tokenHash []byte) error {
	row := sessionRow{UserID: s.UserID, TokenHash: tokenHash, CreatedAt: s.CreatedAt.UTC(), LastSeenAt: s.LastSeenAt.UTC(),
		ExpiresAt: s.ExpiresAt.UTC(), SecondFactorAt: utcPtr(s.SecondFactorAt), IP: s.IP, UserAgent: s.UserAgent}
	if err := d.conn(ctx).Create(&row).Error; err != nil {
		return classify(err, "create session")
	}
	s.ID = row.ID
	return nil
}

// sessionUserRow is a session joined with its account.
type sessionUserRow struct {
	ID             int64      `gorm:"column:id"`
	UserID         int64      `gorm:"column:user_id"`
	CreatedAt      time.Time  `gorm:"column:created_at"`
	LastSeenAt     time.Time  `gorm:"column:last_seen_at"`
	ExpiresAt      time.Time  `gorm:"column:expires_at"`
	SecondFactorAt *time.Time `gorm:"column:second_factor_at"`
	IP             string     `gorm:"column:ip"`
	UserAgent      string     `gorm:"column:user_agent"`
	Email          string     `gorm:"column:u_email"`
	Name           string     `gorm:"column:u_name"`
	Role           string     `gorm:"column:u_role"`
	Locale         string     `gorm:"column:u_locale"`
	Disabled       bool       `gorm:"column:u_disabled"`
	UCreatedAt     time.Time  `gorm:"column:u_created_at"`
	TOTPEnabled    bool       `gorm:"column:totp_enabled"`
}

// SessionByToken returns a session and its account, whatever their state.
func (d *DB) SessionByToken(ctx context.Context, tokenHash []byte) (talent.SessionOf, error) {
	var rows []sessionUserRow
	err := d.conn(ctx).Raw(`SELECT s.id, s.user_id, s.created_at, s.last_seen_at, s.expires_at,
		s.second_factor_at, s.ip, s.user_agent, u.email AS u_email, u.name AS u_name, u.role AS u_role,
		u.locale AS u_locale, u.disabled AS u_disabled, u.created_at AS u_created_at,
		EXISTS (SELECT 1 FROM totp_authenticators t WHERE t.user_id = s.user_id AND t.confirmed_at IS NOT NULL) AS totp_enabled
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`, tokenHash).Scan(&rows).Error
	if err != nil {
		return talent.SessionOf{}, classify(err, "find session")
	}
	if len(rows) == 0 {
		return talent.SessionOf{}, talent.NotFound()
	}
	r := rows[0]
	return talent.SessionOf{
		Session: talent.Session{ID: r.ID, UserID: r.UserID, CreatedAt: r.CreatedAt, LastSeenAt: r.LastSeenAt, ExpiresAt: r.ExpiresAt,
			SecondFactorAt: r.SecondFactorAt, IP: r.IP, UserAgent: r.UserAgent},
		User:        talent.User{ID: r.UserID, Email: r.Email, Name: r.Name, Kind: talent.AccountKind(r.Role), Locale: r.Locale, Disabled: r.Disabled, CreatedAt: r.UCreatedAt},
		TOTPEnabled: r.TOTPEnabled,
	}, nil
}

// TouchSession moves a session's last-seen time to now if it is before before.
func (d *DB) TouchSession(ctx context.Context, id int64, now, before time.Time) error {
	err := d.conn(ctx).Model(&sessionRow{}).Where("id = ? AND last_seen_at < ?", id, before.UTC()).
		Update("last_seen_at", now.UTC()).Error
	return classify(err, "touch session")
}

// DeleteSession removes a session by its token hash.
func (d *DB) DeleteSession(ctx context.Context, tokenHash []byte) error {
	return classify(d.conn(ctx).Where("token_hash = ?", tokenHash).Delete(&sessionRow{}).Error, "delete session")
}

// DeleteSessionOf removes one of a user's sessions.
func (d *DB) DeleteSessionOf(ctx context.Context, userID, sessionID int64) error {
	res := d.conn(ctx).Where("id = ? AND user_id = ?", sessionID, userID).Delete(&sessionRow{})
	if res.Error == nil && res.RowsAffected == 0 {
		return talent.NotFound()
	}
	return classify(res.Error, "delete session")
}

// DeleteSessions removes every session of a user but keepID, and every
// pending sign-in of theirs.
func (d *DB) DeleteSessions(ctx context.Context, userID, keepID int64) error {
	return classify(d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		return deleteSessions(tx, userID, keepID)
	}), "delete sessions")
}

func deleteSessions(tx *gorm.DB, userID, keepID int64) error {
	if err := tx.Where("user_id = ? AND id <> ?", userID, keepID).Delete(&sessionRow{}).Error; err != nil {
		return err
	}
	return tx.Where("user_id = ?", userID).Delete(&pendingSignInRow{}).Error
}

// DeleteExpiredSessions removes a user's expired and idle sessions.
func (d *DB) DeleteExpiredSessions(ctx context.Context, userID int64, now, idleSince time.Time) error {
	err := d.conn(ctx).Where("user_id = ? AND (expires_at <= ? OR last_seen_at < ?)", userID, now.UTC(), idleSince.UTC()).
		Delete(&sessionRow{}).Error
	return classify(err, "delete expired sessions")
}

// SessionsOf returns a page of a user's unexpired sessions, newest first.
func (d *DB) SessionsOf(ctx context.Context, userID int64, now time.Time, p talent.Page) ([]talent.Session, error) {
	var rows []sessionRow
	q := d.conn(ctx).Where("user_id = ? AND expires_at > ?", userID, now.UTC())
	if err := paged(q, "id", p).Find(&rows).Error; err != nil {
		return nil, classify(err, "list sessions")
	}
	return mapRows(rows, sessionRow.toSession), nil
}

// CreatePendingSignIn stores a pending sign-in under its token hash.
func (d *DB) CreatePendingSignIn(ctx context.Context, p *talent.PendingSignIn, tokenHash []byte) error {
	row := pendingSignInRow{UserID: p.UserID, TokenHash: tokenHash, CreatedAt: p.CreatedAt.UTC(), ExpiresAt: p.ExpiresAt.UTC(), IP: p.IP, UserAgent: p.UserAgent}
	if err := d.conn(ctx).Create(&row).Error; err != nil {
		return classify(err, "create pending sign-in")
	}
	p.ID = row.ID
	return nil
}

// PendingSignInByToken returns a pending sign-in by its token hash.
func (d *DB) PendingSignInByToken(ctx context.Context, tokenHash []byte) (talent.PendingSignIn, error) {
	var row pendingSignInRow
	if err := d.conn(ctx).Where("token_hash = ?", tokenHash).Take(&row).Error; err != nil {
		return talent.PendingSignIn{}, classify(err, "find pending sign-in")
	}
	return talent.PendingSignIn{ID: row.ID, UserID: row.UserID, Attempts: row.Attempts, CreatedAt: row.CreatedAt,
		ExpiresAt: row.ExpiresAt, IP: row.IP, UserAgent: row.UserAgent}, nil
}

// CountPendingAttempt counts one attempt unless limit were made already.
func (d *DB) CountPendingAttempt(ctx context.Context, id int64, limit int) (bool, error) {
	res := d.conn(ctx).Model(&pendingSignInRow{}).Where("id = ? AND attempts < ?", id, limit).
		Update("attempts", gorm.Expr("attempts + 1"))
	return res.RowsAffected == 1, classify(res.Error, "count sign-in attempt")
}

// DeletePendingSignIn removes a pending sign-in.
func (d *DB) DeletePendingSignIn(ctx context.Context, id int64) error {
	return classify(d.conn(ctx).Delete(&pendingSignInRow{}, id).Error, "delete pending sign-in")
}
