package talent

import (
	"context"
	"maps"
	"slices"
	"sync"
	"time"
)

// Notifications lets people read their notifications and choose how they
// hear of each kind of event.
type Notifications struct {
	store NotificationStore
	now   func() time.Time
	keyMu sync.Mutex
	key   []byte // the unsubscribe signing key, once read
}

// NewNotifications returns the notification service.
func NewNotifications(store NotificationStore) *Notifications {
	return &Notifications{store: store, now: time.Now}
}

// List returns a page of the signed-in person's notifications, newest first
// (unread ones only if asked).
func (s *Notifications) List(ctx context.Context, actor Actor, unreadOnly bool, p Page) ([]Notification, error) {
	if actor.Anonymous() {
		return nil, Unauthenticated()
	}
	return s.store.Notifications(ctx, actor.UserID, unreadOnly, p)
}

// UnreadCount counts the signed-in person's unread notifications.
func (s *Notifications) UnreadCount(ctx context.Context, actor Actor) (int, error) {
	if actor.Anonymous() {
		return 0, Unauthenticated()
	}
	return s.store.UnreadCount(ctx, actor.UserID)
}

// MarkRead marks one of the signed-in person's notifications read; someone
// else's is ErrNotFound.
func (s *Notifications) MarkRead(ctx context.Context, actor Actor, id int64) error {
	if actor.Anonymous() {
		return Unauthenticated()
	}
	return s.store.MarkRead(ctx, actor.UserID, id, s.now().UTC())
}

// MarkAllRead marks all the signed-in person's notifications read.
func (s *Notifications) MarkAllRead(ctx context.Context, actor Actor) error {
	if actor.Anonymous() {
		return Unauthenticated()
	}
	return s.store.MarkAllRead(ctx, actor.UserID, s.now().UTC())
}

// Preferences returns the signed-in person's delivery choice for every kind
// (DeliverNow where none was made).
func (s *Notifications) Preferences(ctx context.Context, actor Actor) (map[NoticeKind]Delivery, error) {
	if actor.Anonymous() {
		return nil, Unauthenticated()
	}
	saved, err := s.store.Preferences(ctx, actor.UserID)
	if err != nil {
		return nil, err
	}
	prefs := make(map[NoticeKind]Delivery, len(NotificationKinds))
	for _, kind := range NotificationKinds {
		prefs[kind] = DeliverNow
		if choice, ok := saved[kind]; ok {
			prefs[kind] = choice
		}
	}
	return prefs, nil
}

// SetPreferences saves delivery choices for some kinds and returns them all.
// Unknown kinds or deliveries are ErrInvalid naming the kind.
func (s *Notifications) SetPreferences(ctx context.Context, actor Actor, prefs map[NoticeKind]Delivery) (map[NoticeKind]Delivery, error) {
	if actor.Anonymous() {
		return nil, Unauthenticated()
	}
	var v Validator
	for _, kind := range slices.Sorted(maps.Keys(prefs)) {
		field := "preferences." + string(kind)
		v.OneOf(field, string(kind), Codes(NotificationKinds))
		v.OneOf(field, string(prefs[kind]), Codes(Deliveries))
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.store.SetPreferences(ctx, actor.UserID, prefs, s.now().UTC()); err != nil {
		return nil, err
	}
	return s.Preferences(ctx, actor)
}
