package assistant_test

import (
	"context"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"rathaus/internal/assistant"
	"rathaus/internal/fault"
	"rathaus/internal/storetest"
)

var ctx = context.Background()

func ask(t *testing.T, a *assistant.Assistant, conv, lang, text string) *assistant.Answer {
	t.Helper()
	ans, err := a.Ask(ctx, assistant.Question{Text: text, ConversationID: conv, Lang: lang})
	if err != nil {
		t.Fatalf("Ask(%q): %v", text, err)
	}
	return ans
}

// text is the answer as a reader sees it.
func text(ans *assistant.Answer) string {
	var parts []string
	for _, s := range ans.Sentences {
		parts = append(parts, s.Text)
	}
	return strings.Join(parts, " ")
}

// cited checks that every quoted sentence cites an existing passage that
// contains it, and returns the cited sections.
func cited(t *testing.T, ans *assistant.Answer) map[string]bool {
	t.Helper()
	sections := map[string]bool{}
	for _, s := range ans.Sentences {
		if s.Quoted && len(s.Cites) == 0 {
			t.Errorf("quoted sentence %q cites nothing", s.Text)
		}
		for _, n := range s.Cites {
			if n < 1 || n > len(ans.Citations) {
				t.Fatalf("sentence %q cites [%d] of %d", s.Text, n, len(ans.Citations))
			}
			c := ans.Citations[n-1]
			if s.Quoted && !strings.Contains(c.Quote, s.Text) {
				t.Errorf("sentence %q is not in its passage %q", s.Text, c.Quote)
			}
			sections[c.Section] = true
		}
	}
	return sections
}

func TestAskRejectsBadQuestions(t *testing.T) {
	a, _ := fixture(t, storetest.OpenSQLite(t))
	for _, tc := range []struct{ text, key string }{
		{"   ", "error.assistant.question_empty"},
		{strings.Repeat("Reisepass ", 51), "error.assistant.question_long"},
	} {
		_, err := a.Ask(ctx, assistant.Question{Text: tc.text})
		if !fault.Is(err, fault.Invalid) || fault.As(err).Key != tc.key {
			t.Errorf("Ask(%.20q) = %v, want Invalid %s", tc.text, err, tc.key)
		}
	}
}

func TestAskQuotesTheAspect(t *testing.T) {
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			a, _ := fixture(t, open(t))
			ans := ask(t, a, "", "de", "Was kostet ein neuer Reisepass?")
			if ans.Kind != assistant.KindAnswer || len(ans.Services) == 0 || ans.Services[0].Name != "Reisepass" {
				t.Fatalf("got %s about %+v, want an answer about the Reisepass", ans.Kind, ans.Services)
			}
			if ans.Turn != 1 || ans.Disclosure == "" || !strings.Contains(ans.Disclosure, "automatischer Assistent") {
				t.Errorf("first answer: turn %d, disclosure %q; want turn 1 saying it is an automated assistant", ans.Turn, ans.Disclosure)
			}
			if !regexp.MustCompile(`^[A-Za-z0-9_-]{22}$`).MatchString(ans.ConversationID) {
				t.Errorf("conversation id %q is not 128 random bits, URL-safe", ans.ConversationID)
			}
			got := text(ans)
			for _, want := range []string{"Zu den Kosten", "unter 24 Jahren: 37,50 Euro", "ab 24 Jahren: 70 Euro"} {
				if !strings.Contains(got, want) {
					t.Errorf("answer %q lacks %q", got, want)
				}
			}
			if !cited(t, ans)[assistant.SectionFees] {
				t.Errorf("answer cites no fees: %+v", ans.Citations)
			}
			id := ans.Services[0].ID
			if c := ans.Citations[0]; c.URL != assistant.ServiceURL(id)+"#kosten" {
				t.Errorf("citation URL %q, want the service page's fees section", c.URL)
			}
			if !hasStep(ans, assistant.StepAppointment, "https://termine.example/pass") || !hasStep(ans, assistant.StepService, assistant.ServiceURL(id)) {
				t.Errorf("next steps %+v, want the appointment and the service page", ans.NextSteps)
			}
		})
	}
}

func hasStep(ans *assistant.Answer, kind, url string) bool {
	for _, s := range ans.NextSteps {
		if s.Kind == kind && (url == "" || s.URL == url) {
			return true
		}
	}
	return false
}

