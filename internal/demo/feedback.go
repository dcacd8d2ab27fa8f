package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"rathaus/internal/catalog"
	"rathaus/internal/feedback"
	"rathaus/internal/processlog"
)

// FeedbackServices is how many published services get simulated feedback.
const FeedbackServices = 12

// FeedbackDays is how far back the simulated feedback goes: a year, so
// the dashboards show every month.
const FeedbackDays = 365

// SeedFeedback simulates feedback of the last FeedbackDays when there is
// none: on the first FeedbackServices published services (by id),
// answers to "Was this page helpful?" and satisfaction answers after
// applications and appointments, each service with its own mood, some
// with a comment free of personal data. The entries are the same on
// every seed (a fixed random source); it reports how many it added.
func SeedFeedback(ctx context.Context, store feedback.Store, services catalog.Store, now time.Time) (int, error) {
	have, err := store.HelpfulCounts(ctx, feedback.Filter{})
	if err != nil || len(have) > 0 {
		return 0, err
	}
	svcs, err := services.FindServices(ctx, catalog.ServiceFilter{Status: catalog.StatusPublished})
	if err != nil {
		return 0, err
	}
	if len(svcs) > FeedbackServices {
		svcs = svcs[:FeedbackServices]
	}
	now = now.UTC().Truncate(time.Hour)
	rng := rand.New(rand.NewPCG(2026, 10))
	n := 0
	for i, s := range svcs {
		mood := 2.6 + 1.8*rng.Float64() // the service's mean rating
		added, err := seedServiceFeedback(ctx, store, s, i, mood, now, rng)
		n += added
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

func seedServiceFeedback(ctx context.Context, store feedback.Store, s *catalog.Service, i int, mood float64, now time.Time, rng *rand.Rand) (int, error) {
	n := 0
	at := func() time.Time { return now.Add(-time.Duration(rng.IntN(FeedbackDays*24)) * time.Hour) }
	for j := range 30 + rng.IntN(30) {
		t := at()
		h := &feedback.Helpful{ServiceID: s.ID, Helpful: rng.Float64()*5 < mood+0.4,
			ClientHash: fmt.Sprintf("demo-%d-%d", i, j), Day: t.Format(time.DateOnly), At: t}
		if rng.IntN(6) == 0 {
			h.Comment = pageComments[rng.IntN(len(pageComments))]
		}
		if _, err := store.AddHelpful(ctx, h); err != nil {
			return n, err
		}
		n++
	}
	for j := range 12 + rng.IntN(12) {
		t := at()
		kind := feedback.KindCase
		if j%3 == 0 {
			kind = feedback.KindAppointment
		}
		rating := min(feedback.MaxRating, max(feedback.MinRating, int(mood+rng.NormFloat64()*1.1+0.5)))
		sat := &feedback.Satisfaction{Subject: feedback.Subject{Kind: kind, ID: int64(900000 + i*100 + j)},
			ServiceID: s.ID, OrgID: s.OrgID, Rating: rating, At: t, UpdatedAt: t}
		if rng.IntN(4) == 0 {
			sat.Comment = ratingComments[rating][rng.IntN(len(ratingComments[rating]))]
		}
		ev := processlog.Event{Process: feedback.Process, CaseID: sat.Subject.String(), Activity: feedback.ActivityRated,
			At: t, OrgID: s.OrgID, Resource: "citizen",
			Attrs: map[string]string{"kind": kind, "rating": fmt.Sprint(rating), "service": fmt.Sprint(s.ID)}}
		if _, err := store.SaveSatisfaction(ctx, sat, ev); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// pageComments are comments on service pages, without personal data.
var pageComments = []string{
	"Die Gebühren waren gleich zu finden.",
	"Mir fehlt, welche Unterlagen ich im Original mitbringen muss.",
	"Bitte die Öffnungszeiten auch für Feiertage angeben.",
	"Gut erklärt, danke.",
	"Der Text ist recht lang, eine kurze Übersicht oben wäre hilfreich.",
	"Ich wusste nicht, ob ich einen Termin brauche.",
}

// ratingComments are comments on satisfaction answers, by rating.
var ratingComments = [feedback.MaxRating + 1][]string{
	1: {"Ich habe sehr lange auf eine Antwort gewartet.", "Das Formular ist beim Hochladen abgebrochen."},
	2: {"Die Bearbeitung hat länger gedauert als angegeben.", "Ich musste Unterlagen zweimal einreichen."},
	3: {"Hat geklappt, aber die Anleitung könnte klarer sein.", "In Ordnung."},
	4: {"Ging schnell und unkompliziert.", "Freundlich und zügig."},
	5: {"Sehr schnell erledigt, vielen Dank!", "Endlich online, das spart mir einen Weg."},
}
