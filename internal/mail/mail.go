// Package mail holds outgoing mail: the transactional outbox, the SMTP
// sender and the background job that delivers queued messages with retries.
//
// Domain services never send mail directly. They hand Messages to their
// store together with the change that caused them, so a message is queued
// exactly when the change commits (the transactional outbox), and the
// delivery job sends it later, retrying on failure.
package mail

import (
	"context"
	"strings"
	"time"
)

// JobKind is the job that delivers one queued message.
const JobKind = "mail.send"

// Message is one outgoing mail.
type Message struct {
	ID        int64
	To        string
	Subject   string
	Text      string
	UserID    *int64 // the account it concerns, for data export and deletion
	CreatedAt time.Time
	SentAt    *time.Time
	Attempts  int
	LastError string
}

// Filter selects messages.
type Filter struct {
	UserID *int64
	To     string
	Limit  int
}

// Store keeps the outbox.
type Store interface {
	// EnqueueMessages queues messages and their delivery jobs in one transaction.
	EnqueueMessages(ctx context.Context, msgs []Message) error
	FindMessageByID(ctx context.Context, id int64) (*Message, error)
	FindMessages(ctx context.Context, f Filter) ([]*Message, error)
	// MarkMessageSent records a successful delivery.
	MarkMessageSent(ctx context.Context, id int64, at time.Time) error
	// MarkMessageFailed records a failed attempt.
	MarkMessageFailed(ctx context.Context, id int64, reason string) error
	// DeleteMessagesBefore removes messages created before t, sent or not
	// (delivery gives up within a day, so nothing pending is lost).
	DeleteMessagesBefore(ctx context.Context, t time.Time) (int64, error)
}

// Retention is how long a message stays in the outbox (and so in the
// data export and the admin view) before it is deleted.
const Retention = 30 * 24 * time.Hour

// Sender delivers one message.
type Sender interface {
	Send(ctx context.Context, from string, m *Message) error
}

// Sanitize removes line breaks from header values so user input can never
// inject headers.
func Sanitize(s string) string {
	return strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
}
