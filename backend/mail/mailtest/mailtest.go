// Package mailtest runs a real SMTP server (emersion/go-smtp) on loopback for
// tests and parses what it receives.
//
// It is imported only by tests: Start and WaitFor take a testing.TB and fail
// the test themselves.
package mailtest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// The values of Options.TLS.
const (
	TLSNone     = ""         // plain SMTP, no STARTTLS offered
	TLSStartTLS = "starttls" // STARTTLS offered, with a self-signed certificate
	TLSImplicit = "implicit" // TLS from the first byte (smtps), with a self-signed certificate
)

// From is the envelope sender that URL puts in the from= parameter.
const From = "no-reply@setubashi.test"

// Options configure a Server. The zero value is a server that accepts every
// message without authentication or TLS.
type Options struct {
	User, Password string          // when set, AUTH PLAIN is offered (in clear, loopback) and required
	TLS            string          // "", "starttls" (self-signed), "implicit" (self-signed)
	RefuseRcpt     *smtp.SMTPError // answer to RCPT TO
	RefuseData     *smtp.SMTPError // answer at the end of DATA
	Stall          chan struct{}   // when set, RCPT TO waits until it is closed (or the test ends)
}

// Envelope is one message the server accepted.
type Envelope struct {
	From string   // MAIL FROM
	To   []string // RCPT TO, in order
	Data []byte   // the message as received (headers and body, CRLF line ends)
	User string   // who authenticated, if anyone
}

// Server is a real SMTP server on a loopback port that records what it
// accepts and can be told to refuse or to stall. Its methods are safe for
// concurrent use.
type Server struct {
	opt  Options
	port int
	done chan struct{} // closed when the test ends: releases stalled sessions

	mu         sync.Mutex
	sessions   int
	got        []Envelope
	refuseNext int
	arrived    chan struct{} // closed and replaced whenever a message is accepted
}

// errTempFailure is what RefuseNext answers at the end of DATA.
var errTempFailure = &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "mailtest: temporary failure, try again later"}

// Start starts a server on 127.0.0.1 and a free port, configured by opt, and
// stops it when the test ends: it closes the listener and every connection,
// then releases sessions still stalled by opt.Stall (without closing that
// channel, which stays the caller's). It fails the test if the server cannot
// start or opt.TLS is unknown.
func Start(t testing.TB, opt Options) *Server {
	t.Helper()
	s := &Server{opt: opt, done: make(chan struct{}), arrived: make(chan struct{})}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		s.mu.Lock()
		s.sessions++
		s.mu.Unlock()
		return &session{server: s}, nil
	}))
	srv.Domain = "localhost"
	srv.ReadTimeout = 10 * time.Second
	srv.WriteTimeout = 10 * time.Second
	// PLAIN in clear is fine on loopback, and a client configured with
	// tls=none needs it.
	srv.AllowInsecureAuth = opt.User != ""
	srv.ErrorLog = log.New(io.Discard, "", 0) // refused handshakes are expected
	var tlsConfig *tls.Config
	switch opt.TLS {
	case TLSNone:
	case TLSStartTLS, TLSImplicit:
		tlsConfig = selfSigned(t)
	default:
		t.Fatalf("mailtest: Options.TLS %q: want %q, %q or %q", opt.TLS, TLSNone, TLSStartTLS, TLSImplicit)
		return nil
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("mailtest: listen: %v", err)
		return nil
	}
	switch opt.TLS {
	case TLSStartTLS:
		srv.TLSConfig = tlsConfig
	case TLSImplicit:
		l = tls.NewListener(l, tlsConfig)
	}
	s.port = l.Addr().(*net.TCPAddr).Port
	served := make(chan struct{})
	go func() {
		defer close(served)
		_ = srv.Serve(l)
	}()
	t.Cleanup(func() {
		_ = srv.Close()
		// Close closes only the listeners Serve has registered, which it may
		// not have done yet.
		_ = l.Close()
		<-served
		close(s.done) // release stalled sessions, whose connections are closed
	})
	return s
}

// selfSigned is a TLS configuration with a fresh self-signed certificate for
// 127.0.0.1, which no client trusts.
func selfSigned(t testing.TB) *tls.Config {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatalf("mailtest: certificate key: %v", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatalf("mailtest: certificate: %v", err)
	}
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}, MinVersion: tls.VersionTLS12}
}

// Addr is the server's address, "127.0.0.1:port".
func (s *Server) Addr() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(s.port)) }

// Port is the server's port.
func (s *Server) Port() int { return s.port }

