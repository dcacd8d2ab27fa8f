package assistant

import (
	"context"
	"math"
	"strings"

	"rathaus/internal/catalog"
)

// MinConfidence is the confidence below which the assistant says it is
// unsure instead of quoting a service.
const MinConfidence = 0.4

// maxServices is how many services an answer names: the one quoted and
// two alternatives.
const maxServices = 3

// retrieved is what the search found for a question.
type retrieved struct {
	items      []catalog.SearchItem
	confidence float64
}

// answer composes the answer to q in conversation conv.
func (a *Assistant) answer(ctx context.Context, q Question, conv *Conversation) (*Answer, error) {
	qa := analyse(q.Text)
	r, err := a.retrieve(ctx, qa, conv)
	if err != nil {
		return nil, err
	}
	b := &builder{ctx: ctx, a: a, lang: q.Lang, ans: &Answer{Confidence: r.confidence}}
	for i, it := range r.items {
		if i == maxServices {
			break
		}
		b.ans.Services = append(b.ans.Services, serviceRef(it.Service))
	}
	switch {
	case refusal(q.Text):
		b.refuse(r)
	case len(r.items) == 0 || r.confidence < MinConfidence:
		b.unsure()
	default:
		if err := a.quoted(ctx, b, r.items[0].Service, qa); err != nil {
			return nil, err
		}
	}
	if a.Model != nil && b.ans.Kind == KindAnswer {
		a.phrase(ctx, q, b.ans)
	}
	return b.ans, nil
}

// quoted fills b with the quoted answer from service s.
func (a *Assistant) quoted(ctx context.Context, b *builder, s *catalog.Service, qa question) error {
	b.ans.Kind = KindAnswer
	var offices []*catalog.Office
	if qa.has(AspectWhere) {
		var err error
		if offices, err = a.Catalog.ServiceOffices(ctx, s); err != nil {
			return err
		}
	}
	b.describe(s, offices, qa)
	b.steps(s)
	return nil
}

// retrieve finds the services a question is about: the previous answer's
// when the question names no topic of its own, else the search's.
func (a *Assistant) retrieve(ctx context.Context, qa question, conv *Conversation) (retrieved, error) {
	if qa.followsUp() {
		return a.previous(ctx, conv)
	}
	r, err := a.search(ctx, qa.topic, qa.terms)
	if err != nil {
		return r, err
	}
	if qa.continues() {
		// "Und für mein Kind?": the new words narrow the previous topic.
		if prev, conf := previousName(conv); prev != "" {
			words := append(splitWords(strings.ToLower(prev)), qa.terms...)
			narrowed, err := a.search(ctx, prev+" "+qa.topic, words)
			if err != nil || narrowed.confidence < min(r.confidence, minNarrowed) {
				return r, err
			}
			if len(narrowed.items) > 0 && narrowed.items[0].Service.Name == prev {
				narrowed.confidence = max(narrowed.confidence, conf) // still the same service
			}
			return narrowed, nil
		}
	}
	if r.confidence >= MinConfidence {
		return r, nil
	}
	// Unsure with the topic alone: the whole question may say more.
	whole, err := a.search(ctx, qa.lower, qa.terms)
	if err != nil || whole.confidence <= r.confidence {
		return r, err
	}
	return whole, nil
}

// minNarrowed is the confidence from which a continuing question stays
// with the previous topic even when its own words alone fit better
// ("Und für mein Kind?" is about the passport, not about child care).
const minNarrowed = 0.3

// previousName is the name of the service the conversation's last
// answer quoted, and that answer's confidence; "" when none.
func previousName(conv *Conversation) (string, float64) {
	for i := len(conv.Answers) - 1; i >= 0; i-- {
		if ans := conv.Answers[i]; ans.Kind != KindUnsure && len(ans.Services) > 0 {
			return ans.Services[0].Name, ans.Confidence
		}
	}
	return "", 0
}

func (a *Assistant) search(ctx context.Context, text string, words []string) (retrieved, error) {
	res, err := a.Catalog.Search(ctx, catalog.SearchQuery{Text: text, Limit: 10})
	if err != nil {
		return retrieved{}, err
	}
	c, err := a.corpus(ctx)
	if err != nil {
		return retrieved{}, err
	}
	items := rerank(res.Items, words, c)
	return retrieved{items: items, confidence: confidence(items, words, c)}, nil
}

// nameBoost weighs the share of the question's words in a service's name.
const nameBoost = 0.5

// rerank lifts the hits whose names hold the question's words, and those
// that cover more of the question (words weighted by rarity): a sentence
// has more words than a search, and a word that only occurs in a long text
// ("Kinder bis 12 Jahre") should not outweigh the name.
func rerank(items []catalog.SearchItem, words []string, c *corpus) []catalog.SearchItem {
	out := make([]catalog.SearchItem, len(items))
	for i, it := range items {
		cover, _ := c.coverage(it.Service, words)
		it.Score *= (1 + nameBoost*overlap(it.Service.Name, words)) * (1 - coverBoost + coverBoost*cover)
		out[i] = it
	}
	sortBy(out, func(a, b catalog.SearchItem) bool { return a.Score > b.Score })
	return out
}

