package assistant

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"rathaus/internal/catalog"
)

// SectionAppointment cites a service's appointment booking.
const SectionAppointment = "appointment"

// anchors are the ids of the service page's sections
// (internal/web/templates/partials/catalog.html).
var anchors = map[string]string{
	SectionDescription: "was", SectionPrereqs: "wer", SectionDocuments: "unterlagen",
	SectionFees: "kosten", SectionProcessing: "dauer", SectionDeadlines: "dauer",
	SectionOffices: "wo", SectionOnline: "erledigen", SectionAppointment: "erledigen",
	SectionLegal: "recht", SectionLinks: "links", SectionAuthority: "zustaendig",
}

// More citation sections: a service's forms and further links, and the
// responsible authority of an imported service without offices.
const (
	SectionLinks     = "links"
	SectionAuthority = "authority"
	SectionService   = "service" // the whole page, quoted by its name
)

// ServiceURL is the public page of a service.
func ServiceURL(id int64) string { return "/leistungen/" + strconv.FormatInt(id, 10) }

// SectionURL is the public page of a service at a section.
func SectionURL(id int64, section string) string {
	if a := anchors[section]; a != "" {
		return ServiceURL(id) + "#" + a
	}
	return ServiceURL(id)
}

// builder composes an answer sentence by sentence.
type builder struct {
	ctx  context.Context
	a    *Assistant
	lang string
	ans  *Answer
}

func (b *builder) t(key string, args ...any) string { return b.a.t(b.lang, key, args...) }

// cite adds a citation (or finds the same one) and returns its number.
func (b *builder) cite(s *catalog.Service, section, quote string) int {
	for _, c := range b.ans.Citations {
		if c.ServiceID == s.ID && c.Section == section && c.Quote == quote {
			return c.N
		}
	}
	n := len(b.ans.Citations) + 1
	b.ans.Citations = append(b.ans.Citations, Citation{N: n, ServiceID: s.ID, Service: s.Name,
		Section: section, Quote: quote, URL: SectionURL(s.ID, section)})
	return n
}

// say adds a framing sentence of the assistant's own.
func (b *builder) say(text string, cites ...int) {
	b.ans.Sentences = append(b.ans.Sentences, Sentence{Text: text, Cites: cites})
}

// quote adds a verbatim sentence of the catalogue, citing its passage.
func (b *builder) quote(s *catalog.Service, section, text string) {
	n := b.cite(s, section, text)
	b.ans.Sentences = append(b.ans.Sentences, Sentence{Text: text, Cites: []int{n}, Quoted: true})
}

// quoteAll quotes lines of one passage, all citing the whole passage.
func (b *builder) quoteAll(s *catalog.Service, section, passage string, lines []string) {
	n := b.cite(s, section, passage)
	for _, l := range lines {
		b.ans.Sentences = append(b.ans.Sentences, Sentence{Text: l, Cites: []int{n}, Quoted: true})
	}
}

// maxQuoted is how many description sentences one aspect quotes.
const maxQuoted = 3

// describe quotes the parts of service s that answer question q.
func (b *builder) describe(s *catalog.Service, offices []*catalog.Office, q question) {
	sentences := splitSentences(s.Description)
	if len(q.aspects) == 0 {
		b.general(s, offices, sentences, q)
		return
	}
	for _, x := range q.aspects {
		if !b.aspect(s, offices, sentences, q, x) {
			b.none(s, "assistant.none."+x)
		}
	}
}

// none says the description does not tell, citing the service's page.
func (b *builder) none(s *catalog.Service, key string) {
	b.say(b.t(key, s.Name), b.cite(s, SectionService, s.Name))
}

// general quotes the summary and the description sentences closest to
// the question; for a service without text, what it says of costs,
// documents and booking.
func (b *builder) general(s *catalog.Service, offices []*catalog.Office, sentences []string, q question) {
	summary := strings.TrimSpace(s.Summary)
	var rest []string
	for _, x := range sentences {
		if !strings.Contains(summary, x) {
			rest = append(rest, x)
		}
	}
	if summary == "" && len(rest) == 0 {
		b.untold(s, offices, q)
		return
	}
	start := len(b.ans.Sentences)
	b.say(b.t("assistant.frame.general", s.Name))
	if summary != "" {
		b.quote(s, SectionSummary, summary)
	}
	n := maxQuoted
	if summary == "" {
		n++
	}
	for _, x := range rankSentences(rest, nil, q.words, n) {
		b.quote(s, SectionDescription, x)
	}
	b.ans.Sentences[start].Cites = blockCites(b.ans.Sentences[start+1:])
}

// untold answers from a service that has no description: its costs,
// forms and booking, or a pointer to its page.
func (b *builder) untold(s *catalog.Service, offices []*catalog.Office, q question) {
	found := false
	for _, x := range []string{AspectFees, AspectDocuments, AspectOnline, AspectAppointment} {
		found = b.aspect(s, offices, nil, q, x) || found
	}
	if !found {
		b.none(s, "assistant.none.text")
	}
}

