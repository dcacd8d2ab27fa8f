package demo

import (
	"context"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"rathaus/internal/account"
	"rathaus/internal/filestore"
	"rathaus/internal/geo"
	"rathaus/internal/georeport"
	"rathaus/internal/org"
	"rathaus/internal/report"
)

// ReportSeed is what SeedReports needs.
type ReportSeed struct {
	Store report.Store
	Orgs  *org.Service
	// Accounts keeps the units' named case workers who handle the
	// reports; nil: the platform handles them (tests of the reports alone).
	Accounts account.Store
	// Open311 keeps the demo's client key Open311Key; nil: no key.
	Open311 georeport.Store
	// Files keeps the drawn photos of some reports; nil: no photos.
	Files filestore.Store
	Now   time.Time
	Seed  int64 // 0: 2026
	N     int   // reports to plan; 0: 360 (duplicates come on top)
}

// ReportSeedResult says what SeedReports wrote.
type ReportSeedResult struct {
	Reports, Merged, Forwarded, Corrected, Supports, Photos int
}

// catPlan is how a category is reported and handled: its share, the
// hours to the first answer and to the fix.
type catPlan struct {
	code             string
	weight           int
	firstMin, firstH float64 // first answer after firstMin + up to firstH hours
	fixMin, fixH     float64 // done after the first answer plus fixMin + up to fixH hours
}

var reportPlans = []catPlan{
	{"illegale-ablagerung", 22, 2, 20, 12, 60},
	{"strassenbeleuchtung", 18, 4, 44, 24, 200},
	{"schlagloch", 16, 24, 96, 24 * 10, 24 * 45},
	{"strassenreinigung", 10, 4, 40, 12, 80},
	{"papierkorb", 8, 2, 20, 6, 36},
	{"gruenflaeche", 8, 24, 72, 24 * 4, 24 * 35},
	{"spielplatz", 7, 12, 60, 24 * 2, 24 * 25},
	{"ampel", 5, 1, 5, 3, 60},
	{"verkehrszeichen", 6, 24, 48, 24 * 5, 24 * 16},
}

var districtWeights = []struct {
	key    string
	weight int
}{{"lobeda", 16}, {"zentrum", 14}, {"nord", 12}, {"west", 10}, {"winzerla", 10}, {"ost", 8}, {"wenigenjena", 8},
	{"sued", 8}, {"goeschwitz-burgau", 8}, {"zwaetzen", 6}}

// plannedReport is one report's whole story, planned before writing.
type plannedReport struct {
	at                time.Time
	cat, wrongCat     string
	area              string
	lat, long         float64
	text, address     string
	email             string
	answers           map[string][]string
	first, done       time.Time // zero: not (yet)
	interim           time.Time
	forwardTo, fwNote string
	dupOf             int // index+1 of the original; 0: none
	supports          []time.Time
	id                int64
}

