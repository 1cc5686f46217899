package mail_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	netmail "net/mail"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/setubashi/setubashi/backend/mail"
)

const (
	sesame    = "open-sesame-Ω42" // the SMTP password in these tests
	japanese  = "応募のステータスが更新されました"
	hindi     = "आपके आवेदन की स्थिति बदली"
	htmlBody  = "<!DOCTYPE html><html><body><p>Hello <b>world</b></p></body></html>"
	unsubLink = "https://setubashi.test/unsubscribe?token=abc123"
)

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
func authURL(srv *smtpServer) string {
	return fmt.Sprintf("smtp://mailer:%s@%s?tls=none&from=no-reply@setubashi.test&from_name=%s",
		"open-sesame-%CE%A942", srv.addr(), "%E3%82%BB%E3%83%84%E3%83%96%E3%83%8F%E3%82%B7") // セツブハシ
}

// TestSMTPSendDelivers sends a Japanese and a Hindi message to a real SMTP
// server with AUTH PLAIN and reads back every header and both parts.
func TestSMTPSendDelivers(t *testing.T) {
	for _, tc := range []struct{ lang, subject, toName, text string }{
		{"ja", japanese, "山田 花子", "山田様\n応募のステータスが「面接」になりました。\n"},
		{"hi", hindi, "प्रिया शर्मा", "प्रिया जी,\nआपके आवेदन की स्थिति अब \"साक्षात्कार\" है।\n"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			srv := startSMTPServer(t, func(s *smtpServer) { s.user, s.key = "mailer", sesame })
			sender := newSMTP(t, authURL(srv))
			before := time.Now().Add(-time.Second)
			m := mail.Message{To: "candidate@example.org", ToName: tc.toName, Subject: tc.subject, Text: tc.text,
				HTML: htmlBody, Language: tc.lang, MessageID: "notification-42@setubashi", ListUnsubscribe: unsubLink}
			if err := sender.Send(context.Background(), m); err != nil {
				t.Fatalf("Send: %v", err)
			}
			got := srv.received()
			if len(got) != 1 {
				t.Fatalf("server received %d messages, want 1", len(got))
			}
			env := got[0]
			if env.user != "mailer" || env.from != "no-reply@setubashi.test" || len(env.to) != 1 || env.to[0] != "candidate@example.org" {
				t.Fatalf("envelope: user %q, MAIL FROM %q, RCPT TO %q", env.user, env.from, env.to)
			}
			msg, err := netmail.ReadMessage(bytes.NewReader(env.data))
			if err != nil {
				t.Fatalf("received message does not parse: %v\n%s", err, env.data)
			}
			h := msg.Header
			checkAddress(t, h, "From", "セツブハシ", "no-reply@setubashi.test")
			checkAddress(t, h, "To", tc.toName, "candidate@example.org")
			var dec mime.WordDecoder
			if subject, err := dec.DecodeHeader(h.Get("Subject")); err != nil || subject != tc.subject {
				t.Errorf("Subject decodes to %q (%v), want %q; raw %q", subject, err, tc.subject, h.Get("Subject"))
			}
			if raw := h.Get("Subject"); raw == tc.subject || !isASCII(raw) {
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
			parts := readAlternative(t, h.Get("Content-Type"), msg.Body)
			if len(parts) != 2 || parts[0].contentType != "text/plain" || parts[1].contentType != "text/html" {
				t.Fatalf("parts: %+v", parts)
			}
			// Text travels with CRLF line ends (RFC 5322); the reader's client shows them as line breaks.
			if got := strings.ReplaceAll(parts[0].body, "\r\n", "\n"); got != tc.text {
				t.Errorf("text part decodes to %q, want %q", got, tc.text)
			}
			if parts[1].body != htmlBody {
				t.Errorf("HTML part decodes to %q, want %q", parts[1].body, htmlBody)
			}
			for _, p := range parts {
				if p.charset != "utf-8" {
					t.Errorf("%s part has charset %q", p.contentType, p.charset)
				}
			}
		})
	}
}

