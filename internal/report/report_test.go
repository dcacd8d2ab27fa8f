package report

import (
	"math"
	"strings"
	"testing"
	"time"

	"rathaus/internal/fault"
)

func fp(f float64) *float64 { return &f }
func ip(i int64) *int64     { return &i }

func muell() *Category {
	return &Category{ID: 1, OrgID: 1, UnitID: ip(10), Code: "muell", NameDE: "Müll", Active: true, Attributes: []Attribute{
		{Code: "menge", Variable: true, Datatype: TypeSingleValueList, Required: true, Description: "Wie viel?",
			Values: []Value{{"klein", "ein Sack"}, {"gross", "mehr"}}},
		{Code: "art", Variable: true, Datatype: TypeMultiValueList, Description: "Was?", Values: []Value{{"holz", "Holz"}, {"metall", "Metall"}}},
		{Code: "anzahl", Variable: true, Datatype: TypeNumber, Description: "Wie viele Teile?"},
		{Code: "seit", Variable: true, Datatype: TypeDatetime, Description: "Seit wann?"},
		{Code: "hinweis", Variable: false, Datatype: TypeText, Description: "Gefährliche Stoffe nicht anfassen."},
	}}
}

// fields returns the field → key map of an Invalid fault.
func fields(t *testing.T, err error) map[string]string {
	t.Helper()
	if err == nil {
		return nil
	}
	e := fault.As(err)
	if e.Kind != fault.Invalid {
		t.Fatalf("error %v is no Invalid fault", err)
	}
	m := map[string]string{}
	for _, f := range e.Fields {
		if _, ok := m[f.Field]; !ok {
			m[f.Field] = f.Key
		}
	}
	return m
}

func TestValidate(t *testing.T) {
	jena := Bounds{MinLat: 50.85, MinLong: 11.45, MaxLat: 51.0, MaxLong: 11.7}
	ok := func() *Report {
		return &Report{Description: "Sperrmüll vor dem Haus", Location: Location{Lat: fp(50.93), Long: fp(11.59)},
			Answers: map[string][]string{"menge": {"gross"}, "art": {"holz", "metall"}, "anzahl": {"2,5"}, "seit": {"2026-11-28T10:00:00+01:00"}},
			Contact: Contact{Email: "a@example.org", Phone: "+49 3641 1"}, Photos: []Photo{{Key: "k", ContentType: "image/jpeg"}}}
	}
	if err := Validate(ok(), muell(), jena); err != nil {
		t.Fatalf("valid report: %v", err)
	}
	inactive := muell()
	inactive.Active = false
	for name, tc := range map[string]struct {
		change func(r *Report)
		cat    *Category
		field  string
		key    string
	}{
		"no category":       {func(r *Report) {}, nil, "category", "error.reports.category"},
		"inactive category": {func(r *Report) {}, inactive, "category", "error.reports.category"},
		"no place":          {func(r *Report) { r.Location = Location{} }, muell(), "location", "error.reports.location_required"},
		"lat alone":         {func(r *Report) { r.Location.Long = nil }, muell(), "location", "error.reports.location_pair"},
		"outside the city":  {func(r *Report) { r.Location.Lat = fp(52.52) }, muell(), "location", "error.reports.location_outside"},
		"swapped":           {func(r *Report) { r.Location.Lat, r.Location.Long = fp(11.59), fp(50.93) }, muell(), "location", "error.reports.location_outside"},
		"html":              {func(r *Report) { r.Description = "Müll <script>x</script>" }, muell(), "description", "error.reports.description_html"},
		"entity":            {func(r *Report) { r.Description = "Müll &amp; Dreck" }, muell(), "description", "error.reports.description_html"},
		"too long":          {func(r *Report) { r.Description = strings.Repeat("ä", MaxDescription+1) }, muell(), "description", "error.reports.description_long"},
		"email":             {func(r *Report) { r.Contact.Email = "kein-at" }, muell(), "email", "error.reports.email"},
		"phone":             {func(r *Report) { r.Contact.Phone = "ruf an" }, muell(), "phone", "error.reports.phone"},
		"photos":            {func(r *Report) { r.Photos = make([]Photo, MaxPhotos+1) }, muell(), "photos", "error.reports.photos"},
		"photo type":        {func(r *Report) { r.Photos[0].ContentType = "application/pdf" }, muell(), "photos", "error.reports.photo"},
		"required answer":   {func(r *Report) { delete(r.Answers, "menge") }, muell(), "attribute-menge", "error.reports.answer_required"},
		"unknown value":     {func(r *Report) { r.Answers["menge"] = []string{"riesig"} }, muell(), "attribute-menge", "error.reports.answer_singlevaluelist"},
		"two in single":     {func(r *Report) { r.Answers["menge"] = []string{"klein", "gross"} }, muell(), "attribute-menge", "error.reports.answer_one"},
		"multi unknown":     {func(r *Report) { r.Answers["art"] = []string{"holz", "glas"} }, muell(), "attribute-art", "error.reports.answer_multivaluelist"},
		"number":            {func(r *Report) { r.Answers["anzahl"] = []string{"viele"} }, muell(), "attribute-anzahl", "error.reports.answer_number"},
		"datetime":          {func(r *Report) { r.Answers["seit"] = []string{"gestern"} }, muell(), "attribute-seit", "error.reports.answer_datetime"},
		"unknown question":  {func(r *Report) { r.Answers["farbe"] = []string{"rot"} }, muell(), "attribute-farbe", "error.reports.answer_unknown"},
		"information only":  {func(r *Report) { r.Answers["hinweis"] = []string{"ok"} }, muell(), "attribute-hinweis", "error.reports.answer_unknown"},
	} {
		r := ok()
		tc.change(r)
		got := fields(t, Validate(r, tc.cat, jena))
		if got[tc.field] != tc.key {
			t.Errorf("%s: fields %v, want %s: %s", name, got, tc.field, tc.key)
		}
	}
	byAddress := ok()
	byAddress.Location = Location{Address: "Markt 1, Jena"}
	if err := Validate(byAddress, muell(), jena); err != nil {
		t.Errorf("report by address: %v", err)
	}
	anon := ok()
	anon.Contact = Contact{}
	if err := Validate(anon, muell(), Bounds{}); err != nil {
		t.Errorf("anonymous report, no city bounds: %v", err)
	}
}

