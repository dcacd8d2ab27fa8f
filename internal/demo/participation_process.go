package demo

import (
	"context"
	"fmt"
	"slices"
	"time"

	"rathaus/internal/participation"
)

// processIdea is a service proposed in the process and how much people
// want it (a weight for their votes).
type processIdea struct {
	title, body string
	cat         string
	appeal      int
	supports    int
}

var processCategories = []string{"Bürgerdienste", "Familie und Soziales", "Bauen und Wohnen", "Verkehr und Umzug"}

var processIdeas = []processIdea{
	{"Wohnsitz innerhalb Jenas online ummelden", "Bei einem Umzug innerhalb der Stadt ändert sich nur die Adresse. Die Ummeldung sollte online mit dem Personalausweis gehen, ohne Termin.", "Bürgerdienste", 30, 14},
	{"Halteverbot für den Umzug online beantragen", "Für eine Halteverbotszone beim Umzug muss man bisher ein Formular faxen oder vorbeibringen. Online mit Karte und Zahlung wäre viel einfacher.", "Verkehr und Umzug", 22, 11},
	{"Meldebescheinigung sofort als PDF", "Eine Meldebescheinigung braucht man oft kurzfristig. Sie sollte im Bürgerkonto sofort als signiertes PDF abrufbar sein.", "Bürgerdienste", 18, 9},
	{"Anwohnerparkausweis komplett online", "Beantragen, verlängern und bezahlen des Anwohnerparkausweises online, der Ausweis kommt per Post oder digital.", "Verkehr und Umzug", 15, 8},
	{"Gewerbe online an- und abmelden", "Gründerinnen und Gründer sollten ihr Gewerbe online anmelden können, mit Weiterleitung an Finanzamt und Kammer.", "Bürgerdienste", 10, 6},
	{"Ermäßigung der Kita-Gebühren online beantragen", "Der Antrag auf Ermäßigung der Kita-Gebühren mit Einkommensnachweisen sollte online gehen, Nachweise als Foto.", "Familie und Soziales", 9, 7},
	{"Hund an- und abmelden", "Die Hundesteuer-Anmeldung ist ein Papierformular. Online an- und abmelden, Steuermarke per Post – fertig.", "Bürgerdienste", 7, 4},
	{"Baumfällung beantragen", "Für die Fällgenehmigung eines Baumes im eigenen Garten sollte man Fotos und Lageplan online einreichen können.", "Bauen und Wohnen", 6, 3},
	{"Eheschließung online anmelden", "Die Anmeldung zur Eheschließung mit Hochladen der Unterlagen und Terminwahl im Standesamt online erledigen.", "Familie und Soziales", 5, 5},
	{"Fundsachen online melden und suchen", "Gefundenes online melden und verlorene Dinge in einer Liste suchen, statt beim Fundbüro anzurufen.", "Bürgerdienste", 4, 2},
	{"Straßenfest online anmelden", "Für ein Straßenfest braucht man mehrere Genehmigungen. Ein Online-Antrag, der alles bündelt, würde Vereinen helfen.", "Verkehr und Umzug", 3, 3},
	{"Als Wahlhelferin oder Wahlhelfer online melden", "Wer bei Wahlen helfen möchte, sollte sich online melden und den Wahlbezirk wünschen können.", "Bürgerdienste", 2, 1},
}

