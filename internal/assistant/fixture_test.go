package assistant_test

import (
	"context"
	"testing"
	"time"

	"rathaus/internal/assistant"
	"rathaus/internal/catalog"
	"rathaus/internal/hours"
	"rathaus/internal/sqlstore"
)

// small is a catalogue of four services written like real ones.
func small() *catalog.Bundle {
	var h hours.Hours
	h.Weekly[time.Monday] = []hours.Interval{{From: 8 * 60, To: 12 * 60}}
	h.Weekly[time.Thursday] = []hours.Interval{{From: 13 * 60, To: 18 * 60}}
	return &catalog.Bundle{Format: catalog.BundleFormat, Source: "test",
		Offices: []catalog.BundleOffice{{Key: "bb", Name: "Bürgerbüro Mitte", Hours: h,
			Address: catalog.Address{Street: "Marktplatz", HouseNo: "1", PostalCode: "07743", City: "Jena"}}},
		Services: []catalog.BundleService{
			{Key: "pass", Offices: []string{"bb"}, Content: catalog.Content{
				Name: "Reisepass", LeiKa: []string{"99088001001000"}, Keywords: []string{"Pass", "Passport"},
				Summary:     "Für Reisen in viele Länder brauchen Sie einen Reisepass.",
				Description: "Für Reisen in viele Länder brauchen Sie einen Reisepass. Den Antrag stellen Sie persönlich im Bürgerbüro.\n\nBitte bringen Sie ein aktuelles biometrisches Lichtbild und Ihren bisherigen Ausweis mit. Der Reisepass ist zehn Jahre gültig.",
				Documents:   []string{"ein biometrisches Lichtbild", "der bisherige Pass oder Personalausweis"},
				Fees:        []catalog.Fee{{Label: "unter 24 Jahren", Cents: 3750}, {Label: "ab 24 Jahren", Cents: 7000}},
				FeesText:    "unter 24 Jahren: 37,50 Euro\nab 24 Jahren: 70 Euro", ProcessingTime: "etwa drei bis vier Wochen",
				Prerequisites: []string{"deutsche Staatsangehörigkeit"}, AppointmentURL: "https://termine.example/pass"}},
			{Key: "perso", Offices: []string{"bb"}, Content: catalog.Content{
				Name: "Personalausweis", Keywords: []string{"Ausweis", "Perso"},
				Summary:     "Der Personalausweis weist Sie als Deutsche oder Deutschen aus.",
				Description: "Der Personalausweis weist Sie als Deutsche oder Deutschen aus. Ab 16 Jahren müssen Sie einen Ausweis besitzen.",
				FeesText:    "37 Euro", Fees: []catalog.Fee{{Cents: 3700}}, ProcessingTime: "etwa drei Wochen"}},
			{Key: "wohnsitz", Offices: []string{"bb"}, Content: catalog.Content{
				Name: "Wohnsitzanmeldung", Keywords: []string{"Umzug", "Wohnung anmelden", "ummelden"},
				Summary:     "Wer in eine Wohnung einzieht, meldet sich an.",
				Description: "Wer in eine Wohnung einzieht, meldet sich an. Die Anmeldung ist gebührenfrei.",
				Deadlines:   "innerhalb von zwei Wochen nach dem Einzug", OnlineURL: "https://online.example/anmelden",
				Documents: []string{"Wohnungsgeberbestätigung", "Personalausweis oder Reisepass"}}},
			{Key: "hund", Content: catalog.Content{
				Name: "Hundesteuer", Keywords: []string{"Hund anmelden"},
				Summary: "Wer einen Hund hält, zahlt Hundesteuer.", Description: "Wer einen Hund hält, zahlt Hundesteuer.",
				FeesText: "Für den ersten Hund 100 Euro im Jahr."}},
		},
	}
}

// clock is a test's time, movable.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// fixture is an assistant over the small catalogue in db.
func fixture(t *testing.T, db *sqlstore.DB) (*assistant.Assistant, *clock) {
	t.Helper()
	a := newAssistant(t, db)
	c := &clock{t: now}
	a.Now, a.Catalog.Now = c.now, c.now
	if _, err := a.Catalog.Import(context.Background(), small()); err != nil {
		t.Fatal(err)
	}
	return a, c
}

// inbox records handovers.
type inbox struct{ got []assistant.Handover }

func (in *inbox) Handover(_ context.Context, h assistant.Handover) (string, error) {
	in.got = append(in.got, h)
	return "N-2026-1", nil
}
