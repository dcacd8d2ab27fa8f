package demo

import (
	"context"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/helppoint"
	"rathaus/internal/hours"
	"rathaus/internal/org"
)

// HelpPointOrg is the unit of the demo's help points, whose demo account
// files applications with citizens there.
const HelpPointOrg = "fd-digitalisierung"

// The demo's help points, after Jena's "assisted digital" offers: the
// ProbierLaden, a shop in the city centre where people try the digital
// services with help, and the ProbierMobil, a bus visiting the districts.
// Addresses, coordinates, hours and stops are invented for the demo.
func demoHelpPoints(orgID *int64, now time.Time) []*helppoint.Point {
	var week [7][]hours.Interval
	for d := time.Tuesday; d <= time.Friday; d++ {
		week[d] = []hours.Interval{{From: 10 * 60, To: 18 * 60}}
	}
	week[time.Saturday] = []hours.Interval{{From: 10 * 60, To: 14 * 60}}
	shop := &helppoint.Point{Name: "ProbierLaden", Kind: helppoint.KindFixed, Street: "Holzmarkt 8", Postcode: "07743",
		City: "Jena", Lat: 50.92745, Lon: 11.58815, Phone: "+49 3641 49-5555", Email: "probierladen@demo.jena.example",
		Offers: "Online-Anträge ausprobieren und gemeinsam ausfüllen, Nachweise einscannen und hochladen, " +
			"BundID-Konto und Online-Ausweis einrichten, Termine online buchen.",
		Access:    "Stufenloser Eingang vom Holzmarkt, Tische unterfahrbar, Induktionsschleife an der Beratungstheke.",
		Languages: []string{"Deutsch", "English", "Українська"}, OrgID: orgID, Demo: true,
		Hours: hours.Hours{Weekly: week, Holidays: "TH", Note: "Ohne Termin; für längere Anliegen gern vorher anrufen."}}
	bus := &helppoint.Point{Name: "ProbierMobil", Kind: helppoint.KindMobile, Street: "Holzmarkt 8", Postcode: "07743",
		City: "Jena", Lat: 50.92745, Lon: 11.58815, Phone: "+49 3641 49-5556", Email: "probiermobil@demo.jena.example",
		Offers: "Der Bus des ProbierLadens: Hilfe bei Online-Anträgen direkt im Stadtteil, mit Tablets und Scanner.",
		Access: "Rampe am Bus; bei Bedarf kommen wir zu Ihnen an den Tisch vor dem Bus.", Languages: []string{"Deutsch", "English"},
		OrgID: orgID, Demo: true, Stops: demoStops(now)}
	return []*helppoint.Point{shop, bus}
}

// demoStops is the ProbierMobil's round for the next four weeks:
// Tuesdays Lobeda-West, Wednesdays Winzerla, Thursdays Jena-Nord.
func demoStops(now time.Time) []helppoint.Stop {
	type visit struct {
		day            time.Weekday
		from, to       int // hours
		place, address string
	}
	round := []visit{
		{time.Tuesday, 10, 13, "Lobeda-West, vor dem Stadtteilbüro", "Karl-Marx-Allee 28, 07747 Jena"},
		{time.Wednesday, 14, 17, "Winzerla, am Stadtteilzentrum", "Anna-Siemsen-Straße 1, 07745 Jena"},
		{time.Thursday, 10, 13, "Jena-Nord, Nordplatz", "Dornburger Straße 21, 07743 Jena"},
	}
	today := hours.DateOf(now.In(berlin))
	var out []helppoint.Stop
	for i := 0; i < 28; i++ {
		d := today.AddDays(i)
		for _, v := range round {
			if d.Weekday() != v.day {
				continue
			}
			start := d.Time(berlin).Add(time.Duration(v.from) * time.Hour)
			out = append(out, helppoint.Stop{Place: v.place, Address: v.address, Start: start.UTC(),
				End: d.Time(berlin).Add(time.Duration(v.to) * time.Hour).UTC()})
		}
	}
	return out
}

// SeedHelpPoints adds the demo's help points when there are none marked
// as demo data, and renews the ProbierMobil's round when it has no stop
// left to come. It reports how many points it wrote.
func SeedHelpPoints(ctx context.Context, store helppoint.Store, orgs org.Store, now time.Time) (int, error) {
	all, err := store.FindHelpPoints(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	seeded := false
	for _, p := range all {
		if !p.Demo {
			continue
		}
		seeded = true
		if p.Mobile() && len(p.NextStops(now, 1)) == 0 {
			p.Stops, p.UpdatedAt = demoStops(now), now.UTC()
			if err := store.UpdateHelpPoint(ctx, p); err != nil {
				return n, err
			}
			n++
		}
	}
	if seeded {
		return n, nil
	}
	var orgID *int64
	if o, err := orgs.FindOrgBySlug(ctx, HelpPointOrg); err == nil {
		orgID = &o.ID
	} else if !fault.Is(err, fault.NotFound) {
		return 0, err
	}
	for _, p := range demoHelpPoints(orgID, now) {
		helppoint.Normalize(p)
		if err := helppoint.Validate(p); err != nil {
			return n, err
		}
		p.UpdatedAt = now.UTC()
		if err := store.CreateHelpPoint(ctx, p); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