// SeedReports adds the demo's defect-report categories, units and area
// rules, the Open311 key Open311Key when it is missing, and a simulated
// history of reports over the last eight months, handled by the units'
// case workers, through the report service with the same process events
// as real use. It adds no reports when the organisation has some. It
// returns what it wrote.
func SeedReports(ctx context.Context, s ReportSeed) (ReportSeedResult, error) {
	var res ReportSeedResult
	orgID, cats, units, err := seedReportTree(ctx, s.Store, s.Orgs)
	if err != nil {
		return res, err
	}
	if s.Open311 != nil {
		if err := seedOpen311Key(ctx, s.Open311, s.Now); err != nil {
			return res, err
		}
	}
	if _, n, err := s.Store.FindDefectReports(ctx, report.Filter{OrgID: orgID, Limit: 1}); err != nil || n > 0 {
		return res, err
	}
	staff := map[int64]int64{}
	if s.Accounts != nil {
		if staff, err = seedReportStaff(ctx, s.Accounts, s.Orgs, units, s.Now); err != nil {
			return res, err
		}
	}
	if s.Seed == 0 {
		s.Seed = 2026
	}
	if s.N == 0 {
		s.N = 360
	}
	plan := planReports(rand.New(rand.NewSource(s.Seed)), s.N, s.Now.UTC())
	clock := s.Now
	svc := ReportService(s.Store, func() time.Time { return clock })
	for i, p := range plan {
		clock = p.at
		r := &report.Report{OrgID: orgID, CategoryID: cats[p.cat].ID, Description: p.text, Answers: p.answers,
			Location: report.Location{Lat: &plan[i].lat, Long: &plan[i].long, Address: p.address, Zipcode: reportZip[p.area]},
			Contact:  report.Contact{Email: p.email}, Source: report.SourceWeb}
		if p.wrongCat != "" {
			r.CategoryID, r.Answers = cats[p.wrongCat].ID, nil
		}
		ph, ok, err := demoPhoto(ctx, s.Files, p.cat, i, !p.done.IsZero())
		if err != nil {
			return res, err
		}
		if ok {
			r.Photos = []report.Photo{ph}
			res.Photos++
		}
		if err := svc.Submit(ctx, r); err != nil {
			return res, fmt.Errorf("demo report %d: %w", i, err)
		}
		plan[i].id = r.ID
		res.Reports++
		for k, at := range p.supports {
			clock = at
			if _, _, err := svc.Support(ctx, r.ID, fmt.Sprintf("demo-supporter-%d-%d", i, k)); err != nil {
				return res, err
			}
			res.Supports++
		}
		if p.first.IsZero() {
			continue
		}
		clock = p.first
		if p.wrongCat != "" {
			if r, err = svc.Recategorise(ctx, reportActor(staff, r), r.ID, 0, cats[p.cat].ID); err != nil {
				return res, err
			}
			res.Corrected++
		}
		if p.dupOf > 0 {
			if _, err := svc.Merge(ctx, reportActor(staff, r), r.ID, 0, plan[p.dupOf-1].id); err != nil {
				return res, fmt.Errorf("demo report %d: merge: %w", i, err)
			}
			res.Merged++
			continue
		}
		if p.forwardTo != "" {
			if _, err := svc.SetStatus(ctx, reportActor(staff, r), r.ID, 0, report.StatusNotResponsible, p.fwNote, p.forwardTo); err != nil {
				return res, err
			}
			res.Forwarded++
			continue
		}
		actor := reportActor(staff, r)
		if _, err := svc.SetStatus(ctx, actor, r.ID, 0, report.StatusInProgress, p.startNote(s.Seed, i), ""); err != nil {
			return res, err
		}
		if !p.interim.IsZero() {
			clock = p.interim
			if err := svc.AddNote(ctx, actor, r.ID, reportInterimNotes[i%len(reportInterimNotes)], true); err != nil {
				return res, err
			}
		}
		if !p.done.IsZero() {
			clock = p.done
			notes := reportDoneNotes[p.cat]
			if _, err := svc.SetStatus(ctx, actor, r.ID, 0, report.StatusDone, notes[i%len(notes)], ""); err != nil {
				return res, err
			}
		}
	}
	return res, nil
}

func (p plannedReport) startNote(seed int64, i int) string {
	notes := reportStartNotes[p.cat]
	return notes[(int(seed)+i)%len(notes)]
}

