package inquiry_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"rathaus/internal/audit"
	"rathaus/internal/fault"
	"rathaus/internal/inquiry"
	"rathaus/internal/mail"
	"rathaus/internal/org"
	"rathaus/internal/participation"
)

func queueKeys(t *testing.T, e *env, a org.Actor) []string {
	t.Helper()
	qs, err := e.svc.Queues(ctx, a)
	must(t, err)
	var keys []string
	for _, q := range qs {
		keys = append(keys, q.Key)
	}
	return keys
}

func TestQueuesByRole(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		vague, err := e.svc.Submit(ctx, inquiry.Submission{Body: vagueText, Email: "erika@example.org"})
		must(t, err)
		office := strconv.FormatInt(e.ids["buergerservice"], 10)
		if got := queueKeys(t, e, e.worker); strings.Join(got, ",") != inquiry.QueueTriage+","+office {
			t.Errorf("office worker's queues = %v, want triage and the office", got)
		}
		if got := queueKeys(t, e, e.kfz); strings.Join(got, ",") != strconv.FormatInt(e.ids["kfz-zulassung"], 10) {
			t.Errorf("Kfz worker's queues = %v, want only Kfz", got)
		}
		if got := queueKeys(t, e, org.Actor{UserID: 999999}); len(got) != 0 {
			t.Errorf("a citizen's queues = %v", got)
		}
		list, n, err := e.svc.List(ctx, e.worker, inquiry.QueueQuery{Queue: inquiry.QueueTriage})
		must(t, err)
		if n != 1 || list[0].ID != vague.ID {
			t.Errorf("triage queue: %d messages", n)
		}
		if _, _, err := e.svc.List(ctx, e.kfz, inquiry.QueueQuery{Queue: inquiry.QueueTriage}); !fault.Is(err, fault.Forbidden) {
			t.Errorf("Kfz worker lists triage: %v, want Forbidden", err)
		}
		if _, err := e.svc.Open(ctx, e.kfz, vague.ID); !fault.Is(err, fault.NotFound) {
			t.Errorf("Kfz worker opens a triage message: %v, want NotFound", err)
		}
		v, err := e.svc.Open(ctx, e.worker, vague.ID)
		must(t, err)
		if v.Inquiry.Body != vagueText {
			t.Errorf("opened body %q", v.Inquiry.Body)
		}
		es, err := e.db.FindAuditEntries(ctx, audit.Filter{ActorID: &e.worker.UserID, Action: audit.PersonalDataRead})
		must(t, err)
		if len(es) != 1 || es[0].Detail != "inquiry "+vague.Reference {
			t.Errorf("audit entries = %+v, want one read of %s", es, vague.Reference)
		}
	})
}

// TestCorrectionTeachesRouter: staff's correction changes the next
// suggestion for a similar text, in this process and in another one over
// the same database, without a restart.
func TestCorrectionTeachesRouter(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		other := e.service() // a second instance; it trains before the correction
		ksj := e.ids["kommunalservice-jena"]
		before, err := other.Router.Suggest(ctx, lampText2)
		must(t, err)
		if before.OrgID != nil && *before.OrgID == ksj {
			t.Fatalf("the street light already goes to the KSJ before any correction")
		}
		lamp, err := e.svc.Submit(ctx, inquiry.Submission{Body: lampText})
		must(t, err)
		if lamp.Status != inquiry.StatusTriage {
			t.Fatalf("street light message: %s (confidence %.2f), want triage", lamp.Status, lamp.Suggested.Confidence)
		}
		got, err := e.svc.Assign(ctx, e.worker, inquiry.Assignment{ID: lamp.ID, Version: lamp.Version, OrgID: ksj, Category: "abfall"})
		must(t, err)
		if got.Status != inquiry.StatusOpen || *got.OrgID != ksj || got.Category != "abfall" {
			t.Errorf("assigned: %s at %v, %q", got.Status, got.OrgID, got.Category)
		}
		cs, err := e.db.FindCorrections(ctx)
		must(t, err)
		if len(cs) != 1 || cs[0].OrgID != ksj || cs[0].Text != lampText || strings.Contains(cs[0].Text, "@") {
			t.Fatalf("corrections = %+v", cs)
		}
		for name, svc := range map[string]*inquiry.Service{"same instance": e.svc, "other instance": other} {
			sg, err := svc.Router.Suggest(ctx, lampText2)
			must(t, err)
			if sg.OrgID == nil || *sg.OrgID != ksj || sg.Category != "abfall" {
				t.Errorf("%s: similar text goes to %v/%q (%.2f, before %v), want the KSJ (%d)/abfall",
					name, sg.OrgID, sg.Category, sg.Confidence, before.OrgID, ksj)
			}
		}
		admin := org.Actor{UserID: e.worker.UserID, PlatformAdmin: true}
		if _, err := e.svc.Assign(ctx, admin, inquiry.Assignment{ID: lamp.ID, Version: lamp.Version, OrgID: ksj}); !fault.Is(err, fault.Conflict) {
			t.Errorf("assign at an old version: %v, want Conflict", err)
		}
	})
}

