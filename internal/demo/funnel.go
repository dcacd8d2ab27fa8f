package demo

import (
	"context"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/catalog"
	"rathaus/internal/dashboard"
	"rathaus/internal/form"
	"rathaus/internal/promo"
)

// FunnelStore writes the funnel counters directly (sqlstore.DB), for a
// history the demo has no drafts for.
type FunnelStore interface {
	HasFormFunnel(ctx context.Context) (bool, error)
	SeedFormFunnel(ctx context.Context, month string, service int64, f dashboard.Funnel) error
	SeedCampaignDay(ctx context.Context, campaignID int64, day string, scans, started, submitted int) error
}

// FunnelSeed is what SeedFunnel writes to and reads from.
type FunnelSeed struct {
	Funnel  FunnelStore
	Cases   cases.Store // the simulated applications (SeedCases)
	Forms   form.Store  // the demo forms (SeedForms)
	Promo   promo.Store
	Catalog *catalog.Catalog
	Now     time.Time
	Seed    uint64
}

// FunnelSeeded says what SeedFunnel wrote.
type FunnelSeeded struct {
	Months    int // service months of form funnel
	Campaigns int // campaigns created, each with its daily history
}

// completion is the share of started online applications that are
// submitted; the pages with uploads lose the most applicants.
const completion = 0.7

// SeedFunnel gives the demo forms a funnel history that matches the
// simulated online applications of the last twelve months (per service
// and month: submitted as many as the cases, started about submitted /
// 0.7, the drop-off spread over the pages, three times as much on pages
// with uploads), when there are no funnel counters yet; and, when there
// are no campaigns, two campaigns (a poster in the ProbierLaden, a flyer
// at the citizens' office) with daily scans, started and submitted
// applications since they began.
func SeedFunnel(ctx context.Context, s FunnelSeed) (FunnelSeeded, error) {
	var out FunnelSeeded
	r := rand.New(rand.NewPCG(s.Seed, 0x46554e4c))
	forms, err := Forms()
	if err != nil {
		return out, err
	}
	keys := make([]string, 0, len(forms))
	for k := range forms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	services, err := demoServices(ctx, s.Catalog, keys)
	if err != nil {
		return out, err
	}
	has, err := s.Funnel.HasFormFunnel(ctx)
	if err != nil {
		return out, err
	}
	if !has {
		if out.Months, err = seedFormFunnel(ctx, s, r, keys, services); err != nil {
			return out, err
		}
	}
	all, err := s.Promo.FindCampaigns(ctx, nil)
	if err != nil || len(all) > 0 {
		return out, err
	}
	out.Campaigns, err = seedCampaigns(ctx, s, r, services)
	return out, err
}

