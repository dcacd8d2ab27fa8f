package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/fault"
	"rathaus/internal/org"
	"rathaus/internal/participation"
)

// Slugs of the demo's participation spaces.
const (
	IdeasSlug   = "ideen"             // the permanent ideas space
	ProcessSlug = "naechste-leistung" // the process on the next online service
)

// ParticipationCitizens is the number of simulated citizens who take part.
const ParticipationCitizens = 80

// SeedParticipation fills the demo city's participation unless a space
// exists: the space "ideen" with about sixty ideas of the last six months
// by simulated citizens under pseudonyms — supports, threaded comments,
// official comments and answers in every status, popular ideas answered
// in time, late and one overdue, hidden comments, a merged duplicate,
// open reports and a pending idea — and the process "naechste-leistung"
// in its prioritising phase with votes. Every step goes through the
// domain's rules on a clock that moves through the simulated months, so
// timelines and the "what became of your ideas" figures are real.
// Followers get no mails for the simulated past. The demo citizen has a
// pseudonym and an idea of her own but no votes yet. The same now gives
// the same data (a fixed random source). It returns the number of ideas.
func SeedParticipation(ctx context.Context, svc *participation.Service, users account.Store, now time.Time) (int, error) {
	spaces, err := svc.Store.FindSpaces(ctx)
	if err != nil || len(spaces) > 0 {
		return 0, err
	}
	s, err := newPartSeeder(ctx, svc, users, now)
	if err != nil {
		return 0, fmt.Errorf("demo participation: %w", err)
	}
	if err := s.seedIdeas(ctx); err != nil {
		return s.ideas, fmt.Errorf("demo participation: %w", err)
	}
	if err := s.seedProcess(ctx); err != nil {
		return s.ideas, fmt.Errorf("demo participation: %w", err)
	}
	return s.ideas, nil
}

// partSeeder writes the simulated participation through a service whose
// clock it moves.
type partSeeder struct {
	sv       *participation.Service
	store    participation.Store
	orgs     *org.Service
	rng      *rand.Rand
	now      time.Time // the real present: everything happens before it
	clock    time.Time // the service's present while simulating
	citizens []int64   // simulated citizens, each with a pseudonym
	erika    int64     // the demo citizen
	worker   org.Actor // the demo case worker (Bürgerservice)
	owner    org.Actor // the demo service owner (Fachbereich Bürgerdienste)
	mod      org.Actor // the demo moderator (Stadtverwaltung)
	ideas    int
	byKey    map[string]int64 // ideas the plans name
}

// noMail finds no account, so the simulated past sends followers no
// mails (participation skips followers it cannot find).
type noMail struct{}

func (noMail) FindUserByID(context.Context, int64) (*account.User, error) {
	return nil, fault.New(fault.NotFound, "error.not_found")
}

func newPartSeeder(ctx context.Context, svc *participation.Service, users account.Store, now time.Time) (*partSeeder, error) {
	if svc.Orgs == nil {
		return nil, fmt.Errorf("the participation service has no organisations")
	}
	now = now.UTC().Truncate(time.Minute)
	s := &partSeeder{store: svc.Store, orgs: svc.Orgs, rng: rand.New(rand.NewPCG(2026, 0x1dea5)), now: now,
		clock: now.AddDate(0, 0, -200), byKey: map[string]int64{}}
	s.sv = &participation.Service{Store: svc.Store, Accounts: noMail{}, Orgs: svc.Orgs, Audit: svc.Audit, T: svc.T,
		Now: func() time.Time { return s.clock }, IdeasPerDay: 1 << 20, CommentsPerHour: 1 << 20}
	staff := []struct {
		email, pseudonym string
		actor            *org.Actor
	}{
		{Accounts[2].Email, "Stadt Jena - Bürgerservice", &s.worker},
		{Accounts[3].Email, "Fachbereich Bürgerdienste", &s.owner},
		{Accounts[4].Email, "Stadt Jena - Beteiligung", &s.mod},
		{Accounts[0].Email, "Erika M.", nil},
	}
	for _, st := range staff {
		u, err := users.FindUserByEmail(ctx, st.email)
		if err != nil {
			return nil, fmt.Errorf("account %s: %w", st.email, err)
		}
		if err := s.sv.SetPseudonym(ctx, u.ID, st.pseudonym); err != nil {
			return nil, err
		}
		if st.actor != nil {
			*st.actor = org.Actor{UserID: u.ID}
		} else {
			s.erika = u.ID
		}
	}
	return s, s.createCitizens(ctx, users)
}