// seedProcess creates the process "naechste-leistung" for the
// Fachbereich Bürgerdienste: information and collecting are over, the
// prioritising phase runs for about ten more days with three votes per
// person, and the results follow.
func (s *partSeeder) seedProcess(ctx context.Context) error {
	unit, err := s.orgs.Store.FindOrgBySlug(ctx, "fb-buergerdienste")
	if err != nil {
		return err
	}
	day := s.now.In(berlin)
	day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, berlin)
	at := func(d int) time.Time { return day.AddDate(0, 0, d).UTC() }
	phases := []participation.Phase{
		{Kind: participation.PhaseInformation, From: at(-60), To: at(-45), Note: "Wir stellen vor, welche Leistungen schon online sind und wie die Auswahl läuft."},
		{Kind: participation.PhaseCollecting, From: at(-45), To: at(-7), Note: "Schlagen Sie Leistungen vor, unterstützen und kommentieren Sie Vorschläge."},
		{Kind: participation.PhasePrioritising, From: at(-7), To: at(11), Note: "Jede Person hat drei Stimmen für die Leistungen, die ihr am wichtigsten sind."},
		{Kind: participation.PhaseResults, From: at(11), To: at(40), Note: "Der Fachbereich Bürgerdienste veröffentlicht das Ergebnis und den Zeitplan für die Umsetzung."},
	}
	s.at(at(-61).Add(10 * time.Hour))
	sp := &participation.Space{Slug: ProcessSlug, Title: "Welche Leistung soll als nächstes online gehen?", TitleEN: "Which service should go online next?",
		Description: "Jedes Quartal bringen wir weitere Leistungen online. Sammeln Sie mit uns Vorschläge und entscheiden Sie mit: Die drei Leistungen mit den meisten Stimmen setzen wir im nächsten Jahr als Erstes um.",
		OrgID:       &unit.ID, Moderation: participation.PostModeration, Phases: phases, VotesPerPerson: 3, Categories: processCategories}
	if err := s.sv.SaveSpace(ctx, s.mod, sp); err != nil {
		return err
	}
	ids := make([]int64, len(processIdeas))
	for k, p := range processIdeas {
		id, err := s.processIdea(ctx, sp, p, phases[1])
		if err != nil {
			return fmt.Errorf("process idea %q: %w", p.title, err)
		}
		ids[k] = id
	}
	return s.votes(ctx, ids, phases[2].From)
}

// processIdea proposes one service in the collecting phase with its
// supports and a comment or two.
func (s *partSeeder) processIdea(ctx context.Context, sp *participation.Space, p processIdea, collecting participation.Phase) (int64, error) {
	author := s.citizens[s.rng.IntN(len(s.citizens))]
	created := s.between(collecting.From, collecting.From.AddDate(0, 0, 20), 1)
	s.at(created)
	i := &participation.Idea{SpaceID: sp.ID, Title: p.title, Body: p.body, Category: p.cat}
	if err := s.sv.Propose(ctx, author, i); err != nil {
		return 0, err
	}
	s.ideas++
	times := make([]time.Time, p.supports)
	for k := range times {
		times[k] = s.between(created, collecting.To, 1.5)
	}
	slices.SortFunc(times, time.Time.Compare)
	for k, id := range s.citizensBut(p.supports, author) {
		s.at(times[k])
		if _, _, err := s.sv.Support(ctx, id, i.ID); err != nil {
			return 0, err
		}
	}
	if p.appeal >= 15 {
		s.at(s.between(created, collecting.To, 1))
		if _, err := s.sv.Comment(ctx, s.owner, i.ID, nil,
			"Danke für den Vorschlag! Wir haben geprüft: Die Leistung lässt sich mit dem Landesportal in etwa drei Monaten online bringen.", "de"); err != nil {
			return 0, err
		}
	}
	return i.ID, nil
}

// votes lets most simulated citizens give one to three votes, weighted
// by appeal, since the prioritising phase began. The demo citizen keeps
// hers for the visitor.
func (s *partSeeder) votes(ctx context.Context, ids []int64, from time.Time) error {
	total := 0
	for _, p := range processIdeas {
		total += p.appeal
	}
	for _, who := range s.citizens {
		if s.rng.IntN(10) < 2 {
			continue // not everyone votes
		}
		s.at(s.between(from, s.now, 2))
		chosen := map[int]bool{}
		for range 1 + s.rng.IntN(3) {
			k := s.weighted(total, chosen)
			chosen[k] = true
			if _, err := s.sv.Vote(ctx, who, ids[k], true); err != nil {
				return fmt.Errorf("vote: %w", err)
			}
		}
	}
	return nil
}

// weighted draws a process idea by appeal, not one of chosen.
func (s *partSeeder) weighted(total int, chosen map[int]bool) int {
	for {
		n := s.rng.IntN(total)
		for k, p := range processIdeas {
			if n < p.appeal {
				if !chosen[k] {
					return k
				}
				break
			}
			n -= p.appeal
		}
	}
}
