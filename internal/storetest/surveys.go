package storetest

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"rathaus/internal/fault"
	"rathaus/internal/org"
	"rathaus/internal/survey"
)

// surveyStore is the survey part of a store; Stores implementations
// provide it.
func surveyStore(t *testing.T, s Stores) survey.Store {
	t.Helper()
	ss, ok := s.(survey.Store)
	if !ok {
		t.Fatalf("%T is no survey.Store", s)
	}
	return ss
}

func newSurvey(t *testing.T, s Stores, orgID int64, status string, anonymous bool) *survey.Survey {
	t.Helper()
	closes := t0.Add(14 * 24 * time.Hour)
	sv := &survey.Survey{
		OrgID: orgID, Status: status, Anonymous: anonymous, ClosesAt: &closes, CreatedAt: t0, UpdatedAt: t0,
		Title: survey.Text{"de": "Zufriedenheit", "en": "Satisfaction"},
		Intro: survey.Text{"de": "Bitte keine persönlichen Daten in Freitexte."},
		Questions: []survey.Question{
			{ID: "q1", Type: survey.TypeSingle, Label: survey.Text{"de": "Wie?"}, Required: true,
				Options: []survey.Text{{"de": "Gut"}, {"de": "Schlecht"}}},
			{ID: "q2", Type: survey.TypeScale, Label: survey.Text{"de": "Note"}, ScaleMin: 1, ScaleMax: 5,
				MinLabel: survey.Text{"de": "schlecht"}, MaxLabel: survey.Text{"de": "gut"}},
		},
	}
	must(t, surveyStore(t, s).CreateSurvey(ctx, sv))
	return sv
}

func surveyOrg(t *testing.T, s Stores, slug string) *org.Org {
	t.Helper()
	o := &org.Org{Kind: org.KindUnit, Slug: slug, Name: "Amt " + slug, CreatedAt: t0}
	must(t, s.CreateOrg(ctx, o))
	return o
}

