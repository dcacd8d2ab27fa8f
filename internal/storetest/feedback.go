package storetest

import (
	"testing"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/feedback"
	"rathaus/internal/processlog"
)

// feedbackStore is the feedback part of a store; Stores implementations
// provide it.
func feedbackStore(t *testing.T, s Stores) feedback.Store {
	t.Helper()
	fs, ok := s.(feedback.Store)
	if !ok {
		t.Fatalf("%T is no feedback.Store", s)
	}
	return fs
}

func testFeedback(t *testing.T, s Stores) {
	// Results first: it counts and deletes everything in the database.
	t.Run("Results", func(t *testing.T) { testFeedbackResults(t, s) })
	t.Run("Helpful", func(t *testing.T) { testFeedbackHelpful(t, s) })
	t.Run("Satisfaction", func(t *testing.T) { testFeedbackSatisfaction(t, s) })
}

func helpful(t *testing.T, fs feedback.Store, service int64, yes bool, client, day string, at time.Time) (*feedback.Helpful, bool) {
	t.Helper()
	h := &feedback.Helpful{ServiceID: service, Helpful: yes, ClientHash: client, Day: day, At: at}
	added, err := fs.AddHelpful(ctx, h)
	must(t, err)
	return h, added
}

func testFeedbackHelpful(t *testing.T, s Stores) {
	fs := feedbackStore(t, s)
	h, added := helpful(t, fs, 7, true, "c1", "2026-11-28", t0)
	if !added || h.ID == 0 {
		t.Fatalf("first answer: added %v, id %d", added, h.ID)
	}
	if _, again := helpful(t, fs, 7, false, "c1", "2026-11-28", t0.Add(time.Hour)); again {
		t.Error("a second answer of the same client for the same page on the same day was stored")
	}
	if _, ok := helpful(t, fs, 8, false, "c1", "2026-11-28", t0); !ok {
		t.Error("the same client's answer for another page was not stored")
	}
	if _, ok := helpful(t, fs, 7, false, "c1", "2026-11-29", t0.Add(24*time.Hour)); !ok {
		t.Error("the same client's answer on the next day was not stored")
	}
	for range 2 { // without an address nothing is held back
		if _, ok := helpful(t, fs, 7, true, "", "2026-11-28", t0); !ok {
			t.Error("an answer without client hash was held back")
		}
	}
	if n, err := fs.CountHelpfulSince(ctx, "c1", t0); err != nil || n != 3 {
		t.Errorf("CountHelpfulSince = %d, %v; want 3", n, err)
	}
	if n, _ := fs.CountHelpfulSince(ctx, "c1", t0.Add(time.Minute)); n != 1 {
		t.Errorf("CountHelpfulSince later = %d, want 1", n)
	}

	if err := fs.SetHelpfulComment(ctx, h.ID, "other", "Fremd"); !fault.Is(err, fault.Conflict) {
		t.Errorf("comment by another client = %v, want Conflict", err)
	}
	must(t, fs.SetHelpfulComment(ctx, h.ID, "c1", "Öffnungszeiten fehlen"))
	if err := fs.SetHelpfulComment(ctx, h.ID, "c1", "Noch einmal"); !fault.Is(err, fault.Conflict) {
		t.Errorf("second comment = %v, want Conflict", err)
	}
	got, err := fs.FindHelpful(ctx, h.ID)
	must(t, err)
	if got.Comment != "Öffnungszeiten fehlen" || !got.Helpful || got.ServiceID != 7 || !got.At.Equal(t0.Truncate(time.Microsecond)) {
		t.Errorf("FindHelpful = %+v", got)
	}
	if _, err := fs.FindHelpful(ctx, 99999); !fault.Is(err, fault.NotFound) {
		t.Errorf("FindHelpful missing = %v, want NotFound", err)
	}
}

func satisfaction(kind string, id, service int64, rating int, comment string, at time.Time) *feedback.Satisfaction {
	return &feedback.Satisfaction{Subject: feedback.Subject{Kind: kind, ID: id}, ServiceID: service,
		Rating: rating, Comment: comment, At: at, UpdatedAt: at}
}

func ratedEvent(subj string, rating string, at time.Time) processlog.Event {
	return processlog.Event{Process: feedback.Process, CaseID: subj, Activity: feedback.ActivityRated, At: at,
		Resource: "citizen", Attrs: map[string]string{"rating": rating}}
}

