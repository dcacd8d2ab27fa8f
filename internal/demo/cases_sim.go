package demo

import (
	"math/rand/v2"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/form"
)

// history is the span of simulated case history before now; a profile's
// count is its cases per countSpan, so the year has about twice as many.
const (
	history   = 365 * 24 * time.Hour
	countSpan = 182 * 24 * time.Hour
)

// onlineTrend is how much the online share of a service's applications
// lies below its profile's weights a year ago and above them now: more
// people apply online as the city's services become known.
var onlineTrend = [2]float64{-0.12, 0.08}

// simulator plans the demo cases; the same seed always gives the same
// history relative to now.
type simulator struct {
	r   *rand.Rand
	now time.Time
	// fileRef names a demo attachment for a question.
	fileRef func(question, name string) form.FileRef
	forms   map[string]*form.Form
}

// arrival is when a case comes in by channel: online at any hour, the
// others during office hours.
func (s *simulator) arrival() time.Time {
	at := s.now.Add(-time.Duration(s.r.Int64N(int64(history))))
	return at.In(berlin)
}

func (s *simulator) arrive(channel string, at time.Time) time.Time {
	if channel == cases.ChannelOnline || channel == cases.ChannelMail {
		return citizenTime(s.r, at.Add(-24*time.Hour), 24*time.Hour)
	}
	return addWork(at, time.Duration(s.r.IntN(60))*time.Minute)
}

// answersFor builds and checks the answers of a plan's form.
func (s *simulator) answersFor(p *plan) {
	b := &answers{r: s.r, file: s.fileRef, a: form.Answers{}}
	answerers[p.prof.key](b, p.person, p.at)
	p.answers = b.a
}

// random plans one ordinary case of a service.
func (s *simulator) random(prof *profile) *plan {
	r := s.r
	base := s.arrival()
	p := &plan{prof: prof, channel: s.channelAt(prof, base), person: newPerson(r)}
	for p.at = s.arrive(p.channel, base); !p.at.Before(s.now); {
		p.at = s.arrive(p.channel, s.arrival())
	}
	p.worker = prof.team && chance(r, 0.55)
	s.answersFor(p)
	s.life(p)
	p.sortSteps()
	return p
}

// life plans the steps of p after its arrival.
func (s *simulator) life(p *plan) {
	r, prof := s.r, p.prof
	if p.channel == cases.ChannelInPerson && prof.team {
		s.atCounter(p)
		return
	}
	t := p.at
	if p.channel == cases.ChannelPaper {
		t = addWork(t, workDays(r, 0.5, 2)) // opening, scanning, entering
	}
	// Online applications arrive complete and checked by the form; paper
	// ones are typed in and often incomplete.
	lag := time.Duration(float64(workDays(r, prof.start[0], prof.start[1])) * channelPace[p.channel])
	backlog := 0.08 // holidays, sickness, a busy week
	if s.now.Sub(p.at) < 21*24*time.Hour {
		backlog = 0.25 // this month the office is short of staff
	}
	if chance(r, backlog) {
		lag += workDays(r, 5, 15)
	}
	s.payment(p, time.Time{})
	if chance(r, prof.withdraw/3) {
		p.add(citizenTime(r, p.at, days(r, 0.2, 3)), stepAction, "withdraw", "", false)
		return
	}
	start := addWork(t, lag)
	if p.worker {
		p.add(start, stepAssign, "", "", true)
		start = start.Add(2 * time.Minute)
	}
	p.act(start, "start", "")
	cur := start
	work := workDays(r, prof.work[0], prof.work[1])
	if chance(r, prof.ask) {
		askAt := addWork(cur, time.Duration(r.Float64()*0.5*float64(work)))
		p.act(askAt, "ask", pick(r, prof.asks))
		switch {
		case chance(r, 0.85):
			reply := citizenTime(r, askAt, days(r, prof.reply[0], prof.reply[1]))
			i := r.IntN(len(replies))
			p.add(reply, stepCitizenMessage, "", replies[i], false)
			if i < len(replies)-1 {
				ref := s.fileRef("reply", "nachweise.pdf")
				p.steps[len(p.steps)-1].file = &ref
			}
			cur = addWork(reply, workDays(r, 0.1, 1.5))
			p.act(cur, "resume", "")
		case chance(r, 0.5):
			p.add(citizenTime(r, askAt, days(r, 5, 20)), stepAction, "withdraw", "", false)
			return
		default:
			cur = addWork(askAt.Add(days(r, 28, 35)), 0)
			p.act(cur, "resume", "")
			decided := addWork(cur, workDays(r, 0.1, 1))
			p.act(decided, "reject", "Die angeforderten Unterlagen wurden trotz Erinnerung nicht eingereicht.")
			p.act(addWork(decided, workDays(r, 15, 25)), "close", "")
			return
		}
	}
	decided := addWork(cur, time.Duration(float64(work)*channelPace[p.channel]))
	if chance(r, 0.06) {
		p.add(citizenTime(r, p.at, decided.Sub(p.at)/2), stepCitizenMessage, "", pick(r, questions), false)
	}
	if p.worker && chance(r, 0.15) {
		p.add(addWork(start, decided.Sub(start)/2), stepNote, "", pick(r, staffNotes), true)
	}
	if chance(r, prof.withdraw) {
		p.add(citizenTime(r, cur, decided.Sub(cur)/2), stepAction, "withdraw", "", false)
		return
	}
	if chance(r, prof.reject) {
		p.act(decided, "reject", pick(r, prof.rejects))
		p.act(addWork(decided, workDays(r, 15, 25)), "close", "")
		return
	}
	p.act(decided, "approve", "")
	s.payment(p, decided)
	if chance(r, 0.08) {
		p.add(decided.Add(5*time.Minute), stepStaffMessage, "", pick(r, staffNews), true)
	}
	closeAt := addWork(decided, workDays(r, prof.close[0], prof.close[1]))
	if d, err := time.ParseInLocation("2006-01-02", p.answers["preferred_date"].Text, berlin); err == nil && prof.key == "sperrmuell" {
		closeAt = addWork(d.AddDate(0, 0, 1), workDays(r, 0, 0.5)) // after the collection
	}
	if !closeAt.After(decided) {
		closeAt = addWork(decided, workDays(r, 0.1, 0.5))
	}
	p.act(closeAt, "close", "")
}

