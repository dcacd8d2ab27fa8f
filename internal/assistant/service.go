package assistant

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"rathaus/internal/catalog"
	"rathaus/internal/fault"
)

// DefaultRetention is how long a conversation (with its questions) is
// kept when Assistant.Retention is zero. A day is long enough to come back
// to an answer the same day or the next morning and to hand it over;
// after a handover the transcript lives on as the message to the service
// office, under that queue's retention. Questions may hold personal data
// despite every hint, so nothing is kept longer (GDPR Art. 5(1)(c, e)).
const DefaultRetention = 24 * time.Hour

// FeedbackRetention is how long the anonymous feedback counts (service,
// kind, helpful, time; no question text, no conversation) are kept.
const FeedbackRetention = 2 * 365 * 24 * time.Hour

// MaxQuestion is the longest question in characters.
const MaxQuestion = 500

// Limits of a handover.
const (
	MaxNote  = 1000
	MaxName  = 200
	MaxEmail = 254
)

// Translator renders the assistant's own sentences; *i18n.Catalog is one.
type Translator interface {
	T(lang, key string, args ...any) string
}

// Assistant answers citizens' questions from the catalogue.
type Assistant struct {
	Catalog   *catalog.Catalog // search, services and offices
	Store     Store            // conversations and feedback
	Inbox     Inbox            // nil: no handover; answers point to phone and visit
	Model     *LLM             // nil: quoted answers only
	T         Translator       // nil: keys are returned as text
	Now       func() time.Time
	Retention time.Duration // 0: DefaultRetention
	Phone     string        // e.g. "115", for the fallback text
	Booking   Booking       // nil: only the appointment links the services name

	texts atomic.Pointer[corpus] // the catalogue's text at its last seen version
}

// Booking is the city's own appointment booking: which services its
// offices take appointments for (appointment.Service).
type Booking interface {
	Bookable(ctx context.Context, serviceID int64) (bool, error)
}

// BookingURL is the page that books an appointment for a service at the
// city's offices.
func BookingURL(serviceID int64) string {
	return "/termine/buchen?service=" + strconv.FormatInt(serviceID, 10)
}

// Feedback is one "helpful / not helpful" on an answer, kept for counting
// after the conversation is gone: no question, no conversation.
type Feedback struct {
	ID        int64
	ServiceID int64 // the answer's first service, 0 when none
	Kind      string
	Helpful   bool
	At        time.Time
}

// Store keeps conversations and feedback.
type Store interface {
	// CreateConversation stores a new conversation (ID, Lang, Expires,
	// no answers).
	CreateConversation(ctx context.Context, c *Conversation, at time.Time) error
	// FindConversationByID returns a conversation with its answers in
	// turn order, expired or not; NotFound when unknown.
	FindConversationByID(ctx context.Context, id string) (*Conversation, error)
	// AddAnswer appends answer a (a.Turn set by the caller); Conflict
	// when that turn exists already.
	AddAnswer(ctx context.Context, conversationID string, a *Answer) error
	// SetAnswerFeedback records f for one turn, replacing the turn's
	// earlier feedback; NotFound when the turn does not exist.
	SetAnswerFeedback(ctx context.Context, conversationID string, turn int, f *Feedback) error
	// SetHandover records the reference of a handed-over conversation.
	SetHandover(ctx context.Context, conversationID, ref string) error
	// DeleteConversationsBefore deletes conversations that expired
	// before t, with their answers; feedback counts stay.
	DeleteConversationsBefore(ctx context.Context, t time.Time) (int64, error)
	// FindAssistantFeedback returns the feedback given from t on.
	FindAssistantFeedback(ctx context.Context, from time.Time) ([]Feedback, error)
	// DeleteAssistantFeedbackBefore deletes feedback given before t.
	DeleteAssistantFeedbackBefore(ctx context.Context, t time.Time) (int64, error)
}

func (a *Assistant) now() time.Time {
	if a.Now == nil {
		return time.Now()
	}
	return a.Now()
}

// RetentionPeriod is how long conversations are kept: Retention, or
// DefaultRetention when that is zero.
func (a *Assistant) RetentionPeriod() time.Duration { return a.retention() }

func (a *Assistant) retention() time.Duration {
	if a.Retention <= 0 {
		return DefaultRetention
	}
	return a.Retention
}

