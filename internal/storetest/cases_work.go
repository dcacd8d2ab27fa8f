package storetest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/cases"
	"rathaus/internal/fault"
	"rathaus/internal/mail"
	"rathaus/internal/processlog"
)

func testCaseUpdate(t *testing.T, s Stores) {
	staff := newUser(t, s, "sb@jena.de")
	c := submit(t, s, submission("erika@example.org", t0))
	w := cases.Default()
	seen := *c // what a second worker loaded

	at := t0.Add(time.Hour)
	ev, err := c.Apply(w, cases.Change{Action: "start", Version: c.Version, Actor: "staff:1", At: at})
	must(t, err)
	deadline := t0.Add(30 * 24 * time.Hour)
	c.AssigneeID, c.Deadline, c.FeeCents, c.PaidCents = &staff.ID, &deadline, 4000, 4000
	h := &cases.HistoryEntry{At: at, Action: "start", FromState: "received", ToState: c.State, ActorID: &staff.ID, Note: "los"}
	fx := cases.Effects{Events: []processlog.Event{ev}, Mails: []mail.Message{{To: "erika@example.org", Subject: "Neuigkeiten", Text: "x", CreatedAt: at}}}
	must(t, s.UpdateCase(ctx, c, h, fx))
	got, err := s.FindCase(ctx, c.ID)
	must(t, err)
	if d := cmp.Diff(caseUS(*c), got); d != "" || got.Version != 2 || got.State != "in_progress" {
		t.Errorf("after update (-want +got):\n%s", d)
	}

	// The second worker's change on the old version is refused, and
	// nothing of it is written.
	ev2, err := seen.Apply(w, cases.Change{Action: "withdraw", Version: seen.Version, Actor: "citizen", At: at})
	must(t, err)
	err = s.UpdateCase(ctx, &seen, &cases.HistoryEntry{At: at, Action: "withdraw", ToState: seen.State},
		cases.Effects{Events: []processlog.Event{ev2}, Mails: []mail.Message{{To: "erika@example.org", Subject: "Zurückgezogen", Text: "x", CreatedAt: at}}})
	if errKey(err) != "conflict error.cases.stale" {
		t.Errorf("update on a stale version = %v, want Conflict error.cases.stale", err)
	}
	hs, err := s.History(ctx, c.ID)
	must(t, err)
	wantH := []cases.HistoryEntry{
		{ID: hs[0].ID, CaseID: c.ID, At: t0us, Action: "submitted", ToState: "received"},
		{ID: h.ID, CaseID: c.ID, At: at.Truncate(time.Microsecond), Action: "start", FromState: "received", ToState: "in_progress", Note: "los", ActorID: &staff.ID},
	}
	if d := cmp.Diff(wantH, hs); d != "" {
		t.Errorf("history (-want +got):\n%s", d)
	}
	ms, _ := s.FindMessages(ctx, mail.Filter{To: "erika@example.org"})
	evs, _ := s.FindEvents(ctx, processlog.Filter{Process: cases.Process})
	if len(ms) != 1 || len(evs) != 1 || evs[0].Activity != "start" {
		t.Errorf("%d mails and events %+v, want only the first change's", len(ms), evs)
	}

	// Closing records the time; a case that does not exist is NotFound.
	ev, err = c.Apply(w, cases.Change{Action: "approve", Version: c.Version, At: at.Add(time.Hour)})
	must(t, err)
	must(t, s.UpdateCase(ctx, c, nil, cases.Effects{Events: []processlog.Event{ev}}))
	_, err = c.Apply(w, cases.Change{Action: "close", Version: c.Version, At: at.Add(2 * time.Hour)})
	must(t, err)
	must(t, s.UpdateCase(ctx, c, nil, cases.Effects{}))
	got, _ = s.FindCase(ctx, c.ID)
	if got.Version != 4 || got.State != "closed" || got.ClosedAt == nil || !got.ClosedAt.Equal(at.Add(2*time.Hour).Truncate(time.Microsecond)) {
		t.Errorf("closed case = %+v", got)
	}
	missing := *c
	missing.ID += 100
	if err := s.UpdateCase(ctx, &missing, nil, cases.Effects{}); !fault.Is(err, fault.NotFound) {
		t.Errorf("update of a missing case = %v, want NotFound", err)
	}
}