// channelPace stretches the working time a case needs by channel.
var channelPace = map[string]float64{cases.ChannelOnline: 0.7, cases.ChannelMail: 1, cases.ChannelPhone: 1,
	cases.ChannelInPerson: 1, cases.ChannelPaper: 1.6, cases.ChannelAssisted: 0.8}

// atCounter plans a case handled at the citizens' office counter while
// the applicant waits: started, decided and paid within minutes.
func (s *simulator) atCounter(p *plan) {
	r := s.r
	start := p.at.Add(time.Duration(1+r.IntN(3)) * time.Minute)
	if p.worker {
		p.add(start, stepAssign, "", "", true)
		start = start.Add(time.Minute)
	}
	p.act(start, "start", "")
	done := start.Add(time.Duration(4+r.IntN(15)) * time.Minute)
	if chance(r, p.prof.reject) {
		p.act(done, "reject", pick(r, p.prof.rejects))
		p.act(addWork(done, workDays(r, 15, 25)), "close", "")
		return
	}
	p.act(done, "approve", "")
	p.add(done.Add(2*time.Minute), stepPay, "", "", false)
	p.act(done.Add(3*time.Minute), "close", "")
}

// payment plans when the fee arrives: at the counter at once, by direct
// debit after the approval (decided set), by transfer within days of
// submission for most applicants, never for some.
func (s *simulator) payment(p *plan, decided time.Time) {
	r := s.r
	sepa := p.answers["pay_by"].Text == "sepa"
	if p.prof.key == "hundesteuer" { // the tax is due after the tax notice
		sepa = p.answers["iban"].Text != ""
		if !sepa && !decided.IsZero() && chance(r, 0.8) {
			p.add(addWork(decided, workDays(r, 3, 15)).Truncate(time.Hour), stepPay, "", "", false)
		}
	}
	switch {
	case decided.IsZero() && p.channel == cases.ChannelInPerson:
		p.add(p.at.Add(3*time.Minute), stepPay, "", "", false)
	case decided.IsZero() && !sepa && p.prof.key != "hundesteuer" && chance(r, 0.8):
		p.add(addWork(p.at, workDays(r, 1, 9)).Truncate(time.Hour), stepPay, "", "", false)
	case !decided.IsZero() && sepa:
		p.add(addWork(decided, workDays(r, 1, 3)).Truncate(time.Hour), stepPay, "", "", false)
	}
}

