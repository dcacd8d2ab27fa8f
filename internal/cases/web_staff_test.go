package cases_test

import (
	"context"
	"testing"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
	"rathaus/internal/payment"
)

// TestStatementLinesSayWhatWasBooked imports the same statement twice:
// the first import books the fee, the second reports the payment as
// booked earlier (not as an unknown reference) and books nothing; a
// worker of another unit books nothing at all.
func TestStatementLinesSayWhatWasBooked(t *testing.T) {
	eachEngine(t, func(t *testing.T, e *svcEnv) {
		ctx := context.Background()
		c := e.apply(t, "").Case
		camt := []byte(camtPaying(c.Reference, "30.60"))

		lines, _, err := e.svc.ImportStatementLines(ctx, e.stranger, camt)
		must(t, err)
		if len(lines) != 1 || lines[0].Status != cases.LineNone {
			t.Errorf("another unit's import: %+v", lines)
		}
		lines, rep, err := e.svc.ImportStatementLines(ctx, e.worker, camt)
		must(t, err)
		if len(lines) != 1 || lines[0].Status != cases.LineBooked || lines[0].Reference != c.Reference ||
			lines[0].Match.Outcome != payment.Paid || rep.Booked != 1 {
			t.Fatalf("first import: %+v, report %+v", lines, rep)
		}
		lines, rep, err = e.svc.ImportStatementLines(ctx, e.worker, camt)
		must(t, err)
		if len(lines) != 1 || lines[0].Status != cases.LineRepeated || lines[0].Reference != c.Reference || rep.Booked != 0 {
			t.Errorf("second import: %+v, report %+v", lines, rep)
		}
		got, err := e.db.FindCase(ctx, c.ID)
		must(t, err)
		if got.PaidCents != 3060 {
			t.Errorf("paid = %d, want 3060", got.PaidCents)
		}
		if _, _, err := e.svc.ImportStatementLines(ctx, e.worker, []byte("<Document/>")); !fault.Is(err, fault.Invalid) {
			t.Errorf("a broken statement: %v, want Invalid", err)
		}
	})
}

// TestStaffReadsTheApplicantsMessages: opening the case as staff marks
// the applicant's messages read; a worker of another unit cannot.
func TestStaffReadsTheApplicantsMessages(t *testing.T) {
	eachEngine(t, func(t *testing.T, e *svcEnv) {
		ctx := context.Background()
		c := e.apply(t, "").Case
		_, err := e.svc.CitizenMessage(ctx, cases.Citizen{UserID: &e.citizen}, cases.Reply{CaseID: c.ID, Body: "Hier ist der Schein.", Lang: "de"})
		must(t, err)
		if err := e.svc.MarkReadByStaff(ctx, e.stranger, c.ID); !fault.Is(err, fault.NotFound) {
			t.Errorf("another unit: %v, want NotFound", err)
		}
		must(t, e.svc.MarkReadByStaff(ctx, e.worker, c.ID))
		ms, err := e.db.Messages(ctx, c.ID)
		must(t, err)
		if len(ms) != 1 || ms[0].ReadAt == nil {
			t.Errorf("the applicant's message is not marked read: %+v", ms)
		}
	})
}
