package demo

import (
	"context"

	"rathaus/internal/inquiry"
)

// demoInquiry is a message to the city as the demo seeds it.
type demoInquiry struct {
	subject, body, name, email string
	handover                   bool // handed over by the assistant
}

// inquiries are messages of Jena's citizens: some the router is sure of
// (they go straight to a team), some for the Bürgerservice to triage (a
// broken street light, building-site noise, a thank-you, a handed-over
// conversation). Addresses are example.org: nothing leaves the demo.
var inquiries = []demoInquiry{
	{subject: "Zweiter Hund", body: "Wir haben einen zweiten Hund aus dem Tierheim. Wie melde ich den Hund an und wie hoch ist die Hundesteuer in Jena?",
		name: "Familie Schulze", email: "schulze@example.org"},
	{subject: "Personalausweis abgelaufen", body: "Mein Personalausweis ist im Mai abgelaufen. Kann ich den neuen Personalausweis auch ohne Termin beantragen?",
		email: "k.wagner@example.org"},
	{subject: "Auto nach Umzug", body: "Ich bin von Weimar nach Jena gezogen. Muss ich mein Fahrzeug ummelden und bekomme ich ein neues Kennzeichen?",
		name: "Tom Richter", email: "tom.richter@example.org"},
	{subject: "Sperrmüll in Lobeda", body: "Wir räumen die Wohnung meiner Mutter in Lobeda aus. Wie lasse ich Sperrmüll abholen, und was kostet die Sperrmüllabholung?",
		email: "m.hoffmann@example.org"},
	{subject: "Laterne dunkel", body: "Die Straßenlaterne vor der Hausnummer 12 in der Camburger Straße ist seit einer Woche dunkel. Abends ist der Gehweg kaum zu sehen.",
		email: "anwohnerin@example.org"},
	{subject: "Lärm am Westbahnhof", body: "Seit zwei Wochen fahren auch nachts Lastwagen zur Baustelle am Westbahnhof. Wer ist dafür zuständig?"},
	{body: "Ein großes Dankeschön an das Team im Rathaus für die schnelle und freundliche Hilfe heute!", name: "Ingrid B."},
	{body: "Ich bekomme Wohngeld. Kann ich trotzdem einen Wohnberechtigungsschein bekommen, und wo stelle ich den Antrag?",
		name: "Aylin", email: "aylin@example.org", handover: true},
}

// SeedInquiries sends the demo's messages to the city through svc (so the
// router sorts them) unless there are messages already, and says how many.
func SeedInquiries(ctx context.Context, svc *inquiry.Service) (int, error) {
	if _, n, err := svc.Store.FindInquiries(ctx, inquiry.Filter{Limit: 1}); err != nil || n > 0 {
		return 0, err
	}
	for _, d := range inquiries {
		if d.handover {
			transcript := "Frage: " + d.body + "\nAntwort: Dazu habe ich keine sichere Antwort gefunden."
			if _, err := svc.Handover(ctx, "de", transcript, nil, d.name, d.email, nil, "Bitte melden Sie sich bei mir."); err != nil {
				return 0, err
			}
			continue
		}
		sub := inquiry.Submission{Subject: d.subject, Body: d.body, Name: d.name, Email: d.email, Lang: "de"}
		if _, err := svc.Submit(ctx, sub); err != nil {
			return 0, err
		}
	}
	return len(inquiries), nil
}
