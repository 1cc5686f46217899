package mail_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"log"
	"math/big"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// smtpServer is a real SMTP server (emersion/go-smtp) on a loopback port
// that records what it receives and can be told to refuse or to stall.
type smtpServer struct {
	port int

	// Set before the first connection.
	user, key  string          // when set, AUTH PLAIN is offered (in clear) and required
	refuseRcpt *smtp.SMTPError // answer to RCPT TO
	refuseData *smtp.SMTPError // answer at the end of DATA
	stall      chan struct{}   // when set, RCPT TO waits until it is closed
	tls        string          // "starttls" offers STARTTLS, "implicit" speaks TLS from the start (self-signed certificate)

	mu       sync.Mutex
	sessions int
	got      []envelope
}

// envelope is one message the server accepted.
type envelope struct {
	from string
	to   []string
	data []byte
	user string // who authenticated, if anyone
}

// startSMTPServer starts a server configured by setup and stops it when
// the test ends.
func startSMTPServer(t *testing.T, setup func(*smtpServer)) *smtpServer {
	t.Helper()
	s := &smtpServer{}
	if setup != nil {
		setup(s)
	}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		s.mu.Lock()
		s.sessions++
		s.mu.Unlock()
		return &smtpSession{server: s}, nil
	}))
	srv.Domain = "localhost"
	srv.ReadTimeout = 10 * time.Second
	srv.WriteTimeout = 10 * time.Second
	srv.AllowInsecureAuth = s.user != ""
	srv.ErrorLog = log.New(io.Discard, "", 0) // refused handshakes are expected
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	switch s.tls {
	case "starttls":
		srv.TLSConfig = selfSigned(t)
	case "implicit":
		l = tls.NewListener(l, selfSigned(t))
	}
	s.port = l.Addr().(*net.TCPAddr).Port
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	if s.stall != nil {
		t.Cleanup(func() { close(s.stall) }) // runs before Close
	}
	return s
}

// selfSigned is a TLS configuration with a fresh self-signed certificate
// for 127.0.0.1, which no client trusts.
func selfSigned(t *testing.T) *tls.Config {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}, MinVersion: tls.VersionTLS12}
}

// addr is the server's host:port.
func (s *smtpServer) addr() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(s.port)) }

// received returns the accepted messages.
func (s *smtpServer) received() []envelope {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]envelope(nil), s.got...)
}

// connections returns how many SMTP sessions were opened.
func (s *smtpServer) connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sessions
}

// smtpSession is one connection's transaction.
type smtpSession struct {
	server *smtpServer
	user   string
	env    envelope
}

var _ smtp.AuthSession = (*smtpSession)(nil)

func (s *smtpSession) AuthMechanisms() []string {
	if s.server.user == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (s *smtpSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, key string) error {
		if user != s.server.user || key != s.server.key {
			return smtp.ErrAuthFailed
		}
		s.user = user
		return nil
	}), nil
}

func (s *smtpSession) Mail(from string, _ *smtp.MailOptions) error {
	if s.server.user != "" && s.user == "" {
		return smtp.ErrAuthRequired
	}
	s.env = envelope{from: from, user: s.user}
	return nil
}

func (s *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	if s.server.stall != nil {
		<-s.server.stall
	}
	if s.server.refuseRcpt != nil {
		return s.server.refuseRcpt
	}
	s.env.to = append(s.env.to, to)
	return nil
}

func (s *smtpSession) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if s.server.refuseData != nil {
		return s.server.refuseData
	}
	if len(s.env.to) == 0 {
		return errors.New("no recipients")
	}
	s.env.data = data
	s.server.mu.Lock()
	s.server.got = append(s.server.got, s.env)
	s.server.mu.Unlock()
	return nil
}

func (s *smtpSession) Reset() { s.env = envelope{user: s.user} }

func (s *smtpSession) Logout() error { return nil }