func TestAskAspects(t *testing.T) {
	a, _ := fixture(t, storetest.OpenSQLite(t))
	for _, tc := range []struct {
		question, section string
		says              []string
	}{
		{"Was muss ich für den Reisepass mitbringen?", assistant.SectionDocuments, []string{"ein biometrisches Lichtbild"}},
		{"Wo kann ich einen Reisepass beantragen?", assistant.SectionOffices, []string{"Bürgerbüro Mitte, Marktplatz 1, 07743 Jena", "Mo 08:00-12:00; Do 13:00-18:00"}},
		{"Wie lange dauert ein Reisepass?", assistant.SectionProcessing, []string{"etwa drei bis vier Wochen"}},
		{"Bis wann muss ich meine Wohnung anmelden?", assistant.SectionDeadlines, []string{"innerhalb von zwei Wochen nach dem Einzug"}},
		{"Kann ich meine Wohnung online anmelden?", assistant.SectionOnline, []string{"online beantragen"}},
		{"Ich habe einen Hund, was muss ich tun?", assistant.SectionSummary, []string{"Wer einen Hund hält, zahlt Hundesteuer."}},
	} {
		ans := ask(t, a, "", "de", tc.question)
		if ans.Kind != assistant.KindAnswer {
			t.Errorf("%q: %s, want an answer", tc.question, ans.Kind)
			continue
		}
		if !cited(t, ans)[tc.section] {
			t.Errorf("%q cites %+v, want section %s", tc.question, ans.Citations, tc.section)
		}
		for _, want := range tc.says {
			if !strings.Contains(text(ans), want) {
				t.Errorf("%q: answer %q lacks %q", tc.question, text(ans), want)
			}
		}
	}
}

func TestFollowUps(t *testing.T) {
	a, _ := fixture(t, storetest.OpenSQLite(t))
	first := ask(t, a, "", "de", "Was kostet ein Reisepass?")
	conv := first.ConversationID
	for _, tc := range []struct{ lang, question, service, section string }{
		{"de", "Und wo kann ich das machen?", "Reisepass", assistant.SectionOffices},
		{"en", "and how long does it take?", "Reisepass", assistant.SectionProcessing},
		{"de", "Was muss ich mitbringen?", "Reisepass", assistant.SectionDocuments},
		{"de", "Und für mein Kind?", "Reisepass", ""},
		{"de", "Wie melde ich meine Wohnung an?", "Wohnsitzanmeldung", ""}, // a new topic
		{"de", "Bis wann muss ich das machen?", "Wohnsitzanmeldung", assistant.SectionDeadlines},
	} {
		ans := ask(t, a, conv, tc.lang, tc.question)
		if ans.ConversationID != conv || len(ans.Services) == 0 || ans.Services[0].Name != tc.service {
			t.Errorf("%q: conversation %s about %+v, want %s in %s", tc.question, ans.ConversationID, ans.Services, tc.service, conv)
			continue
		}
		if ans.Disclosure != "" {
			t.Errorf("%q: disclosure repeated in turn %d", tc.question, ans.Turn)
		}
		if tc.section != "" && !cited(t, ans)[tc.section] {
			t.Errorf("%q cites %+v, want section %s", tc.question, ans.Citations, tc.section)
		}
	}
	c, err := a.Conversation(ctx, conv)
	if err != nil || len(c.Answers) != 7 || c.Answers[6].Question != "Bis wann muss ich das machen?" {
		t.Fatalf("conversation: %v, %d answers", err, len(c.Answers))
	}
}

func TestEnglishAnswerQuotesGerman(t *testing.T) {
	a, _ := fixture(t, storetest.OpenSQLite(t))
	ans := ask(t, a, "", "en", "How much does a passport cost?")
	if ans.Kind != assistant.KindAnswer || ans.Services[0].Name != "Reisepass" {
		t.Fatalf("got %s about %+v", ans.Kind, ans.Services)
	}
	if s := ans.Sentences[0]; s.Quoted || !strings.Contains(s.Text, "quoted in the original German") {
		t.Errorf("first sentence %+v, want an English frame saying the quotes are German", s)
	}
	if !strings.Contains(ans.Disclosure, "automated assistant") {
		t.Errorf("disclosure %q, want English", ans.Disclosure)
	}
	if s := ans.Sentences[1]; !s.Quoted || !strings.Contains(s.Text, "Euro") {
		t.Errorf("second sentence %+v, want a German quote", s)
	}
}

