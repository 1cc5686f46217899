package store

import (
	"context"
	"crypto/rand"
	"time"

	"gorm.io/gorm/clause"

	"github.com/setubashi/setubashi/backend/talent"
)

type preferenceRow struct {
	UserID    int64  `gorm:"primaryKey;autoIncrement:false"`
	Kind      string `gorm:"primaryKey"`
	Delivery  string
	UpdatedAt time.Time
}

func (preferenceRow) TableName() string { return "notification_preferences" }

// DeliveryChoices returns the delivery each of the users chose for a kind.
func (d *DB) DeliveryChoices(ctx context.Context, userIDs []int64, kind talent.NoticeKind) (map[int64]talent.Delivery, error) {
	var rows []preferenceRow
	if err := d.conn(ctx).Where("user_id IN ? AND kind = ?", userIDs, string(kind)).Find(&rows).Error; err != nil {
		return nil, classify(err, "read delivery choices")
	}
	choices := make(map[int64]talent.Delivery, len(rows))
	for _, r := range rows {
		choices[r.UserID] = talent.Delivery(r.Delivery)
	}
	return choices, nil
}

// Preferences returns a user's delivery choices by kind.
func (d *DB) Preferences(ctx context.Context, userID int64) (map[talent.NoticeKind]talent.Delivery, error) {
	var rows []preferenceRow
	if err := d.conn(ctx).Where("user_id = ?", userID).Find(&rows).Error; err != nil {
		return nil, classify(err, "read preferences")
	}
	prefs := make(map[talent.NoticeKind]talent.Delivery, len(rows))
	for _, r := range rows {
		prefs[talent.NoticeKind(r.Kind)] = talent.Delivery(r.Delivery)
	}
	return prefs, nil
}

// SetPreferences saves delivery choices by kind.
func (d *DB) SetPreferences(ctx context.Context, userID int64, prefs map[talent.NoticeKind]talent.Delivery, at time.Time) error {
	if len(prefs) == 0 {
		return nil
	}
	rows := make([]preferenceRow, 0, len(prefs))
	for kind, delivery := range prefs {
		rows = append(rows, preferenceRow{UserID: userID, Kind: string(kind), Delivery: string(delivery), UpdatedAt: at.UTC()})
	}
	err := d.conn(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "user_id"}, {Name: "kind"}},
		DoUpdates: clause.AssignmentColumns([]string{"delivery", "updated_at"}),
	}).Create(&rows).Error
	return classify(err, "save preferences")
}

// Recipients returns the enabled users among ids (erased accounts are
// disabled), by id.
func (d *DB) Recipients(ctx context.Context, ids []int64) (map[int64]talent.Recipient, error) {
	var rows []userRow
	if err := d.conn(ctx).Where("id IN ? AND disabled = ?", ids, false).Find(&rows).Error; err != nil {
		return nil, classify(err, "find recipients")
	}
	out := make(map[int64]talent.Recipient, len(rows))
	for _, r := range rows {
		out[r.ID] = talent.Recipient{UserID: r.ID, Email: r.Email, Name: r.Name, Locale: r.Locale, Kind: talent.AccountKind(r.Role)}
	}
	return out, nil
}

// MembersOf returns the user ids of an organisation's members.
func (d *DB) MembersOf(ctx context.Context, orgID int64) ([]int64, error) {
	var ids []int64
	err := d.conn(ctx).Model(&memberRow{}).Where("organization_id = ?", orgID).Order("user_id").Pluck("user_id", &ids).Error
	return ids, classify(err, "list members")
}

// UsersOfKind returns the ids of enabled users with an account of kind.
func (d *DB) UsersOfKind(ctx context.Context, kind talent.AccountKind) ([]int64, error) {
	var ids []int64
	err := d.conn(ctx).Model(&userRow{}).Where("role = ? AND disabled = ?", string(kind), false).Order("id").Pluck("id", &ids).Error
	return ids, classify(err, "list users by kind")
}

type serverSecretRow struct {
	Name      string `gorm:"primaryKey"`
	Secret    []byte
	CreatedAt time.Time
}

func (serverSecretRow) TableName() string { return "server_secrets" }

// ServerSecret returns the named secret, creating a random one of n bytes
// the first time; concurrent first calls agree on one.
func (d *DB) ServerSecret(ctx context.Context, name string, n int) ([]byte, error) {
	fresh := serverSecretRow{Name: name, Secret: make([]byte, n), CreatedAt: time.Now().UTC()}
	_, _ = rand.Read(fresh.Secret) // crypto/rand.Read never fails
	if err := d.conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&fresh).Error; err != nil {
		return nil, classify(err, "create server secret")
	}
	var row serverSecretRow
	if err := d.conn(ctx).Take(&row, "name = ?", name).Error; err != nil {
		return nil, classify(err, "read server secret")
	}
	return row.Secret, nil
}