// seedFormFunnel writes one funnel per service and month with online cases.
func seedFormFunnel(ctx context.Context, s FunnelSeed, r *rand.Rand, keys []string, services map[string]*catalog.Service) (int, error) {
	now := s.Now.In(dashboard.Location)
	from := time.Date(now.Year(), now.Month()-11, 1, 0, 0, 0, 0, dashboard.Location)
	n := 0
	for _, key := range keys {
		svc := services[key]
		if svc == nil {
			continue
		}
		f, err := s.Forms.PublishedForm(ctx, svc.ID)
		if err != nil {
			continue // a service whose form staff withdrew
		}
		perMonth, err := onlineCases(ctx, s.Cases, svc.ID, from)
		if err != nil {
			return n, err
		}
		months := make([]string, 0, len(perMonth))
		for m := range perMonth {
			months = append(months, m)
		}
		sort.Strings(months)
		for _, m := range months {
			if err := s.Funnel.SeedFormFunnel(ctx, m, svc.ID, demoFunnel(r, f, perMonth[m])); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// onlineCases counts a service's online cases per month since from.
func onlineCases(ctx context.Context, store cases.Store, service int64, from time.Time) (map[string]int64, error) {
	out := map[string]int64{}
	for offset := 0; ; {
		cs, total, err := store.FindCases(ctx, cases.Filter{ServiceID: service, Channel: cases.ChannelOnline, From: &from,
			Limit: 5000, Offset: offset})
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			out[c.SubmittedAt.In(dashboard.Location).Format("2006-01")]++
		}
		offset += len(cs)
		if len(cs) == 0 || offset >= total {
			return out, nil
		}
	}
}

// demoFunnel makes the funnel of a month with submitted online cases of
// form f: started about submitted / 0.7; the applications lost on the
// way are spread over the pages by weight (3 for pages with uploads, 1
// for the others and for the check page). Conditional pages are seen by
// some applicants only and take no share of the loss.
func demoFunnel(r *rand.Rand, f *form.Form, submitted int64) dashboard.Funnel {
	started := int64(math.Round(float64(submitted) / completion * (0.92 + 0.16*r.Float64())))
	started = max(started, submitted)
	weights := make([]float64, len(f.Pages))
	total := 1.0 // the check page
	for i, p := range f.Pages {
		if p.ShowIf != nil {
			continue
		}
		weights[i] = 1
		for _, q := range p.Questions {
			if q.Type == form.TypeFile {
				weights[i] = 3
			}
		}
		total += weights[i]
	}
	lost := float64(started - submitted)
	out := dashboard.Funnel{Started: started, Submitted: submitted}
	passed, dropped := started, 0.0
	for i, p := range f.Pages {
		n := passed
		if p.ShowIf != nil {
			n = int64(math.Round(float64(passed) * (0.3 + 0.2*r.Float64())))
		} else {
			dropped += lost * weights[i] / total
			passed = started - int64(math.Round(dropped))
			n = passed
		}
		out.Steps = append(out.Steps, dashboard.FunnelStep{PageID: p.ID, Index: i, Passed: n})
	}
	return out
}

// demoCampaign is a seeded campaign: its service, how long it runs and
// how many people scan its code on an open day.
type demoCampaign struct {
	service, name, medium string
	days                  int     // since it began
	scans                 float64 // mean scans on a weekday
	closedSunday          bool
}

// startShare is the share of scans that begin an application.
const startShare = 0.15

var demoCampaigns = []demoCampaign{
	{service: "meldebescheinigung", name: "Plakat im ProbierLaden", medium: promo.MediumPoster, days: 120, scans: 1.6, closedSunday: true},
	{service: "hundesteuer", name: "Handzettel Bürgerservice am Markt", medium: promo.MediumFlyer, days: 60, scans: 0.6},
}

// seedCampaigns creates the demo campaigns and their daily history.
func seedCampaigns(ctx context.Context, s FunnelSeed, r *rand.Rand, services map[string]*catalog.Service) (int, error) {
	n := 0
	today := s.Now.In(dashboard.Location)
	for _, dc := range demoCampaigns {
		svc := services[dc.service]
		if svc == nil {
			continue
		}
		began := today.AddDate(0, 0, -dc.days)
		c := &promo.Campaign{Code: promo.NewCode(), ServiceID: svc.ID, Name: dc.name, Medium: dc.medium, CreatedAt: began}
		if err := s.Promo.CreateCampaign(ctx, c); err != nil {
			return n, err
		}
		n++
		for d := 0; d < dc.days; d++ {
			day := began.AddDate(0, 0, d+1)
			if dc.closedSunday && day.Weekday() == time.Sunday {
				continue
			}
			// Interest fades a little after the first weeks.
			mean := dc.scans * (1.3 - 0.5*float64(d)/float64(dc.days))
			scans := poisson(r, mean)
			started := binomial(r, scans, startShare)
			submitted := binomial(r, started, completion)
			if scans+started+submitted == 0 {
				continue
			}
			if err := s.Funnel.SeedCampaignDay(ctx, c.ID, day.Format(time.DateOnly), scans, started, submitted); err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

// poisson draws a count with the given mean (Knuth; small means only).
func poisson(r *rand.Rand, mean float64) int {
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// binomial draws how many of n succeed with probability p each.
func binomial(r *rand.Rand, n int, p float64) int {
	k := 0
	for range n {
		if r.Float64() < p {
			k++
		}
	}
	return k
}