func testSurveys(t *testing.T, s Stores) {
	ss := surveyStore(t, s)
	if _, err := ss.FindSurvey(ctx, 1); !fault.Is(err, fault.NotFound) {
		t.Errorf("FindSurvey without surveys = %v, want NotFound", err)
	}
	a, b := surveyOrg(t, s, "a"), surveyOrg(t, s, "b")
	u := newUser(t, s, "staff@example.org")
	draft := newSurvey(t, s, a.ID, survey.StatusDraft, true)
	draft.CreatedBy = &u.ID
	draft.Title["de"], draft.UpdatedAt = "Zufriedenheit mit der Website", t0.Add(time.Minute)
	must(t, ss.UpdateSurvey(ctx, draft))
	got, err := ss.FindSurvey(ctx, draft.ID)
	must(t, err)
	want := *draft
	want.CreatedAt, want.UpdatedAt = t0.Truncate(time.Microsecond), t0.Add(time.Minute).Truncate(time.Microsecond)
	closes := draft.ClosesAt.Truncate(time.Microsecond)
	want.ClosesAt = &closes
	if d := cmp.Diff(&want, got); d != "" {
		t.Errorf("FindSurvey after update (-want +got):\n%s", d)
	}
	if err := ss.UpdateSurvey(ctx, &survey.Survey{ID: 999, OrgID: a.ID, Status: survey.StatusDraft}); !fault.Is(err, fault.NotFound) {
		t.Errorf("UpdateSurvey of a missing survey = %v, want NotFound", err)
	}

	open := newSurvey(t, s, b.ID, survey.StatusOpen, false)
	closed := newSurvey(t, s, a.ID, survey.StatusClosed, true)
	ids := func(list []*survey.Survey) string {
		out := ""
		for _, sv := range list {
			out += fmt.Sprintf("%d ", sv.ID)
		}
		return out
	}
	for name, tc := range map[string]struct {
		f    survey.Filter
		want []*survey.Survey
	}{
		"all, newest first": {survey.Filter{}, []*survey.Survey{closed, open, draft}},
		"by status":         {survey.Filter{Statuses: []string{survey.StatusOpen, survey.StatusClosed}}, []*survey.Survey{closed, open}},
		"by unit":           {survey.Filter{OrgIDs: []int64{a.ID}}, []*survey.Survey{closed, draft}},
		"both":              {survey.Filter{Statuses: []string{survey.StatusDraft}, OrgIDs: []int64{b.ID}}, nil},
	} {
		got, err := ss.FindSurveys(ctx, tc.f)
		must(t, err)
		if ids(got) != ids(tc.want) {
			t.Errorf("FindSurveys %s = %s, want %s", name, ids(got), ids(tc.want))
		}
	}

	// Responses: only while open; an account once; never the account in
	// the response.
	r := &survey.Response{SurveyID: open.ID, At: t0.Truncate(time.Hour), Answers: map[string]survey.Answer{
		"q1": {Choices: []int{1}}, "q2": {Value: 4}, "q3": {Text: "Mehr Termine"}, "q4": {Rows: []int{1, 0, 5}}}}
	must(t, ss.AddResponse(ctx, r, &u.ID))
	if r.ID == 0 {
		t.Error("AddResponse set no ID")
	}
	again := &survey.Response{SurveyID: open.ID, At: t0, Answers: map[string]survey.Answer{"q1": {Choices: []int{0}}}}
	if err := ss.AddResponse(ctx, again, &u.ID); errKey(err) != "conflict error.survey.answered" {
		t.Errorf("second response of an account = %v, want Conflict error.survey.answered", err)
	}
	for _, sv := range []*survey.Survey{draft, closed} {
		if err := ss.AddResponse(ctx, &survey.Response{SurveyID: sv.ID, At: t0}, nil); errKey(err) != "conflict error.survey.not_open" {
			t.Errorf("response to a %s survey = %v, want Conflict error.survey.not_open", sv.Status, err)
		}
	}
	if err := ss.AddResponse(ctx, &survey.Response{SurveyID: 999, At: t0}, nil); !fault.Is(err, fault.NotFound) {
		t.Errorf("response to a missing survey = %v, want NotFound", err)
	}
	anon := &survey.Response{SurveyID: open.ID, At: t0.Truncate(time.Hour), Answers: map[string]survey.Answer{"q1": {Choices: []int{0}}}}
	must(t, ss.AddResponse(ctx, anon, nil))
	rs, err := ss.Responses(ctx, open.ID)
	must(t, err)
	if d := cmp.Diff([]*survey.Response{r, anon}, rs); d != "" {
		t.Errorf("Responses (-want +got):\n%s", d)
	}
	if yes, err := ss.Responded(ctx, open.ID, u.ID); err != nil || !yes {
		t.Errorf("Responded of the account = %v, %v; want true", yes, err)
	}
	other := newUser(t, s, "other@example.org")
	if yes, err := ss.Responded(ctx, open.ID, other.ID); err != nil || yes {
		t.Errorf("Responded of another account = %v, %v; want false", yes, err)
	}
	if got, _ := ss.FindSurvey(ctx, open.ID); got.Responses != 2 {
		t.Errorf("Responses count = %d, want 2", got.Responses)
	}
	if rs, _ := ss.Responses(ctx, draft.ID); len(rs) != 0 {
		t.Errorf("Responses of the draft = %d, want none", len(rs))
	}
	t.Run("Race", func(t *testing.T) { testSurveyRace(t, s) })
}

// testSurveyRace: many accounts answering at once count once each, and an
// account answering in parallel counts once.
func testSurveyRace(t *testing.T, s Stores) {
	ss := surveyStore(t, s)
	sv := newSurvey(t, s, surveyOrg(t, s, "race").ID, survey.StatusOpen, false)
	const n = 12
	users := make([]int64, n)
	for i := range users {
		users[i] = newUser(t, s, fmt.Sprintf("p%d@example.org", i)).ID
	}
	var wg sync.WaitGroup
	errs := make(chan error, 3*n)
	for i := 0; i < 3*n; i++ {
		wg.Go(func() {
			r := &survey.Response{SurveyID: sv.ID, At: t0, Answers: map[string]survey.Answer{"q1": {Choices: []int{0}}}}
			if err := ss.AddResponse(ctx, r, &users[i%n]); err != nil && errKey(err) != "conflict error.survey.answered" {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("parallel response: %v", err)
	}
	if rs, _ := ss.Responses(ctx, sv.ID); len(rs) != n {
		t.Errorf("responses after parallel answers of %d accounts, 3 times each = %d, want %d", n, len(rs), n)
	}
}
