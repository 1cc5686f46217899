package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	netmail "net/mail"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-smtp"
)

// sink is a real SMTP server (emersion/go-smtp) on a loopback port that
// accepts every message the server under test sends, counts them and
// records their Message-IDs. Its methods are safe for concurrent use.
type sink struct {
	srv    *smtp.Server
	addr   string
	served chan struct{}

	mu       sync.Mutex
	sessions int
	messages int
	arrivals map[string][]time.Time // Message-ID (without <>) → when each message carrying it arrived
	noID     int                    // messages without a Message-ID header
}

// startSink listens on 127.0.0.1 and a free port, plain SMTP without
// authentication, and serves until close.
func startSink() (*sink, error) {
	s := &sink{arrivals: map[string][]time.Time{}, served: make(chan struct{})}
	s.srv = smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		s.mu.Lock()
		s.sessions++
		s.mu.Unlock()
		return &sinkSession{sink: s}, nil
	}))
	s.srv.Domain = "localhost"
	s.srv.ReadTimeout = 30 * time.Second
	s.srv.WriteTimeout = 30 * time.Second
	s.srv.MaxMessageBytes = 1 << 20
	s.srv.ErrorLog = log.New(io.Discard, "", 0)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("smtp sink: %w", err)
	}
	s.addr = l.Addr().String()
	go func() {
		defer close(s.served)
		_ = s.srv.Serve(l)
	}()
	return s, nil
}

// url is the SETUBASHI_SMTP_URL that sends to the sink.
func (s *sink) url() string {
	return "smtp://" + s.addr + "?tls=none&from=no-reply@setubashi.test"
}

// close stops the server and waits for it.
func (s *sink) close() {
	_ = s.srv.Close()
	<-s.served
}

// sinkCounts is what the sink received.
type sinkCounts struct {
	sessions, messages, noID int
	arrivals                 map[string][]time.Time // a copy
}

// counts returns what the sink has received so far.
func (s *sink) counts() sinkCounts {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := sinkCounts{sessions: s.sessions, messages: s.messages, noID: s.noID, arrivals: make(map[string][]time.Time, len(s.arrivals))}
	for id, at := range s.arrivals {
		c.arrivals[id] = slices.Clone(at)
	}
	return c
}

// record counts one accepted message.
func (s *sink) record(messageID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.messages++
	if messageID == "" {
		s.noID++
		return
	}
	s.arrivals[messageID] = append(s.arrivals[messageID], time.Now())
}

// sinkSession is one SMTP connection; it accepts any sender and recipient.
type sinkSession struct{ sink *sink }

// Mail accepts any sender.
func (*sinkSession) Mail(string, *smtp.MailOptions) error { return nil }

// Rcpt accepts any recipient.
func (*sinkSession) Rcpt(string, *smtp.RcptOptions) error { return nil }

// Data reads the message's header for its Message-ID, discards the rest and
// counts it.
func (ss *sinkSession) Data(r io.Reader) error {
	br := bufio.NewReader(r)
	msg, err := netmail.ReadMessage(br)
	if err != nil {
		_, _ = io.Copy(io.Discard, br)
		return errors.New("smtp sink: unreadable message header")
	}
	if _, err := io.Copy(io.Discard, msg.Body); err != nil {
		return err
	}
	id := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(msg.Header.Get("Message-ID")), "<"), ">")
	ss.sink.record(id)
	return nil
}

// Reset forgets nothing: the sink keeps no per-transaction state.
func (*sinkSession) Reset() {}

// Logout ends the session.
func (*sinkSession) Logout() error { return nil }
