package demo_test

import (
	"context"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/appointment"
	"rathaus/internal/catalog"
	"rathaus/internal/demo"
	"rathaus/internal/hours"
	"rathaus/internal/i18n"
	"rathaus/internal/org"
	"rathaus/internal/storetest"
)

// TestSeedAppointments: the citizens' offices, the registry office, the
// vehicle registration and the foreigners' authority take bookings after a
// demo start, with free slots from tomorrow on; a second start keeps the
// setups staff may have changed.
func TestSeedAppointments(t *testing.T) {
	ctx := context.Background()
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			db := open(t)
			tr, err := i18n.New()
			if err != nil {
				t.Fatal(err)
			}
			now := func() time.Time { return time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC) } // a Monday
			orgs := &org.Service{Store: db, Audit: db, Now: now}
			if _, err := demo.Seed(ctx, &account.Service{Store: db, Audit: db, Outbox: db, T: tr, Now: now}, orgs); err != nil {
				t.Fatal(err)
			}
			cat := &catalog.Catalog{Store: db, Orgs: orgs, Audit: db, Now: now}
			if err := demo.SeedCatalog(ctx, cat); err != nil {
				t.Fatal(err)
			}
			if err := demo.SeedAppointments(ctx, db, cat); err != nil {
				t.Fatal(err)
			}
			setups, err := db.FindSetups(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(setups) != 5 {
				t.Fatalf("%d bookable offices, want 5", len(setups))
			}
			setups[0].Counters = 1
			if err := db.SaveSetup(ctx, setups[0]); err != nil {
				t.Fatal(err)
			}
			if err := demo.SeedAppointments(ctx, db, cat); err != nil {
				t.Fatal(err)
			}
			if again, _ := db.FindSetup(ctx, setups[0].OfficeID); again.Counters != 1 {
				t.Error("a second demo start overwrote a changed setup")
			}
			svc := &appointment.Service{Store: db, Catalog: cat, T: tr, Now: now, Location: time.UTC}
			want := map[string]string{
				"Personalausweis beantragen": "Bürgerservice Jena-Mitte", "Fahrzeug abmelden (außer Betrieb setzen)": "Kfz-Zulassungs- und Fahrerlaubnisbehörde",
				"Eheschließung anmelden": "Standesamt Jena", "Niederlassungserlaubnis beantragen": "Ausländerbehörde Jena",
			}
			for service, office := range want {
				id := serviceID(t, cat, service)
				from := hours.Date{Year: 2026, Month: time.December, Day: 1}
				offers, err := svc.FindSlots(ctx, appointment.SlotQuery{ServiceIDs: []int64{id}, From: from, To: from.AddDays(13)})
				if err != nil {
					t.Fatal(err)
				}
				found := false
				for _, o := range offers {
					if o.Office.Name == office && len(o.Slots) > 20 {
						found = true
					}
				}
				if !found {
					t.Errorf("%s: no free slots at %s in the next two weeks", service, office)
				}
			}
		})
	}
}

func serviceID(t *testing.T, cat *catalog.Catalog, name string) int64 {
	t.Helper()
	services, err := cat.AZ(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range services {
		if s.Name == name {
			return s.ID
		}
	}
	t.Fatalf("no service %q", name)
	return 0
}
