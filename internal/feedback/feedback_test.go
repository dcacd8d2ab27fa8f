package feedback_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/feedback"
	"rathaus/internal/processlog"
	"rathaus/internal/storetest"
)

var ctx = context.Background()

func newService(t *testing.T, now *time.Time) (*feedback.Service, *storetestDB) {
	t.Helper()
	db := storetest.OpenSQLite(t)
	berlin, _ := time.LoadLocation("Europe/Berlin")
	return &feedback.Service{Store: db, Secret: "s3cret", Location: berlin, RateLimit: 3,
		Now: func() time.Time { return *now }}, &storetestDB{db}
}

// storetestDB reads the process log of the store under test.
type storetestDB struct{ processlog.Store }

func TestPageAnswerOncePerClientAndDay(t *testing.T) {
	now := time.Date(2026, 11, 28, 22, 30, 0, 0, time.UTC) // 23:30 in Jena
	s, _ := newService(t, &now)
	h, added, err := s.AnswerPage(ctx, feedback.PageAnswer{ServiceID: 5, Helpful: true, Client: "192.0.2.1"})
	if err != nil || !added {
		t.Fatalf("first answer: %v, %v", added, err)
	}
	if h.ClientHash == "" || strings.Contains(h.ClientHash, "192.0.2") || h.Day != "2026-11-28" {
		t.Errorf("stored answer = %+v, want a hash instead of the address and the day in Jena", h)
	}
	if _, added, _ := s.AnswerPage(ctx, feedback.PageAnswer{ServiceID: 5, Client: "192.0.2.1"}); added {
		t.Error("a second answer the same evening was counted")
	}
	if _, added, _ := s.AnswerPage(ctx, feedback.PageAnswer{ServiceID: 5, Client: "192.0.2.2"}); !added {
		t.Error("another visitor's answer was not counted")
	}
	now = now.Add(time.Hour) // after midnight in Jena: a new day
	if _, added, _ := s.AnswerPage(ctx, feedback.PageAnswer{ServiceID: 5, Client: "192.0.2.1"}); !added {
		t.Error("an answer on the next day was not counted")
	}
	if _, _, err := s.AnswerPage(ctx, feedback.PageAnswer{ServiceID: 0, Client: "192.0.2.1"}); !fault.Is(err, fault.Invalid) {
		t.Errorf("answer without service = %v, want Invalid", err)
	}
}

