package main

import (
	"context"
	"time"

	"rathaus/internal/assistant"
	"rathaus/internal/config"
)

// assistantPurgeEvery is how often expired conversations are deleted; a
// conversation outlives its retention by at most this much.
const assistantPurgeEvery = 15 * time.Minute

// openAssistant builds "Frag die Stadt" on the catalogue, with the
// language model when one is configured, and schedules the purge of
// expired conversations. The Bürgerservice's queue (Inbox) is wired
// separately; without it the answers name the phone and the offices.
func (a *app) openAssistant(now func() time.Time) {
	c := a.cfg.Assistant
	a.assistant = &assistant.Assistant{Catalog: a.catalog, Store: a.db, T: a.i18n, Now: now,
		Retention: c.Retention, Phone: c.Phone, Model: assistantModel(c)}
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