// aspect quotes what s says about one aspect; false when it says nothing.
func (b *builder) aspect(s *catalog.Service, offices []*catalog.Office, sentences []string, q question, x string) bool {
	start := len(b.ans.Sentences)
	b.say(b.t("assistant.frame."+x, s.Name))
	found := false
	switch x {
	case AspectDocuments:
		found = b.list(s, SectionDocuments, s.Documents)
		found = b.list(s, SectionLinks, formTitles(s)) || found
	case AspectFees:
		found = b.fees(s)
	case AspectWhere:
		found = b.offices(s, offices)
	case AspectDuration:
		found = b.text(s, SectionProcessing, s.ProcessingTime) || b.minutes(s)
	case AspectDeadlines:
		found = b.text(s, SectionDeadlines, s.Deadlines)
	case AspectOnline:
		found = b.link(s, SectionOnline, s.OnlineURL, "assistant.online.yes")
	case AspectAppointment:
		found = b.link(s, SectionAppointment, b.bookURL(s), "assistant.appointment.yes")
	}
	for _, line := range rankSentences(sentences, sentenceCues[x], q.words, maxQuoted) {
		b.quote(s, SectionDescription, line)
		found = true
	}
	if !found {
		b.ans.Sentences = b.ans.Sentences[:start]
		return false
	}
	b.ans.Sentences[start].Cites = blockCites(b.ans.Sentences[start+1:])
	return true
}

// blockCites is every citation of sentences, in order, once each: what
// a framing sentence introduces.
func blockCites(sentences []Sentence) []int {
	var out []int
	seen := map[int]bool{}
	for _, s := range sentences {
		for _, n := range s.Cites {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return out
}

// maxForms is how many forms a documents answer names.
const maxForms = 6

// formTitles are the titles of a service's forms.
func formTitles(s *catalog.Service) []string {
	var out []string
	for _, l := range s.Links {
		if l.Kind == catalog.LinkForm && len(out) < maxForms {
			out = append(out, l.Title)
		}
	}
	return out
}

func (b *builder) list(s *catalog.Service, section string, items []string) bool {
	if len(items) == 0 {
		return false
	}
	b.quoteAll(s, section, strings.Join(items, "\n"), items)
	return true
}

func (b *builder) text(s *catalog.Service, section, text string) bool {
	lines := splitSentences(text)
	if len(lines) == 0 {
		return false
	}
	b.quoteAll(s, section, strings.TrimSpace(text), lines)
	return true
}

func (b *builder) minutes(s *catalog.Service) bool {
	if s.Duration <= 0 {
		return false
	}
	q := fmt.Sprintf("%d Minuten", s.Duration)
	b.say(b.t("assistant.duration.minutes", s.Duration), b.cite(s, SectionProcessing, q))
	return true
}

func (b *builder) link(s *catalog.Service, section, url, key string) bool {
	if url == "" {
		return false
	}
	b.say(b.t(key), b.cite(s, section, url))
	return true
}

// fees quotes the structured fees the fee text does not state, then the
// fee text line by line (imports parse the structured fees from the text,
// so mostly the text alone is quoted; editors may write both).
func (b *builder) fees(s *catalog.Service) bool {
	text := strings.TrimSpace(s.FeesText)
	stated := factsOf(text)
	var lines []string
	for _, f := range s.Fees {
		if f.Cents > 0 && !stated.has["amount:"+strconv.FormatInt(f.Cents, 10)] ||
			f.Cents == 0 && !freeWords.MatchString(text) {
			lines = append(lines, FeeText(f))
		}
	}
	passage := strings.TrimSpace(strings.Join(lines, "\n") + "\n" + text)
	lines = append(lines, splitSentences(text)...)
	if len(lines) == 0 {
		return false
	}
	b.quoteAll(s, SectionFees, passage, lines)
	return true
}

var freeWords = regexp.MustCompile(`(?i)gebührenfrei|kostenlos|kostenfrei|keine gebühr`)

// FeeText writes a structured fee in German, as the catalogue does:
// "unter 24 Jahren: 27,60 Euro", "50,00 bis 60,00 Euro (Hinweis)",
// "gebührenfrei".
func FeeText(f catalog.Fee) string {
	amount := "gebührenfrei"
	switch {
	case f.MaxCents > f.Cents:
		amount = Euro(f.Cents) + " bis " + Euro(f.MaxCents)
	case f.Cents > 0:
		amount = Euro(f.Cents)
	}
	out := amount
	if f.Label != "" {
		out = f.Label + ": " + amount
	}
	if f.Note != "" && f.Note != amount {
		out += " (" + f.Note + ")"
	}
	return out
}

// Euro writes cents in German: "27,60 Euro".
func Euro(cents int64) string {
	return fmt.Sprintf("%d,%02d Euro", cents/100, cents%100)
}

// maxOffices is how many offices an answer lists.
const maxOffices = 3

// offices quotes where the service is offered: address and opening hours.
func (b *builder) offices(s *catalog.Service, offices []*catalog.Office) bool {
	if len(offices) == 0 && s.Authority != "" {
		b.quote(s, SectionAuthority, s.Authority)
		return true
	}
	for i, o := range offices {
		if i == maxOffices {
			b.say(b.t("assistant.where.more", len(offices)-maxOffices), b.cite(s, SectionOffices, ""))
			break
		}
		b.quote(s, SectionOffices, OfficeText(o))
	}
	return len(offices) > 0
}

// bookURL is where an appointment for s is booked: the link the service
// names, else the city's own booking when its offices take s; "" when
// neither.
func (b *builder) bookURL(s *catalog.Service) string {
	if s.AppointmentURL != "" || b.a.Booking == nil {
		return s.AppointmentURL
	}
	if ok, err := b.a.Booking.Bookable(b.ctx, s.ID); err != nil || !ok {
		return "" // the booking is an offer; without it the answer still stands
	}
	return BookingURL(s.ID)
}