func testFeedbackSatisfaction(t *testing.T, s Stores) {
	fs := feedbackStore(t, s)
	o := surveyOrg(t, s, "fb")
	first := satisfaction(feedback.KindCase, 41, 7, 2, "Zu lange gewartet", t0)
	first.OrgID = &o.ID
	changed, err := fs.SaveSatisfaction(ctx, first, ratedEvent("case:41", "2", t0))
	must(t, err)
	if changed || first.ID == 0 {
		t.Fatalf("first answer: changed %v, id %d", changed, first.ID)
	}
	second := satisfaction(feedback.KindCase, 41, 7, 5, "", t0.Add(time.Hour))
	if changed, err = fs.SaveSatisfaction(ctx, second, ratedEvent("case:41", "5", t0.Add(time.Hour))); err != nil || !changed {
		t.Fatalf("second answer: changed %v, %v", changed, err)
	}
	if second.ID != first.ID || !second.At.Equal(first.At) {
		t.Errorf("second answer has id %d from %v, want %d from %v", second.ID, second.At, first.ID, first.At)
	}
	got, err := fs.FindSatisfaction(ctx, feedback.Subject{Kind: feedback.KindCase, ID: 41})
	must(t, err)
	if got.Rating != 5 || got.Comment != "" || got.OrgID == nil || *got.OrgID != o.ID ||
		!got.UpdatedAt.Equal(t0.Add(time.Hour).Truncate(time.Microsecond)) {
		t.Errorf("FindSatisfaction = %+v", got)
	}
	// A change at the same instant is still a change.
	if changed, err = fs.SaveSatisfaction(ctx, satisfaction(feedback.KindCase, 41, 7, 5, "", t0.Add(time.Hour)),
		ratedEvent("case:41", "5", t0.Add(time.Hour))); err != nil || !changed {
		t.Errorf("third answer at the same time: changed %v, %v", changed, err)
	}
	// The same id of another kind is another subject.
	_, err = fs.SaveSatisfaction(ctx, satisfaction(feedback.KindAppointment, 41, 7, 3, "", t0), ratedEvent("appointment:41", "3", t0))
	must(t, err)
	if _, err := fs.FindSatisfaction(ctx, feedback.Subject{Kind: feedback.KindReport, ID: 41}); !fault.Is(err, fault.NotFound) {
		t.Errorf("FindSatisfaction of an unanswered subject = %v, want NotFound", err)
	}
	evs, err := s.FindEvents(ctx, processlog.Filter{Process: feedback.Process, CaseID: "case:41"})
	must(t, err)
	if len(evs) != 3 || evs[0].Attrs["rating"] != "2" || evs[1].Attrs["rating"] != "5" {
		t.Errorf("events of case:41 = %+v, want the three answers", evs)
	}
}

func testFeedbackResults(t *testing.T, s Stores) {
	fs := feedbackStore(t, s)
	day := func(d int) time.Time { return t0.AddDate(0, 0, d) }
	for i, yes := range []bool{true, true, false} {
		helpful(t, fs, 1, yes, "", "", day(i))
	}
	h, _ := helpful(t, fs, 2, false, "x", "d", day(1))
	must(t, fs.SetHelpfulComment(ctx, h.ID, "x", "Seite unklar"))
	for i, r := range []int{5, 4, 4, 1} {
		c := ""
		if i == 3 {
			c = "Schlecht"
		}
		_, err := fs.SaveSatisfaction(ctx, satisfaction(feedback.KindCase, int64(100+i), 1, r, c, day(i)), ratedEvent("case:x", "1", day(i)))
		must(t, err)
	}
	res := feedback.Collect(mustCounts(t, fs, feedback.Filter{}))
	if len(res) != 2 || res[0].Yes != 2 || res[0].No != 1 || res[0].Answers() != 4 || res[0].Ratings[4] != 2 ||
		res[1].No != 1 || res[1].Answers() != 0 {
		t.Fatalf("results = %+v %+v", res[0], res[len(res)-1])
	}
	// A period from day 1 to day 3 (exclusive), and one service only.
	f := feedback.Filter{ServiceIDs: []int64{1}, From: day(1), To: day(3)}
	res = feedback.Collect(mustCounts(t, fs, f))
	if len(res) != 1 || res[0].Yes != 1 || res[0].No != 1 || res[0].Answers() != 2 || res[0].Ratings[4] != 2 {
		t.Errorf("results of days 1-2 = %+v", res)
	}
	cs, err := fs.Comments(ctx, feedback.Filter{})
	must(t, err)
	if len(cs) != 2 || cs[0].Text != "Schlecht" || cs[0].Rating != 1 || cs[0].Kind != feedback.KindCase ||
		cs[1].Text != "Seite unklar" || cs[1].Helpful == nil || *cs[1].Helpful || cs[1].ServiceID != 2 {
		t.Errorf("comments = %+v, want the satisfaction comment of day 3, then the page comment of day 1", cs)
	}
	if cs, _ := fs.Comments(ctx, feedback.Filter{ServiceIDs: []int64{1}}); len(cs) != 1 {
		t.Errorf("comments of service 1 = %+v", cs)
	}
	n, err := fs.DeleteFeedbackBefore(ctx, day(2))
	must(t, err)
	if n != 5 { // page answers of days 0, 1, 1 and ratings of days 0, 1
		t.Errorf("DeleteFeedbackBefore = %d, want 5", n)
	}
	res = feedback.Collect(mustCounts(t, fs, feedback.Filter{}))
	if len(res) != 1 || res[0].Helpful() != 1 || res[0].Answers() != 2 {
		t.Errorf("results after deletion = %+v", res)
	}
}

func mustCounts(t *testing.T, fs feedback.Store, f feedback.Filter) ([]feedback.HelpfulCount, []feedback.RatingCount) {
	t.Helper()
	h, err := fs.HelpfulCounts(ctx, f)
	must(t, err)
	r, err := fs.RatingCounts(ctx, f)
	must(t, err)
	return h, r
}
