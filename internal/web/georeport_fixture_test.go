package web

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"rathaus/internal/account"
	"rathaus/internal/georeport"
	"rathaus/internal/org"
	"rathaus/internal/report"
)

// geoEnv is a server with defect reports and the Open311 API on a real
// SQLite store: the city "Jena" (jurisdiction jena.de) with the unit
// "Tiefbauamt"; categories "schlagloch" (attribute TIEFE, number,
// required), "muell" (none), the standard's examples "001" and "DMV66",
// and an inactive "alt"; a key with 5 requests per hour, a revoked key,
// and a platform admin. The clock stands at testNow.
type geoEnv struct {
	*testEnv
	reports           *report.Service
	keys              *georeport.Service
	city, unit        *org.Org
	schlagloch, muell *report.Category
	key, revokedKey   string
	admin             *account.User
}

func newGeoEnv(t testing.TB) *geoEnv {
	t.Helper()
	e := &geoEnv{}
	e.testEnv = newEnv(t, func(o *Options) { o.MaxBodyBytes = 1 << 16 })
	ctx := context.Background()
	now := func() time.Time { return testNow }
	orgs := &org.Service{Store: e.db, Audit: e.db, Now: now}
	e.city = &org.Org{Kind: org.KindOrganisation, Slug: "jena", Name: "Stadt Jena", CreatedAt: testNow}
	mustDo(t, e.db.CreateOrg(ctx, e.city))
	e.unit = &org.Org{Kind: org.KindUnit, Slug: "tiefbau", Name: "Tiefbauamt", ParentID: &e.city.ID, CreatedAt: testNow}
	mustDo(t, e.db.CreateOrg(ctx, e.unit))
	cats := []*report.Category{
		{Code: "schlagloch", NameDE: "Schlagloch", NameEN: "Pothole", Description: "Löcher in Straße oder Radweg",
			Keywords: []string{"Straße", "Loch"}, Group: "Straße", Active: true, Position: 1, UnitID: &e.unit.ID,
			Attributes: []report.Attribute{{Code: "TIEFE", Variable: true, Datatype: report.TypeNumber, Required: true,
				Order: 1, Description: "Wie tief ist das Loch (cm)?"}}},
		{Code: "muell", NameDE: "Illegale Müllablagerung", Group: "Sauberkeit", Active: true, Position: 2, UnitID: &e.unit.ID},
		{Code: "001", NameDE: "Cans left out 24x7", Group: "sanitation", Keywords: []string{"lorem", "ipsum", "dolor"},
			Description: "Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.",
			Active:      true, Position: 3, Attributes: []report.Attribute{{Code: "NOTE", Variable: false, Datatype: report.TypeText,
				Order: 1, Description: "Cans go back in the evening."}}},
		{Code: "DMV66", NameDE: "Abandoned vehicle", Active: true, Position: 4, Attributes: []report.Attribute{{
			Code: "WHISHETN", Variable: true, Datatype: report.TypeSingleValueList, Required: true, Order: 1,
			Description: "What is the ticket/tag/DL number?", Values: []report.Value{{Key: "123", Name: "Ford"}, {Key: "124", Name: "Chrysler"}}}}},
		{Code: "alt", NameDE: "Alte Kategorie", Active: false, Position: 5},
	}
	for _, c := range cats {
		c.OrgID = e.city.ID
		mustDo(t, e.db.CreateDefectCategory(ctx, c))
	}
	e.schlagloch, e.muell = cats[0], cats[1]
	e.reports = &report.Service{Store: e.db, Now: now}
	e.keys = &georeport.Service{Store: e.db, Now: now}
	var err error
	e.key, err = e.keys.Issue(ctx, &georeport.Client{Name: "FixMyStreet Jena", Contact: "fms@example.org", HourlyLimit: 5}, nil)
	mustDo(t, err)
	old := &georeport.Client{Name: "Alte App", Contact: "alt@example.org"}
	e.revokedKey, err = e.keys.Issue(ctx, old, nil)
	mustDo(t, err)
	mustDo(t, e.keys.Revoke(ctx, old.ID))
	e.admin = e.user("admin-open311@example.org", true)
	e.srv.opts.Orgs, e.srv.opts.Reports, e.srv.opts.ReportOrgID = orgs, e.reports, e.city.ID
	e.srv.opts.Open311Clients, e.srv.opts.Open311Jurisdiction = e.keys, "jena.de"
	return e
}

// submit files a report through the service, as the web form does.
func (e *geoEnv) submit(cat *report.Category, lat, long float64, desc string) *report.Report {
	e.t.Helper()
	r := &report.Report{OrgID: e.city.ID, CategoryID: cat.ID, Description: desc,
		Location: report.Location{Lat: &lat, Long: &long, Address: "Löbdergraben 12"},
		Contact:  report.Contact{Email: "erika@example.org", Name: "Erika Mustermann", Phone: "+49 3641 123456"}}
	if cat.Code == "schlagloch" {
		r.Answers = map[string][]string{"TIEFE": {"8"}}
	}
	mustDo(e.t, e.reports.Submit(context.Background(), r))
	return r
}

// api sends a GET or a form POST (no browser headers, as a client does).
func (e *geoEnv) api(method, path string, form url.Values) *response {
	e.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	r := httptest.NewRequest(method, path, body)
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	return e.do(r)
}

// checkDoc asserts the content type of the format and that the body is
// well-formed XML (encoding/xml, and xmllint when installed) or valid JSON.
func checkDoc(t testing.TB, res *response, format string) {
	t.Helper()
	want := map[string]string{"xml": "text/xml; charset=utf-8", "json": "application/json; charset=utf-8"}[format]
	if got := res.Header.Get("Content-Type"); got != want {
		t.Errorf("Content-Type %q, want %q", got, want)
	}
	if format == "json" {
		if !json.Valid([]byte(res.body)) {
			t.Errorf("invalid JSON:\n%s", res.body)
		}
		return
	}
	if !strings.HasPrefix(res.body, `<?xml version="1.0" encoding="utf-8"?>`) {
		t.Errorf("no XML declaration:\n%.300s", res.body)
	}
	d := xml.NewDecoder(strings.NewReader(res.body))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, res.body)
		}
	}
	if lint, err := exec.LookPath("xmllint"); err == nil {
		cmd := exec.Command(lint, "--noout", "-")
		cmd.Stdin = strings.NewReader(res.body)
		var out bytes.Buffer
		cmd.Stderr = &out
		if err := cmd.Run(); err != nil {
			t.Errorf("xmllint: %v %s", err, out.String())
		}
	}
}

// jsonOf decodes a JSON body.
func jsonOf(t testing.TB, res *response, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(res.body), v); err != nil {
		t.Fatalf("decode %s: %v", res.body, err)
	}
}

// specDoc reads one of the standard's example documents.
func specDoc(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../open311/testdata/spec/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
