package mail

import (
	"fmt"
	netmail "net/mail"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// compose turns a checked message into a go-mail message from the given
// sender: multipart/alternative with a text/plain and a text/html part
// (UTF-8, quoted-printable; only the text part when HTML is empty) and
// RFC 2047-encoded display names and subject.
func compose(m Message, from netmail.Address, now time.Time) (*gomail.Msg, error) {
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	msg.FromMailAddress(&from)
	msg.ToMailAddress(&netmail.Address{Name: m.ToName, Address: m.To})
	msg.Subject(m.Subject)
	msg.SetDateWithValue(now)
	if m.MessageID != "" {
		msg.SetMessageIDWithValue(m.MessageID)
	}
	if m.Language != "" {
		msg.SetGenHeader(gomail.HeaderContentLang, m.Language)
	}
	if m.ListUnsubscribe != "" {
		if err := msg.SetListUnsubscribeOneClick(m.ListUnsubscribe); err != nil {
			return nil, fmt.Errorf("mail: List-Unsubscribe: %w", err)
		}
	}
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	return msg, nil
}