func testFindCases(t *testing.T, s Stores) {
	unitA, unitB := newOrg(t, s, "a"), newOrg(t, s, "b")
	staff, applicant := newUser(t, s, "sb@jena.de"), newUser(t, s, "erika@example.org")
	mk := func(name string, org *int64, state string, deadline *time.Time, assignee, app *int64, at time.Time, channel string) *cases.Case {
		sub := submission("x@example.org", at)
		c := sub.Case
		c.Name, c.OrgID, c.State, c.Deadline, c.AssigneeID, c.ApplicantID, c.Channel = name, org, state, deadline, assignee, app, channel
		return submit(t, s, sub)
	}
	in2, in5 := t0.Add(48*time.Hour), t0.Add(5*24*time.Hour)
	c1 := mk("Erika MÜLLER", &unitA, "received", &in5, nil, nil, t0, cases.ChannelOnline)
	c2 := mk("Max Muster", &unitA, "in_progress", &in2, &staff.ID, nil, t0.Add(time.Hour), cases.ChannelOnline)
	c3 := mk("Anna Schmidt", &unitB, "received", nil, nil, &applicant.ID, t0.Add(2*time.Hour), cases.ChannelOnline)
	c4 := mk("Paul Papier", nil, "waiting", nil, nil, nil, t0.Add(time.Hour), cases.ChannelPaper)

	due := t0.Add(3 * 24 * time.Hour)
	for _, tc := range []struct {
		name  string
		f     cases.Filter
		want  []*cases.Case
		total int
	}{
		{"all, by deadline then submission", cases.Filter{}, []*cases.Case{c2, c1, c4, c3}, 4},
		{"units", cases.Filter{OrgIDs: []int64{unitA}}, []*cases.Case{c2, c1}, 2},
		{"no units", cases.Filter{OrgIDs: []int64{}}, nil, 0},
		{"states", cases.Filter{States: []string{"received", "waiting"}}, []*cases.Case{c1, c4, c3}, 3},
		{"no states is every state", cases.Filter{States: []string{}}, []*cases.Case{c2, c1, c4, c3}, 4},
		{"assignee", cases.Filter{AssigneeID: &staff.ID}, []*cases.Case{c2}, 1},
		{"unassigned", cases.Filter{Unassigned: true, OrgIDs: []int64{unitA, unitB}}, []*cases.Case{c1, c3}, 2},
		{"applicant", cases.Filter{ApplicantID: &applicant.ID}, []*cases.Case{c3}, 1},
		{"due before", cases.Filter{DueBefore: &due}, []*cases.Case{c2}, 1},
		{"channel", cases.Filter{Channel: cases.ChannelPaper}, []*cases.Case{c4}, 1},
		{"service", cases.Filter{ServiceID: 8}, nil, 0},
		{"reference", cases.Filter{Reference: c3.Reference}, []*cases.Case{c3}, 1},
		{"query name, any case", cases.Filter{Query: " müller "}, []*cases.Case{c1}, 1},
		{"query reference part", cases.Filter{Query: "2026-000004"}, []*cases.Case{c4}, 1},
		{"query wildcard is literal", cases.Filter{Query: "%"}, nil, 0},
		{"page", cases.Filter{Limit: 2, Offset: 1}, []*cases.Case{c1, c4}, 4},
	} {
		got, total, err := s.FindCases(ctx, tc.f)
		must(t, err)
		var want []*cases.Case
		for _, c := range tc.want {
			want = append(want, caseUS(*c))
		}
		if d := cmp.Diff(want, got); d != "" || total != tc.total {
			t.Errorf("%s: total %d, want %d; cases (-want +got):\n%s", tc.name, total, tc.total, d)
		}
	}
}

