package mail_test

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-smtp"

	"github.com/setubashi/setubashi/backend/mail"
	"github.com/setubashi/setubashi/backend/mail/mailtest"
)

const (
	sesame    = "open-sesame-Ω42" // the SMTP password in these tests
	japanese  = "応募のステータスが更新されました"
	hindi     = "आपके आवेदन की स्थिति बदली"
	htmlBody  = "<!DOCTYPE html><html><body><p>Hello <b>world</b></p></body></html>"
	unsubLink = "https://setubashi.test/unsubscribe?token=abc123"
)

// message is a valid English message with the given id.
func message(id string) mail.Message {
	return mail.Message{To: "candidate@example.org", Subject: "Your application moved", Text: "Hello\n",
		HTML: htmlBody, Language: "en", MessageID: id, ListUnsubscribe: unsubLink}
}

// newSMTP builds a sender for the test server or fails the test.
func newSMTP(t *testing.T, rawURL string) *mail.SMTP {
	t.Helper()
	s, err := mail.NewSMTP(rawURL)
	if err != nil {
		t.Fatalf("NewSMTP: %v", err)
	}
	return s
}

// authURL is the URL of the test server with the test credentials.
func authURL(srv *mailtest.Server) string {
	return fmt.Sprintf("smtp://mailer:%s@%s?tls=none&from=no-reply@setubashi.test&from_name=%s",
		"open-sesame-%CE%A942", srv.Addr(), "%E3%82%BB%E3%83%84%E3%83%96%E3%83%8F%E3%82%B7") // セツブハシ
}

// TestSMTPSendDelivers sends a Japanese and a Hindi message to a real SMTP
// server with AUTH PLAIN and reads back every header and both parts.
func TestSMTPSendDelivers(t *testing.T) {
	for _, tc := range []struct{ lang, subject, toName, text string }{
		{"ja", japanese, "山田 花子", "山田様\n応募のステータスが「面接」になりました。\n"},
		{"hi", hindi, "प्रिया शर्मा", "प्रिया जी,\nआपके आवेदन की स्थिति अब \"साक्षात्कार\" है।\n"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			srv := mailtest.Start(t, mailtest.Options{User: "mailer", Password: sesame})
			sender := newSMTP(t, authURL(srv))
			before := time.Now().Add(-time.Second)
			m := mail.Message{To: "candidate@example.org", ToName: tc.toName, Subject: tc.subject, Text: tc.text,
				HTML: htmlBody, Language: tc.lang, MessageID: "notification-42@setubashi", ListUnsubscribe: unsubLink}
			if err := sender.Send(context.Background(), m); err != nil {
				t.Fatalf("Send: %v", err)
			}
			got := srv.Received()
			if len(got) != 1 {
				t.Fatalf("server received %d messages, want 1", len(got))
			}
			env := got[0]
			if env.User != "mailer" || env.From != "no-reply@setubashi.test" || len(env.To) != 1 || env.To[0] != "candidate@example.org" {
				t.Fatalf("envelope: user %q, MAIL FROM %q, RCPT TO %q", env.User, env.From, env.To)
			}
			msg := mailtest.Parse(t, env.Data)
			h := msg.Header
			if want := "セツブハシ <no-reply@setubashi.test>"; msg.From != want {
				t.Errorf("From: %q decodes to %q, want %q", h.Get("From"), msg.From, want)
			}
			if want := tc.toName + " <candidate@example.org>"; msg.To != want {
				t.Errorf("To: %q decodes to %q, want %q", h.Get("To"), msg.To, want)
			}
			if msg.Subject != tc.subject {
				t.Errorf("Subject decodes to %q, want %q; raw %q", msg.Subject, tc.subject, h.Get("Subject"))
			}
			if raw := h.Get("Subject"); raw == tc.subject || strings.ContainsFunc(raw, func(r rune) bool { return r >= utf8.RuneSelf }) {
				t.Errorf("Subject is not RFC 2047-encoded: %q", raw)
			}
			if date, err := h.Date(); err != nil || date.Before(before) || date.After(time.Now().Add(time.Second)) {
				t.Errorf("Date %q (%v)", h.Get("Date"), err)
			}
			for name, want := range map[string]string{
				"Message-ID":            "<notification-42@setubashi>",
				"Content-Language":      tc.lang,
				"List-Unsubscribe":      "<" + unsubLink + ">",
				"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
				"MIME-Version":          "1.0",
			} {
				if got := h.Get(name); got != want {
					t.Errorf("%s: %q, want %q", name, got, want)
				}
			}
			if h.Get("User-Agent") != "" || h.Get("X-Mailer") != "" {
				t.Errorf("names the mailer software: %q %q", h.Get("User-Agent"), h.Get("X-Mailer"))
			}
			if mediaType, _, err := mime.ParseMediaType(h.Get("Content-Type")); err != nil || mediaType != "multipart/alternative" {
				t.Errorf("Content-Type %q (%v)", h.Get("Content-Type"), err)
			}
			parts := msg.Parts
			if len(parts) != 2 || parts[0].ContentType != "text/plain" || parts[1].ContentType != "text/html" {
				t.Fatalf("parts: %+v", parts)
			}
			// Text travels with CRLF line ends (RFC 5322), which Parse turns into LF.
			if msg.Text != tc.text {
				t.Errorf("text part decodes to %q, want %q", msg.Text, tc.text)
			}
			if msg.HTML != htmlBody {
				t.Errorf("HTML part decodes to %q, want %q", msg.HTML, htmlBody)
			}
			for _, p := range parts {
				if p.Charset != "utf-8" {
					t.Errorf("%s part has charset %q", p.ContentType, p.Charset)
				}
			}
		})
	}
}