func TestNormalize(t *testing.T) {
	r := &Report{Description: "  Müll\r\nam Weg ", Contact: Contact{Email: " a@example.org "},
		Answers: map[string][]string{"a": {" x ", ""}, "b": {"  "}}}
	Normalize(r)
	if r.Description != "Müll\nam Weg" || r.Contact.Email != "a@example.org" || len(r.Answers) != 1 || r.Answers["a"][0] != "x" {
		t.Errorf("normalized = %+v", r)
	}
}

func TestValidateCategory(t *testing.T) {
	if err := ValidateCategory(muell()); err != nil {
		t.Fatalf("valid category: %v", err)
	}
	c := muell()
	c.Code, c.NameDE = "Müll!", ""
	c.Attributes = append(c.Attributes, Attribute{Code: "menge", Datatype: "farbe"}, Attribute{Code: "x", Datatype: TypeSingleValueList, Description: "?"})
	got := fields(t, ValidateCategory(c))
	want := map[string]string{"code": "error.reports.category_code", "name_de": "error.reports.category_name",
		"attribute-5": "error.reports.attribute_code", "attribute-6": "error.reports.attribute_values"}
	for f, k := range want {
		if got[f] != k {
			t.Errorf("field %s: %q, want %q (all %v)", f, got[f], k, got)
		}
	}
}

func TestStatus(t *testing.T) {
	for _, s := range Statuses {
		want := "closed"
		if s == StatusReceived || s == StatusInProgress {
			want = "open"
		}
		if s.Open311() != want || !s.Valid() {
			t.Errorf("%s: Open311 %s, want %s", s, s.Open311(), want)
		}
	}
	if Status("lost").Valid() {
		t.Error("unknown status valid")
	}
	if Reference(2026, 42) != "M-2026-00042" {
		t.Errorf("reference = %s", Reference(2026, 42))
	}
}

func TestCheckMove(t *testing.T) {
	r := &Report{Status: StatusReceived, UnitID: ip(10)}
	staff, other, admin := Actor{Units: []int64{10}}, Actor{Units: []int64{11}}, Actor{Admin: true}
	if err := CheckMove(other, r, StatusDone, ""); !fault.Is(err, fault.Forbidden) {
		t.Errorf("other unit: %v", err)
	}
	if err := CheckMove(staff, r, StatusDone, ""); err != nil {
		t.Errorf("received -> done: %v", err)
	}
	if err := CheckMove(staff, r, StatusMerged, ""); !fault.Is(err, fault.Conflict) {
		t.Errorf("status merged by hand: %v", err)
	}
	if err := CheckMove(staff, r, StatusNotResponsible, ""); !fault.Is(err, fault.Invalid) {
		t.Errorf("not responsible without a name: %v", err)
	}
	if err := CheckMove(staff, r, StatusNotResponsible, "Landesstraßenbaubehörde"); err != nil {
		t.Errorf("forwarded: %v", err)
	}
	for _, tc := range []struct {
		from, to Status
		ok       bool
	}{
		{StatusDone, StatusInProgress, true}, {StatusDone, StatusReceived, false}, {StatusMerged, StatusReceived, false},
		{StatusNotResponsible, StatusInProgress, true}, {StatusInProgress, StatusInProgress, false},
	} {
		if CanMove(tc.from, tc.to) != tc.ok {
			t.Errorf("%s -> %s: %v, want %v", tc.from, tc.to, !tc.ok, tc.ok)
		}
	}
	unrouted := &Report{Status: StatusReceived}
	if staff.CanWork(unrouted) || !admin.CanWork(unrouted) {
		t.Error("a report without a unit is the admins' alone")
	}
	if staff.Resource() != "system" || (Actor{UserID: ip(5)}).Resource() != "staff:5" {
		t.Error("resources")
	}
}

