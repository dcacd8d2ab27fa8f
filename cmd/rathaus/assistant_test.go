package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"rathaus/internal/assistant"
	"rathaus/internal/config"
	"rathaus/internal/inquiry"
)

// TestAssistantWired: the demo app answers at /frag-die-stadt from its
// catalogue, and a conversation handed over (through inquiryInbox) becomes
// a message in the Bürgerservice's queue with a reference.
func TestAssistantWired(t *testing.T) {
	ctx := context.Background()
	cfg, _, err := config.Load("demo", nil, func(string) string { return "" }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	cfg.DatabaseURL = filepath.Join(t.TempDir(), "demo.db")
	cfg.StorageDir = t.TempDir()
	a, err := open(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.close()
	if err := a.prepare(ctx, io.Discard); err != nil {
		t.Fatal(err)
	}
	if a.assistant == nil || a.assistant.Phone != "115" || a.assistant.Model != nil {
		t.Fatalf("assistant = %+v", a.assistant)
	}
	srv, err := a.webServer(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/frag-die-stadt", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /frag-die-stadt: %d", rec.Code)
	}
	ans, err := a.assistant.Ask(ctx, assistant.Question{Text: "Was kostet ein neuer Personalausweis?"})
	if err != nil || ans.Kind != assistant.KindAnswer || len(ans.Citations) == 0 {
		t.Fatalf("answer = %+v, %v", ans, err)
	}
	// The demo's offices take appointments for identity cards: the answer
	// offers the city's own booking, and says so when asked.
	if !hasStep(ans.NextSteps, assistant.StepAppointment, assistant.BookingURL(ans.Services[0].ID)) {
		t.Errorf("no booking offered: %+v", ans.NextSteps)
	}
	book, err := a.assistant.Ask(ctx, assistant.Question{Text: "Kann ich dafür einen Termin buchen?", ConversationID: ans.ConversationID})
	if err != nil || !citesSection(book, assistant.SectionAppointment) {
		t.Errorf("asked for an appointment: %+v, %v", book, err)
	}

	if _, ok := a.assistant.Inbox.(inquiryInbox); !ok {
		t.Fatalf("the assistant's inbox is %T, want the queue of messages to the city", a.assistant.Inbox)
	}
	ref, err := a.assistant.HandOver(ctx, ans.ConversationID, assistant.Contact{Email: "erika@example.org", Note: "Bitte rufen Sie mich an."})
	if err != nil || ref == "" {
		t.Fatalf("handover: %q, %v", ref, err)
	}
	q, err := a.inquiries.ByReference(ctx, ref)
	if err != nil || q.Source != inquiry.SourceAssistant || !strings.Contains(q.Body, "Personalausweis") ||
		!strings.HasPrefix(q.Body, "Bitte rufen Sie mich an.") {
		t.Errorf("the message = %+v, %v", q, err)
	}
}

func hasStep(steps []assistant.Step, kind, url string) bool {
	for _, s := range steps {
		if s.Kind == kind && s.URL == url {
			return true
		}
	}
	return false
}

func citesSection(a *assistant.Answer, section string) bool {
	for _, c := range a.Citations {
		if c.Section == section {
			return true
		}
	}
	return false
}