// createCitizens adds the simulated citizens: accounts at the demo
// domain without a password (nobody logs in as them) and a pseudonym
// each.
func (s *partSeeder) createCitizens(ctx context.Context, users account.Store) error {
	taken := map[string]bool{}
	joined := s.now.AddDate(0, -8, 0)
	for n := range ParticipationCitizens {
		p := newPerson(s.rng)
		email := fmt.Sprintf("mitmachen%02d%s", n+1, Domain)
		u, err := users.FindUserByEmail(ctx, email)
		if fault.Is(err, fault.NotFound) {
			u = &account.User{Email: email, DisplayName: p.Name(), Locale: "de", EmailVerifiedAt: &joined, CreatedAt: joined}
			err = users.CreateUser(ctx, u, nil, nil)
		}
		if err != nil {
			return fmt.Errorf("citizen %s: %w", email, err)
		}
		name := s.pseudonym(p, taken)
		if err := s.sv.SetPseudonym(ctx, u.ID, name); err != nil {
			return fmt.Errorf("pseudonym %q: %w", name, err)
		}
		s.citizens = append(s.citizens, u.ID)
	}
	return nil
}

var pseudoWho = []string{"Radlerin", "Radler", "Pendlerin", "Pendler", "Studentin", "Student", "Mama", "Papa", "Oma", "Opa",
	"Nachbarin", "Nachbar", "Gärtnerin", "Spaziergänger", "Hundehalterin", "Jenenserin", "Jenenser", "Neubürgerin", "Rentner"}

var pseudoWhere = []string{"Lobeda", "Winzerla", "Jena-Nord", "Jena-Ost", "Wenigenjena", "Zwätzen", "Burgau", "Ammerbach",
	"Ziegenhain", "Drackendorf", "Göschwitz", "Löbstedt", "Jena-West", "Kernberge", "Damenviertel", "Nord II"}

var pseudoHandles = []string{"Saaleblick", "Kernbergwanderer", "Paradiesvogel", "Jenzigblick", "Fuchsturm", "Leutragrund",
	"Saalestrand", "Eichplatzkind", "Johannistor", "Pulverturm", "Hanfried", "Planetarium", "Optikerin", "Zeisswerker",
	"Stadtradler", "Sternwarte", "Kulturarena", "Landgrafen", "Gembdenbach", "Rautal"}

// pseudonym draws a public name for a person that nobody has yet:
// "Radlerin aus Lobeda", a handle, or first name and initial.
func (s *partSeeder) pseudonym(p person, taken map[string]bool) string {
	for try := 0; ; try++ {
		var name string
		switch k := s.rng.IntN(3); {
		case k == 0:
			name = pick(s.rng, pseudoWho) + " aus " + pick(s.rng, pseudoWhere)
		case k == 1:
			name = pick(s.rng, pseudoHandles)
			if s.rng.IntN(2) == 0 {
				name += fmt.Sprint(60 + s.rng.IntN(40))
			}
		default:
			name = p.First + " " + string([]rune(p.Last)[:1]) + "."
		}
		if try > 20 {
			name += fmt.Sprint(" ", try)
		}
		if !taken[name] {
			taken[name] = true
			return name
		}
	}
}

// citizensBut draws n distinct citizens other than not.
func (s *partSeeder) citizensBut(n int, not int64) []int64 {
	out := make([]int64, 0, n)
	for _, k := range s.rng.Perm(len(s.citizens)) {
		if len(out) == n {
			break
		}
		if id := s.citizens[k]; id != not {
			out = append(out, id)
		}
	}
	return out
}

// before keeps t before the present, so nothing is simulated in the
// future.
func (s *partSeeder) before(t time.Time) time.Time {
	if limit := s.now.Add(-time.Duration(5+s.rng.IntN(50)) * time.Minute); t.After(limit) {
		return limit
	}
	return t
}

// at sets the service's clock.
func (s *partSeeder) at(t time.Time) { s.clock = s.before(t) }

// between is a citizen's moment between a and b (b not after the
// present), skewed towards a by power (1: uniform).
func (s *partSeeder) between(a, b time.Time, power float64) time.Time {
	b = s.before(b)
	if !b.After(a) {
		return a.Add(time.Minute)
	}
	u := s.rng.Float64()
	r := u
	for p := 1.0; p < power; p++ {
		r *= u
	}
	t := citizenTime(s.rng, a, time.Duration(r*float64(b.Sub(a))))
	if t.After(b) {
		t = b
	}
	return t
}

// officeAt is a moment in the staff's office hours days after t.
func (s *partSeeder) officeAt(t time.Time, days int) time.Time {
	d := t.AddDate(0, 0, days).In(berlin)
	return nextWork(atMinute(d, 9*60+s.rng.IntN(5*60))).UTC()
}
