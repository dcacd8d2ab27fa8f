package demo

import (
	"regexp"
	"strings"
	"testing"

	"rathaus/internal/catalog"
)

var leikaKey = regexp.MustCompile(`^99\d{12}$`)

// administrationOrgs are the org slugs of the city administration: their
// services must carry a LeiKa key. The municipal companies (Stadtwerke,
// jenawohnen, Kommunalservice) offer services the federal catalogue has no
// key for.
func administrationOrgs() map[string]bool {
	parent := map[string]string{}
	for _, n := range tree {
		parent[n.slug] = n.parent
	}
	admin := map[string]bool{}
	for _, n := range tree {
		for s := n.slug; s != ""; s = parent[s] {
			if s == "stadt-jena" {
				admin[n.slug] = true
				break
			}
		}
	}
	return admin
}

func treeSlugs() map[string]bool {
	slugs := map[string]bool{}
	for _, n := range tree {
		slugs[n.slug] = true
	}
	return slugs
}

func loadCatalog(t *testing.T) *catalog.Bundle {
	t.Helper()
	b, err := Catalog()
	if err != nil {
		t.Fatalf("Catalog() = %v", err)
	}
	return b
}

func TestCatalogSize(t *testing.T) {
	b := loadCatalog(t)
	withLeiKa := 0
	for _, s := range b.Services {
		if len(s.LeiKa) > 0 {
			withLeiKa++
		}
	}
	if len(b.Services) < 40 || withLeiKa < 40 {
		t.Errorf("got %d services (%d with LeiKa), want at least 40 with LeiKa", len(b.Services), withLeiKa)
	}
	if len(b.Offices) < 6 {
		t.Errorf("got %d offices, want at least 6", len(b.Offices))
	}
	if len(b.LifeSituations) < 10 {
		t.Errorf("got %d life situations, want at least 10", len(b.LifeSituations))
	}
	if b.Source == "" {
		t.Error("bundle has no source")
	}
}

func TestCatalogServices(t *testing.T) {
	b := loadCatalog(t)
	orgs, admin := treeSlugs(), administrationOrgs()
	offices := map[string]bool{}
	for _, o := range b.Offices {
		offices[o.Key] = true
	}
	situations := map[string]bool{}
	for _, l := range b.LifeSituations {
		situations[l.Slug] = true
	}
	keys := map[string]bool{}
	for _, s := range b.Services {
		t.Run(s.Key, func(t *testing.T) {
			if s.Key == "" || keys[s.Key] {
				t.Fatalf("key %q is empty or not unique", s.Key)
			}
			keys[s.Key] = true
			if err := s.Content.Validate(); err != nil {
				t.Errorf("Validate() = %v", err)
			}
			checkServiceText(t, s)
			checkServiceLinks(t, s, orgs, offices, situations)
			if admin[s.Org] && len(s.LeiKa) == 0 {
				t.Errorf("service of the administration (%s) has no LeiKa key", s.Org)
			}
			for _, k := range s.LeiKa {
				if !leikaKey.MatchString(k) {
					t.Errorf("LeiKa key %q is not 14 digits starting with 99", k)
				}
			}
		})
	}
}

func checkServiceText(t *testing.T, s catalog.BundleService) {
	t.Helper()
	for field, v := range map[string]string{"name": s.Name, "summary": s.Summary, "description": s.Description,
		"processing_time": s.ProcessingTime, "easy_language": s.EasyLanguage} {
		if strings.TrimSpace(v) == "" {
			t.Errorf("%s is empty", field)
		}
	}
	if len(s.Documents) == 0 {
		t.Error("no documents")
	}
	if len(s.Fees) == 0 && s.FeesText == "" {
		t.Error("neither fees nor fees_text")
	}
	for _, f := range s.Fees {
		if f.Label == "" || f.Cents < 0 || (f.MaxCents != 0 && f.MaxCents < f.Cents) {
			t.Errorf("bad fee %+v", f)
		}
	}
	if len(s.Keywords) < 3 {
		t.Errorf("got %d keywords, want at least 3", len(s.Keywords))
	}
	if len(s.TargetGroups) == 0 {
		t.Error("no target group")
	}
	for _, g := range s.TargetGroups {
		if g != catalog.TargetPeople && g != catalog.TargetCompanies {
			t.Errorf("unknown target group %q", g)
		}
	}
	if s.OZGLevel < 0 || s.OZGLevel > 4 {
		t.Errorf("OZG level %d outside 0-4", s.OZGLevel)
	}
	if len(s.LegalBases) == 0 {
		t.Error("no legal basis")
	}
	for _, l := range s.LegalBases {
		if l.Citation == "" {
			t.Error("legal basis without citation")
		}
		if l.URL != "" && !strings.HasPrefix(l.URL, "https://") {
			t.Errorf("legal basis URL %q is not https", l.URL)
		}
	}
}