func TestRefusals(t *testing.T) {
	a, _ := fixture(t, storetest.OpenSQLite(t))
	a.Inbox = &inbox{}
	for _, tc := range []struct{ lang, question string }{
		{"de", "Habe ich Anspruch auf einen kostenlosen Reisepass?"},
		{"de", "Bekomme ich einen Reisepass, wenn ich keine deutsche Staatsangehörigkeit habe?"},
		{"de", "Muss ich Hundesteuer zahlen, obwohl mein Hund alt ist?"},
		{"de", "Ist es legal, ohne Anmeldung in einer Wohnung zu wohnen?"},
		{"en", "Can I get a passport without an ID card?"},
	} {
		ans := ask(t, a, "", tc.lang, tc.question)
		if ans.Kind != assistant.KindRefusal {
			t.Errorf("%q: %s, want a refusal", tc.question, ans.Kind)
			continue
		}
		got := text(ans)
		if regexp.MustCompile(`(?i)^(ja|nein|yes|no)\b`).MatchString(got) {
			t.Errorf("%q: refusal %q starts with yes or no", tc.question, got)
		}
		if !hasStep(ans, assistant.StepHuman, "") {
			t.Errorf("%q: refusal offers no human: %+v", tc.question, ans.NextSteps)
		}
	}
	// Questions of how, not whether, are answered.
	for _, q := range []string{"Wie bekomme ich einen Reisepass?", "Bekomme ich einen Termin für den Reisepass?",
		"How can I get a passport?", "Where can I get a passport?"} {
		if ans := ask(t, a, "", "de", q); ans.Kind != assistant.KindAnswer {
			t.Errorf("%q: %s, want an answer", q, ans.Kind)
		}
	}
}

func TestUnsure(t *testing.T) {
	a, _ := fixture(t, storetest.OpenSQLite(t))
	ans := ask(t, a, "", "de", "Wie hoch ist der Eiffelturm in Paris?")
	if ans.Kind != assistant.KindUnsure || !strings.Contains(text(ans), "nicht sicher") || !strings.Contains(text(ans), "115") {
		t.Errorf("got %s %q, want unsure with the phone number 115", ans.Kind, text(ans))
	}
	if hasStep(ans, assistant.StepHuman, "") {
		t.Error("a handover offered without an inbox")
	}
	a.Inbox = &inbox{}
	if ans := ask(t, a, "", "de", "Wie hoch ist der Eiffelturm?"); !hasStep(ans, assistant.StepHuman, "") {
		t.Errorf("unsure answer with an inbox offers no human: %+v", ans.NextSteps)
	}
	// A follow-up with nothing to follow is unsure too.
	if ans := ask(t, a, "", "de", "Und was kostet das?"); ans.Kind != assistant.KindUnsure {
		t.Errorf("follow-up without a previous answer: %s, want unsure", ans.Kind)
	}
}

func TestRetention(t *testing.T) {
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			a, clk := fixture(t, db)
			first := ask(t, a, "", "de", "Was kostet ein Reisepass?")
			if err := a.Feedback(ctx, first.ConversationID, 1, true); err != nil {
				t.Fatal(err)
			}
			c, err := a.Conversation(ctx, first.ConversationID)
			if err != nil || c.Answers[0].Helpful == nil || !*c.Answers[0].Helpful {
				t.Fatalf("conversation after feedback: %v %+v", err, c)
			}
			if err := a.Feedback(ctx, first.ConversationID, 2, true); !fault.Is(err, fault.NotFound) {
				t.Errorf("feedback on a missing turn = %v, want NotFound", err)
			}
			if !c.Expires.Equal(now.Add(assistant.DefaultRetention)) {
				t.Errorf("expires %v, want now + %v", c.Expires, assistant.DefaultRetention)
			}
			clk.t = now.Add(assistant.DefaultRetention + time.Minute)
			if _, err := a.Conversation(ctx, first.ConversationID); !fault.Is(err, fault.NotFound) {
				t.Errorf("expired conversation = %v, want NotFound", err)
			}
			again := ask(t, a, first.ConversationID, "de", "Und wo?")
			if again.ConversationID == first.ConversationID || again.Turn != 1 || again.Disclosure == "" {
				t.Errorf("question to an expired conversation: %s turn %d, want a new conversation", again.ConversationID, again.Turn)
			}
			n, err := a.Purge(ctx)
			if err != nil || n != 1 {
				t.Errorf("Purge = %d, %v; want 1", n, err)
			}
			if _, err := db.FindConversationByID(ctx, first.ConversationID); !fault.Is(err, fault.NotFound) {
				t.Errorf("purged conversation still stored: %v", err)
			}
			fb, err := db.FindAssistantFeedback(ctx, time.Time{})
			if err != nil || len(fb) != 1 || !fb[0].Helpful || fb[0].ServiceID != first.Services[0].ID {
				t.Errorf("feedback after purge: %+v, %v; want the one helpful answer kept", fb, err)
			}
		})
	}
}

