package demo

import (
	"context"
	"math/rand/v2"
	"time"

	"rathaus/internal/org"
	"rathaus/internal/survey"
)

// SeedSurveys adds two surveys when there are none: a closed satisfaction
// survey about the city's website with 200 simulated responses and public
// results, and a running one on which service should go online next,
// with results shown while it runs. The responses are the same on every
// seed (a fixed random source).
func SeedSurveys(ctx context.Context, store survey.Store, orgs org.Store, now time.Time) error {
	existing, err := store.FindSurveys(ctx, survey.Filter{})
	if err != nil || len(existing) > 0 {
		return err
	}
	digital, err := orgs.FindOrgBySlug(ctx, "fd-digitalisierung")
	if err != nil {
		return err
	}
	services, err := orgs.FindOrgBySlug(ctx, "fb-buergerdienste")
	if err != nil {
		return err
	}
	now = now.UTC().Truncate(time.Hour)
	rng := rand.New(rand.NewPCG(2026, 6))
	web := websiteSurvey(digital.ID, now)
	if err := seedSurvey(ctx, store, web, 200, now.AddDate(0, 0, -35), rng, websiteAnswers); err != nil {
		return err
	}
	web.Status = survey.StatusClosed
	if err := store.UpdateSurvey(ctx, web); err != nil {
		return err
	}
	next := nextServiceSurvey(services.ID, now)
	return seedSurvey(ctx, store, next, 64, now.AddDate(0, 0, -6), rng, nextServiceAnswers)
}

// seedSurvey stores s as open and adds n responses spread from since to
// the survey's close date or now.
func seedSurvey(ctx context.Context, store survey.Store, s *survey.Survey, n int, since time.Time, rng *rand.Rand,
	answers func(*rand.Rand) map[string]survey.Answer) error {
	s.Status = survey.StatusOpen
	if err := store.CreateSurvey(ctx, s); err != nil {
		return err
	}
	end := s.UpdatedAt
	if s.ClosesAt != nil && s.ClosesAt.Before(end) {
		end = *s.ClosesAt
	}
	span := end.Sub(since)
	for i := 0; i < n; i++ {
		at := since.Add(time.Duration(float64(span) * float64(i) / float64(n))).Truncate(time.Hour)
		if err := store.AddResponse(ctx, &survey.Response{SurveyID: s.ID, At: at, Answers: answers(rng)}, nil); err != nil {
			return err
		}
	}
	return nil
}

func surveyText2(de, en string) survey.Text { return survey.Text{"de": de, "en": en} }

func websiteSurvey(orgID int64, now time.Time) *survey.Survey {
	opens, closes := now.AddDate(0, 0, -35), now.AddDate(0, 0, -7)
	return &survey.Survey{
		OrgID: orgID, Anonymous: true, OpensAt: &opens, ClosesAt: &closes, CreatedAt: opens, UpdatedAt: now,
		Title: surveyText2("Wie zufrieden sind Sie mit der Website der Stadt?", "How satisfied are you with the city's website?"),
		Intro: surveyText2("Der Fachdienst Digitalisierung möchte die Website verbessern. Die Umfrage ist anonym und dauert etwa drei Minuten. Bitte schreiben Sie in Freitexte keine persönlichen Daten.",
			"The digital services team wants to improve the website. The survey is anonymous and takes about three minutes. Please do not write personal data into free texts."),
		Questions: []survey.Question{
			{ID: "q1", Type: survey.TypeSingle, Required: true, Label: surveyText2("Haben Sie gefunden, was Sie gesucht haben?", "Did you find what you were looking for?"),
				Options: []survey.Text{surveyText2("Ja", "Yes"), surveyText2("Teilweise", "Partly"), surveyText2("Nein", "No")}},
			{ID: "q2", Type: survey.TypeMultiple, Label: surveyText2("Wofür nutzen Sie die Website?", "What do you use the website for?"),
				Options: []survey.Text{surveyText2("Termine buchen", "Booking appointments"), surveyText2("Anträge stellen", "Applying online"),
					surveyText2("Öffnungszeiten und Adressen", "Opening hours and addresses"), surveyText2("Nachrichten aus der Stadt", "City news")}},
			{ID: "q3", Type: survey.TypeScale, Required: true, Label: surveyText2("Wie zufrieden sind Sie insgesamt?", "How satisfied are you overall?"),
				ScaleMin: 1, ScaleMax: 5, MinLabel: surveyText2("gar nicht zufrieden", "not at all satisfied"), MaxLabel: surveyText2("sehr zufrieden", "very satisfied")},
			{ID: "q4", Type: survey.TypeMatrix, Label: surveyText2("Wie bewerten Sie …", "How do you rate …"), ScaleMin: 1, ScaleMax: 5,
				MinLabel: surveyText2("schlecht", "poor"), MaxLabel: surveyText2("sehr gut", "very good"),
				Options: []survey.Text{surveyText2("die Suche", "the search"), surveyText2("die Verständlichkeit der Texte", "how clear the texts are"), surveyText2("die Nutzung mit dem Smartphone", "use on a smartphone")}},
			{ID: "q5", Type: survey.TypeText, Label: surveyText2("Was sollen wir verbessern?", "What should we improve?")},
		},
	}
}

