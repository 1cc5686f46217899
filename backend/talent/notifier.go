package talent

import (
	"context"
	"slices"
	"time"
)

// notifier writes the notifications an event causes, within the transaction
// of the change (the outbox), and schedules the e-mail of those whose
// recipients want it at once.
type notifier struct {
	store NotificationStore
	queue DeliveryQueue
	now   func() time.Time
}

// inTx runs fn in one transaction with the notifications it sends.
func (n *notifier) inTx(ctx context.Context, fn func(ctx context.Context) error) error {
	return n.store.InTx(ctx, fn)
}

// send tells each of users, except the actor who caused the event, about it:
// note gives the kind, object, params and dedupe key. Call it inside inTx.
func (n *notifier) send(ctx context.Context, actorID int64, users []int64, note Notification) error {
	users = slices.DeleteFunc(slices.Compact(slices.Sorted(slices.Values(users))), func(id int64) bool { return id == actorID || id == 0 })
	if len(users) == 0 {
		return nil
	}
	choices, err := n.store.DeliveryChoices(ctx, users, note.Kind)
	if err != nil {
		return err
	}
	at := n.now().UTC()
	ns := make([]Notification, 0, len(users))
	for _, id := range users {
		one := note
		one.UserID, one.CreatedAt, one.Delivery = id, at, DeliverNow
		if choice, ok := choices[id]; ok {
			one.Delivery = choice
		}
		ns = append(ns, one)
	}
	added, err := n.store.AddNotifications(ctx, ns)
	if err != nil {
		return err
	}
	var now []int64
	for _, a := range added {
		if a.Delivery == DeliverNow {
			now = append(now, a.ID)
		}
	}
	if len(now) == 0 {
		return nil
	}
	return n.queue.Deliver(ctx, now)
}

// members returns the user ids of an organisation's members.
func (n *notifier) members(ctx context.Context, orgID int64) ([]int64, error) {
	return n.store.MembersOf(ctx, orgID)
}
