package mailtest_test

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/setubashi/setubashi/backend/mail"
	"github.com/setubashi/setubashi/backend/mail/mailtest"
)

// send delivers raw data through the server in clear, authenticating when
// user is set.
func send(srv *mailtest.Server, user, password, from string, to []string, data string) error {
	c, err := smtp.Dial(srv.Addr())
	if err != nil {
		return err
	}
	defer c.Close()
	if user != "" {
		if err := c.Auth(sasl.NewPlainClient("", user, password)); err != nil {
			return err
		}
	}
	if err := c.SendMail(from, to, strings.NewReader(data)); err != nil {
		return err
	}
	return c.Quit()
}

// raw is a minimal message with the given subject.
func raw(subject string) string {
	return "From: a@example.org\r\nTo: b@example.org\r\nSubject: " + subject + "\r\n\r\nHello\r\n"
}

// code is the SMTP reply code of err, or 0.
func code(err error) int {
	var serr *smtp.SMTPError
	if errors.As(err, &serr) {
		return serr.Code
	}
	return 0
}

// TestURLWorksWithMail sends through backend/mail with URL and reads the
// message back with WaitFor and Parse.
func TestURLWorksWithMail(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{User: "mailer", Password: "open-sesame-Ω42"})
	want := fmt.Sprintf("smtp://mailer:open-sesame-%%CE%%A942@127.0.0.1:%d?tls=none&from=no-reply@setubashi.test", srv.Port())
	if u := srv.URL(); u != want {
		t.Errorf("URL %q, want %q", u, want)
	}
	if srv.Addr() != fmt.Sprintf("127.0.0.1:%d", srv.Port()) {
		t.Errorf("Addr %q, Port %d", srv.Addr(), srv.Port())
	}
	sender, err := mail.NewSMTP(srv.URL())
	if err != nil {
		t.Fatalf("NewSMTP(%q): %v", srv.URL(), err)
	}
	m := mail.Message{To: "yamada@example.org", ToName: "山田 花子", Subject: "応募のステータス", Text: "こんにちは\n二行目\n",
		HTML: "<p>こんにちは</p>", MessageID: "n-1@setubashi"}
	if err := sender.Send(context.Background(), m); err != nil {
		t.Fatalf("Send: %v", err)
	}
	got := srv.WaitFor(t, 1, 5*time.Second)
	if got[0].User != "mailer" || got[0].From != mailtest.From || len(got[0].To) != 1 || got[0].To[0] != "yamada@example.org" {
		t.Errorf("envelope %+v", got[0])
	}
	msg := mailtest.Parse(t, got[0].Data)
	if msg.Subject != m.Subject || msg.From != mailtest.From || msg.To != "山田 花子 <yamada@example.org>" ||
		msg.Text != m.Text || msg.HTML != m.HTML || msg.Header.Get("Message-Id") != "<n-1@setubashi>" {
		t.Errorf("parsed %+v", msg)
	}
	if n := srv.Connections(); n != 1 {
		t.Errorf("%d connections", n)
	}
}

// TestURLPercentEncodesCredentials puts reserved characters of the
// credentials in the URL so that they parse back.
func TestURLPercentEncodesCredentials(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{User: "mail er", Password: "p@ss:wörd/?#"})
	u, err := url.Parse(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	password, _ := u.User.Password()
	if u.Scheme != "smtp" || u.User.Username() != "mail er" || password != "p@ss:wörd/?#" || u.Host != srv.Addr() ||
		u.Query().Get("tls") != "none" || u.Query().Get("from") != mailtest.From {
		t.Errorf("URL %q", srv.URL())
	}
	if err := send(srv, "mail er", "p@ss:wörd/?#", "a@example.org", []string{"b@example.org"}, raw("hi")); err != nil {
		t.Fatalf("send: %v", err)
	}
}

