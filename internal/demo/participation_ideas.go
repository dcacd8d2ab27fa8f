package demo

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"rathaus/internal/org"
	"rathaus/internal/participation"
)

// ideaPlan is one simulated idea of the space "ideen".
type ideaPlan struct {
	key         string // names an idea the incidents refer to; optional
	title, body string
	cat, place  string
	age         int // days since it was proposed
	supports    int
	// reach is the number of days from the proposal to the support that
	// reached the threshold (ideas with supports >= the threshold).
	reach   int
	answers []answerStep
	// talk are the idea's own comments in order: "> " replies to the one
	// before, "! " is official (by the Bürgerservice), "!> " an official
	// reply. Up to comments in all, the rest from the common pools.
	talk     []string
	comments int
	window   int // days after the proposal in which supports and comments come; 0: until now
}

// answerStep is one public answer: its status, the days after the
// threshold (or the proposal, for ideas below it) and the text.
type answerStep struct {
	status string
	after  int
	text   string
}

// Threshold and answer days of the demo's ideas space.
const (
	demoThreshold  = 25
	demoAnswerDays = 30
)

var ideaCategories = []string{"Verkehr", "Digitale Verwaltung", "Umwelt und Grün", "Kultur und Freizeit", "Soziales", "Stadtbild und Sauberkeit"}

// seedIdeas creates the space "ideen" for the Team Bürgerservice (the
// demo case worker answers, the moderator of the city administration
// moderates) and its ideas.
func (s *partSeeder) seedIdeas(ctx context.Context) error {
	unit, err := s.orgs.Store.FindOrgBySlug(ctx, "buergerservice")
	if err != nil {
		return err
	}
	s.at(s.now.AddDate(0, 0, -190))
	sp := &participation.Space{Slug: IdeasSlug, Title: "Ideen und Wünsche für Jena", TitleEN: "Ideas and wishes for Jena",
		Description: "Was sollen wir in Jena verbessern, welche Leistung soll online gehen? Schlagen Sie Ideen vor, unterstützen Sie andere und diskutieren Sie mit. " +
			"Erreicht eine Idee 25 Unterstützungen, antwortet die Stadt innerhalb von 30 Tagen öffentlich – auch wenn etwas nicht möglich ist, mit Begründung.",
		OrgID: &unit.ID, Moderation: participation.PostModeration, SupportThreshold: demoThreshold, AnswerDays: demoAnswerDays,
		Categories: ideaCategories}
	if err := s.sv.SaveSpace(ctx, s.mod, sp); err != nil {
		return err
	}
	plans := slices.Clone(ideaPlans)
	slices.SortStableFunc(plans, func(a, b ideaPlan) int { return b.age - a.age })
	for _, p := range plans {
		if err := s.writeIdea(ctx, sp, p); err != nil {
			return fmt.Errorf("idea %q: %w", p.title, err)
		}
	}
	return s.incidents(ctx, sp)
}

// writeIdea proposes an idea and lets its supports, comments and answers
// happen.
func (s *partSeeder) writeIdea(ctx context.Context, sp *participation.Space, p ideaPlan) error {
	author := s.citizens[s.rng.IntN(len(s.citizens))]
	if p.key == "erika" {
		author = s.erika
	}
	day := s.now.AddDate(0, 0, -p.age)
	created := citizenTime(s.rng, day.Add(-24*time.Hour), 24*time.Hour)
	s.at(created)
	i := &participation.Idea{SpaceID: sp.ID, Title: p.title, Body: p.body, Category: p.cat}
	if p.place != "" {
		i.Place = &participation.Place{Label: p.place}
	}
	if err := s.sv.Propose(ctx, author, i); err != nil {
		return err
	}
	s.ideas++
	if p.key != "" {
		s.byKey[p.key] = i.ID
	}
	if i.Moderation != participation.Published {
		return nil
	}
	end := s.now
	if p.window > 0 {
		end = created.AddDate(0, 0, p.window)
	}
	base, err := s.supports(ctx, i.ID, p, author, created, end)
	if err != nil {
		return err
	}
	if err := s.talk(ctx, i.ID, p, author, created, base, end); err != nil {
		return err
	}
	for _, a := range p.answers {
		s.at(s.officeAt(base, a.after))
		cur, err := s.store.FindIdea(ctx, i.ID)
		if err != nil {
			return err
		}
		if _, err := s.sv.Answer(ctx, s.worker, i.ID, cur.Version, a.status, a.text, "de"); err != nil {
			return err
		}
	}
	return nil
}

