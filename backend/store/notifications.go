package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm/clause"

	"github.com/setubashi/setubashi/backend/talent"
)

type notificationRow struct {
	ID         int64 `gorm:"primaryKey"`
	UserID     int64
	Kind       string
	ObjectType string
	ObjectID   int64
	Params     string
	DedupeKey  *string
	Delivery   string
	EmailedAt  *time.Time
	ReadAt     *time.Time
	CreatedAt  time.Time
}

func (notificationRow) TableName() string { return "notifications" }

func notificationToRow(n talent.Notification) (notificationRow, error) {
	params, err := json.Marshal(n.Params)
	if err != nil {
		return notificationRow{}, fmt.Errorf("encode notification params: %w", err)
	}
	row := notificationRow{UserID: n.UserID, Kind: string(n.Kind), ObjectType: n.ObjectType, ObjectID: n.ObjectID,
		Params: string(params), Delivery: string(n.Delivery), CreatedAt: n.CreatedAt.UTC()}
	if n.DedupeKey != "" {
		row.DedupeKey = &n.DedupeKey
	}
	return row, nil
}

func (r notificationRow) toNotification() talent.Notification {
	n := talent.Notification{ID: r.ID, UserID: r.UserID, Kind: talent.NoticeKind(r.Kind), ObjectType: r.ObjectType, ObjectID: r.ObjectID,
		Delivery: talent.Delivery(r.Delivery), EmailedAt: r.EmailedAt, ReadAt: r.ReadAt, CreatedAt: r.CreatedAt}
	if r.DedupeKey != nil {
		n.DedupeKey = *r.DedupeKey
	}
	// Params are written by this package from a Go value; an unreadable
	// one leaves the text without its details rather than failing the list.
	_ = json.Unmarshal([]byte(r.Params), &n.Params)
	return n
}

// AddNotifications inserts notifications, skipping those whose (user, dedupe
// key) exists, and returns the ones inserted with their IDs.
func (d *DB) AddNotifications(ctx context.Context, ns []talent.Notification) ([]talent.Notification, error) {
	added := make([]talent.Notification, 0, len(ns))
	for _, n := range ns {
		row, err := notificationToRow(n)
		if err != nil {
			return nil, err
		}
		res := d.conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
		if res.Error != nil {
			return nil, classify(res.Error, "add notification")
		}
		if res.RowsAffected == 1 {
			n.ID = row.ID
			added = append(added, n)
		}
	}
	return added, nil
}

// Notifications returns a page of a user's notifications, newest first.
func (d *DB) Notifications(ctx context.Context, userID int64, unreadOnly bool, p talent.Page) ([]talent.Notification, error) {
	q := d.conn(ctx).Where("user_id = ?", userID)
	if unreadOnly {
		q = q.Where("read_at IS NULL")
	}
	var rows []notificationRow
	if err := paged(q, "id", p).Find(&rows).Error; err != nil {
		return nil, classify(err, "list notifications")
	}
	return mapRows(rows, notificationRow.toNotification), nil
}

// NotificationByID returns one notification.
func (d *DB) NotificationByID(ctx context.Context, id int64) (talent.Notification, error) {
	var row notificationRow
	if err := d.conn(ctx).Take(&row, id).Error; err != nil {
		return talent.Notification{}, classify(err, "find notification")
	}
	return row.toNotification(), nil
}

// UnreadCount counts a user's unread notifications.
func (d *DB) UnreadCount(ctx context.Context, userID int64) (int, error) {
	var n int64
	err := d.conn(ctx).Model(&notificationRow{}).Where("user_id = ? AND read_at IS NULL", userID).Count(&n).Error
	return int(n), classify(err, "count unread notifications")
}

// MarkRead marks one of a user's notifications read.
func (d *DB) MarkRead(ctx context.Context, userID, id int64, at time.Time) error {
	var row notificationRow
	if err := d.conn(ctx).Select("id").Where("id = ? AND user_id = ?", id, userID).Take(&row).Error; err != nil {
		return classify(err, "find notification")
	}
	err := d.conn(ctx).Model(&notificationRow{}).Where("id = ? AND read_at IS NULL", id).Update("read_at", at.UTC()).Error
	return classify(err, "mark notification read")
}

// MarkAllRead marks every unread notification of a user read.
func (d *DB) MarkAllRead(ctx context.Context, userID int64, at time.Time) error {
	err := d.conn(ctx).Model(&notificationRow{}).Where("user_id = ? AND read_at IS NULL", userID).Update("read_at", at.UTC()).Error
	return classify(err, "mark notifications read")
}

// MarkEmailed stamps notifications as e-mailed.
func (d *DB) MarkEmailed(ctx context.Context, ids []int64, at time.Time) error {
	if len(ids) == 0 {
		return nil
	}
	err := d.conn(ctx).Model(&notificationRow{}).Where("id IN ? AND emailed_at IS NULL", ids).Update("emailed_at", at.UTC()).Error
	return classify(err, "mark notifications e-mailed")
}

// PendingDigest returns a user's notifications waiting for the digest.
func (d *DB) PendingDigest(ctx context.Context, userID int64) ([]talent.Notification, error) {
	var rows []notificationRow
	err := d.conn(ctx).Where("user_id = ? AND delivery = ? AND emailed_at IS NULL", userID, string(talent.DeliverDigest)).Order("id").Find(&rows).Error
	if err != nil {
		return nil, classify(err, "list digest notifications")
	}
	return mapRows(rows, notificationRow.toNotification), nil
}

// DigestRecipients returns the users with notifications waiting for the
// digest.
func (d *DB) DigestRecipients(ctx context.Context) ([]int64, error) {
	var ids []int64
	err := d.conn(ctx).Model(&notificationRow{}).Where("delivery = ? AND emailed_at IS NULL", string(talent.DeliverDigest)).
		Distinct("user_id").Order("user_id").Pluck("user_id", &ids).Error
	return ids, classify(err, "list digest recipients")
}