// TestSMTPSendTextOnlyWithoutAuth sends without credentials, HTML, name,
// unsubscribe link or message id: a single text part and the defaults.
func TestSMTPSendTextOnlyWithoutAuth(t *testing.T) {
	srv := startSMTPServer(t, nil)
	sender := newSMTP(t, "smtp://"+srv.addr()+"?tls=none")
	m := mail.Message{To: "someone@example.org", Subject: "Your application moved", Text: "Hello\n"}
	if err := sender.Send(context.Background(), m); err != nil {
		t.Fatalf("Send: %v", err)
	}
	got := srv.received()
	if len(got) != 1 || got[0].from != "no-reply@127.0.0.1" {
		t.Fatalf("received %+v", got)
	}
	msg, err := netmail.ReadMessage(bytes.NewReader(got[0].data))
	if err != nil {
		t.Fatal(err)
	}
	checkAddress(t, msg.Header, "From", "", "no-reply@127.0.0.1")
	checkAddress(t, msg.Header, "To", "", "someone@example.org")
	for _, name := range []string{"List-Unsubscribe", "List-Unsubscribe-Post", "Content-Language"} {
		if v := msg.Header.Get(name); v != "" {
			t.Errorf("%s: %q, want none", name, v)
		}
	}
	if id := msg.Header.Get("Message-ID"); !strings.HasPrefix(id, "<") || !strings.Contains(id, "@") {
		t.Errorf("generated Message-ID %q", id)
	}
	mediaType, _, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mediaType != "text/plain" {
		t.Errorf("Content-Type %q", msg.Header.Get("Content-Type"))
	}
}

// TestSMTPSendFails checks that every refusal comes back as an error that
// names what failed and not the password, and that nothing was accepted.
func TestSMTPSendFails(t *testing.T) {
	tempFail := &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	noMailbox := &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such mailbox"}
	for _, tc := range []struct {
		name   string
		setup  func(*smtpServer)
		rawURL func(*smtpServer) string
		want   string
	}{
		{"RCPT refused", func(s *smtpServer) { s.user, s.key, s.refuseRcpt = "mailer", sesame, noMailbox }, authURL, "no such mailbox"},
		{"DATA refused", func(s *smtpServer) { s.user, s.key, s.refuseData = "mailer", sesame, tempFail }, authURL, "try again later"},
		{"wrong password", func(s *smtpServer) { s.user, s.key = "mailer", "another" }, authURL, "Authentication failed"},
		{"no AUTH offered", nil, authURL, "AUTH"},
		{"STARTTLS not offered", nil, func(s *smtpServer) string { return "smtp://" + s.addr() }, "STARTTLS"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startSMTPServer(t, tc.setup)
			err := newSMTP(t, tc.rawURL(srv)).Send(context.Background(), message("notification-7@setubashi"))
			if err == nil {
				t.Fatal("Send succeeded")
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.want) || !strings.Contains(msg, srv.addr()) || !strings.Contains(msg, "notification-7@setubashi") {
				t.Errorf("error %q should name %q, the server and the message", msg, tc.want)
			}
			if strings.Contains(msg, sesame) || strings.Contains(fmt.Sprintf("%+v", err), sesame) {
				t.Errorf("error contains the password: %q", msg)
			}
			if got := srv.received(); len(got) != 0 {
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
			srv := startSMTPServer(t, func(s *smtpServer) { s.tls = mode })
			err := newSMTP(t, scheme+"://"+srv.addr()).Send(context.Background(), message("notification-13@setubashi"))
			if err == nil || !strings.Contains(err.Error(), "certificate") {
				t.Fatalf("Send: %v, want a certificate error", err)
			}
			if got := srv.received(); len(got) != 0 {
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
		srv := startSMTPServer(t, nil)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := newSMTP(t, "smtp://"+srv.addr()+"?tls=none").Send(ctx, message("notification-9@setubashi"))
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Send: %v, want context.Canceled", err)
		}
		if n := srv.connections(); n != 0 {
			t.Errorf("%d connections opened", n)
		}
	})
	t.Run("cancelled while the server stalls", func(t *testing.T) {
		srv := startSMTPServer(t, func(s *smtpServer) { s.stall = make(chan struct{}) })
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(200*time.Millisecond, cancel)
		start := time.Now()
		err := newSMTP(t, "smtp://"+srv.addr()+"?tls=none").Send(ctx, message("notification-10@setubashi"))
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Send: %v, want context.Canceled", err)
		}
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("Send returned %v after the cancellation", took)
		}
	})
	t.Run("deadline", func(t *testing.T) {
		srv := startSMTPServer(t, func(s *smtpServer) { s.stall = make(chan struct{}) })
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		err := newSMTP(t, "smtp://"+srv.addr()+"?tls=none").Send(ctx, message("notification-11@setubashi"))
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("Send: %v, want context.DeadlineExceeded", err)
		}
	})
}

// TestSMTPSendRefusesBadMessage does not connect for a malformed message.
func TestSMTPSendRefusesBadMessage(t *testing.T) {
	srv := startSMTPServer(t, nil)
	m := message("notification-12@setubashi")
	m.To = "Someone <someone@example.org>"
	err := newSMTP(t, "smtp://"+srv.addr()+"?tls=none").Send(context.Background(), m)
	if err == nil || !strings.Contains(err.Error(), "To") {
		t.Fatalf("Send: %v", err)
	}
	if n := srv.connections(); n != 0 {
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
