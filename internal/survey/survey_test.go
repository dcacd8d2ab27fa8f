package survey

import (
	"testing"
	"time"

	"rathaus/internal/fault"
)

func sample() *Survey {
	return &Survey{OrgID: 1, Title: Text{"de": "Website"}, Questions: []Question{
		{ID: "q1", Type: TypeSingle, Label: Text{"de": "Gefunden?"}, Required: true, Options: []Text{{"de": "Ja"}, {"de": "Nein"}}},
		{ID: "q2", Type: TypeMultiple, Label: Text{"de": "Was?"}, Options: []Text{{"de": "A"}, {"de": "B"}, {"de": "C"}}},
		{ID: "q3", Type: TypeScale, Label: Text{"de": "Note"}, Required: true, ScaleMin: 1, ScaleMax: 5},
		{ID: "q4", Type: TypeText, Label: Text{"de": "Sonst?"}},
		{ID: "q5", Type: TypeMatrix, Label: Text{"de": "Bewertung"}, Required: true, ScaleMin: 1, ScaleMax: 3, Options: []Text{{"de": "Suche"}, {"de": "Texte"}}},
	}}
}

func fields(err error) map[string]string {
	out := map[string]string{}
	for _, f := range fault.As(err).Fields {
		out[f.Field] = f.Key
	}
	return out
}

func TestCheck(t *testing.T) {
	if err := sample().Check(); err != nil {
		t.Fatalf("sample: %v", err)
	}
	for name, tc := range map[string]struct {
		change func(*Survey)
		field  string
	}{
		"no title":        {func(s *Survey) { s.Title = Text{"en": "Website"} }, "title"},
		"no unit":         {func(s *Survey) { s.OrgID = 0 }, "org"},
		"one option":      {func(s *Survey) { s.Questions[0].Options = s.Questions[0].Options[:1] }, "q1.options"},
		"empty option":    {func(s *Survey) { s.Questions[1].Options[2] = Text{"de": " "} }, "q2.options"},
		"scale backwards": {func(s *Survey) { s.Questions[2].ScaleMin = 5 }, "q3.scale"},
		"scale from zero": {func(s *Survey) { s.Questions[2].ScaleMin = 0 }, "q3.scale"},
		"scale too long":  {func(s *Survey) { s.Questions[2].ScaleMax = 11 }, "q3.scale"},
		"options on text": {func(s *Survey) { s.Questions[3].Options = []Text{{"de": "x"}} }, "q4.options"},
		"unknown type":    {func(s *Survey) { s.Questions[3].Type = "date" }, "q4.type"},
		"duplicate id":    {func(s *Survey) { s.Questions[1].ID = "q1" }, "q1.id"},
		"closes before open": {func(s *Survey) {
			a, b := time.Now(), time.Now().Add(-time.Hour)
			s.OpensAt, s.ClosesAt = &a, &b
		}, "closes"},
	} {
		s := sample()
		tc.change(s)
		if got := fields(s.Check()); got[tc.field] == "" {
			t.Errorf("%s: errors %v, want one on %s", name, got, tc.field)
		}
	}
	empty := sample()
	empty.Questions = nil
	if err := empty.CheckOpenable(time.Now()); !fault.Is(err, fault.Invalid) {
		t.Errorf("opening without questions = %v, want Invalid", err)
	}
	if got := sample().NextQuestionID(); got != "q6" {
		t.Errorf("NextQuestionID = %q, want q6", got)
	}
}