func checkServiceLinks(t *testing.T, s catalog.BundleService, orgs, offices, situations map[string]bool) {
	t.Helper()
	if s.Org == "" || !orgs[s.Org] {
		t.Errorf("org %q is not in the demo tree", s.Org)
	}
	if len(s.Offices) == 0 && s.OnlineURL == "" {
		t.Error("neither an office nor an online URL")
	}
	for _, o := range s.Offices {
		if !offices[o] {
			t.Errorf("office %q is not in the bundle", o)
		}
	}
	if len(s.LifeSituations) == 0 {
		t.Error("no life situation")
	}
	for _, l := range s.LifeSituations {
		if !situations[l] {
			t.Errorf("life situation %q is not in the bundle", l)
		}
	}
	if s.OnlineURL != "" && !strings.HasPrefix(s.OnlineURL, "https://") {
		t.Errorf("online URL %q is not https", s.OnlineURL)
	}
	if s.AppointmentURL != "" && !strings.HasPrefix(s.AppointmentURL, "/") {
		t.Errorf("appointment URL %q is not a rathaus path", s.AppointmentURL)
	}
	for _, l := range s.Links {
		if (l.Kind != catalog.LinkForm && l.Kind != catalog.LinkInfo) || l.Title == "" || !strings.HasPrefix(l.URL, "https://") {
			t.Errorf("bad link %+v", l)
		}
	}
}

func TestCatalogOffices(t *testing.T) {
	b := loadCatalog(t)
	orgs := treeSlugs()
	keys := map[string]bool{}
	for _, o := range b.Offices {
		t.Run(o.Key, func(t *testing.T) {
			if o.Key == "" || keys[o.Key] {
				t.Fatalf("key %q is empty or not unique", o.Key)
			}
			keys[o.Key] = true
			if o.Name == "" || o.Phone == "" {
				t.Error("name or phone missing")
			}
			if !orgs[o.Org] {
				t.Errorf("org %q is not in the demo tree", o.Org)
			}
			a := o.Address
			if a.Street == "" || a.HouseNo == "" || a.PostalCode == "" || a.City != "Jena" {
				t.Errorf("incomplete address %+v", a)
			}
			if o.Lat == nil || o.Lon == nil || *o.Lat < 50.85 || *o.Lat > 50.98 || *o.Lon < 11.50 || *o.Lon > 11.68 {
				t.Errorf("coordinates %v, %v are not in Jena", o.Lat, o.Lon)
			}
			if o.Hours.Holidays != "TH" {
				t.Errorf("holidays %q, want TH", o.Hours.Holidays)
			}
			open := 0
			for _, ivs := range o.Hours.Weekly {
				open += len(ivs)
			}
			if open == 0 {
				t.Error("no weekly opening hours")
			}
		})
	}
}

func TestCatalogLifeSituations(t *testing.T) {
	b := loadCatalog(t)
	used := map[string]int{}
	for _, s := range b.Services {
		for _, l := range s.LifeSituations {
			used[l]++
		}
	}
	seen := map[string]bool{}
	for _, l := range b.LifeSituations {
		if l.Slug == "" || seen[l.Slug] || l.Name == "" || l.Description == "" {
			t.Errorf("bad or duplicate life situation %+v", l)
		}
		seen[l.Slug] = true
		if used[l.Slug] == 0 {
			t.Errorf("life situation %q has no service", l.Slug)
		}
	}
}