func TestCheckMerge(t *testing.T) {
	staff := Actor{Units: []int64{10}}
	a := &Report{ID: 1, OrgID: 1, Status: StatusReceived, UnitID: ip(10)}
	b := &Report{ID: 2, OrgID: 1, Status: StatusDone, UnitID: ip(20)}
	if err := CheckMerge(staff, a, b); err != nil {
		t.Errorf("merge into a done report of another unit: %v", err)
	}
	if err := CheckMerge(staff, b, a); !fault.Is(err, fault.Forbidden) {
		t.Errorf("merging another unit's report: %v", err)
	}
	if err := CheckMerge(staff, a, a); !fault.Is(err, fault.Invalid) {
		t.Errorf("merge into itself: %v", err)
	}
	c := &Report{ID: 3, OrgID: 2, Status: StatusReceived}
	if err := CheckMerge(staff, a, c); !fault.Is(err, fault.Invalid) {
		t.Errorf("merge across cities: %v", err)
	}
	m := &Report{ID: 4, OrgID: 1, Status: StatusMerged}
	if err := CheckMerge(staff, a, m); !fault.Is(err, fault.Conflict) {
		t.Errorf("merge into a merged report: %v", err)
	}
}

func TestRoute(t *testing.T) {
	street := &Category{ID: 1, Code: "strasse", UnitID: ip(100)}
	light := &Category{ID: 2, Code: "licht", ParentID: ip(1), UnitID: ip(200)}
	post := &Category{ID: 3, Code: "licht-mast", ParentID: ip(2)}
	hole := &Category{ID: 4, Code: "schlagloch", ParentID: ip(1)}
	tree := NewTree([]*Category{street, light, post, hole})
	rules := []AreaRule{{CategoryID: 2, AreaID: "lobeda", UnitID: 300}, {CategoryID: 1, AreaID: "winzerla", UnitID: 400}}
	for _, tc := range []struct {
		cat  *Category
		area string
		want int64
	}{
		{light, "", 200}, {light, "zentrum", 200}, {light, "lobeda", 300}, {post, "lobeda", 300}, {post, "", 200},
		{hole, "", 100}, {hole, "winzerla", 400}, {light, "winzerla", 400}, {street, "lobeda", 100},
	} {
		got := Route(tree, tc.cat, tc.area, rules)
		if got == nil || *got != tc.want {
			t.Errorf("%s in %q -> %v, want %d", tc.cat.Code, tc.area, got, tc.want)
		}
	}
	if got := Route(NewTree([]*Category{{ID: 9}}), &Category{ID: 9}, "x", nil); got != nil {
		t.Errorf("no unit anywhere: %v", *got)
	}
	loop := &Category{ID: 5, ParentID: ip(6)}
	loop2 := &Category{ID: 6, ParentID: ip(5)}
	if got := Route(NewTree([]*Category{loop, loop2}), loop, "", nil); got != nil {
		t.Error("cycle")
	}
	if tree.ByCode(" licht ") != light || len(tree.Ancestors(post)) != 3 {
		t.Error("lookups")
	}
	if (&Category{NameDE: "Müll", NameEN: "Rubbish"}).Name("en") != "Rubbish" || (&Category{NameDE: "Müll"}).Name("en") != "Müll" {
		t.Error("names")
	}
}

