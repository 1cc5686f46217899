package mail_test

import (
	"context"
	"strings"
	"testing"

	"github.com/setubashi/setubashi/backend/mail"
)

// TestSendRefusesMalformedMessages checks, through the Catcher (which
// refuses exactly what SMTP refuses), that a message that would make a bad
// e-mail is refused with the field named.
func TestSendRefusesMalformedMessages(t *testing.T) {
	for _, tc := range []struct {
		field  string
		change func(*mail.Message)
	}{
		{"To", func(m *mail.Message) { m.To = "" }},
		{"To", func(m *mail.Message) { m.To = "not-an-address" }},
		{"To", func(m *mail.Message) { m.To = "Candidate <candidate@example.org>" }},
		{"To", func(m *mail.Message) { m.To = "a@example.org, b@example.org" }},
		{"ToName", func(m *mail.Message) { m.ToName = "Candidate\r\nBcc: x@example.org" }},
		{"Subject", func(m *mail.Message) { m.Subject = " " }},
		{"Subject", func(m *mail.Message) { m.Subject = "Hello\r\nBcc: x@example.org" }},
		{"Text", func(m *mail.Message) { m.Text = "" }},
		{"Language", func(m *mail.Message) { m.Language = "en_US" }},
		{"Language", func(m *mail.Message) { m.Language = "english please" }},
		{"MessageID", func(m *mail.Message) { m.MessageID = "<notification-1@setubashi>" }},
		{"MessageID", func(m *mail.Message) { m.MessageID = "notification-1" }},
		{"MessageID", func(m *mail.Message) { m.MessageID = "notification 1@setubashi" }},
		{"ListUnsubscribe", func(m *mail.Message) { m.ListUnsubscribe = "http://setubashi.test/unsubscribe" }},
		{"ListUnsubscribe", func(m *mail.Message) { m.ListUnsubscribe = "mailto:unsubscribe@setubashi.test" }},
		{"ListUnsubscribe", func(m *mail.Message) { m.ListUnsubscribe = "https://setubashi.test/u?a=>, <evil>" }},
	} {
		m := message("notification-1@setubashi")
		tc.change(&m)
		c := mail.NewCatcher(5)
		err := c.Send(context.Background(), m)
		if err == nil || !strings.Contains(err.Error(), tc.field+" ") {
			t.Errorf("%+v: %v, want an error naming %s", m, err, tc.field)
		}
		if n := len(c.Messages()); n != 0 {
			t.Errorf("%+v: kept %d messages", m, n)
		}
	}
}

// TestSendAcceptsMinimalMessage needs only To, Subject and Text.
func TestSendAcceptsMinimalMessage(t *testing.T) {
	c := mail.NewCatcher(5)
	if err := c.Send(context.Background(), mail.Message{To: "a@example.org", Subject: "s", Text: "t"}); err != nil {
		t.Fatal(err)
	}
}
