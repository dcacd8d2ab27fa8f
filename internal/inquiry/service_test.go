package inquiry_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"rathaus/internal/fault"
	"rathaus/internal/inquiry"
)

const (
	dogText   = "Ich möchte meinen Hund anmelden. Wie hoch ist die Hundesteuer?"
	vagueText = "Hallo, ich habe eine Frage."
	lampText  = "Die Straßenlaterne in der Karl-Liebknecht-Straße ist seit einer Woche kaputt."
	lampText2 = "Am Löbdergraben ist eine Straßenlaterne kaputt, es ist nachts ganz dunkl."
)

func count(t *testing.T, e *env) int {
	t.Helper()
	_, n, err := e.db.FindInquiries(ctx, inquiry.Filter{})
	must(t, err)
	return n
}

func TestSubmitRefusesBadInput(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		for _, tc := range []struct {
			name  string
			sub   inquiry.Submission
			field string
		}{
			{"no message", inquiry.Submission{Body: "  "}, "body"},
			{"long message", inquiry.Submission{Body: strings.Repeat("a", inquiry.MaxBody+1)}, "body"},
			{"long subject", inquiry.Submission{Subject: strings.Repeat("a", inquiry.MaxSubject+1), Body: "x"}, "subject"},
			{"bad address", inquiry.Submission{Body: "x", Email: "erika@"}, "email"},
			{"unknown source", inquiry.Submission{Body: "x", Source: "fax"}, "source"},
		} {
			_, err := e.svc.Submit(ctx, tc.sub)
			fe := fault.As(err)
			if !fault.Is(err, fault.Invalid) || len(fe.Fields) == 0 || fe.Fields[0].Field != tc.field {
				t.Errorf("%s: %v, want Invalid on %s", tc.name, err, tc.field)
			}
		}
		if n := count(t, e); n != 0 {
			t.Errorf("%d messages stored after bad input, want 0", n)
		}
	})
}

func TestSubmitRoutes(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		dog, err := e.svc.Submit(ctx, inquiry.Submission{Subject: "Hundesteuer", Body: dogText, Email: "Erika@Example.org"})
		must(t, err)
		if dog.Reference != "A-2026-000001" || dog.Status != inquiry.StatusOpen || dog.OrgID == nil || *dog.OrgID != e.ids["stadt-jena"] {
			t.Errorf("dog message: %s, status %s, unit %v; want A-2026-000001 open at stadt-jena (%d)", dog.Reference, dog.Status, dog.OrgID, e.ids["stadt-jena"])
		}
		if dog.Category != "tiere-natur" || !slices.Contains(dog.Suggested.Because, "Hund") || dog.Email != "erika@example.org" {
			t.Errorf("dog message: category %q, because %v, email %q", dog.Category, dog.Suggested.Because, dog.Email)
		}
		vague, err := e.svc.Submit(ctx, inquiry.Submission{Body: vagueText})
		must(t, err)
		if vague.Status != inquiry.StatusTriage || vague.OrgID == nil || *vague.OrgID != e.ids["buergerservice"] {
			t.Errorf("vague message: status %s at %v (confidence %.2f), want triage at the office", vague.Status, vague.OrgID, vague.Suggested.Confidence)
		}
		ref, err := e.svc.Handover(ctx, "en", "Q: dog tax?\nA: …", []int64{1}, "Erika", "", nil, "Please call me back: "+dogText)
		must(t, err)
		h, err := e.db.FindInquiryByReference(ctx, ref)
		must(t, err)
		if h.Status != inquiry.StatusTriage || h.Source != inquiry.SourceAssistant || h.Suggested.OrgID == nil || h.Lang != "en" ||
			!strings.HasPrefix(h.Body, "Please call me back") || h.Subject == "" {
			t.Errorf("handover: %+v; want it in triage with a suggestion, the note first", h)
		}
		stored, err := e.db.FindInquiry(ctx, dog.ID)
		must(t, err)
		if stored.Status != inquiry.StatusOpen || stored.Version != 2 {
			t.Errorf("stored dog message: %s, version %d", stored.Status, stored.Version)
		}
	})
}

// TestSubmitKeepsMessageWhenRoutingFails: routing comes after storing.
func TestSubmitKeepsMessageWhenRoutingFails(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		e.svc.Router.Catalog = brokenCatalogue{e.db}
		q, err := e.svc.Submit(ctx, inquiry.Submission{Body: dogText})
		must(t, err)
		if q.Status != inquiry.StatusTriage || count(t, e) != 1 {
			t.Errorf("status %s, %d stored; want the message in triage", q.Status, count(t, e))
		}
	})
}

type brokenCatalogue struct{ inquiry.Catalogue }

func (brokenCatalogue) CatalogVersion(context.Context) (int64, error) {
	return 0, errors.New("catalogue unavailable")
}
