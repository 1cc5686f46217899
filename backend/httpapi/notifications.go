package httpapi

import (
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/notice"
	"github.com/setubashi/setubashi/backend/talent"
)

// notificationJSON is one notification with its texts in the request's
// language and the web app path that opens its object.
type notificationJSON struct {
	ID         int64             `json:"id"`
	Kind       talent.NoticeKind `json:"kind"`
	Title      string            `json:"title"`
	Body       string            `json:"body"`
	Link       string            `json:"link"`
	ObjectType string            `json:"object_type"`
	ObjectID   int64             `json:"object_id"`
	Read       bool              `json:"read"`
	CreatedAt  time.Time         `json:"created_at"`
}

// myNotifications lists the caller's notifications, newest first.
func (s *Server) myNotifications(c *gin.Context) (any, error) {
	p, err := pageOf(c)
	if err != nil {
		return nil, err
	}
	unread, err := optionalBool(c, "unread")
	if err != nil {
		return nil, err
	}
	ns, err := s.Notifications.List(c.Request.Context(), actorOf(c), unread != nil && *unread, p)
	if err != nil {
		return nil, err
	}
	lang, role := languageOf(c), actorOf(c).Kind
	return page(p, ns, func(n talent.Notification) int64 { return n.ID }, func(n talent.Notification) notificationJSON {
		title, body := notice.Text(s.catalog, lang, role, n)
		return notificationJSON{ID: n.ID, Kind: n.Kind, Title: title, Body: body, Link: notice.Link(n),
			ObjectType: n.ObjectType, ObjectID: n.ObjectID, Read: n.ReadAt != nil, CreatedAt: n.CreatedAt.UTC()}
	}), nil
}

// myUnreadCount answers the number the bell shows.
func (s *Server) myUnreadCount(c *gin.Context) (any, error) {
	n, err := s.Notifications.UnreadCount(c.Request.Context(), actorOf(c))
	if err != nil {
		return nil, err
	}
	return gin.H{"unread": n}, nil
}

// markNotificationRead marks one of the caller's notifications read.
func (s *Server) markNotificationRead(c *gin.Context, id int64) (any, error) {
	return nil, s.Notifications.MarkRead(c.Request.Context(), actorOf(c), id)
}

// markAllNotificationsRead marks all the caller's notifications read.
func (s *Server) markAllNotificationsRead(c *gin.Context) (any, error) {
	return nil, s.Notifications.MarkAllRead(c.Request.Context(), actorOf(c))
}

// preferencesJSON is the delivery chosen for each kind of notification.
type preferencesJSON struct {
	Preferences map[string]string `json:"preferences"`
}

func toPreferencesJSON(prefs map[talent.NoticeKind]talent.Delivery) preferencesJSON {
	out := preferencesJSON{Preferences: make(map[string]string, len(prefs))}
	for kind, delivery := range prefs {
		out.Preferences[string(kind)] = string(delivery)
	}
	return out
}

// choices reads the request's choices (the service checks them).
func (p preferencesJSON) choices() map[talent.NoticeKind]talent.Delivery {
	out := make(map[talent.NoticeKind]talent.Delivery, len(p.Preferences))
	for kind, delivery := range p.Preferences {
		out[talent.NoticeKind(kind)] = talent.Delivery(delivery)
	}
	return out
}

// myNotificationPreferences answers how the caller hears of each kind.
func (s *Server) myNotificationPreferences(c *gin.Context) (any, error) {
	prefs, err := s.Notifications.Preferences(c.Request.Context(), actorOf(c))
	if err != nil {
		return nil, err
	}
	return toPreferencesJSON(prefs), nil
}

// setNotificationPreferences saves the caller's choices for some kinds.
func (s *Server) setNotificationPreferences(c *gin.Context, req preferencesJSON) (any, error) {
	if req.Preferences == nil {
		var v talent.Validator
		v.Add("preferences", "required")
		return nil, v.Err()
	}
	prefs, err := s.Notifications.SetPreferences(c.Request.Context(), actorOf(c), req.choices())
	if err != nil {
		return nil, err
	}
	return toPreferencesJSON(prefs), nil
}

// maxUnsubscribeToken bounds the token of an unsubscribe link.
const maxUnsubscribeToken = 200

// unsubscribe turns one kind of e-mail off for the person a signed link
// names (RFC 8058 one-click: the form body mail programs send is not read).
func (s *Server) unsubscribe(c *gin.Context) (any, error) {
	token := c.Query("token")
	var v talent.Validator
	v.Text("token", token, 1, maxUnsubscribeToken)
	if err := v.Err(); err != nil {
		return nil, err
	}
	kind, err := s.Notifications.Unsubscribe(c.Request.Context(), token)
	if err != nil {
		return nil, err
	}
	return gin.H{"kind": kind}, nil
}