// TestURLTLSModes gives a URL that backend/mail accepts in every TLS mode.
func TestURLTLSModes(t *testing.T) {
	for mode, want := range map[string]string{
		mailtest.TLSNone:     "smtp://127.0.0.1:%d?tls=none&from=no-reply@setubashi.test",
		mailtest.TLSStartTLS: "smtp://127.0.0.1:%d?tls=starttls&from=no-reply@setubashi.test",
		mailtest.TLSImplicit: "smtps://127.0.0.1:%d?from=no-reply@setubashi.test",
	} {
		srv := mailtest.Start(t, mailtest.Options{TLS: mode})
		if got := srv.URL(); got != fmt.Sprintf(want, srv.Port()) {
			t.Errorf("%q: URL %q", mode, got)
		}
		if _, err := mail.NewSMTP(srv.URL()); err != nil {
			t.Errorf("%q: NewSMTP: %v", mode, err)
		}
	}
}

// TestTLSModesSpeakTLS accepts mail over STARTTLS and implicit TLS from a
// client that does not verify the certificate.
func TestTLSModesSpeakTLS(t *testing.T) {
	insecure := &tls.Config{InsecureSkipVerify: true} // the certificate is self-signed
	t.Run("starttls", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{TLS: mailtest.TLSStartTLS, User: "u", Password: "p"})
		c, err := smtp.DialStartTLS(srv.Addr(), insecure)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, ok := c.TLSConnectionState(); !ok {
			t.Error("no TLS after STARTTLS")
		}
		if err := c.Auth(sasl.NewPlainClient("", "u", "p")); err != nil {
			t.Fatal(err)
		}
		if err := c.SendMail("a@example.org", []string{"b@example.org"}, strings.NewReader(raw("tls"))); err != nil {
			t.Fatal(err)
		}
		if got := srv.Received(); len(got) != 1 || got[0].User != "u" {
			t.Errorf("received %+v", got)
		}
	})
	t.Run("implicit", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{TLS: mailtest.TLSImplicit})
		c, err := smtp.DialTLS(srv.Addr(), insecure)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if err := c.SendMail("a@example.org", []string{"b@example.org"}, strings.NewReader(raw("tls"))); err != nil {
			t.Fatal(err)
		}
		if got := srv.Received(); len(got) != 1 {
			t.Errorf("received %+v", got)
		}
	})
}

// TestAuthRequired refuses mail without or with wrong credentials.
func TestAuthRequired(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{User: "u", Password: "p"})
	if err := send(srv, "", "", "a@example.org", []string{"b@example.org"}, raw("x")); code(err) != 502 {
		t.Errorf("without AUTH: %v, want 502 (go-smtp's ErrAuthRequired)", err)
	}
	if err := send(srv, "u", "wrong", "a@example.org", []string{"b@example.org"}, raw("x")); code(err) != 535 {
		t.Errorf("wrong password: %v, want 535", err)
	}
	if n := len(srv.Received()); n != 0 {
		t.Errorf("accepted %d", n)
	}
}

// TestRefusals answers RCPT TO and DATA with the configured errors.
func TestRefusals(t *testing.T) {
	rcpt := &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such mailbox"}
	data := &smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCode{5, 7, 1}, Message: "spam"}
	srv := mailtest.Start(t, mailtest.Options{RefuseRcpt: rcpt})
	if err := send(srv, "", "", "a@example.org", []string{"b@example.org"}, raw("x")); code(err) != 550 {
		t.Errorf("RefuseRcpt: %v", err)
	}
	srv = mailtest.Start(t, mailtest.Options{RefuseData: data})
	if err := send(srv, "", "", "a@example.org", []string{"b@example.org"}, raw("x")); code(err) != 554 {
		t.Errorf("RefuseData: %v", err)
	}
	if n := len(srv.Received()); n != 0 {
		t.Errorf("accepted %d", n)
	}
}