// planReports plans n reports (and their duplicates) requested within
// the last 240 days before now, in order of request.
func planReports(rng *rand.Rand, n int, now time.Time) []plannedReport {
	_, districts := geo.JenaSchematic()
	start := now.AddDate(0, 0, -240)
	var out []plannedReport
	for i := 0; i < n; i++ {
		cp := pickPlan(rng)
		area := pickDistrict(rng)
		at := start.Add(time.Duration(rng.Int63n(int64(now.Sub(start)))))
		at = daytime(rng, at, 6, 22)
		p := plannedReport{at: at, cat: cp.code, area: area}
		p.lat, p.long = pointIn(rng, districts, area)
		p.text, p.address, p.answers = describe(rng, cp.code, area, "")
		if fw := reportForwarded[cp.code]; len(fw) > 0 && rng.Intn(100) < 6 {
			f := fw[rng.Intn(len(fw))]
			p.text = fill(rng, f.body, area)
			p.forwardTo, p.fwNote, p.answers = f.to, f.note, nil
		}
		p.email = contactOf(rng, i)
		if rng.Intn(100) < 5 && p.forwardTo == "" {
			p.wrongCat = reportPlans[(indexOfPlan(cp.code)+1+rng.Intn(len(reportPlans)-1))%len(reportPlans)].code
		}
		schedule(rng, &p, cp, now)
		out = append(out, p)
		// A neighbour reports the same thing while it is still open.
		if p.forwardTo == "" && rng.Intn(100) < 8 {
			end := now
			if !p.done.IsZero() {
				end = p.done
			}
			if end.Sub(p.at) > 2*time.Hour {
				d := plannedReport{at: p.at.Add(time.Hour + time.Duration(rng.Int63n(int64(end.Sub(p.at)-time.Hour)))),
					cat: p.cat, area: p.area, dupOf: -1, lat: p.lat + (rng.Float64()-0.5)*0.0004, long: p.long + (rng.Float64()-0.5)*0.0006}
				if a, ok := districts.AreaOf(d.lat, d.long); !ok || a.Key != area {
					d.lat, d.long = p.lat, p.long
				}
				d.text, d.address, d.answers = describe(rng, p.cat, area, strings.SplitN(p.address, " ", 2)[0])
				d.email = contactOf(rng, i+7)
				if first := d.at.Add(time.Duration(2+rng.Intn(30)) * time.Hour); first.Before(now) {
					d.first = officeTime(rng, first)
				}
				d.dupOf = -(len(out)) // the original's position, resolved after sorting
				out = append(out, d)
			}
		}
	}
	// Originals keep a pointer via their request time: sort and resolve.
	type keyed struct {
		p    plannedReport
		orig time.Time
	}
	ks := make([]keyed, len(out))
	for i, p := range out {
		ks[i] = keyed{p: p}
		if p.dupOf < 0 {
			ks[i].orig = out[-p.dupOf-1].at
		}
	}
	sort.SliceStable(ks, func(i, j int) bool { return ks[i].p.at.Before(ks[j].p.at) })
	pos := map[time.Time]int{}
	res := make([]plannedReport, len(ks))
	for i, k := range ks {
		res[i] = k.p
		if k.p.dupOf == 0 {
			pos[k.p.at] = i + 1
		}
	}
	for i, k := range ks {
		if k.p.dupOf < 0 {
			res[i].dupOf = pos[k.orig]
		}
	}
	return res
}

// schedule plans the answers and the fix of p.
func schedule(rng *rand.Rand, p *plannedReport, cp catPlan, now time.Time) {
	first := officeTime(rng, p.at.Add(hoursOf(cp.firstMin+rng.Float64()*cp.firstH)))
	// The newest reports partly wait in the queue.
	if !first.Before(now) || now.Sub(p.at) < 14*24*time.Hour && rng.Intn(3) == 0 {
		return
	}
	p.first = first
	if p.forwardTo != "" {
		return
	}
	open := p.at
	// One in twenty long repairs waits (season, budget) and stays open.
	if cp.fixMin >= 24*5 && rng.Intn(20) == 0 {
		p.interim = officeTime(rng, first.Add(hoursOf(cp.fixMin)))
		if !p.interim.Before(now) {
			p.interim = time.Time{}
		}
		return
	}
	done := officeTime(rng, first.Add(hoursOf(cp.fixMin+rng.Float64()*cp.fixH)))
	if cp.fixMin >= 24*5 && rng.Intn(3) == 0 {
		if mid := officeTime(rng, first.Add(done.Sub(first)/2)); mid.Before(done) && mid.Before(now) {
			p.interim = mid
		}
	}
	if done.Before(now) {
		p.done = done
		open = done
	} else {
		open = now
	}
	if rng.Intn(100) < 22 && open.Sub(p.at) > time.Hour {
		for k := rng.Intn(4); k >= 0; k-- {
			t := p.at.Add(time.Duration(rng.Int63n(int64(open.Sub(p.at)))))
			if t.After(first) {
				t = p.at.Add(first.Sub(p.at) / 2)
			}
			p.supports = append(p.supports, t)
		}
		sort.Slice(p.supports, func(i, j int) bool { return p.supports[i].Before(p.supports[j]) })
	}
}

func hoursOf(h float64) time.Duration { return time.Duration(h * float64(time.Hour)) }

// officeTime moves t into office hours (Mon–Fri 7–16 in Jena).
func officeTime(rng *rand.Rand, t time.Time) time.Time {
	l := t.In(berlin)
	for l.Weekday() == time.Saturday || l.Weekday() == time.Sunday || l.Hour() >= 16 {
		l = time.Date(l.Year(), l.Month(), l.Day()+1, 7, rng.Intn(60), 0, 0, berlin)
	}
	if l.Hour() < 7 {
		l = time.Date(l.Year(), l.Month(), l.Day(), 7+rng.Intn(2), rng.Intn(60), 0, 0, berlin)
	}
	return l.UTC()
}