func TestHandOver(t *testing.T) {
	a, _ := fixture(t, storetest.OpenSQLite(t))
	first := ask(t, a, "", "de", "Wie hoch ist der Eiffelturm?")
	if _, err := a.HandOver(ctx, first.ConversationID, assistant.Contact{Email: "a@example.de"}); !fault.Is(err, fault.Conflict) {
		t.Errorf("handover without an inbox = %v, want Conflict", err)
	}
	in := &inbox{}
	a.Inbox = in
	ask(t, a, first.ConversationID, "de", "Was kostet ein Reisepass?")
	for _, c := range []assistant.Contact{{}, {Email: "kein-at"}, {Email: "a@example.de", Note: strings.Repeat("x", assistant.MaxNote+1)}} {
		if _, err := a.HandOver(ctx, first.ConversationID, c); !fault.Is(err, fault.Invalid) {
			t.Errorf("handover with %+v = %v, want Invalid", c, err)
		}
	}
	if len(in.got) != 0 {
		t.Fatalf("invalid handovers reached the inbox: %+v", in.got)
	}
	ref, err := a.HandOver(ctx, first.ConversationID, assistant.Contact{Email: "erika@example.de", Note: "Bitte um Rückruf"})
	if err != nil || ref != "N-2026-1" {
		t.Fatalf("HandOver = %q, %v", ref, err)
	}
	h := in.got[0]
	for _, want := range []string{"Frage 1: Wie hoch ist der Eiffelturm?", "Frage 2: Was kostet ein Reisepass?", "37,50 Euro", "Reisepass (/leistungen/"} {
		if !strings.Contains(h.Transcript, want) {
			t.Errorf("transcript lacks %q:\n%s", want, h.Transcript)
		}
	}
	if h.Contact.Email != "erika@example.de" || len(h.ServiceIDs) == 0 {
		t.Errorf("handover %+v", h)
	}
	if again, err := a.HandOver(ctx, first.ConversationID, assistant.Contact{Email: "erika@example.de"}); err != nil || again != ref || len(in.got) != 1 {
		t.Errorf("second handover = %q, %v, %d messages; want the first reference and no new message", again, err, len(in.got))
	}
	if c, _ := a.Conversation(ctx, first.ConversationID); c.HandedOff != ref {
		t.Errorf("conversation handed off %q, want %q", c.HandedOff, ref)
	}
}

// TestDoubleSubmit sends two questions to one conversation at once, as a
// double click does: both are answered, as consecutive turns.
func TestDoubleSubmit(t *testing.T) {
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			a, _ := fixture(t, open(t))
			first := ask(t, a, "", "de", "Was kostet ein Reisepass?")
			var wg sync.WaitGroup
			turns := make([]int, 2)
			for i := range turns {
				wg.Add(1)
				go func() {
					defer wg.Done()
					ans, err := a.Ask(ctx, assistant.Question{Text: "Und wo?", ConversationID: first.ConversationID})
					if err != nil {
						t.Error(err)
						return
					}
					turns[i] = ans.Turn
				}()
			}
			wg.Wait()
			if turns[0]+turns[1] != 5 {
				t.Errorf("turns %v, want 2 and 3", turns)
			}
		})
	}
}
