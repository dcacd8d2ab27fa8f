package main

import (
	"time"

	"rathaus/internal/inquiry"
)

// inquiryFreshness is how long an instance trusts the catalogue version
// and corrections it last trained on; another instance's correction
// reaches this one's routing within this time (its own at once).
const inquiryFreshness = 5 * time.Second

// openInquiries builds messages to the city with their router, hands the
// assistant's conversations and the ideas' routing to it, and schedules
// the deletion of closed messages past their retention.
func (a *app) openInquiries(now func() time.Time) {
	c := a.cfg.Inquiry
	r := &inquiry.Router{Catalog: a.db, Store: a.db, Threshold: c.Threshold, Freshness: inquiryFreshness}
	a.inquiries = &inquiry.Service{Store: a.db, Router: r, Orgs: a.orgs, Accounts: a.db, Audit: a.db, T: a.i18n,
		Log: a.log, Now: now, BaseURL: a.cfg.BaseURL, Office: c.Office, Retention: c.Retention}
	a.inquiries.RunJobs(a.runner)
	a.ideas.Router = inquiry.IdeaRouter{Router: r}
	if a.assistant != nil {
		a.assistant.Inbox = inquiryInbox{a.inquiries}
	}
}
