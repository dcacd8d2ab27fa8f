package main

import (
	"context"
	"time"

	"rathaus/internal/assistant"
	"rathaus/internal/config"
	"rathaus/internal/inquiry"
)

// assistantPurgeEvery is how often expired conversations are deleted; a
// conversation outlives its retention by at most this much.
const assistantPurgeEvery = 15 * time.Minute

// openAssistant builds "Frag die Stadt" on the catalogue, with the
// language model when one is configured, and schedules the purge of
// expired conversations. The Bürgerservice's queue (Inbox, see
// inquiryInbox) is wired by openInquiries; without it the answers name
// the phone and the offices.
func (a *app) openAssistant(now func() time.Time) {
	c := a.cfg.Assistant
	a.assistant = &assistant.Assistant{Catalog: a.catalog, Store: a.db, T: a.i18n, Now: now,
		Retention: c.Retention, Phone: c.Phone, Model: assistantModel(c), Booking: a.booking}
	a.runner.Every("assistant.purge", assistantPurgeEvery, func(ctx context.Context, _ []byte) error {
		n, err := a.assistant.Purge(ctx)
		if n > 0 {
			a.log.Info("purged expired assistant conversations", "count", n)
		}
		return err
	})
}

// assistantModel is the configured language model, nil for none.
func assistantModel(c config.Assistant) *assistant.LLM {
	if c.LLMURL == "" {
		return nil
	}
	return &assistant.LLM{URL: c.LLMURL, Model: c.LLMModel, APIKey: c.LLMKey, Timeout: c.LLMTimeout}
}

// inquiryInbox hands the assistant's conversations to the citizens'
// service office's triage queue of messages to the city (wired in
// openInquiries).
type inquiryInbox struct{ s *inquiry.Service }

// Handover files the conversation as a message from the assistant and
// returns the message's reference.
func (i inquiryInbox) Handover(ctx context.Context, h assistant.Handover) (string, error) {
	c := h.Contact
	return i.s.Handover(ctx, h.Lang, h.Transcript, h.ServiceIDs, c.Name, c.Email, c.UserID, c.Note)
}