// supports lets p.supports citizens support the idea; an idea that
// reaches the threshold does so p.reach days after its proposal. It
// returns when the answer's clock starts: the threshold, or the proposal.
func (s *partSeeder) supports(ctx context.Context, ideaID int64, p ideaPlan, author int64, created, end time.Time) (time.Time, error) {
	who := s.citizensBut(p.supports, author)
	times := make([]time.Time, len(who))
	base := created
	if len(who) >= demoThreshold {
		base = citizenTime(s.rng, created.AddDate(0, 0, p.reach-1), 24*time.Hour)
		for k := range demoThreshold - 1 {
			times[k] = s.between(created, base.Add(-time.Minute), 1.5)
		}
		times[demoThreshold-1] = base
		for k := demoThreshold; k < len(times); k++ {
			times[k] = s.between(base.Add(time.Minute), end, 2)
		}
	} else {
		for k := range times {
			times[k] = s.between(created, end, 2)
		}
	}
	slices.SortFunc(times, time.Time.Compare)
	for k, id := range who {
		s.at(times[k])
		if _, _, err := s.sv.Support(ctx, id, ideaID); err != nil {
			return base, err
		}
	}
	if slices.Contains(erikaSupports, p.key) {
		s.at(s.between(base.Add(time.Hour), end, 1))
		if _, _, err := s.sv.Support(ctx, s.erika, ideaID); err != nil {
			return base, err
		}
	}
	return base, nil
}

// erikaSupports are the ideas the demo citizen supports.
var erikaSupports = []string{"radweg", "sms", "trinkbrunnen", "baenke"}

// talk writes the idea's comments: its own first, then from the pools,
// some as replies, each after the one before; official ones in office
// hours once the idea reached the threshold (base) or a day after.
func (s *partSeeder) talk(ctx context.Context, ideaID int64, p ideaPlan, author int64, created, base, end time.Time) error {
	n := max(p.comments, len(p.talk))
	times := make([]time.Time, n)
	for k := range times {
		times[k] = s.between(created.Add(time.Hour), end, 1.6)
	}
	slices.SortFunc(times, time.Time.Compare)
	var ids []int64
	var last time.Time
	pool, replies := s.rng.Perm(len(commentPool)), s.rng.Perm(len(replyPool))
	for k := range n {
		var text string
		reply, official := false, false
		if k < len(p.talk) {
			text = p.talk[k]
			if official = strings.HasPrefix(text, "!"); official {
				text = strings.TrimPrefix(text, "!")
			}
			if reply = strings.HasPrefix(text, "> "); reply {
				text = strings.TrimPrefix(text, "> ")
			}
			text = strings.TrimSpace(text)
		} else if len(ids) > 0 && s.rng.IntN(3) == 0 && len(replies) > 0 {
			text, reply, replies = replyPool[replies[0]], true, replies[1:]
		} else {
			text, pool = commentPool[pool[0]%len(commentPool)], append(pool[1:], pool[0])
		}
		var parent *int64
		if reply && len(ids) > 0 {
			pid := ids[len(ids)-1]
			if k >= len(p.talk) {
				pid = ids[s.rng.IntN(len(ids))]
			}
			parent = &pid
		}
		who := org.Actor{UserID: s.citizens[s.rng.IntN(len(s.citizens))]}
		at := times[k]
		switch {
		case official:
			who = s.worker
			if first := s.officeAt(base, 1); at.Before(first) {
				at = first
			}
			at = nextWork(at).UTC()
		case reply && s.rng.IntN(3) == 0:
			who = org.Actor{UserID: author}
		}
		if !at.After(last) {
			at = last.Add(time.Duration(5+s.rng.IntN(90)) * time.Minute)
		}
		last = at
		s.at(at)
		c, err := s.sv.Comment(ctx, who, ideaID, parent, text, "de")
		if err != nil {
			return fmt.Errorf("comment %q: %w", text, err)
		}
		ids = append(ids, c.ID)
	}
	return nil
}