func TestPageAnswerRateLimit(t *testing.T) {
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	s, _ := newService(t, &now)
	for id := int64(1); id <= 3; id++ {
		if _, _, err := s.AnswerPage(ctx, feedback.PageAnswer{ServiceID: id, Client: "198.51.100.7"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := s.AnswerPage(ctx, feedback.PageAnswer{ServiceID: 4, Client: "198.51.100.7"}); !fault.Is(err, fault.TooMany) {
		t.Errorf("fourth answer within the hour = %v, want TooMany", err)
	}
	now = now.Add(61 * time.Minute)
	if _, added, err := s.AnswerPage(ctx, feedback.PageAnswer{ServiceID: 4, Client: "198.51.100.7"}); err != nil || !added {
		t.Errorf("answer an hour later = %v, %v", added, err)
	}
}

func TestPageComment(t *testing.T) {
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	s, _ := newService(t, &now)
	h, _, _ := s.AnswerPage(ctx, feedback.PageAnswer{ServiceID: 5, Client: "192.0.2.1"})
	if err := s.CommentPage(ctx, h.ID, "192.0.2.9", "Fremder Kommentar"); !fault.Is(err, fault.Conflict) {
		t.Errorf("comment from another address = %v, want Conflict", err)
	}
	if err := s.CommentPage(ctx, h.ID, "192.0.2.1", "   "); len(fault.As(err).Fields) != 1 {
		t.Errorf("empty comment = %v, want a field error", err)
	}
	if err := s.CommentPage(ctx, h.ID, "192.0.2.1", strings.Repeat("ä", 1001)); len(fault.As(err).Fields) != 1 {
		t.Errorf("comment of 1001 characters = %v, want a field error", err)
	}
	if err := s.CommentPage(ctx, h.ID, "192.0.2.1", " Die Gebühren fehlen. \r\n"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Store.FindHelpful(ctx, h.ID)
	if got.Comment != "Die Gebühren fehlen." {
		t.Errorf("comment = %q", got.Comment)
	}
}

func TestSatisfactionOnePerSubject(t *testing.T) {
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	s, log := newService(t, &now)
	subj := feedback.Subject{Kind: feedback.KindCase, ID: 12}
	if _, _, err := s.Answer(ctx, feedback.Answer{Subject: subj, ServiceID: 3, Rating: 6}); len(fault.As(err).Fields) != 1 {
		t.Errorf("rating 6 = %v, want a field error", err)
	}
	if _, _, err := s.Answer(ctx, feedback.Answer{Subject: feedback.Subject{Kind: "petition", ID: 1}, Rating: 3}); !fault.Is(err, fault.Invalid) {
		t.Errorf("unknown kind = %v, want Invalid", err)
	}
	if _, changed, err := s.Answer(ctx, feedback.Answer{Subject: subj, ServiceID: 3, Rating: 2, Comment: "Zu langsam"}); err != nil || changed {
		t.Fatalf("first answer: %v, %v", changed, err)
	}
	now = now.Add(time.Hour)
	sat, changed, err := s.Answer(ctx, feedback.Answer{Subject: subj, ServiceID: 3, Rating: 4})
	if err != nil || !changed || sat.Rating != 4 {
		t.Fatalf("second answer: %+v, %v, %v", sat, changed, err)
	}
	res, _ := s.Results(ctx, feedback.Filter{})
	if len(res) != 1 || res[0].Answers() != 1 || res[0].Ratings[4] != 1 {
		t.Errorf("results = %+v, want the one changed answer", res)
	}
	evs, _ := log.FindEvents(ctx, processlog.Filter{Process: feedback.Process})
	if len(evs) != 2 || evs[0].CaseID != "case:12" || evs[1].Activity != feedback.ActivityRated ||
		evs[1].Attrs["rating"] != "4" || evs[1].Attrs["service"] != "3" {
		t.Errorf("events = %+v", evs)
	}
}

func TestPurgeAfterRetention(t *testing.T) {
	now := time.Date(2024, 11, 1, 10, 0, 0, 0, time.UTC)
	s, _ := newService(t, &now)
	s.AnswerPage(ctx, feedback.PageAnswer{ServiceID: 5, Client: "192.0.2.1"})
	s.Answer(ctx, feedback.Answer{Subject: feedback.Subject{Kind: feedback.KindAppointment, ID: 1}, Rating: 5})
	now = now.AddDate(0, 11, 0)
	s.Answer(ctx, feedback.Answer{Subject: feedback.Subject{Kind: feedback.KindAppointment, ID: 2}, Rating: 1})
	now = time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	if n, err := s.Purge(ctx); err != nil || n != 2 {
		t.Errorf("Purge = %d, %v; want the two answers older than two years", n, err)
	}
	res, _ := s.Results(ctx, feedback.Filter{})
	if len(res) != 1 || res[0].Answers() != 1 || res[0].Ratings[1] != 1 {
		t.Errorf("left after purge = %+v", res)
	}
}

func TestResultFigures(t *testing.T) {
	res := feedback.Collect([]feedback.HelpfulCount{{ServiceID: 2, Yes: 2, No: 1}},
		[]feedback.RatingCount{{ServiceID: 2, Rating: 5, Count: 3}, {ServiceID: 2, Rating: 2, Count: 1}, {ServiceID: 1, Rating: 3, Count: 1}})
	if len(res) != 2 || res[0].ServiceID != 1 {
		t.Fatalf("Collect = %+v", res)
	}
	r := res[1]
	if r.YesPercent() != 67 || r.NoPercent() != 33 || r.Mean() != 4.25 || r.Share(5) != 75 || r.Share(1) != 0 {
		t.Errorf("figures: yes %d%%, no %d%%, mean %v, share of 5 %d%%", r.YesPercent(), r.NoPercent(), r.Mean(), r.Share(5))
	}
	if res[0].YesPercent() != 0 || res[0].Helpful() != 0 {
		t.Error("a service without page answers has no percentage")
	}
}

func TestCSVDefusesFormulas(t *testing.T) {
	var buf bytes.Buffer
	r := &feedback.Result{ServiceID: 9, Yes: 1}
	r.Ratings[5] = 2
	header := []string{"ID", "Leistung", "Ja", "Nein", "Ja %", "Antworten", "Mittel", "1", "2", "3", "4", "5"}
	if err := feedback.WriteCSV(&buf, header, []feedback.CSVRow{{Service: "=HYPERLINK(\"x\")", Result: r}, {Service: "@SUM", Result: r}}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], `9,"'=HYPERLINK(""x"")",1,0,100,2,5.00,0,0,0,0,2`) || !strings.Contains(lines[2], ",'@SUM,") {
		t.Errorf("CSV =\n%s", buf.String())
	}
	for _, c := range []string{"+1", "-1", "\tx", "\rx"} {
		if feedback.SafeCell(c)[0] != '\'' {
			t.Errorf("SafeCell(%q) not defused", c)
		}
	}
}

func TestSince(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	now := time.Date(2026, 11, 28, 23, 30, 0, 0, time.UTC) // 29 Nov in Berlin
	if got := feedback.Since(now, berlin, 1); !got.Equal(time.Date(2026, 11, 28, 23, 0, 0, 0, time.UTC)) {
		t.Errorf("Since today = %v", got)
	}
	if !feedback.Since(now, berlin, 0).IsZero() {
		t.Error("Since 0 days is not all time")
	}
}
