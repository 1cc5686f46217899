package talent

import "context"

// NoticeEmail is a notification due to go out by e-mail: to whom, and the
// token of the link that turns its kind of e-mail off.
type NoticeEmail struct {
	Notification     Notification
	To               Recipient
	UnsubscribeToken string
}

// EmailDue returns the e-mail of notification id if it is due, and false
// when it is not: it went out already (a delivery run again after a restart
// sends nothing twice), it no longer exists, its recipient chose otherwise
// since it was written (the digest or the bell only), or the account was
// disabled or erased.
func (s *Notifications) EmailDue(ctx context.Context, id int64) (NoticeEmail, bool, error) {
	n, err := s.store.NotificationByID(ctx, id)
	if isNotFound(err) {
		return NoticeEmail{}, false, nil
	}
	if err != nil || n.EmailedAt != nil {
		return NoticeEmail{}, false, err
	}
	choices, err := s.store.DeliveryChoices(ctx, []int64{n.UserID}, n.Kind)
	if err != nil {
		return NoticeEmail{}, false, err
	}
	if choice, ok := choices[n.UserID]; ok && choice != DeliverNow {
		return NoticeEmail{}, false, nil
	}
	recipients, err := s.store.Recipients(ctx, []int64{n.UserID})
	if err != nil {
		return NoticeEmail{}, false, err
	}
	r, ok := recipients[n.UserID]
	if !ok {
		return NoticeEmail{}, false, nil
	}
	token, err := s.UnsubscribeToken(ctx, r.UserID, n.Kind)
	if err != nil {
		return NoticeEmail{}, false, err
	}
	return NoticeEmail{Notification: n, To: r, UnsubscribeToken: token}, true, nil
}

// Digest is what one person's daily digest settles: the notifications
// waiting for it, oldest first, and the recipient to e-mail them to (nil
// when the account was disabled or erased: they are settled unsent).
type Digest struct {
	To      *Recipient
	Notices []Notification
}

// IDs returns the ids of the digest's notifications, to mark them sent.
func (d Digest) IDs() []int64 {
	ids := make([]int64, len(d.Notices))
	for i, n := range d.Notices {
		ids[i] = n.ID
	}
	return ids
}

// DigestOf returns the digest waiting for a person (no notices when there
// is nothing to send).
func (s *Notifications) DigestOf(ctx context.Context, userID int64) (Digest, error) {
	pending, err := s.store.PendingDigest(ctx, userID)
	if err != nil || len(pending) == 0 {
		return Digest{}, err
	}
	recipients, err := s.store.Recipients(ctx, []int64{userID})
	if err != nil {
		return Digest{}, err
	}
	d := Digest{Notices: pending}
	if r, ok := recipients[userID]; ok {
		d.To = &r
	}
	return d, nil
}