// coverBoost is the part of a hit's score that depends on its coverage.
const coverBoost = 0.1

// previous returns the services of the conversation's last answer that
// named any, with that answer's confidence.
func (a *Assistant) previous(ctx context.Context, conv *Conversation) (retrieved, error) {
	for i := len(conv.Answers) - 1; i >= 0; i-- {
		prev := conv.Answers[i]
		if len(prev.Services) == 0 || prev.Kind == KindUnsure {
			continue
		}
		var r retrieved
		for _, ref := range prev.Services {
			s, err := a.Catalog.PublicService(ctx, ref.ID)
			if err != nil {
				continue // archived since
			}
			r.items = append(r.items, catalog.SearchItem{Service: s})
		}
		r.confidence = prev.Confidence
		return r, nil
	}
	return retrieved{}, nil
}

// confidence rates the first hit: how much of the question it covers
// (words weighted by how rare they are in the catalogue), how high it
// scores, and how far it leads the second.
func confidence(items []catalog.SearchItem, words []string, c *corpus) float64 {
	if len(items) == 0 || items[0].Score <= 0 {
		return 0
	}
	s1, s2 := items[0].Score, 0.0
	if len(items) > 1 {
		s2 = items[1].Score
	}
	margin := (s1 - s2) / s1
	cover, head := c.coverage(items[0].Service, words)
	if cover == 0 {
		return 0 // the service says nothing the question asks: a neighbour by accident
	}
	score := math.Max(0, math.Min(1, (s1-scoreFloor)/scoreSpan))
	conf := wCover*cover + wHead*head + wScore*score + wMargin*math.Min(1, margin*3)
	return math.Round(conf*100) / 100
}

// Weights of the confidence, and the search scores from which a first
// hit starts to count (below scoreFloor nothing, from floor+span fully).
const (
	wCover, wHead, wScore, wMargin = 0.35, 0.25, 0.25, 0.15
	scoreFloor, scoreSpan          = 4.0, 16.0
)

func serviceRef(s *catalog.Service) ServiceRef {
	r := ServiceRef{ID: s.ID, ExternalID: s.ExternalID, Name: s.Name, URL: ServiceURL(s.ID)}
	if len(s.LeiKa) > 0 {
		r.LeiKa = s.LeiKa[0]
	}
	return r
}

// steps offers what to do next with service s.
func (b *builder) steps(s *catalog.Service) {
	if s.OnlineURL != "" {
		b.ans.NextSteps = append(b.ans.NextSteps, Step{Kind: StepOnline, ServiceID: s.ID, URL: s.OnlineURL, Label: s.Name})
	}
	if url := b.bookURL(s); url != "" {
		b.ans.NextSteps = append(b.ans.NextSteps, Step{Kind: StepAppointment, ServiceID: s.ID, URL: url, Label: s.Name})
	}
	b.ans.NextSteps = append(b.ans.NextSteps, Step{Kind: StepService, ServiceID: s.ID, URL: ServiceURL(s.ID), Label: s.Name})
}

// human offers the service office: a handover when there is an inbox,
// else the phone number and a visit.
func (b *builder) human() {
	if b.a.Inbox != nil {
		b.say(b.t("assistant.human.handover"))
		b.ans.NextSteps = append(b.ans.NextSteps, Step{Kind: StepHuman})
		return
	}
	b.say(b.t("assistant.human.phone", b.a.phone()))
}

func (a *Assistant) phone() string {
	if a.Phone == "" {
		return "115"
	}
	return a.Phone
}

// unsure says that nothing fits well enough and offers the closest
// services and a human.
func (b *builder) unsure() {
	b.ans.Kind = KindUnsure
	b.say(b.t("assistant.unsure"))
	if len(b.ans.Services) > 0 {
		b.say(b.t("assistant.unsure.closest"))
		for _, s := range b.ans.Services {
			b.ans.NextSteps = append(b.ans.NextSteps, Step{Kind: StepService, ServiceID: s.ID, URL: s.URL, Label: s.Name})
		}
	}
	b.human()
}

// refuse declines legal advice and eligibility decisions, pointing to the
// service's description (when one fits) and a human.
func (b *builder) refuse(r retrieved) {
	b.ans.Kind = KindRefusal
	b.say(b.t("assistant.refusal"))
	if len(r.items) > 0 && r.confidence >= MinConfidence {
		s := r.items[0].Service
		section, quote := SectionSummary, s.Summary
		if len(s.Prerequisites) > 0 {
			section, quote = SectionPrereqs, strings.Join(s.Prerequisites, "\n")
		}
		b.say(b.t("assistant.refusal.see", s.Name), b.cite(s, section, quote))
		b.ans.NextSteps = append(b.ans.NextSteps, Step{Kind: StepService, ServiceID: s.ID, URL: ServiceURL(s.ID), Label: s.Name})
	}
	b.human()
}
