// Package smtptest runs a real SMTP server inside a test process, so tests
// can send mail over a real connection and read what arrived.
//
// The server speaks plain SMTP on 127.0.0.1 (no TLS) and offers AUTH PLAIN.
// By default it accepts any credentials, or none; WithAuth makes it require
// exactly the given ones:
//
//	srv := smtptest.Start(t)
//	// ... configure the code under test with srv.Addr() and send mail ...
//	msg := srv.WaitFor(t, smtptest.To("ada@example.org"), 5*time.Second)
package smtptest

import (
	"net"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// Server is a running SMTP server. It stops when the test ends.
type Server struct {
	addr string
	user string
	pass string

	mu       sync.Mutex
	messages []Message
	changed  chan struct{} // closed and replaced whenever a message arrives
}

// Option changes how Start configures the server.
type Option func(*Server)

// WithAuth makes the server require AUTH PLAIN with exactly these
// credentials before it accepts a message.
func WithAuth(username, password string) Option {
	return func(s *Server) { s.user, s.pass = username, password }
}

// Start starts a server on 127.0.0.1 on a free port and stops it when the
// test ends.
func Start(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s := &Server{changed: make(chan struct{})}
	for _, o := range opts {
		o(s)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("smtptest: listen: %v", err)
	}
	s.addr = ln.Addr().String()
	srv := smtp.NewServer(&backend{s: s})
	srv.Domain = "smtptest.localhost"
	srv.AllowInsecureAuth = true
	srv.MaxMessageBytes = 10 << 20
	srv.ReadTimeout = time.Minute
	srv.WriteTimeout = time.Minute
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(ln)
	}()
	t.Cleanup(func() {
		_ = srv.Close()
		<-done
	})
	return s
}

// Addr returns the host:port the server listens on.
func (s *Server) Addr() string { return s.addr }

// Host returns the host part of Addr.
func (s *Server) Host() string {
	h, _, _ := net.SplitHostPort(s.addr)
	return h
}

// Port returns the port part of Addr.
func (s *Server) Port() string {
	_, p, _ := net.SplitHostPort(s.addr)
	return p
}

// Messages returns the messages received so far, oldest first.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.messages)
}

// Reset forgets the messages received so far.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.messages = nil
}

// WaitFor returns the first message, received before or during the wait,
// for which match reports true. It fails the test if none arrives within
// timeout, listing what did arrive.
func (s *Server) WaitFor(t testing.TB, match func(Message) bool, timeout time.Duration) Message {
	t.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		for _, m := range s.messages {
			if match(m) {
				s.mu.Unlock()
				return m
			}
		}
		changed := s.changed
		s.mu.Unlock()
		select {
		case <-changed:
		case <-deadline.C:
			t.Fatalf("smtptest: no matching message within %v; received:\n%s", timeout, s.summary())
			return Message{}
		}
	}
}

func (s *Server) add(m Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.messages = append(s.messages, m)
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) summary() string {
	msgs := s.Messages()
	if len(msgs) == 0 {
		return "  (nothing)"
	}
	var b strings.Builder
	for _, m := range msgs {
		b.WriteString("  to " + strings.Join(m.To, ", ") + ": " + m.Subject + "\n")
	}
	return b.String()
}
