package assistant

import (
	"context"
	"fmt"
	"net/mail"
	"strings"
	"unicode/utf8"

	"rathaus/internal/fault"
)

// HandOver gives a conversation to the citizens' service office: its
// transcript (questions, answers, cited services) goes to the Inbox, and
// the message's reference is recorded on the conversation. Handing over
// the same conversation again returns the first reference.
func (a *Assistant) HandOver(ctx context.Context, conversationID string, c Contact) (string, error) {
	if a.Inbox == nil {
		return "", fault.New(fault.Conflict, "error.assistant.no_handover")
	}
	conv, err := a.Conversation(ctx, conversationID)
	if err != nil {
		return "", err
	}
	if conv.HandedOff != "" {
		return conv.HandedOff, nil
	}
	if err := checkContact(&c); err != nil {
		return "", err
	}
	if len(conv.Answers) == 0 {
		return "", fault.New(fault.Invalid, "error.assistant.empty_conversation")
	}
	h := Handover{ConversationID: conv.ID, Lang: conv.Lang, Transcript: Transcript(conv), Contact: c}
	for _, ans := range conv.Answers {
		for _, s := range ans.Services {
			if !containsID(h.ServiceIDs, s.ID) {
				h.ServiceIDs = append(h.ServiceIDs, s.ID)
			}
		}
	}
	ref, err := a.Inbox.Handover(ctx, h)
	if err != nil {
		return "", err
	}
	return ref, a.Store.SetHandover(ctx, conv.ID, ref)
}

func checkContact(c *Contact) error {
	c.Name, c.Email, c.Note = strings.TrimSpace(c.Name), strings.TrimSpace(c.Email), strings.TrimSpace(c.Note)
	var v fault.Validator
	v.Check(c.Email != "" || c.UserID != nil, "email", "error.assistant.contact_missing")
	if c.Email != "" {
		addr, err := mail.ParseAddress(c.Email)
		v.Check(err == nil && addr.Address == c.Email && len(c.Email) <= MaxEmail, "email", "error.assistant.email_invalid")
	}
	v.Check(utf8.RuneCountInString(c.Name) <= MaxName, "name", "error.assistant.name_long", MaxName)
	v.Check(utf8.RuneCountInString(c.Note) <= MaxNote, "note", "error.assistant.note_long", MaxNote)
	return v.Err()
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// Transcript writes a conversation for the service office, in German:
// every question, the answer's sentences with their citation numbers, and
// the cited passages' services and pages.
func Transcript(c *Conversation) string {
	var b strings.Builder
	for _, ans := range c.Answers {
		fmt.Fprintf(&b, "Frage %d: %s\n", ans.Turn, ans.Question)
		fmt.Fprintf(&b, "Antwort (%s, Sicherheit %.2f):\n", ans.Kind, ans.Confidence)
		for _, s := range ans.Sentences {
			b.WriteString("  " + s.Text)
			for _, n := range s.Cites {
				fmt.Fprintf(&b, " [%d]", n)
			}
			b.WriteString("\n")
		}
		for _, ct := range ans.Citations {
			fmt.Fprintf(&b, "  [%d] %s, %s\n", ct.N, ct.Service, ct.URL)
		}
		if len(ans.Services) > 0 {
			names := make([]string, len(ans.Services))
			for i, s := range ans.Services {
				names[i] = fmt.Sprintf("%s (%s)", s.Name, s.URL)
			}
			fmt.Fprintf(&b, "  Leistungen: %s\n", strings.Join(names, "; "))
		}
		b.WriteString("\n")
	}
	return strings.TrimSpace(b.String())
}
