package appointment_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"rathaus/internal/appointment"
	"rathaus/internal/catalog"
	"rathaus/internal/hours"
	"rathaus/internal/i18n"
	"rathaus/internal/org"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

// BenchmarkFindSlots searches the free slots of one service over 10
// offices and 8 weeks, with one booking in every opening hour of every
// office,
// from 16 concurrent clients; it reports the 99th percentile latency.
//
//	go test -run '^$' -bench FindSlots -benchmem ./internal/appointment/
func BenchmarkFindSlots(b *testing.B) {
	for name, open := range storetest.Engines(b) {
		b.Run(name, func(b *testing.B) {
			w := benchWorld(b, open(b))
			first := hours.Date{Year: 2026, Month: time.December, Day: 1}
			q := appointment.SlotQuery{ServiceIDs: []int64{w.perso}, From: first, To: first.AddDays(55)}
			var mu sync.Mutex
			var lat []time.Duration
			b.SetParallelism(8) // 16 clients on 2 cores
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				var mine []time.Duration
				for pb.Next() {
					t0 := time.Now()
					offers, err := w.svc.FindSlots(ctx, q)
					if err != nil || len(offers) != 10 {
						b.Errorf("FindSlots: %d offers, %v", len(offers), err)
						return
					}
					mine = append(mine, time.Since(t0))
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			})
			slices.Sort(lat)
			if len(lat) > 0 {
				b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
			}
		})
	}
}

// BenchmarkFindSlotsCold is one search right after a booking changed
// every office: the claims are read and the slots computed afresh.
func BenchmarkFindSlotsCold(b *testing.B) {
	for name, open := range storetest.Engines(b) {
		b.Run(name, func(b *testing.B) {
			w := benchWorld(b, open(b))
			first := hours.Date{Year: 2026, Month: time.December, Day: 1}
			q := appointment.SlotQuery{ServiceIDs: []int64{w.perso}, From: first, To: first.AddDays(55)}
			for b.Loop() {
				fresh := appointment.Service{Store: w.svc.Store, Catalog: w.svc.Catalog, T: w.svc.T, Now: w.svc.Now, Location: berlin}
				if offers, err := fresh.FindSlots(ctx, q); err != nil || len(offers) != 10 {
					b.Fatalf("FindSlots: %d offers, %v", len(offers), err)
				}
			}
		})
	}
}

// benchWorld is 10 offices open 24 hours a week with 3 counters each and
// one booking in every hour of the next 8 weeks.
func benchWorld(b *testing.B, db *sqlstore.DB) *world {
	b.Helper()
	w := &world{db: db, now: local(2026, 11, 30, 9, 0).UTC()}
	orgs := &org.Service{Store: db, Audit: db, Now: w.clock}
	must(b, orgs.Create(ctx, &org.Org{Kind: org.KindGroup, Slug: "buergerservice", Name: "Bürgerservice"}))
	// As in serve: the catalogue version is trusted for a second.
	w.cat = &catalog.Catalog{Store: db, Orgs: orgs, Audit: db, Now: w.clock, Freshness: time.Second}
	bu := bundle()
	base := bu.Offices[0]
	bu.Offices = nil
	for i := range 10 {
		o := base
		o.Key, o.Name = fmt.Sprintf("office-%d", i), fmt.Sprintf("Bürgerbüro %d", i)
		bu.Offices = append(bu.Offices, o)
	}
	for i := range bu.Services {
		bu.Services[i].Offices = nil
		for _, o := range bu.Offices {
			bu.Services[i].Offices = append(bu.Services[i].Offices, o.Key)
		}
	}
	if _, err := w.cat.Import(ctx, bu); err != nil {
		b.Fatal(err)
	}
	ids := externalIDs(b, db)
	w.perso, w.pass = ids["perso"], ids["pass"]
	tr, err := i18n.New()
	must(b, err)
	w.svc = &appointment.Service{Store: db, Catalog: w.cat, Orgs: orgs, T: tr, Now: w.clock, Location: berlin,
		BaseURL: "https://rathaus.test", Secret: "s"}
	rng := rand.New(rand.NewPCG(1, 2))
	first := hours.Date{Year: 2026, Month: time.December, Day: 1}
	for i := range 10 {
		office := ids[fmt.Sprintf("office-%d", i)]
		must(b, db.SaveSetup(ctx, &appointment.Setup{OfficeID: office, Enabled: true, Counters: 3, SlotMinutes: 10,
			MinDays: 1, MaxDays: 60, MaxPersons: 4,
			Services: []appointment.ServiceSetup{{ServiceID: w.perso, Minutes: 20}, {ServiceID: w.pass, Minutes: 20}}}))
		o, err := w.cat.Office(ctx, office)
		must(b, err)
		seedBookings(b, w, o, first, rng)
	}
	return w
}

// seedBookings books 20 minutes at a random start in every opening hour.
func seedBookings(b *testing.B, w *world, o *catalog.Office, first hours.Date, rng *rand.Rand) {
	n := 0
	for d := first; d.Before(first.AddDays(56)); d = d.AddDays(1) {
		ivs, _ := o.Hours.Day(d)
		for _, iv := range ivs {
			for m := iv.From; m+20 <= iv.To; m += 60 {
				start := d.Time(berlin).Add(time.Duration(m+10*rng.IntN(3)) * time.Minute)
				bk := &appointment.Booking{Code: fmt.Sprintf("B%02d-%05d", o.ID%100, n), OfficeID: o.ID, ServiceIDs: []int64{w.perso},
					Persons: 1, Start: start.UTC(), End: start.Add(20 * time.Minute).UTC(), Name: "Bench", Email: fmt.Sprintf("b%d@example.org", n),
					Lang: "de", Status: appointment.Confirmed, HoldUntil: w.now, CreatedAt: w.now}
				must(b, w.db.CreateBooking(ctx, bk, w.now, func([]appointment.Busy, map[int64]int) error { return nil }, appointment.Effects{}))
				n++
			}
		}
	}
}