// citizenPlans are the demo citizen's own applications, one in each
// stage, so her status page shows them all.
func (s *simulator) citizenPlans() []*plan {
	r := s.r
	mk := func(key string, ago time.Duration) *plan {
		prof := profileOf(key)
		p := &plan{prof: prof, channel: cases.ChannelOnline, person: demoCitizen(), citizen: true,
			at: citizenTime(r, s.now.Add(-ago-24*time.Hour), 24*time.Hour)}
		if !p.at.Before(s.now) {
			p.at = s.now.Add(-ago)
		}
		s.answersFor(p)
		return p
	}
	var out []*plan
	// Closed: a certificate of registration three months ago.
	p := mk("meldebescheinigung", 80*24*time.Hour)
	start := addWork(p.at, workDays(r, 0.2, 0.5))
	p.act(start, "start", "")
	p.add(addWork(p.at, workDays(r, 1, 2)), stepPay, "", "", false)
	done := addWork(start, workDays(r, 0.5, 1))
	p.act(done, "approve", "")
	p.act(addWork(done, workDays(r, 1, 2)), "close", "")
	out = append(out, p)
	// Closed long ago: her objection to data transfers.
	p = mk("uebermittlungssperre", 150*24*time.Hour)
	start = addWork(p.at, workDays(r, 0.5, 1))
	p.act(start, "start", "")
	p.act(start.Add(20*time.Minute), "approve", "")
	p.act(start.Add(25*time.Minute), "close", "")
	out = append(out, p)
	// Approved and paid: her residents' parking permit, a message about it.
	p = mk("bewohnerparkausweis", 20*24*time.Hour)
	start = addWork(p.at, workDays(r, 1, 1.5))
	p.act(start, "start", "")
	p.add(addWork(p.at, workDays(r, 1, 2)), stepPay, "", "", false)
	done = addWork(start, workDays(r, 1, 2))
	p.act(done, "approve", "")
	p.add(done.Add(4*time.Minute), stepStaffMessage, "", "Ihr Bewohnerparkausweis ist heute per Post an Sie gegangen. Bitte legen Sie ihn gut sichtbar hinter die Windschutzscheibe.", true)
	out = append(out, p)
	// Waiting for her: the dog tax office asks for a document.
	p = mk("hundesteuer", 9*24*time.Hour)
	start = addWork(p.at, workDays(r, 1, 2))
	p.act(start, "start", "")
	p.act(addWork(s.now.Add(-3*24*time.Hour), workDays(r, 0.05, 0.6)), "ask",
		"Bitte teilen Sie uns die Chipnummer Ihres Hundes mit und laden Sie ein Foto des Heimtierausweises hoch.")
	out = append(out, p)
	// In progress: housing benefit, with her question in the mailbox.
	p = mk("wohngeld", 12*24*time.Hour)
	start = addWork(p.at, workDays(r, 2, 3))
	p.act(start, "start", "")
	p.add(citizenTime(r, start, 24*time.Hour), stepCitizenMessage, "", "Guten Tag, ab nächstem Monat steigt meine Miete um 30 Euro. Soll ich den neuen Mietvertrag nachreichen?", false)
	out = append(out, p)
	// Received yesterday: a bulky waste collection.
	p = mk("sperrmuell", 20*time.Hour)
	out = append(out, p)
	for _, p := range out {
		p.sortSteps()
	}
	return out
}

func profileOf(key string) *profile {
	for _, p := range profiles {
		if p.key == key {
			return p
		}
	}
	panic("demo: no case profile for " + key)
}

// plans returns every simulated case in order of arrival.
func (s *simulator) plans() []*plan {
	var out []*plan
	for _, prof := range profiles {
		for range int(float64(prof.count) * float64(history) / float64(countSpan)) {
			out = append(out, s.random(prof))
		}
	}
	out = append(out, s.citizenPlans()...)
	sortPlans(out)
	return out
}

// channelAt draws the channel of a case of prof arriving at t: online
// with the profile's share moved by onlineTrend for t's place in the
// year, else by the weights of the other channels.
func (s *simulator) channelAt(prof *profile, t time.Time) string {
	total, online := 0, 0
	for _, w := range prof.channels {
		total += w.weight
		if w.value == cases.ChannelOnline {
			online += w.weight
		}
	}
	if online == 0 || online == total {
		return prof.channel(s.r)
	}
	year := 1 - float64(s.now.Sub(t))/float64(history)
	share := float64(online)/float64(total) + onlineTrend[0] + (onlineTrend[1]-onlineTrend[0])*year
	if s.r.Float64() < min(max(share, 0.05), 0.95) {
		return cases.ChannelOnline
	}
	n := s.r.IntN(total - online)
	for _, w := range prof.channels {
		if w.value == cases.ChannelOnline {
			continue
		}
		if n < w.weight {
			return w.value
		}
		n -= w.weight
	}
	return prof.channel(s.r)
}