func TestDistanceAndNearby(t *testing.T) {
	// Jena's market to a point 0.00712° south and 0.0029° west: 817 m.
	d := Distance(50.92795, 11.58923, 50.92083, 11.58633)
	if math.Abs(d-817.4) > 1 {
		t.Errorf("distance = %.0f m", d)
	}
	if Distance(50, 11, 50, 11) != 0 {
		t.Error("zero distance")
	}
	b := Around(50.93, 11.59, 150)
	for _, p := range [][2]float64{{50.93 + 0.00134, 11.59}, {50.93, 11.59 + 0.00212}} {
		if p[0] > b.MaxLat || p[1] > b.MaxLong {
			t.Errorf("box %+v misses %v at 150 m", b, p)
		}
	}
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	n := Nearby{Lat: 50.93, Long: 11.59}.WithDefaults(now)
	if n.Radius != DefaultRadius || n.Limit != DefaultNearby || !n.Since.Equal(now.AddDate(0, 0, -30)) {
		t.Errorf("defaults = %+v", n)
	}
	rs := []*Report{
		{ID: 1, Location: Location{Lat: fp(50.931), Long: fp(11.59)}},  // 111 m
		{ID: 2, Location: Location{Lat: fp(50.9305), Long: fp(11.59)}}, // 56 m
		{ID: 3, Location: Location{Lat: fp(50.94), Long: fp(11.59)}},   // 1.1 km
		{ID: 4, Location: Location{Address: "Markt"}},
		{ID: 5, Location: Location{Lat: fp(50.93), Long: fp(11.59)}},
	}
	n.ExcludeID, n.Limit = 5, 1
	if got := n.Close(rs); len(got) != 1 || got[0].ID != 2 {
		t.Errorf("nearest one = %v", got)
	}
	n.Limit = 10
	if got := n.Close(rs); len(got) != 2 || got[1].ID != 1 {
		t.Errorf("within 150 m = %d", len(got))
	}
}

func TestStats(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	at := func(h int) *time.Time { x := t0.Add(time.Duration(h) * time.Hour); return &x }
	times := []Times{
		{CategoryID: 1, AreaID: "zentrum", Status: StatusDone, RequestedAt: t0, FirstAnswerAt: at(2), ClosedAt: at(48)},
		{CategoryID: 1, AreaID: "zentrum", Status: StatusDone, RequestedAt: t0, FirstAnswerAt: at(4), ClosedAt: at(24)},
		{CategoryID: 1, AreaID: "lobeda", Status: StatusReceived, RequestedAt: t0},
		{CategoryID: 2, AreaID: "", Status: StatusNotResponsible, RequestedAt: t0, FirstAnswerAt: at(1), ClosedAt: at(1)},
		{CategoryID: 2, AreaID: "", Status: StatusMerged, RequestedAt: t0, ClosedAt: at(1)},
	}
	got := Stats(times)
	find := func(cat int64, area string) Stat {
		for _, s := range got {
			if s.CategoryID == cat && s.AreaID == area {
				return s
			}
		}
		t.Fatalf("no stat for %d/%q in %+v", cat, area, got)
		return Stat{}
	}
	z := find(1, "zentrum")
	if z.Reports != 2 || z.Open != 0 || z.Answered != 2 || z.FirstAnswer != 2*time.Hour || z.Fixed != 2 || z.Fix != 24*time.Hour {
		t.Errorf("category 1 in zentrum = %+v", z)
	}
	if c := find(1, ""); c.Reports != 3 || c.Open != 1 || c.Fixed != 2 {
		t.Errorf("category 1 = %+v", c)
	}
	if z.FirstAnswerP90 != 4*time.Hour || z.FixP90 != 48*time.Hour {
		t.Errorf("90th percentiles in zentrum: answer %v, fix %v; want the slower of two", z.FirstAnswerP90, z.FixP90)
	}
	if all := find(0, ""); all.Reports != 4 || all.Answered != 3 || all.Fixed != 2 || all.FirstAnswer != 2*time.Hour {
		t.Errorf("all = %+v", all)
	}
	if c := find(2, ""); c.Reports != 1 || c.Fixed != 0 || c.Fix != 0 {
		t.Errorf("forwarded only = %+v", c)
	}
	var many []Times
	for h := 1; h <= 20; h++ {
		many = append(many, Times{CategoryID: 3, Status: StatusDone, RequestedAt: t0, FirstAnswerAt: at(h), ClosedAt: at(h)})
	}
	if s := Stats(many)[0]; s.FirstAnswer != 10*time.Hour || s.FirstAnswerP90 != 18*time.Hour || s.FixP90 != 18*time.Hour {
		t.Errorf("1 to 20 hours: median %v, p90 %v / %v; want 10 h and 18 h", s.FirstAnswer, s.FirstAnswerP90, s.FixP90)
	}
	if len(got) != 5 || got[0].CategoryID != 0 {
		t.Errorf("order and groups: %+v", got)
	}
}
