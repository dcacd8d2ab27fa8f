package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/assistant"
	"rathaus/internal/fault"
)

// assistantStore is the assistant part of a store; Stores implementations
// provide it.
func assistantStore(t *testing.T, s Stores) assistant.Store {
	t.Helper()
	as, ok := s.(assistant.Store)
	if !ok {
		t.Fatalf("%T is no assistant.Store", s)
	}
	return as
}

func testAssistant(t *testing.T, s Stores) {
	t.Run("Conversations", func(t *testing.T) { testAssistantConversations(t, s) })
	t.Run("Feedback", func(t *testing.T) { testAssistantFeedback(t, s) })
	t.Run("Purge", func(t *testing.T) { testAssistantPurge(t, s) })
}

func conversation(t *testing.T, as assistant.Store, id string, expires time.Time) *assistant.Conversation {
	t.Helper()
	c := &assistant.Conversation{ID: id, Lang: "de", Expires: expires}
	must(t, as.CreateConversation(ctx, c, t0))
	return c
}

func answerAt(turn int, question string) *assistant.Answer {
	return &assistant.Answer{ConversationID: "c", Turn: turn, Kind: assistant.KindAnswer, Question: question,
		Sentences:  []assistant.Sentence{{Text: "Zu den Kosten:", Cites: []int{1}}, {Text: "37,00 Euro", Cites: []int{1}, Quoted: true}},
		Citations:  []assistant.Citation{{N: 1, ServiceID: 7, Service: "Reisepass", Section: assistant.SectionFees, Quote: "37,00 Euro", URL: "/leistungen/7#kosten"}},
		Services:   []assistant.ServiceRef{{ID: 7, ExternalID: "1063453", Name: "Reisepass", URL: "/leistungen/7"}},
		NextSteps:  []assistant.Step{{Kind: assistant.StepService, ServiceID: 7, URL: "/leistungen/7", Label: "Reisepass"}},
		Confidence: 0.8, At: t0.Add(time.Duration(turn) * time.Minute), Disclosure: "KI"}
}

func testAssistantConversations(t *testing.T, s Stores) {
	as := assistantStore(t, s)
	if _, err := as.FindConversationByID(ctx, "nope"); !fault.Is(err, fault.NotFound) {
		t.Errorf("FindConversationByID of an unknown id = %v, want NotFound", err)
	}
	conversation(t, as, "c", t0.Add(24*time.Hour))
	if err := as.CreateConversation(ctx, &assistant.Conversation{ID: "c", Lang: "en", Expires: t0}, t0); !fault.Is(err, fault.Conflict) {
		t.Errorf("second conversation with the same id = %v, want Conflict", err)
	}
	first, second := answerAt(1, "Was kostet ein Reisepass?"), answerAt(2, "Und wo?")
	must(t, as.AddAnswer(ctx, "c", first))
	must(t, as.AddAnswer(ctx, "c", second))
	if err := as.AddAnswer(ctx, "c", answerAt(2, "Noch einmal")); !fault.Is(err, fault.Conflict) {
		t.Errorf("second answer for turn 2 = %v, want Conflict", err)
	}
	must(t, as.SetHandover(ctx, "c", "A-2026-7"))
	if err := as.SetHandover(ctx, "nope", "x"); !fault.Is(err, fault.NotFound) {
		t.Errorf("SetHandover of an unknown conversation = %v, want NotFound", err)
	}
	got, err := as.FindConversationByID(ctx, "c")
	must(t, err)
	first.At, second.At = first.At.Truncate(time.Microsecond), second.At.Truncate(time.Microsecond)
	want := &assistant.Conversation{ID: "c", Lang: "de", Expires: t0.Add(24 * time.Hour).Truncate(time.Microsecond),
		HandedOff: "A-2026-7", Answers: []assistant.Answer{*first, *second}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("conversation (-want +got):\n%s", diff)
	}
}

func testAssistantFeedback(t *testing.T, s Stores) {
	as := assistantStore(t, s)
	conversation(t, as, "f", t0.Add(time.Hour))
	must(t, as.AddAnswer(ctx, "f", answerAt(1, "Was kostet ein Reisepass?")))
	if err := as.SetAnswerFeedback(ctx, "f", 2, &assistant.Feedback{Kind: "answer", At: t0}); !fault.Is(err, fault.NotFound) {
		t.Errorf("feedback on a missing turn = %v, want NotFound", err)
	}
	f := &assistant.Feedback{ServiceID: 7, Kind: assistant.KindAnswer, Helpful: false, At: t0}
	must(t, as.SetAnswerFeedback(ctx, "f", 1, f))
	changed := &assistant.Feedback{ServiceID: 7, Kind: assistant.KindAnswer, Helpful: true, At: t0.Add(time.Minute)}
	must(t, as.SetAnswerFeedback(ctx, "f", 1, changed))
	if changed.ID != f.ID || f.ID == 0 {
		t.Errorf("changed feedback has id %d, want the first one's %d", changed.ID, f.ID)
	}
	c, err := as.FindConversationByID(ctx, "f")
	must(t, err)
	if h := c.Answers[0].Helpful; h == nil || !*h {
		t.Errorf("answer's feedback = %v, want helpful", h)
	}
	list, err := as.FindAssistantFeedback(ctx, t0)
	must(t, err)
	want := []assistant.Feedback{{ID: f.ID, ServiceID: 7, Kind: assistant.KindAnswer, Helpful: true, At: t0.Add(time.Minute).Truncate(time.Microsecond)}}
	if diff := cmp.Diff(want, list); diff != "" {
		t.Errorf("feedback (-want +got):\n%s", diff)
	}
}

func testAssistantPurge(t *testing.T, s Stores) {
	as := assistantStore(t, s)
	conversation(t, as, "old", t0)
	conversation(t, as, "new", t0.Add(time.Hour))
	must(t, as.AddAnswer(ctx, "old", answerAt(1, "Meine Adresse ist Hauptstraße 1")))
	must(t, as.SetAnswerFeedback(ctx, "old", 1, &assistant.Feedback{ServiceID: 8, Kind: assistant.KindAnswer, Helpful: true, At: t0}))
	n, err := as.DeleteConversationsBefore(ctx, t0.Add(time.Minute))
	must(t, err)
	if n != 1 {
		t.Errorf("DeleteConversationsBefore = %d, want 1", n)
	}
	if _, err := as.FindConversationByID(ctx, "old"); !fault.Is(err, fault.NotFound) {
		t.Errorf("expired conversation after purge: %v, want NotFound", err)
	}
	if _, err := as.FindConversationByID(ctx, "new"); err != nil {
		t.Errorf("conversation not yet expired: %v", err)
	}
	list, err := as.FindAssistantFeedback(ctx, time.Time{})
	must(t, err)
	if len(list) == 0 || list[0].ServiceID != 8 || !list[0].Helpful {
		t.Errorf("feedback after the conversation's purge = %+v, want it kept", list)
	}
	if n, err := as.DeleteAssistantFeedbackBefore(ctx, t0.Add(time.Second)); err != nil || n != 1 {
		t.Errorf("DeleteAssistantFeedbackBefore = %d, %v; want 1", n, err)
	}
}