func testCaseNotes(t *testing.T, s Stores) {
	staff := newUser(t, s, "sb@jena.de")
	c := submit(t, s, submission("erika@example.org", t0))
	n1 := &cases.Note{CaseID: c.ID, AuthorID: staff.ID, Body: "Passfoto fehlt", At: t0.Add(time.Minute)}
	n2 := &cases.Note{CaseID: c.ID, AuthorID: staff.ID, Body: "nachgereicht", At: t0.Add(time.Hour)}
	must(t, s.AddNote(ctx, n2))
	must(t, s.AddNote(ctx, n1))
	got, err := s.Notes(ctx, c.ID)
	must(t, err)
	want := []cases.Note{*n1, *n2}
	want[0].At, want[1].At = want[0].At.Truncate(time.Microsecond), want[1].At.Truncate(time.Microsecond)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("notes (-want +got):\n%s", d)
	}
	if err := s.AddNote(ctx, &cases.Note{CaseID: c.ID + 1, AuthorID: staff.ID, Body: "x", At: t0}); !fault.Is(err, fault.NotFound) {
		t.Errorf("note on a missing case = %v, want NotFound", err)
	}
	// The notes stay when the author's account goes.
	must(t, s.DeleteUser(ctx, staff.ID))
	got, err = s.Notes(ctx, c.ID)
	if err != nil || len(got) != 2 || got[0].AuthorID != 0 || got[0].Body != n1.Body {
		t.Errorf("notes after the author's deletion = %+v, %v", got, err)
	}
}

func testCaseMessages(t *testing.T, s Stores) {
	citizen, staff := newUser(t, s, "erika@example.org"), newUser(t, s, "sb@jena.de")
	c := submit(t, s, submission("erika@example.org", t0))
	other := submit(t, s, submission("max@example.org", t0))
	ask := &cases.Message{CaseID: c.ID, FromStaff: true, AuthorID: &staff.ID, Body: "Bitte Passfoto nachreichen", At: t0.Add(time.Hour)}
	must(t, s.AddMessage(ctx, ask, cases.Effects{Mails: []mail.Message{{To: "erika@example.org", Subject: "Neue Nachricht", Text: "x", CreatedAt: t0}}}))
	reply := &cases.Message{CaseID: c.ID, AuthorID: &citizen.ID, Body: "Anbei", At: t0.Add(2 * time.Hour),
		Files: []cases.File{{Kind: "message", Key: "m/1", Name: "foto.jpg", ContentType: "image/jpeg", Size: 5, SHA256: "cc", CreatedAt: t0}}}
	must(t, s.AddMessage(ctx, reply, cases.Effects{}))
	must(t, s.AddMessage(ctx, &cases.Message{CaseID: other.ID, Body: "anderer Fall", At: t0}, cases.Effects{}))
	if reply.ID == 0 || reply.Files[0].ID == 0 || reply.Files[0].MessageID == nil || *reply.Files[0].MessageID != reply.ID {
		t.Fatalf("IDs not set: %+v", reply)
	}

	readAt := t0.Add(3 * time.Hour)
	must(t, s.MarkMessagesRead(ctx, c.ID, true, readAt))
	must(t, s.MarkMessagesRead(ctx, c.ID, true, readAt.Add(time.Hour))) // the first reading counts
	got, err := s.Messages(ctx, c.ID)
	must(t, err)
	wantAsk, wantReply := *ask, *reply
	wantAsk.At, wantAsk.ReadAt = ask.At.Truncate(time.Microsecond), utcUS(&readAt)
	wantReply.At, wantReply.Files = reply.At.Truncate(time.Microsecond), []cases.File{reply.Files[0]}
	wantReply.Files[0].CreatedAt = t0us
	if d := cmp.Diff([]cases.Message{wantAsk, wantReply}, got); d != "" {
		t.Errorf("messages (-want +got):\n%s", d)
	}
	files, _ := s.CaseFiles(ctx, c.ID)
	if len(files) != 1 || files[0].Key != "m/1" {
		t.Errorf("case files = %+v, want the message's file", files)
	}
	if ms, _ := s.FindMessages(ctx, mail.Filter{To: "erika@example.org"}); len(ms) != 1 {
		t.Errorf("%d mails, want the notice of the staff message", len(ms))
	}
	if err := s.AddMessage(ctx, &cases.Message{CaseID: other.ID + 1, Body: "x", At: t0}, cases.Effects{}); !fault.Is(err, fault.NotFound) {
		t.Errorf("message to a missing case = %v, want NotFound", err)
	}
	if got, err := s.Messages(ctx, other.ID+1); err != nil || got != nil {
		t.Errorf("messages of a missing case = %v, %v", got, err)
	}
}
