package talent

import (
	"context"
	"time"
)

// NoticeKind is a kind of notification: what happened, and so whom it
// concerns.
type NoticeKind string

// Kinds of notification.
const (
	NoticeApplicationSubmitted NoticeKind = "application_submitted" // to the organisation
	NoticeStageChanged         NoticeKind = "stage_changed"         // to the other side of the application
	NoticeOfferMade            NoticeKind = "offer_made"            // to the candidate
	NoticePlacementRecorded    NoticeKind = "placement_recorded"    // to the candidate
	NoticeArrivalConfirmed     NoticeKind = "arrival_confirmed"     // to the candidate and the organisation
	NoticeRoundOpened          NoticeKind = "round_opened"          // to the round's participants
	NoticeRoundClosing         NoticeKind = "round_closing"         // to participants, 48 h before the ranking deadline
	NoticeRoundResults         NoticeKind = "round_results"         // to participants
	NoticeOrganizationVerified NoticeKind = "organization_verified" // to the organisation's members
	NoticeOrganizationPending  NoticeKind = "organization_pending"  // to administrators: one waits for verification
	NoticeNewRoles             NoticeKind = "new_roles"             // to a saved search's owner
)

// NotificationKinds lists every kind, in the order settings show them.
var NotificationKinds = []NoticeKind{
	NoticeApplicationSubmitted, NoticeStageChanged, NoticeOfferMade, NoticePlacementRecorded,
	NoticeArrivalConfirmed, NoticeRoundOpened, NoticeRoundClosing, NoticeRoundResults,
	NoticeOrganizationVerified, NoticeOrganizationPending, NoticeNewRoles,
}

// Delivery is how a person wants to hear of a kind of event by e-mail.
type Delivery string

// Delivery choices.
const (
	DeliverNow    Delivery = "now"    // an e-mail per event, at once
	DeliverDigest Delivery = "digest" // one e-mail a day gathering the day's events
	DeliverInApp  Delivery = "in_app" // no e-mail; the bell only
)

// Deliveries lists the delivery choices.
var Deliveries = []Delivery{DeliverNow, DeliverDigest, DeliverInApp}

// Objects a notification links to.
const (
	ObjectApplication  = "application"
	ObjectRound        = "round"
	ObjectOrganization = "organization"
	ObjectSavedSearch  = "saved_search"
)

// Notification is one message to one person about one event. Its texts are
// rendered from Kind and Params in the reader's language when read.
type Notification struct {
	ID         int64
	UserID     int64
	Kind       NoticeKind
	ObjectType string
	ObjectID   int64
	Params     NoticeParams
	// DedupeKey, when set, makes a second notification with the same key to
	// the same person a no-op.
	DedupeKey string
	Delivery  Delivery
	EmailedAt *time.Time
	ReadAt    *time.Time
	CreatedAt time.Time
}

// NoticeParams are the facts a notification's text is made from; which are
// set depends on the kind.
type NoticeParams struct {
	Role         *LocalizedText `json:"role,omitempty"`
	Organization *LocalizedText `json:"organization,omitempty"`
	Candidate    string         `json:"candidate,omitempty"`
	From         Stage          `json:"from,omitempty"`
	To           Stage          `json:"to,omitempty"`
	Reason       string         `json:"reason,omitempty"` // shared by the organisation
	Round        string         `json:"round,omitempty"`
	Deadline     *time.Time     `json:"deadline,omitempty"`
	Start        *Date          `json:"start,omitempty"`
	Search       string         `json:"search,omitempty"`
	Filters      string         `json:"filters,omitempty"` // a saved search's filters as a query string
	Count        int            `json:"count,omitempty"`
	RoleIDs      []int64        `json:"role_ids,omitempty"`
}

// Recipient is someone a notification may go to, with what delivery needs.
type Recipient struct {
	UserID int64
	Email  string
	Name   string
	Locale string
	Kind   AccountKind // the account kind, which decides the time zone of times
}

// NotificationStore keeps notifications, preferences and their recipients.
type NotificationStore interface {
	Transactor
	// AddNotifications inserts notifications, skipping any whose (user,
	// dedupe key) exists already, and sets the IDs of those inserted, which
	// it returns.
	AddNotifications(ctx context.Context, ns []Notification) ([]Notification, error)
	// Notifications returns a page of a user's notifications, newest first,
	// optionally unread ones only.
	Notifications(ctx context.Context, userID int64, unreadOnly bool, p Page) ([]Notification, error)
	// NotificationByID returns one notification; ErrNotFound if none.
	NotificationByID(ctx context.Context, id int64) (Notification, error)
	// UnreadCount counts a user's unread notifications.
	UnreadCount(ctx context.Context, userID int64) (int, error)
	// MarkRead marks one of the user's notifications read (no-op if read);
	// ErrNotFound if it is not the user's.
	MarkRead(ctx context.Context, userID, id int64, at time.Time) error
	// MarkAllRead marks all of a user's notifications read.
	MarkAllRead(ctx context.Context, userID int64, at time.Time) error
	// MarkEmailed records that notifications went out by e-mail.
	MarkEmailed(ctx context.Context, ids []int64, at time.Time) error
	// PendingDigest returns a user's notifications waiting for the digest,
	// oldest first.
	PendingDigest(ctx context.Context, userID int64) ([]Notification, error)
	// DigestRecipients returns the users with notifications waiting for the
	// digest.
	DigestRecipients(ctx context.Context) ([]int64, error)
	// DeliveryChoices returns, for the given users, the delivery each chose
	// for a kind (users without a choice are absent).
	DeliveryChoices(ctx context.Context, userIDs []int64, kind NoticeKind) (map[int64]Delivery, error)
	// Preferences returns a user's delivery choices by kind (kinds without a
	// choice are absent).
	Preferences(ctx context.Context, userID int64) (map[NoticeKind]Delivery, error)
	// SetPreferences saves delivery choices by kind.
	SetPreferences(ctx context.Context, userID int64, prefs map[NoticeKind]Delivery, at time.Time) error
	// Recipients returns the users with the given ids that may be notified,
	// by id: disabled and erased accounts are left out.
	Recipients(ctx context.Context, ids []int64) (map[int64]Recipient, error)
	// MembersOf returns the user ids of an organisation's members.
	MembersOf(ctx context.Context, orgID int64) ([]int64, error)
	// UsersOfKind returns the ids of enabled users with an account of kind.
	UsersOfKind(ctx context.Context, kind AccountKind) ([]int64, error)
	// ServerSecret returns the named secret, creating a random one of n
	// bytes the first time.
	ServerSecret(ctx context.Context, name string, n int) ([]byte, error)
}

// DeliveryQueue schedules the delivery of notifications; it joins the
// transaction in the context it is given, so a notification and the job that
// e-mails it commit together.
type DeliveryQueue interface {
	// Deliver schedules an e-mail for each notification.
	Deliver(ctx context.Context, ids []int64) error
	// RoundOpened schedules the "closing in 48 hours" reminder of a round.
	RoundOpened(ctx context.Context, roundID int64, deadline time.Time) error
}
