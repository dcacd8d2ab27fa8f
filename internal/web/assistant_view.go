package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"rathaus/internal/assistant"
)

// What the assistant's templates show of an answer, built in Go so the
// templates only print: footnote links from each sentence to a numbered
// source list, the sources with their quoted passage, the services, the
// next steps as links, and the confidence in words when it is low.

// assistantTurn is one question and its answer on the conversation page.
type assistantTurn struct {
	N          int
	Anchor     string // id of the heading, the focus target after asking
	Kind       string
	Question   string
	Blocks     []assistantBlock
	Sources    []assistantSource
	Services   []assistant.ServiceRef
	Steps      []assistantStep
	Confidence string // in words; "" when the answer is sure enough to say nothing
	ByModel    bool
	Thanked    bool // the citizen has rated this answer
}

// assistantSentence is a statement and the footnotes it rests on.
type assistantSentence struct {
	Text   string
	Quoted bool // verbatim from the (German) catalogue
	Refs   []assistantRef
}

// assistantBlock is a paragraph, or a list of quoted lines from one
// passage (documents, fees, offices), which reads as the list it was; a
// list's footnotes stand once, after its last line.
type assistantBlock struct {
	List  bool
	Items []assistantSentence // one for a paragraph
}

// answerBlocks groups runs of two or more quoted sentences that cite the
// same single passage into lists; every other sentence is a paragraph.
func answerBlocks(sentences []assistantSentence) []assistantBlock {
	var out []assistantBlock
	for i := 0; i < len(sentences); {
		j := i + 1
		for j < len(sentences) && sameListPassage(sentences[i], sentences[j]) {
			j++
		}
		if j-i < 2 {
			out = append(out, assistantBlock{Items: sentences[i:j]})
			i = j
			continue
		}
		items := slices.Clone(sentences[i:j])
		for k := range items[:len(items)-1] {
			items[k].Refs = nil
		}
		out = append(out, assistantBlock{List: true, Items: items})
		i = j
	}
	return out
}

// sameListPassage reports whether b continues a list begun by a: both
// quoted from the same one passage.
func sameListPassage(a, b assistantSentence) bool {
	return a.Quoted && b.Quoted && len(a.Refs) == 1 && len(b.Refs) == 1 && a.Refs[0] == b.Refs[0]
}

// assistantRef is a footnote marker: [N] linking to the source list.
type assistantRef struct {
	N    int
	Href string
}

// assistantSource is one entry of a turn's numbered source list.
type assistantSource struct {
	N       int
	ID      string // unique on the page: quelle-<turn>-<n>
	Service string
	Section string // translated
	Quote   string
	URL     string
}

// assistantStep is a next step, shown as a prominent link.
type assistantStep struct {
	Kind    string
	URL     string
	Label   string // translated link text with the service's name
	Primary bool   // applying online and booking are the main actions
}

// Below these the answer's confidence is stated in words.
const (
	confidenceLow    = 0.4
	confidenceMedium = 0.7
)

// sourceID is the id of a source in a turn's list.
func sourceID(turn, n int) string { return "quelle-" + strconv.Itoa(turn) + "-" + strconv.Itoa(n) }

// assistantTurnOf builds the view of one answer in the request's language.
func (s *Server) assistantTurnOf(r *http.Request, a assistant.Answer) assistantTurn {
	t := assistantTurn{N: a.Turn, Anchor: answerAnchor(a.Turn), Kind: a.Kind, Question: a.Question, ByModel: a.ByModel,
		Thanked: a.Helpful != nil}
	for _, sv := range a.Services {
		if sv.URL == "" {
			sv.URL = serviceURL(sv.ID)
		}
		t.Services = append(t.Services, sv)
	}
	var sentences []assistantSentence
	for _, sn := range a.Sentences {
		v := assistantSentence{Text: sn.Text, Quoted: sn.Quoted}
		for _, n := range sn.Cites {
			v.Refs = append(v.Refs, assistantRef{N: n, Href: "#" + sourceID(a.Turn, n)})
		}
		sentences = append(sentences, v)
	}
	t.Blocks = answerBlocks(sentences)
	for _, c := range a.Citations {
		t.Sources = append(t.Sources, assistantSource{N: c.N, ID: sourceID(a.Turn, c.N), Service: c.Service,
			Section: s.sectionName(r, c.Section), Quote: c.Quote, URL: c.URL})
	}
	for _, st := range a.NextSteps {
		t.Steps = append(t.Steps, s.assistantStepOf(r, st))
	}
	t.Confidence = s.confidenceWords(r, a)
	return t
}