func TestParse(t *testing.T) {
	s := sample()
	_, err := s.Parse(map[string][]string{"q-q2": {"0"}, "q-q5-0": {"2"}})
	want := map[string]string{"q-q1": "error.survey.answer_required", "q-q3": "error.survey.answer_required", "q-q5": "error.survey.answer_rows"}
	got := fields(err)
	for f, k := range want {
		if got[f] != k {
			t.Errorf("missing answers: %s = %q, want %q (all: %v)", f, got[f], k, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("errors %v, want only %v", got, want)
	}
	bad := map[string][]string{"q-q1": {"0", "1"}, "q-q2": {"7"}, "q-q3": {"6"}, "q-q5-0": {"x"}}
	got = fields(second(s.Parse(bad)))
	for f, k := range map[string]string{"q-q1": "error.survey.answer_one", "q-q2": "error.survey.answer_invalid",
		"q-q3": "error.survey.answer_invalid", "q-q5": "error.survey.answer_invalid"} {
		if got[f] != k {
			t.Errorf("bad answers: %s = %q, want %q", f, got[f], k)
		}
	}
	a, err := s.Parse(map[string][]string{"q-q1": {"1"}, "q-q2": {"2", "0", "2"}, "q-q3": {"4"},
		"q-q4": {"  Mehr\r\nTermine "}, "q-q5-0": {"3"}, "q-q5-1": {"1"}})
	if err != nil {
		t.Fatal(err)
	}
	if a["q1"].Choices[0] != 1 || len(a["q2"].Choices) != 2 || a["q3"].Value != 4 || a["q4"].Text != "Mehr\nTermine" || a["q5"].Rows[0] != 3 {
		t.Errorf("parsed %+v", a)
	}
}

func second[T any](_ T, err error) error { return err }

func TestTally(t *testing.T) {
	s := sample()
	rs := []*Response{
		{Answers: map[string]Answer{"q1": {Choices: []int{0}}, "q2": {Choices: []int{0, 1}}, "q3": {Value: 5}, "q4": {Text: "Gut"}, "q5": {Rows: []int{3, 1}}}},
		{Answers: map[string]Answer{"q1": {Choices: []int{0}}, "q2": {Choices: []int{1}}, "q3": {Value: 2}, "q5": {Rows: []int{2, 0}}}},
		{Answers: map[string]Answer{"q1": {Choices: []int{1}}, "q3": {Value: 4}}},
	}
	res := Tally(s, rs)
	if res.Responses != 3 {
		t.Errorf("responses = %d", res.Responses)
	}
	q1 := res.Questions[0]
	if q1.Answered != 3 || q1.Counts[0].N != 2 || q1.Counts[0].Percent != 66.7 || q1.Counts[1].Percent != 33.3 {
		t.Errorf("single choice = %+v", q1)
	}
	q2 := res.Questions[1]
	if q2.Answered != 2 || q2.Counts[1].N != 2 || q2.Counts[1].Percent != 100 || q2.Counts[2].N != 0 {
		t.Errorf("multiple choice = %+v", q2)
	}
	q3 := res.Questions[2]
	if q3.Mean != 3.67 || q3.Counts[0].Value != 1 || q3.Counts[4].N != 1 || q3.Counts[1].N != 1 {
		t.Errorf("scale = %+v", q3)
	}
	if q4 := res.Questions[3]; len(q4.Texts) != 1 || q4.Texts[0] != "Gut" {
		t.Errorf("texts = %v", q4.Texts)
	}
	q5 := res.Questions[4]
	if q5.Answered != 2 || q5.Rows[0].Mean != 2.5 || q5.Rows[1].Answered != 1 || q5.Rows[1].Counts[0].N != 1 {
		t.Errorf("matrix = %+v", q5)
	}
}

func TestState(t *testing.T) {
	now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	before, after := now.Add(-time.Hour), now.Add(time.Hour)
	for _, tc := range []struct {
		status        string
		opens, closes *time.Time
		live          bool
		want          string
		public        bool
	}{
		{StatusDraft, nil, nil, true, StateDraft, false},
		{StatusOpen, nil, nil, false, StateOpen, false},
		{StatusOpen, nil, nil, true, StateOpen, true},
		{StatusOpen, &after, nil, true, StateScheduled, false},
		{StatusOpen, &before, &after, false, StateOpen, false},
		{StatusOpen, nil, &before, false, StateClosed, true},
		{StatusClosed, nil, nil, false, StateClosed, true},
	} {
		s := &Survey{Status: tc.status, OpensAt: tc.opens, ClosesAt: tc.closes, ResultsLive: tc.live}
		if got := s.State(now); got != tc.want || s.ResultsPublic(now) != tc.public {
			t.Errorf("%s %v-%v live %v: state %s public %v, want %s %v", tc.status, tc.opens, tc.closes, tc.live, got, s.ResultsPublic(now), tc.want, tc.public)
		}
	}
}