// URL is an SMTP URL for the server as backend/mail's NewSMTP reads it,
// with the credentials of Options (percent-encoded) and from=From:
//
//	smtp://[user:password@]127.0.0.1:PORT?tls=none&from=no-reply@setubashi.test
//
// With TLS "starttls" it says tls=starttls, with "implicit" it is smtps://
// (tls=tls); a client that verifies certificates refuses both, since the
// certificate is self-signed.
func (s *Server) URL() string {
	u := url.URL{Scheme: "smtp", Host: s.Addr(), RawQuery: "tls=none&from=" + From}
	switch s.opt.TLS {
	case TLSStartTLS:
		u.RawQuery = "tls=starttls&from=" + From
	case TLSImplicit:
		u.Scheme, u.RawQuery = "smtps", "from="+From
	}
	if s.opt.User != "" {
		u.User = url.UserPassword(s.opt.User, s.opt.Password)
	}
	return u.String()
}

// Received returns a copy of the accepted messages, in the order they
// arrived.
func (s *Server) Received() []Envelope {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.receivedLocked()
}

// receivedLocked copies the accepted messages; s.mu is held.
func (s *Server) receivedLocked() []Envelope {
	out := make([]Envelope, len(s.got))
	for i, e := range s.got {
		e.To = append([]string(nil), e.To...)
		e.Data = append([]byte(nil), e.Data...)
		out[i] = e
	}
	return out
}

// Connections returns how many SMTP sessions were opened.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sessions
}

// RefuseNext makes the server refuse the next n messages at the end of DATA
// with 451 4.3.0 (a temporary failure), after which it accepts messages again
// (unless Options.RefuseData refuses them). n replaces what is left of an
// earlier call; n <= 0 cancels it.
func (s *Server) RefuseNext(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refuseNext = max(n, 0)
}

// WaitFor waits until at least n messages have been accepted and returns
// them (a copy, in arrival order). After timeout it fails the test with
// t.Fatalf, listing what did arrive; call it from the test's goroutine.
func (s *Server) WaitFor(t testing.TB, n int, timeout time.Duration) []Envelope {
	t.Helper()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		s.mu.Lock()
		if len(s.got) >= n {
			got := s.receivedLocked()
			s.mu.Unlock()
			return got
		}
		arrived := s.arrived
		s.mu.Unlock()
		select {
		case <-arrived:
		case <-timer.C:
			got := s.Received()
			if len(got) >= n { // arrived just now
				return got
			}
			t.Fatalf("mailtest: %d of %d messages arrived within %v%s", len(got), n, timeout, describe(got))
			return got
		}
	}
}

// describe lists envelopes, one a line, for a failure message.
func describe(envs []Envelope) string {
	var b strings.Builder
	for i, e := range envs {
		fmt.Fprintf(&b, "\n\t%d. MAIL FROM %q RCPT TO %q, %d bytes", i+1, e.From, e.To, len(e.Data))
		if subject, ok := subjectOf(e.Data); ok {
			fmt.Fprintf(&b, ", Subject %q", subject)
		}
	}
	return b.String()
}

// accept records an accepted message and wakes WaitFor.
func (s *Server) accept(e Envelope) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.got = append(s.got, e)
	close(s.arrived)
	s.arrived = make(chan struct{})
}

// takeRefusal reports whether RefuseNext wants this message refused, and
// counts it.
func (s *Server) takeRefusal() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.refuseNext == 0 {
		return false
	}
	s.refuseNext--
	return true
}

// session is one connection's transaction.
type session struct {
	server *Server
	user   string
	env    Envelope
}

var _ smtp.AuthSession = (*session)(nil)

// AuthMechanisms offers PLAIN when the server has credentials.
func (s *session) AuthMechanisms() []string {
	if s.server.opt.User == "" {
		return nil
	}
	return []string{sasl.Plain}
}

// Auth checks PLAIN credentials against Options.
func (s *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, password string) error {
		if user != s.server.opt.User || password != s.server.opt.Password {
			return smtp.ErrAuthFailed
		}
		s.user = user
		return nil
	}), nil
}

// Mail starts a transaction, after authentication if the server requires it.
func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	if s.server.opt.User != "" && s.user == "" {
		return smtp.ErrAuthRequired
	}
	s.env = Envelope{From: from, User: s.user}
	return nil
}

// Rcpt adds a recipient, after stalling or with a refusal as configured.
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if s.server.opt.Stall != nil {
		select {
		case <-s.server.opt.Stall:
		case <-s.server.done:
		}
	}
	if s.server.opt.RefuseRcpt != nil {
		return s.server.opt.RefuseRcpt
	}
	s.env.To = append(s.env.To, to)
	return nil
}

// Data reads the message and accepts it unless told to refuse it.
func (s *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if s.server.takeRefusal() {
		return errTempFailure
	}
	if s.server.opt.RefuseData != nil {
		return s.server.opt.RefuseData
	}
	if len(s.env.To) == 0 {
		return errors.New("no recipients")
	}
	s.env.Data = data
	s.server.accept(s.env)
	return nil
}

// Reset forgets the transaction but not who authenticated.
func (s *session) Reset() { s.env = Envelope{User: s.user} }

// Logout ends the session.
func (s *session) Logout() error { return nil }