// incidents are the moderators' work: a merged duplicate, a hidden
// idea, hidden comments with public reasons, and open reports (with the
// pending idea's automatic one) for the queue.
func (s *partSeeder) incidents(ctx context.Context, sp *participation.Space) error {
	dup, err := s.store.FindIdea(ctx, s.byKey["duplikat"])
	if err != nil {
		return err
	}
	s.at(s.officeAt(dup.CreatedAt, 3))
	if err := s.sv.Merge(ctx, s.mod, dup.ID, s.byKey["wohngeld"]); err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	for _, h := range hiddenPlans {
		if err := s.hide(ctx, h); err != nil {
			return fmt.Errorf("hidden %q: %w", h.text, err)
		}
	}
	for _, r := range openReports {
		if err := s.openReport(ctx, r); err != nil {
			return fmt.Errorf("report on %s: %w", r.key, err)
		}
	}
	return nil
}

// hiddenPlan is a contribution a moderator hid: a comment (text set) or
// the idea itself, reported by a citizen (reason set) or flagged
// automatically.
type hiddenPlan struct {
	key    string // the idea
	ago    int    // days ago it was written
	text   string // a comment; "": the idea is hidden
	report string // a citizen's report reason; "": flagged automatically
	reason string // the public reason
}

func (s *partSeeder) hide(ctx context.Context, h hiddenPlan) error {
	ideaID := s.byKey[h.key]
	target, id := participation.TargetIdea, ideaID
	at := s.between(s.now.AddDate(0, 0, -h.ago), s.now.AddDate(0, 0, -h.ago+1), 1)
	if h.text != "" {
		s.at(at)
		c, err := s.sv.Comment(ctx, org.Actor{UserID: s.citizens[s.rng.IntN(len(s.citizens))]}, ideaID, nil, h.text, "de")
		if err != nil {
			return err
		}
		target, id = participation.TargetComment, c.ID
	} else if i, err := s.store.FindIdea(ctx, ideaID); err != nil {
		return err
	} else {
		at = i.CreatedAt
	}
	if h.report != "" {
		s.at(at.Add(time.Duration(1+s.rng.IntN(6)) * time.Hour))
		if err := s.sv.Report(ctx, s.citizens[s.rng.IntN(len(s.citizens))], target, id, h.report, ""); err != nil {
			return err
		}
	}
	s.at(nextWork(at.Add(18 * time.Hour)).UTC())
	return s.sv.Moderate(ctx, s.mod, target, id, participation.Hidden, h.reason)
}

// reportPlan is a report the moderators have not decided yet.
type reportPlan struct {
	key    string // the idea
	hours  int    // hours ago
	text   string // a comment that is reported; "": the idea
	reason string
	note   string
}

func (s *partSeeder) openReport(ctx context.Context, r reportPlan) error {
	ideaID := s.byKey[r.key]
	target, id := participation.TargetIdea, ideaID
	at := s.now.Add(-time.Duration(r.hours) * time.Hour)
	if r.text != "" {
		s.at(at.Add(-3 * time.Hour))
		c, err := s.sv.Comment(ctx, org.Actor{UserID: s.citizens[s.rng.IntN(len(s.citizens))]}, ideaID, nil, r.text, "de")
		if err != nil {
			return err
		}
		target, id = participation.TargetComment, c.ID
	}
	s.at(at)
	return s.sv.Report(ctx, s.citizens[s.rng.IntN(len(s.citizens))], target, id, r.reason, r.note)
}