// TestRefuseNext refuses exactly the next n messages with 451 4.3.0, and
// Received returns a copy.
func TestRefuseNext(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{})
	srv.RefuseNext(2)
	for i := range 2 {
		err := send(srv, "", "", "a@example.org", []string{"b@example.org"}, raw(fmt.Sprint("refused ", i)))
		var serr *smtp.SMTPError
		if !errors.As(err, &serr) || serr.Code != 451 || serr.EnhancedCode != (smtp.EnhancedCode{4, 3, 0}) {
			t.Errorf("message %d: %v, want 451 4.3.0", i, err)
		}
	}
	if err := send(srv, "", "", "a@example.org", []string{"b@example.org", "c@example.org"}, raw("accepted")); err != nil {
		t.Fatalf("third message: %v", err)
	}
	got := srv.Received()
	if len(got) != 1 || mailtest.Parse(t, got[0].Data).Subject != "accepted" || len(got[0].To) != 2 {
		t.Errorf("received %+v", got)
	}
	got[0].To[0] = "changed"
	got[0].Data[0] = 'X'
	if again := srv.Received(); again[0].To[0] == "changed" || again[0].Data[0] == 'X' {
		t.Error("Received shares memory with the server")
	}
	srv.RefuseNext(1)
	srv.RefuseNext(0) // cancels
	if err := send(srv, "", "", "a@example.org", []string{"b@example.org"}, raw("after cancel")); err != nil {
		t.Errorf("after RefuseNext(0): %v", err)
	}
}

// TestWaitForConcurrentSenders waits for messages sent concurrently, some
// of them retried after RefuseNext.
func TestWaitForConcurrentSenders(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{})
	srv.RefuseNext(3)
	const n = 8
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			time.Sleep(time.Duration(i) * 10 * time.Millisecond)
			// Retry temporary failures, as a queue would.
			for {
				err := send(srv, "", "", "a@example.org", []string{"b@example.org"}, raw(fmt.Sprint("m", i)))
				if code(err) != 451 {
					if err != nil {
						t.Errorf("send %d: %v", i, err)
					}
					return
				}
			}
		})
	}
	got := srv.WaitFor(t, n, 10*time.Second)
	wg.Wait()
	if len(got) != n {
		t.Errorf("WaitFor returned %d", len(got))
	}
	if c := srv.Connections(); c != n+3 {
		t.Errorf("%d connections, want %d", c, n+3)
	}
}