func TestAssignAsSuggestedStoresNoCorrection(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		q, err := e.svc.Submit(ctx, inquiry.Submission{Body: vagueText})
		must(t, err)
		_, err = e.svc.Assign(ctx, e.worker, inquiry.Assignment{ID: q.ID, Version: q.Version, OrgID: *q.Suggested.OrgID, Category: q.Suggested.Category})
		must(t, err)
		if n, _, _ := e.db.CorrectionsState(ctx); n != 0 {
			t.Errorf("%d corrections after confirming the suggestion, want 0", n)
		}
		_, err = e.svc.Assign(ctx, e.worker, inquiry.Assignment{ID: q.ID, Version: q.Version + 1, OrgID: 999999, Category: "nope"})
		fe := fault.As(err)
		if !fault.Is(err, fault.Invalid) || len(fe.Fields) != 2 {
			t.Errorf("unknown unit and category: %v, want Invalid on both", err)
		}
	})
}

func TestReplyCloseAndRetention(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		q, err := e.svc.Submit(ctx, inquiry.Submission{Body: vagueText, Email: "erika@example.org", Lang: "de"})
		must(t, err)
		if _, err := e.svc.Reply(ctx, e.worker, q.ID, q.Version, "  "); !fault.Is(err, fault.Invalid) {
			t.Errorf("empty reply: %v, want Invalid", err)
		}
		r, err := e.svc.Reply(ctx, e.worker, q.ID, q.Version, "Gern helfen wir Ihnen weiter.")
		must(t, err)
		if r.Status != inquiry.StatusAnswered {
			t.Errorf("status after reply: %s", r.Status)
		}
		ms, err := e.db.FindMessages(ctx, mail.Filter{To: "erika@example.org"})
		must(t, err)
		if len(ms) != 1 || !strings.Contains(ms[0].Subject, q.Reference) || !strings.Contains(ms[0].Text, "Gern helfen wir Ihnen weiter.") {
			t.Errorf("reply mails = %+v", ms)
		}
		v, err := e.svc.Open(ctx, e.worker, q.ID)
		must(t, err)
		if len(v.Replies) != 1 || v.Replies[0].Role != org.RoleCaseWorker {
			t.Errorf("replies = %+v", v.Replies)
		}
		c, err := e.svc.Close(ctx, e.worker, q.ID, r.Version)
		must(t, err)
		if _, err := e.svc.Reply(ctx, e.worker, q.ID, c.Version, "Noch etwas."); !fault.Is(err, fault.Conflict) {
			t.Errorf("reply to a closed message: %v, want Conflict", err)
		}
		e.advance(inquiry.DefaultRetention - time.Hour)
		if n, err := e.svc.Purge(ctx); err != nil || n != 0 {
			t.Errorf("purge before the retention ended: %d, %v", n, err)
		}
		e.advance(2 * time.Hour)
		if n, err := e.svc.Purge(ctx); err != nil || n != 1 {
			t.Errorf("purge after the retention: %d, %v; want 1", n, err)
		}
		if _, err := e.db.FindInquiry(ctx, q.ID); !fault.Is(err, fault.NotFound) {
			t.Errorf("closed message after its retention: %v", err)
		}
	})
}

func TestIdeaRouter(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		r := inquiry.IdeaRouter{Router: e.svc.Router}
		id, err := r.Suggest(ctx, &participation.Idea{Title: "Neuer Personalausweis", Body: "Mein Personalausweis ist abgelaufen, ich brauche einen neuen."})
		must(t, err)
		if id == nil || *id != e.ids["buergerservice"] {
			t.Errorf("idea about an ID card: %v, want the Bürgerservice", id)
		}
		if id, err := r.Suggest(ctx, &participation.Idea{Title: "Frage", Body: vagueText}); err != nil || id != nil {
			t.Errorf("vague idea: %v, %v; want no suggestion", id, err)
		}
	})
}