// daytime moves t into the waking hours [from, to) of its day in Jena.
func daytime(rng *rand.Rand, t time.Time, from, to int) time.Time {
	l := t.In(berlin)
	if l.Hour() < from || l.Hour() >= to {
		l = time.Date(l.Year(), l.Month(), l.Day(), from+rng.Intn(to-from), rng.Intn(60), rng.Intn(60), 0, berlin)
	}
	return l.UTC()
}

func pickPlan(rng *rand.Rand) catPlan {
	total := 0
	for _, p := range reportPlans {
		total += p.weight
	}
	x := rng.Intn(total)
	for _, p := range reportPlans {
		if x -= p.weight; x < 0 {
			return p
		}
	}
	return reportPlans[0]
}

func indexOfPlan(code string) int {
	for i, p := range reportPlans {
		if p.code == code {
			return i
		}
	}
	return 0
}

func pickDistrict(rng *rand.Rand) string {
	total := 0
	for _, d := range districtWeights {
		total += d.weight
	}
	x := rng.Intn(total)
	for _, d := range districtWeights {
		if x -= d.weight; x < 0 {
			return d.key
		}
	}
	return districtWeights[0].key
}

// pointIn returns a random point inside the district (by rejection in its box).
func pointIn(rng *rand.Rand, districts geo.Areas, key string) (float64, float64) {
	a, _ := districts.ByKey(key)
	b := a.Box
	for {
		lat := b.MinLat + rng.Float64()*(b.MaxLat-b.MinLat)
		lon := b.MinLon + rng.Float64()*(b.MaxLon-b.MinLon)
		if got, ok := districts.AreaOf(lat, lon); ok && got.Key == key {
			return round6(lat), round6(lon)
		}
	}
}

func round6(x float64) float64 { return float64(int64(x*1e6+0.5)) / 1e6 }

// describe writes a citizen's description of a defect in the district,
// on street (a random one of the district when empty).
func describe(rng *rand.Rand, cat, area, street string) (text, address string, answers map[string][]string) {
	streets := reportStreets[area]
	if street == "" || !strings.Contains(strings.Join(streets, "|"), street) {
		street = streets[rng.Intn(len(streets))]
	}
	bodies := reportBodies[cat]
	body := bodies[rng.Intn(len(bodies))]
	num := 1 + rng.Intn(60)
	mast := fmt.Sprintf("%02d-%04d", 10+rng.Intn(40), rng.Intn(10000))
	body = strings.NewReplacer("{s}", street, "{n}", fmt.Sprint(num), "{m}", mast).Replace(body)
	parts := []string{reportOpeners[rng.Intn(len(reportOpeners))], body, reportClosers[rng.Intn(len(reportClosers))]}
	text = strings.TrimSpace(strings.Join(nonEmpty(parts), " "))
	if rng.Intn(4) == 0 {
		r, n := utf8.DecodeRuneInString(text) // typed on a phone
		text = string(unicode.ToLower(r)) + text[n:]
	}
	answers = map[string][]string{}
	switch cat {
	case "strassenbeleuchtung":
		if rng.Intn(2) == 0 {
			answers["mastnummer"] = []string{mast}
		}
	case "illegale-ablagerung":
		answers["abfallart"] = []string{[]string{"sperrmuell", "hausmuell", "bauschutt", "elektro", "reifen", "gruenschnitt", "sonstiges"}[rng.Intn(7)]}
	case "ampel":
		answers["stoerung"] = []string{[]string{"aus", "gelb", "taster", "schaltung"}[rng.Intn(4)]}
	}
	return text, fmt.Sprintf("%s %d", street, num), answers
}

func fill(rng *rand.Rand, body, area string) string {
	streets := reportStreets[area]
	return strings.ReplaceAll(body, "{s}", streets[rng.Intn(len(streets))])
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// contactOf gives about a third of the reporters an invented address
// (example.org); the rest report without one.
func contactOf(rng *rand.Rand, i int) string {
	if rng.Intn(3) != 0 {
		return ""
	}
	names := []string{"anwohner", "radlerin", "familie.k", "hundehalter", "nachbar", "jena.fan", "spaziergaengerin", "pendler"}
	return fmt.Sprintf("%s%d@example.org", names[rng.Intn(len(names))], i)
}