// sectionName names a quoted part of a service description.
func (s *Server) sectionName(r *http.Request, section string) string {
	key := "assistant_web.section." + section
	if !s.tr.Has(key) {
		key = "assistant_web.section.other" // a part added to the catalogue since
	}
	return s.t(r, key)
}

func (s *Server) assistantStepOf(r *http.Request, st assistant.Step) assistantStep {
	v := assistantStep{Kind: st.Kind, URL: st.URL}
	switch st.Kind {
	case assistant.StepOnline:
		v.Label, v.Primary = s.t(r, "assistant_web.step.online", st.Label), true
	case assistant.StepAppointment:
		v.Label, v.Primary = s.t(r, "assistant_web.step.appointment", st.Label), true
	case assistant.StepHuman:
		v.Label, v.URL = s.t(r, "assistant_web.step.human"), "#mensch"
	default:
		v.Label = s.t(r, "assistant_web.step.service", st.Label)
	}
	if v.URL == "" && st.ServiceID > 0 {
		v.URL = serviceURL(st.ServiceID)
	}
	return v
}

// confidenceWords says how sure an answer is, when it is not sure; a
// refusal or an "unsure" answer says so itself.
func (s *Server) confidenceWords(r *http.Request, a assistant.Answer) string {
	if a.Kind != assistant.KindAnswer {
		return ""
	}
	switch {
	case a.Confidence < confidenceLow:
		return s.t(r, "assistant_web.confidence.low")
	case a.Confidence < confidenceMedium:
		return s.t(r, "assistant_web.confidence.medium")
	}
	return ""
}

// answerText is an answer as plain text, each sentence followed by its
// footnote markers: "Sie brauchen ein Passfoto. [1]".
func answerText(a assistant.Answer) string {
	parts := make([]string, 0, len(a.Sentences))
	for _, sn := range a.Sentences {
		var b strings.Builder
		b.WriteString(sn.Text)
		for _, n := range sn.Cites {
			b.WriteString(" [" + strconv.Itoa(n) + "]")
		}
		parts = append(parts, b.String())
	}
	return strings.Join(parts, " ")
}

// retentionWords says how long conversations are kept: "30 Tagen",
// "24 Stunden" (for "gelöscht nach …").
func (s *Server) retentionWords(r *http.Request) string {
	d := s.opts.Assistant.Retention
	if d <= 0 {
		d = assistant.DefaultRetention
	}
	switch {
	case d%(24*time.Hour) == 0 && d > 24*time.Hour:
		return s.t(r, "assistant_web.retention.days", int(d/(24*time.Hour)))
	case d > time.Hour:
		return s.t(r, "assistant_web.retention.hours", int((d+time.Hour-1)/time.Hour))
	}
	return s.t(r, "assistant_web.retention.hour")
}

// assistantPhone is the number the pages name for a human.
func (s *Server) assistantPhone() string {
	if p := s.opts.Assistant.Phone; p != "" {
		return p
	}
	return "115"
}

// assistantTurnView is what the "assistant-turn" partial gets: the turn,
// the page (for translating) and the conversation's address.
type assistantTurnView struct {
	Page
	assistantTurn
	Action string
}

// TurnView wraps a turn of the page for the "assistant-turn" partial.
func (p assistantConversationPage) TurnView(t assistantTurn) assistantTurnView {
	return assistantTurnView{Page: p.Page, assistantTurn: t, Action: p.Action}
}