// TestSMTPSendTextOnlyWithoutAuth sends without credentials, HTML, name,
// unsubscribe link or message id: a single text part and the defaults.
func TestSMTPSendTextOnlyWithoutAuth(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{})
	sender := newSMTP(t, "smtp://"+srv.Addr()+"?tls=none")
	m := mail.Message{To: "someone@example.org", Subject: "Your application moved", Text: "Hello\n"}
	if err := sender.Send(context.Background(), m); err != nil {
		t.Fatalf("Send: %v", err)
	}
	got := srv.Received()
	if len(got) != 1 || got[0].From != "no-reply@127.0.0.1" {
		t.Fatalf("received %+v", got)
	}
	msg := mailtest.Parse(t, got[0].Data)
	if msg.From != "no-reply@127.0.0.1" || msg.To != "someone@example.org" {
		t.Errorf("From %q, To %q decode to %q, %q", msg.Header.Get("From"), msg.Header.Get("To"), msg.From, msg.To)
	}
	for _, name := range []string{"List-Unsubscribe", "List-Unsubscribe-Post", "Content-Language"} {
		if v := msg.Header.Get(name); v != "" {
			t.Errorf("%s: %q, want none", name, v)
		}
	}
	if id := msg.Header.Get("Message-ID"); !strings.HasPrefix(id, "<") || !strings.Contains(id, "@") {
		t.Errorf("generated Message-ID %q", id)
	}
	if len(msg.Parts) != 1 || msg.Parts[0].ContentType != "text/plain" || msg.Text != "Hello\n" || msg.HTML != "" {
		t.Errorf("Content-Type %q, parts %+v", msg.Header.Get("Content-Type"), msg.Parts)
	}
}

// TestSMTPSendFails checks that every refusal comes back as an error that
// names what failed and not the password, and that nothing was accepted.
func TestSMTPSendFails(t *testing.T) {
	tempFail := &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	noMailbox := &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such mailbox"}
	for _, tc := range []struct {
		name   string
		opt    mailtest.Options
		rawURL func(*mailtest.Server) string
		want   string
	}{
		{"RCPT refused", mailtest.Options{User: "mailer", Password: sesame, RefuseRcpt: noMailbox}, authURL, "no such mailbox"},
		{"DATA refused", mailtest.Options{User: "mailer", Password: sesame, RefuseData: tempFail}, authURL, "try again later"},
		{"wrong password", mailtest.Options{User: "mailer", Password: "another"}, authURL, "Authentication failed"},
		{"no AUTH offered", mailtest.Options{}, authURL, "AUTH"},
		{"STARTTLS not offered", mailtest.Options{}, func(s *mailtest.Server) string { return "smtp://" + s.Addr() }, "STARTTLS"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := mailtest.Start(t, tc.opt)
			err := newSMTP(t, tc.rawURL(srv)).Send(context.Background(), message("notification-7@setubashi"))
			if err == nil {
				t.Fatal("Send succeeded")
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.want) || !strings.Contains(msg, srv.Addr()) || !strings.Contains(msg, "notification-7@setubashi") {
				t.Errorf("error %q should name %q, the server and the message", msg, tc.want)
			}
			if strings.Contains(msg, sesame) || strings.Contains(fmt.Sprintf("%+v", err), sesame) {
				t.Errorf("error contains the password: %q", msg)
			}
			if got := srv.Received(); len(got) != 0 {
				t.Errorf("server accepted %d messages", len(got))
			}
		})
	}
}