var websiteTexts = []string{
	"Die Suche findet Leistungen oft nur mit dem genauen Namen.",
	"Mehr Termine am Samstag wären schön.",
	"Bitte alle Formulare auch auf Englisch.",
	"Die Seite für den Personalausweis war sehr verständlich.",
	"Auf dem Handy ist das Menü schwer zu bedienen.",
}

func websiteAnswers(rng *rand.Rand) map[string]survey.Answer {
	found := surveyPick(rng, 55, 30, 15)
	a := map[string]survey.Answer{
		"q1": {Choices: []int{found}},
		"q3": {Value: 5 - found - surveyPick(rng, 40, 40, 20)},
	}
	var uses []int
	for i, p := range []int{60, 35, 55, 20} {
		if rng.IntN(100) < p {
			uses = append(uses, i)
		}
	}
	if len(uses) > 0 {
		a["q2"] = survey.Answer{Choices: uses}
	}
	if rng.IntN(100) < 80 {
		a["q4"] = survey.Answer{Rows: []int{2 + surveyPick(rng, 30, 40, 30), 3 + surveyPick(rng, 50, 40, 10), 1 + surveyPick(rng, 20, 30, 30, 20)}}
	}
	if rng.IntN(100) < 12 {
		a["q5"] = survey.Answer{Text: websiteTexts[rng.IntN(len(websiteTexts))]}
	}
	return a
}

func nextServiceSurvey(orgID int64, now time.Time) *survey.Survey {
	opens, closes := now.AddDate(0, 0, -6), now.AddDate(0, 0, 24)
	return &survey.Survey{
		OrgID: orgID, Anonymous: false, ResultsLive: true, OpensAt: &opens, ClosesAt: &closes, CreatedAt: opens, UpdatedAt: opens,
		Title: surveyText2("Welche Leistung soll als nächstes online gehen?", "Which service should go online next?"),
		Intro: surveyText2("Wir bringen jedes Quartal weitere Leistungen online. Sagen Sie uns, welche Ihnen am meisten hilft. Sie brauchen ein Konto, damit jede Person einmal abstimmt; Ihre Antworten werden getrennt von Ihrem Konto gespeichert.",
			"Every quarter we bring more services online. Tell us which would help you most. You need an account so that everyone votes once; your answers are stored apart from your account."),
		Questions: []survey.Question{
			{ID: "q1", Type: survey.TypeSingle, Required: true, Label: surveyText2("Welche Leistung zuerst?", "Which service first?"),
				Options: []survey.Text{surveyText2("Wohnsitz ummelden", "Registering a change of address"), surveyText2("Sondernutzung für Umzüge (Halteverbot)", "No-parking zone for a move"),
					surveyText2("Gewerbe anmelden", "Registering a business"), surveyText2("Hund anmelden", "Registering a dog")}},
			{ID: "q2", Type: survey.TypeScale, Label: surveyText2("Wie wichtig ist Ihnen, Behördengänge online zu erledigen?", "How important is it to you to deal with the authorities online?"),
				ScaleMin: 1, ScaleMax: 5, MinLabel: surveyText2("unwichtig", "unimportant"), MaxLabel: surveyText2("sehr wichtig", "very important")},
		},
	}
}

func nextServiceAnswers(rng *rand.Rand) map[string]survey.Answer {
	return map[string]survey.Answer{
		"q1": {Choices: []int{surveyPick(rng, 45, 25, 20, 10)}},
		"q2": {Value: 5 - surveyPick(rng, 50, 30, 12, 5, 3)},
	}
}

// surveyPick returns an index with the given weights (percent).
func surveyPick(rng *rand.Rand, weights ...int) int {
	n := rng.IntN(100)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}
