package feedback

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"rathaus/internal/fault"
	"rathaus/internal/processlog"
)

// Defaults of Service.
const (
	DefaultRetention = 2 * 365 * 24 * time.Hour // feedback is deleted after two years
	DefaultRateLimit = 30                       // page answers per client and hour
)

// ActivityRated is the activity of a satisfaction answer in the process log.
const ActivityRated = "rated"

// Service applies the rules of feedback.
type Service struct {
	Store     Store
	Secret    string         // keys the hash of client addresses
	Location  *time.Location // the city's time zone, for "the same day"; default UTC
	Retention time.Duration  // how long feedback is kept; default DefaultRetention
	RateLimit int            // page answers per client and hour; default DefaultRateLimit
	Now       func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now == nil {
		return time.Now().UTC()
	}
	return s.Now().UTC()
}

func (s *Service) loc() *time.Location {
	if s.Location == nil {
		return time.UTC
	}
	return s.Location
}

// ClientHash is the keyed hash kept instead of a client address; "" for
// no address.
func ClientHash(secret, addr string) string {
	if addr == "" {
		return ""
	}
	m := hmac.New(sha256.New, []byte("rathaus feedback\x00"+secret))
	m.Write([]byte(addr))
	return hex.EncodeToString(m.Sum(nil)[:12])
}

// PageAnswer is an answer to "Was this page helpful?".
type PageAnswer struct {
	ServiceID int64
	Helpful   bool
	Client    string // the client address; only its keyed hash is kept
}

// AnswerPage records a page answer. A second answer of the same client
// for the same service on the same day is ignored (added is false and h
// is nil); more than RateLimit answers of a client within an hour are
// TooMany.
func (s *Service) AnswerPage(ctx context.Context, a PageAnswer) (h *Helpful, added bool, err error) {
	if a.ServiceID <= 0 {
		return nil, false, fault.New(fault.Invalid, "error.feedback.service")
	}
	now := s.now()
	hash := ClientHash(s.Secret, a.Client)
	if hash != "" {
		n, err := s.Store.CountHelpfulSince(ctx, hash, now.Add(-time.Hour))
		if err != nil {
			return nil, false, err
		}
		if n >= s.rateLimit() {
			return nil, false, fault.New(fault.TooMany, "error.feedback.too_many")
		}
	}
	h = &Helpful{ServiceID: a.ServiceID, Helpful: a.Helpful, ClientHash: hash,
		Day: now.In(s.loc()).Format(time.DateOnly), At: now}
	added, err = s.Store.AddHelpful(ctx, h)
	if err != nil || !added {
		return nil, false, err
	}
	return h, true, nil
}

func (s *Service) rateLimit() int {
	if s.RateLimit <= 0 {
		return DefaultRateLimit
	}
	return s.RateLimit
}

// CommentPage adds the optional comment to page answer id, given by the
// same client; a second comment is Conflict.
func (s *Service) CommentPage(ctx context.Context, id int64, client, comment string) error {
	c, err := CheckComment(comment, true)
	if err != nil {
		return err
	}
	return s.Store.SetHelpfulComment(ctx, id, ClientHash(s.Secret, client), c)
}

// CheckComment trims a comment and checks its length; required makes
// an empty one Invalid.
func CheckComment(comment string, required bool) (string, error) {
	var v fault.Validator
	c := checkComment(&v, comment, required)
	return c, v.Err()
}

func checkComment(v *fault.Validator, comment string, required bool) string {
	c := strings.TrimSpace(strings.ReplaceAll(comment, "\r\n", "\n"))
	v.Check(c != "" || !required, "comment", "error.feedback.comment_empty")
	v.Check(utf8.RuneCountInString(c) <= MaxComment, "comment", "error.feedback.comment_long", MaxComment)
	return c
}

// Answer is a satisfaction answer about a subject the caller has checked
// the citizen may answer for.
type Answer struct {
	Subject   Subject
	ServiceID int64
	OrgID     *int64
	Rating    int
	Comment   string
}

// ValidKind reports whether k is a subject kind.
func ValidKind(k string) bool { return slices.Contains(Kinds, k) }

// Answer records or changes the one answer about a.Subject and logs it
// as an event of the process "feedback".
func (s *Service) Answer(ctx context.Context, a Answer) (*Satisfaction, bool, error) {
	if !ValidKind(a.Subject.Kind) || a.Subject.ID <= 0 {
		return nil, false, fault.New(fault.Invalid, "error.feedback.subject")
	}
	var v fault.Validator
	v.Check(a.Rating >= MinRating && a.Rating <= MaxRating, "rating", "error.feedback.rating")
	comment := checkComment(&v, a.Comment, false)
	if err := v.Err(); err != nil {
		return nil, false, err
	}
	now := s.now()
	sat := &Satisfaction{Subject: a.Subject, ServiceID: a.ServiceID, OrgID: a.OrgID, Rating: a.Rating,
		Comment: comment, At: now, UpdatedAt: now}
	ev := processlog.Event{Process: Process, CaseID: a.Subject.String(), Activity: ActivityRated, At: now,
		OrgID: a.OrgID, Resource: "citizen", Attrs: map[string]string{"kind": a.Subject.Kind, "rating": strconv.Itoa(a.Rating)}}
	if a.ServiceID > 0 {
		ev.Attrs["service"] = strconv.FormatInt(a.ServiceID, 10)
	}
	changed, err := s.Store.SaveSatisfaction(ctx, sat, ev)
	if err != nil {
		return nil, false, err
	}
	return sat, changed, nil
}

// Purge deletes the feedback older than the retention period.
func (s *Service) Purge(ctx context.Context) (int64, error) {
	keep := s.Retention
	if keep <= 0 {
		keep = DefaultRetention
	}
	return s.Store.DeleteFeedbackBefore(ctx, s.now().Add(-keep))
}