// TestSMTPSendVerifiesCertificates talks TLS (STARTTLS, or from the first
// byte for smtps) and refuses a server whose certificate nobody vouches for.
func TestSMTPSendVerifiesCertificates(t *testing.T) {
	for mode, scheme := range map[string]string{"starttls": "smtp", "implicit": "smtps"} {
		t.Run(mode, func(t *testing.T) {
			srv := mailtest.Start(t, mailtest.Options{TLS: mode})
			err := newSMTP(t, scheme+"://"+srv.Addr()).Send(context.Background(), message("notification-13@setubashi"))
			if err == nil || !strings.Contains(err.Error(), "certificate") {
				t.Fatalf("Send: %v, want a certificate error", err)
			}
			if got := srv.Received(); len(got) != 0 {
				t.Errorf("server accepted %d messages", len(got))
			}
		})
	}
}

// TestSMTPSendClosedPort fails on a port nobody listens on.
func TestSMTPSendClosedPort(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	err = newSMTP(t, "smtp://"+addr+"?tls=none").Send(context.Background(), message("notification-8@setubashi"))
	if err == nil || !strings.Contains(err.Error(), addr) || !strings.Contains(err.Error(), "dial") {
		t.Fatalf("Send to a closed port: %v", err)
	}
}

// TestSMTPSendContext stops sending when the context ends: before dialling,
// and in the middle of a transaction with a server that stalls.
func TestSMTPSendContext(t *testing.T) {
	t.Run("already cancelled", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{})
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := newSMTP(t, "smtp://"+srv.Addr()+"?tls=none").Send(ctx, message("notification-9@setubashi"))
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Send: %v, want context.Canceled", err)
		}
		if n := srv.Connections(); n != 0 {
			t.Errorf("%d connections opened", n)
		}
	})
	t.Run("cancelled while the server stalls", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{Stall: make(chan struct{})})
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(200*time.Millisecond, cancel)
		start := time.Now()
		err := newSMTP(t, "smtp://"+srv.Addr()+"?tls=none").Send(ctx, message("notification-10@setubashi"))
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Send: %v, want context.Canceled", err)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("Send returned %v after the cancellation", took)
		}
	})
	t.Run("deadline", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{Stall: make(chan struct{})})
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		err := newSMTP(t, "smtp://"+srv.Addr()+"?tls=none").Send(ctx, message("notification-11@setubashi"))
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Send: %v, want context.DeadlineExceeded", err)
		}
	})
}

// TestSMTPSendRefusesBadMessage does not connect for a malformed message.
func TestSMTPSendRefusesBadMessage(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{})
	m := message("notification-12@setubashi")
	m.To = "Someone <someone@example.org>"
	err := newSMTP(t, "smtp://"+srv.Addr()+"?tls=none").Send(context.Background(), m)
	if err == nil || !strings.Contains(err.Error(), "To") {
		t.Fatalf("Send: %v", err)
	}
	if n := srv.Connections(); n != 0 {
		t.Errorf("%d connections opened", n)
	}
}

// TestSMTPString describes the server for logs without the password.
func TestSMTPString(t *testing.T) {
	s := newSMTP(t, "smtp://mailer:open-sesame-%CE%A942@localhost:2525?tls=none")
	for _, got := range []string{s.String(), fmt.Sprint(s), fmt.Sprintf("%+v", s)} {
		if got != "smtp://mailer@localhost:2525?tls=none" {
			t.Errorf("String: %q", got)
		}
	}
}