// t translates a key; without a translator the key itself shows.
func (a *Assistant) t(lang, key string, args ...any) string {
	if a.T == nil {
		return key
	}
	return a.T.T(lang, key, args...)
}

// Ask answers one question, in the context of its conversation. A
// conversation that is unknown or expired starts a new one.
func (a *Assistant) Ask(ctx context.Context, q Question) (*Answer, error) {
	q.Text = strings.Join(strings.Fields(q.Text), " ")
	if q.Lang != "en" {
		q.Lang = "de"
	}
	if q.Text == "" {
		return nil, fault.New(fault.Invalid, "error.assistant.question_empty")
	}
	if utf8.RuneCountInString(q.Text) > MaxQuestion {
		return nil, fault.New(fault.Invalid, "error.assistant.question_long", MaxQuestion)
	}
	ans, err := a.ask(ctx, q)
	if fault.Is(err, fault.Conflict) {
		// Two questions to one conversation at once (a double submit):
		// the later one becomes the next turn.
		ans, err = a.ask(ctx, q)
	}
	return ans, err
}

func (a *Assistant) ask(ctx context.Context, q Question) (*Answer, error) {
	now := a.now()
	conv, err := a.openConversation(ctx, q, now)
	if err != nil {
		return nil, err
	}
	ans, err := a.answer(ctx, q, conv)
	if err != nil {
		return nil, err
	}
	ans.ConversationID, ans.Turn, ans.Question, ans.At = conv.ID, len(conv.Answers)+1, q.Text, now
	if ans.Turn == 1 {
		ans.Disclosure = a.t(q.Lang, "assistant.disclosure")
	}
	if err := a.Store.AddAnswer(ctx, conv.ID, ans); err != nil {
		return nil, err
	}
	return ans, nil
}

// openConversation finds the question's conversation, or starts one.
func (a *Assistant) openConversation(ctx context.Context, q Question, now time.Time) (*Conversation, error) {
	if q.ConversationID != "" {
		c, err := a.Store.FindConversationByID(ctx, q.ConversationID)
		if err == nil && c.Expires.After(now) {
			return c, nil
		}
		if err != nil && !fault.Is(err, fault.NotFound) {
			return nil, err
		}
	}
	c := &Conversation{ID: newID(), Lang: q.Lang, Expires: now.Add(a.retention())}
	if err := a.Store.CreateConversation(ctx, c, now); err != nil {
		return nil, err
	}
	return c, nil
}

// newID returns a random 128-bit identifier, URL-safe.
func newID() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// Conversation returns a conversation that has not expired.
func (a *Assistant) Conversation(ctx context.Context, id string) (*Conversation, error) {
	c, err := a.Store.FindConversationByID(ctx, id)
	if err != nil && !fault.Is(err, fault.NotFound) {
		return nil, err
	}
	if err != nil || !c.Expires.After(a.now()) {
		return nil, fault.New(fault.NotFound, "error.assistant.conversation_not_found")
	}
	return c, nil
}

// Feedback records whether an answer helped. A second feedback on the
// same answer replaces the first.
func (a *Assistant) Feedback(ctx context.Context, conversationID string, turn int, helpful bool) error {
	c, err := a.Conversation(ctx, conversationID)
	if err != nil {
		return err
	}
	if turn < 1 || turn > len(c.Answers) {
		return fault.New(fault.NotFound, "error.assistant.turn_not_found")
	}
	ans := c.Answers[turn-1]
	f := &Feedback{Kind: ans.Kind, Helpful: helpful, At: a.now()}
	if ans.Kind == KindAnswer && len(ans.Services) > 0 { // the service quoted
		f.ServiceID = ans.Services[0].ID
	}
	return a.Store.SetAnswerFeedback(ctx, conversationID, turn, f)
}

// Purge deletes expired conversations and feedback past its retention.
func (a *Assistant) Purge(ctx context.Context) (int, error) {
	now := a.now()
	n, err := a.Store.DeleteConversationsBefore(ctx, now)
	if err != nil {
		return int(n), err
	}
	_, err = a.Store.DeleteAssistantFeedbackBefore(ctx, now.Add(-FeedbackRetention))
	return int(n), err
}