// fakeTB records Fatalf instead of stopping the goroutine.
type fakeTB struct {
	testing.TB
	failed string
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Fatalf(format string, args ...any) { f.failed = fmt.Sprintf(format, args...) }

// TestWaitForTimeout fails after the timeout, listing what arrived.
func TestWaitForTimeout(t *testing.T) {
	srv := mailtest.Start(t, mailtest.Options{})
	if err := send(srv, "", "", "a@example.org", []string{"b@example.org"}, raw("=?utf-8?b?5b+c5Yuf?=")); err != nil {
		t.Fatal(err)
	}
	ft := &fakeTB{TB: t}
	start := time.Now()
	got := srv.WaitFor(ft, 2, 100*time.Millisecond)
	if len(got) != 1 || time.Since(start) < 100*time.Millisecond {
		t.Errorf("WaitFor returned %d after %v", len(got), time.Since(start))
	}
	for _, want := range []string{"1 of 2", "b@example.org", `"応募"`} {
		if !strings.Contains(ft.failed, want) {
			t.Errorf("failure %q does not name %q", ft.failed, want)
		}
	}
}

// TestStallUntilClosed holds RCPT TO until Stall is closed.
func TestStallUntilClosed(t *testing.T) {
	stall := make(chan struct{})
	srv := mailtest.Start(t, mailtest.Options{Stall: stall})
	done := make(chan error, 1)
	go func() { done <- send(srv, "", "", "a@example.org", []string{"b@example.org"}, raw("x")) }()
	select {
	case err := <-done:
		t.Fatalf("sent while stalled: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	close(stall)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	srv.WaitFor(t, 1, 5*time.Second)
}

// TestStallReleasedAtCleanup does not leave a stalled session behind.
func TestStallReleasedAtCleanup(t *testing.T) {
	// The stalled session is released when the subtest ends, although
	// nobody closes the channel.
	done := make(chan error, 1)
	t.Run("stalled", func(t *testing.T) {
		srv := mailtest.Start(t, mailtest.Options{Stall: make(chan struct{})})
		go func() { done <- send(srv, "", "", "a@example.org", []string{"b@example.org"}, raw("x")) }()
		time.Sleep(50 * time.Millisecond)
	})
	select {
	case err := <-done:
		if err == nil {
			t.Error("send succeeded after the server stopped")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("stalled session not released")
	}
}

// TestParseDecodes decodes encoded words, address lists, nested multiparts,
// base64, quoted-printable and charsets, and skips attachments.
func TestParseDecodes(t *testing.T) {
	data := "From: =?utf-8?q?Setubashi_=E3=82=BB?= <no-reply@setubashi.test>\r\n" +
		"To: a@example.org, \"B, C\" <b@example.org>\r\n" +
		"Subject: =?utf-8?b?5b+c5Yuf?= =?iso-2022-jp?b?GyRCJCIbKEI=?=\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=outer\r\n\r\n" +
		"--outer\r\n" +
		"Content-Type: multipart/alternative; boundary=inner\r\n\r\n" +
		"--inner\r\n" +
		"Content-Type: text/plain; charset=UTF-8\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\n" +
		"5b+c5YufCmxpbmUgMgo=\r\n" +
		"--inner\r\n" +
		"Content-Type: text/html; charset=iso-8859-1\r\n" +
		"Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"<p>caf=E9 =\r\nau lait</p>\r\n" +
		"--inner--\r\n" +
		"--outer\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n" +
		"Content-Disposition: attachment; filename=a.txt\r\n\r\n" +
		"attached\r\n" +
		"--outer--\r\n"
	m := mailtest.Parse(t, []byte(data))
	if m.Subject != "応募あ" {
		t.Errorf("Subject %q", m.Subject)
	}
	if m.From != "Setubashi セ <no-reply@setubashi.test>" || m.To != "a@example.org, B, C <b@example.org>" {
		t.Errorf("From %q To %q", m.From, m.To)
	}
	if m.Text != "応募\nline 2\n" || m.HTML != "<p>café au lait</p>" {
		t.Errorf("Text %q HTML %q", m.Text, m.HTML)
	}
	if len(m.Parts) != 3 || m.Parts[1].Charset != "iso-8859-1" || m.Parts[2].Disposition != "attachment" || m.Parts[2].Body != "attached" {
		t.Errorf("Parts %+v", m.Parts)
	}
}

// TestParseFailsOnGarbage fails the test on what it cannot parse.
func TestParseFailsOnGarbage(t *testing.T) {
	for name, data := range map[string]string{
		"bad subject":        "Subject: =?x-unknown?q?a?=\r\n\r\nx",
		"bad From":           "From: <<nope\r\n\r\nx",
		"bad content type":   "Content-Type: text/\r\n\r\nx",
		"no boundary":        "Content-Type: multipart/alternative\r\n\r\nx",
		"unterminated":       "Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nx",
		"bad base64":         "Content-Transfer-Encoding: base64\r\n\r\n!!!",
		"unknown encoding":   "Content-Transfer-Encoding: x-uuencode\r\n\r\nx",
		"unknown charset":    "Content-Type: text/plain; charset=x-klingon\r\n\r\nx",
		"empty multipart":    "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b--\r\n",
		"bad disposition":    "Content-Disposition: ;;\r\n\r\nx",
		"bad To":             "To: a@\r\n\r\nx",
		"nested too deeply":  strings.Repeat("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n", 12),
		"bad part header":    "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nno colon\r\n\r\nx\r\n--b--\r\n",
		"bad inner encoding": "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Transfer-Encoding: base64\r\n\r\n!!\r\n--b--\r\n",
	} {
		ft := &fakeTB{TB: t}
		mailtest.Parse(ft, []byte(data))
		if !strings.Contains(ft.failed, "does not parse") {
			t.Errorf("%s: Parse did not fail (%q)", name, ft.failed)
		}
	}
}

// TestStartRefusesUnknownTLS fails the test on an unknown TLS mode.
func TestStartRefusesUnknownTLS(t *testing.T) {
	ft := &fakeTB{TB: t}
	if srv := mailtest.Start(ft, mailtest.Options{TLS: "ssl"}); srv != nil {
		t.Error("Start returned a server")
	}
	if !strings.Contains(ft.failed, `"ssl"`) {
		t.Errorf("failure %q", ft.failed)
	}
}
