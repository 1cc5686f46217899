// Package mail delivers notification e-mails: over SMTP in production
// (NewSMTP) and, in development mode, into an in-memory Catcher that a page
// shows instead of sending anything.
package mail

import (
	"context"
	"errors"
	netmail "net/mail"
	"net/url"
	"strings"

	"golang.org/x/text/language"
)

// Message is one e-mail ready to send.
type Message struct {
	To              string // recipient address
	ToName          string // recipient display name (may be empty; may be Japanese/Hindi)
	Subject         string // UTF-8, may be Japanese or Hindi
	Text            string // plain-text part
	HTML            string // HTML part (complete document)
	Language        string // BCP 47 tag for Content-Language: "en", "ja" or "hi"
	MessageID       string // stable id such as "notification-42@setubashi" (without angle brackets); a resend of the same notification carries the same id
	ListUnsubscribe string // https URL for one-click unsubscribe (RFC 8058); when set, send List-Unsubscribe: <url> and List-Unsubscribe-Post: List-Unsubscribe=One-Click
}

// Sender delivers messages.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// check refuses a message that cannot become a well-formed e-mail, naming
// the field. Senders call it before doing anything, so a development
// Catcher refuses exactly what SMTP would.
func (m Message) check() error {
	var errs []string
	bad := func(field, why string) { errs = append(errs, field+" "+why) }
	if a, err := netmail.ParseAddress(m.To); err != nil || a.Name != "" || a.Address != m.To {
		bad("To", "is not a bare e-mail address")
	}
	if hasControl(m.ToName) {
		bad("ToName", "contains control characters")
	}
	if strings.TrimSpace(m.Subject) == "" {
		bad("Subject", "is empty")
	} else if hasControl(m.Subject) {
		bad("Subject", "contains control characters")
	}
	if m.Text == "" {
		bad("Text", "is empty")
	}
	if m.Language != "" {
		if _, err := language.Parse(m.Language); err != nil || !isToken(m.Language, "-") {
			bad("Language", "is not a BCP 47 tag")
		}
	}
	if m.MessageID != "" && !isMessageID(m.MessageID) {
		bad("MessageID", `is not of the form left@right (without angle brackets)`)
	}
	if m.ListUnsubscribe != "" {
		u, err := url.Parse(m.ListUnsubscribe)
		if err != nil || u.Scheme != "https" || u.Host == "" || !isToken(m.ListUnsubscribe, "-._~:/?#[]@!$&'()*+,;=%") {
			bad("ListUnsubscribe", "is not an https URL")
		}
	}
	if len(errs) > 0 {
		return errors.New("mail: message refused: " + strings.Join(errs, "; "))
	}
	return nil
}

// hasControl reports whether s holds a control character, which has no
// place in a header (a line break would start another one).
func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f })
}

// isToken reports whether s is made only of ASCII letters, digits and the
// given punctuation.
func isToken(s, punct string) bool {
	allowed := func(r rune) bool {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || strings.ContainsRune(punct, r)
	}
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return !allowed(r) })
}

// isMessageID reports whether id is a dot-atom "left@right" as RFC 5322
// allows inside the angle brackets of a Message-ID.
func isMessageID(id string) bool {
	left, right, ok := strings.Cut(id, "@")
	const atext = "!#$%&'*+-/=?^_`{|}~."
	return ok && isToken(left, atext) && isToken(right, atext)
}
