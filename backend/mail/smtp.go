package mail

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"sync"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// SMTP sends messages through one SMTP server, a new connection for each
// message. It is safe for concurrent use.
type SMTP struct {
	cfg smtpConfig
}

// NewSMTP returns a Sender for an SMTP URL, as given in SETUBASHI_SMTP_URL:
//
//	smtp://[user[:password]@]host[:port][?from=addr&from_name=Name&tls=starttls|tls|none]
//	smtps://... (implicit TLS, default port 465)
//
// smtp defaults to port 587 and tls=starttls (STARTTLS must succeed);
// tls=tls is implicit TLS (default port 465); tls=none sends in clear, for
// development servers, and is refused with credentials unless the host is
// loopback. from defaults to "no-reply@<host>". A bad URL is refused with an
// error naming what is wrong (never quoting the password).
func NewSMTP(rawURL string) (*SMTP, error) {
	cfg, err := parseSMTPURL(rawURL)
	if err != nil {
		return nil, err
	}
	return &SMTP{cfg: cfg}, nil
}

// String describes the server without the password, for logs, such as
// "smtp://user@mail.example.org:587?tls=starttls".
func (s *SMTP) String() string {
	u := url.URL{Scheme: "smtp", Host: s.addr(), RawQuery: "tls=" + s.cfg.security}
	if s.cfg.user != "" {
		u.User = url.User(s.cfg.user)
	}
	return u.String()
}

// Send delivers m, or returns why not: a refused message, a server that
// cannot be reached or refuses, or ctx ending (the connection is closed at
// once, and the error wraps ctx's). Errors name the message and the
// server, never the password. Once the server has accepted the message,
// Send reports success even if closing the connection fails, so that a
// retry does not deliver it twice.
func (s *SMTP) Send(ctx context.Context, m Message) error {
	if err := m.check(); err != nil {
		return err
	}
	msg, err := compose(m, s.cfg.from, time.Now())
	if err != nil {
		return err
	}
	dial := &ctxDialer{ctx: ctx, implicitTLS: s.cfg.security == securityTLS}
	defer dial.stop()
	client, err := gomail.NewClient(s.cfg.host, s.options(dial.DialContext)...)
	if err != nil {
		return fmt.Errorf("mail: SMTP client for %s: %w", s.addr(), err)
	}
	err = client.DialAndSendWithContext(ctx, msg)
	if err == nil || msg.IsDelivered() {
		// Once the server has accepted the message, a failure to reset or
		// quit does not undo it, and a retry would deliver it twice.
		return nil
	}
	what := "message " + strconv.Quote(m.MessageID)
	if m.MessageID == "" {
		what = "message without Message-ID"
	}
	if ctxErr := context.Cause(ctx); ctxErr != nil {
		return fmt.Errorf("mail: sending %s through %s stopped: %w: %w", what, s.addr(), ctxErr, err)
	}
	return fmt.Errorf("mail: sending %s through %s: %w", what, s.addr(), err)
}

// addr is host:port.
func (s *SMTP) addr() string {
	return net.JoinHostPort(s.cfg.host, strconv.Itoa(s.cfg.port))
}

// options configure a go-mail client for this server: port, connection
// security and, with a user name, authentication (SCRAM-SHA-256, PLAIN or
// LOGIN, whichever the server offers first; PLAIN or LOGIN in clear only to
// a loopback host with tls=none, which parseSMTPURL enforces).
func (s *SMTP) options(dial gomail.DialContextFunc) []gomail.Option {
	opts := []gomail.Option{
		gomail.WithPort(s.cfg.port),
		gomail.WithDialContextFunc(dial),
		gomail.WithTLSConfig(&tls.Config{ServerName: s.cfg.host, MinVersion: tls.VersionTLS12}),
	}
	switch s.cfg.security {
	case securityNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	case securityTLS:
		opts = append(opts, gomail.WithSSL()) // the dialer does the handshake
	default:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if s.cfg.user != "" {
		mechs := []gomail.SMTPAuthType{gomail.SMTPAuthSCRAMSHA256, gomail.SMTPAuthPlain, gomail.SMTPAuthLogin}
		if s.cfg.security == securityNone {
			mechs = []gomail.SMTPAuthType{gomail.SMTPAuthPlainNoEnc, gomail.SMTPAuthLoginNoEnc}
		}
		opts = append(opts, gomail.WithOpportunisticSMTPAuth(mechs...),
			gomail.WithUsername(s.cfg.user), gomail.WithPassword(s.cfg.password))
	}
	return opts
}

// ctxDialer opens the connection (with TLS from the start for implicit
// TLS) and closes it as soon as ctx ends, so that a cancelled Send does not
// wait for a slow server. go-mail by itself watches ctx only while dialling.
type ctxDialer struct {
	ctx         context.Context
	implicitTLS bool

	mu    sync.Mutex
	stops []func() bool
}

// DialContext is a go-mail DialContextFunc; dialCtx is ctx with go-mail's
// connection timeout.
func (d *ctxDialer) DialContext(dialCtx context.Context, network, address string) (net.Conn, error) {
	var conn net.Conn
	var err error
	if d.implicitTLS {
		host, _, _ := net.SplitHostPort(address)
		td := tls.Dialer{Config: &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}}
		conn, err = td.DialContext(dialCtx, network, address)
	} else {
		var nd net.Dialer
		conn, err = nd.DialContext(dialCtx, network, address)
	}
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.stops = append(d.stops, context.AfterFunc(d.ctx, func() { _ = conn.Close() }))
	return conn, nil
}

// stop forgets the connections once Send is done with them.
func (d *ctxDialer) stop() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, stop := range d.stops {
		stop()
	}
}
