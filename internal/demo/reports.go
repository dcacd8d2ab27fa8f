package demo

import (
	"context"
	"time"

	"rathaus/internal/fault"
	"rathaus/internal/geo"
	"rathaus/internal/org"
	"rathaus/internal/report"
)

// ReportOrg is the organisation whose category tree the demo's defect
// reports use: the city group, so the municipal companies' units can be
// responsible (the web's default, the first top-level organisation).
const ReportOrg = "stadtverbund-jena"

// reportUnit is a unit the demo's defect reports are routed to; it is
// added under its parent when the demo city does not have it yet.
type reportUnit struct{ slug, name, parent string }

var reportUnits = []reportUnit{
	{"ksj-abfallwirtschaft", "Abfallwirtschaft (KSJ)", "kommunalservice-jena"},
	{"ksj-strassenunterhaltung", "Straßenunterhaltung (KSJ)", "kommunalservice-jena"},
	{"ksj-gruenflaechen", "Grünflächen und Spielplätze (KSJ)", "kommunalservice-jena"},
	{"ksj-revier-lobeda", "Grünpflegerevier Lobeda/Winzerla (KSJ)", "kommunalservice-jena"},
	{"swj-strassenbeleuchtung", "Straßenbeleuchtung (Stadtwerke Jena Netze)", "stadtwerke-jena"},
	{"fd-mobilitaet", "Fachdienst Mobilität und Verkehrsorganisation", "fb-stadtentwicklung"},
}

// demoCategory is a category of the demo tree with its unit's slug.
type demoCategory struct {
	code, nameDE, nameEN, group, unit, description string
	keywords                                       []string
	attrs                                          []report.Attribute
}

// The groups of the demo tree.
const (
	groupClean   = "Sauberkeit"
	groupStreets = "Straßen und Wege"
	groupTraffic = "Beleuchtung und Verkehr"
	groupGreen   = "Grün und Spielplätze"
)

// demoCategories is the demo city's defect-report tree.
var demoCategories = []demoCategory{
	{code: "illegale-ablagerung", nameDE: "Illegale Müllablagerung", nameEN: "Illegal dumping", group: groupClean,
		unit: "ksj-abfallwirtschaft", description: "Abgestellter Sperrmüll, Säcke, Bauschutt, Reifen oder Elektrogeräte im öffentlichen Raum.",
		keywords: []string{"Müll", "Sperrmüll", "Abfall", "wilde Müllkippe", "Bauschutt", "Reifen", "Säcke"},
		attrs: []report.Attribute{{Code: "abfallart", Variable: true, Datatype: report.TypeSingleValueList, Order: 1,
			Description: "Was liegt dort?", Values: []report.Value{
				{Key: "sperrmuell", Name: "Sperrmüll, Möbel"}, {Key: "hausmuell", Name: "Hausmüll, Säcke"},
				{Key: "bauschutt", Name: "Bauschutt"}, {Key: "elektro", Name: "Elektrogeräte"},
				{Key: "reifen", Name: "Autoreifen"}, {Key: "gruenschnitt", Name: "Grünschnitt"}, {Key: "sonstiges", Name: "Sonstiges"}}}}},
	{code: "strassenreinigung", nameDE: "Verschmutzte Straße oder Gehweg", nameEN: "Dirty street or pavement", group: groupClean,
		unit: "ksj-strassenreinigung", description: "Scherben, Laub, Ölspuren oder Dreck auf Fahrbahn, Gehweg oder Platz.",
		keywords: []string{"Scherben", "Glas", "Laub", "Dreck", "Ölspur", "Verschmutzung", "kehren"}},
	{code: "papierkorb", nameDE: "Überfüllter oder kaputter Papierkorb", nameEN: "Overflowing or broken litter bin", group: groupClean,
		unit: "ksj-strassenreinigung", description: "Öffentliche Papierkörbe und Hundekotbeutelspender.",
		keywords: []string{"Papierkorb", "Mülleimer", "Abfalleimer", "überquellend", "Hundekotbeutel"}},
	{code: "schlagloch", nameDE: "Schlagloch oder Straßenschaden", nameEN: "Pothole or road damage", group: groupStreets,
		unit: "ksj-strassenunterhaltung", description: "Schlaglöcher, Risse, abgesackte Gullydeckel, lose Gehwegplatten.",
		keywords: []string{"Schlagloch", "Loch", "Straße", "Fahrbahn", "Gehwegplatte", "Gullydeckel", "Radweg"}},
	{code: "strassenbeleuchtung", nameDE: "Straßenbeleuchtung defekt", nameEN: "Broken street light", group: groupTraffic,
		unit: "swj-strassenbeleuchtung", description: "Eine Straßenlaterne ist aus, flackert, brennt am Tag oder ist beschädigt.",
		keywords: []string{"Laterne", "Straßenlampe", "Leuchte", "dunkel", "Licht", "Mast"},
		attrs: []report.Attribute{{Code: "mastnummer", Variable: true, Datatype: report.TypeString, Order: 1,
			Description: "Nummer am Mast (Plakette), falls lesbar", DatatypeDescription: "z. B. 12-0345"}}},
	{code: "ampel", nameDE: "Ampelstörung", nameEN: "Traffic light fault", group: groupTraffic,
		unit: "fd-mobilitaet", description: "Eine Lichtsignalanlage ist aus, blinkt gelb, der Taster reagiert nicht oder die Schaltung stimmt nicht.",
		keywords: []string{"Ampel", "Lichtsignalanlage", "Fußgängerampel", "Taster", "rot", "grün"},
		attrs: []report.Attribute{{Code: "stoerung", Variable: true, Datatype: report.TypeSingleValueList, Order: 1,
			Description: "Was ist los?", Values: []report.Value{{Key: "aus", Name: "Ampel ist aus"},
				{Key: "gelb", Name: "blinkt gelb"}, {Key: "taster", Name: "Taster reagiert nicht"}, {Key: "schaltung", Name: "Schaltung falsch"}}}}},
	{code: "verkehrszeichen", nameDE: "Verkehrszeichen beschädigt oder fehlt", nameEN: "Traffic sign damaged or missing", group: groupTraffic,
		unit: "fd-mobilitaet", description: "Umgefahrene, verdrehte, zugewachsene oder fehlende Schilder und Markierungen.",
		keywords: []string{"Schild", "Verkehrsschild", "Verkehrszeichen", "Markierung", "Poller"}},
	{code: "gruenflaeche", nameDE: "Grünfläche, Baum oder Hecke", nameEN: "Green space, tree or hedge", group: groupGreen,
		unit: "ksj-gruenflaechen", description: "Abgebrochene Äste, zugewachsene Wege, umgestürzte Bäume, ungepflegte Beete.",
		keywords: []string{"Baum", "Ast", "Hecke", "Rasen", "Grünfläche", "Park", "Gebüsch"}},
	{code: "spielplatz", nameDE: "Spielplatz beschädigt", nameEN: "Playground damaged", group: groupGreen,
		unit: "ksj-gruenflaechen", description: "Kaputte Spielgeräte, Scherben im Sand, defekte Zäune und Bänke auf Spielplätzen.",
		keywords: []string{"Spielplatz", "Schaukel", "Rutsche", "Sandkasten", "Klettergerüst", "Wippe"}},
}

// demoAreaRules: green spaces and playgrounds in Lobeda and Winzerla go to
// the KSJ's district crew there.
var demoAreaRules = []struct{ category, area, unit string }{
	{"spielplatz", "lobeda", "ksj-revier-lobeda"},
	{"spielplatz", "winzerla", "ksj-revier-lobeda"},
	{"gruenflaeche", "lobeda", "ksj-revier-lobeda"},
	{"gruenflaeche", "winzerla", "ksj-revier-lobeda"},
}

// seedReportTree adds the units, categories and area rules when the
// organisation has no categories yet; it returns the categories by code
// and the units by slug.
func seedReportTree(ctx context.Context, store report.Store, orgs *org.Service) (int64, map[string]*report.Category, map[string]int64, error) {
	root, err := orgs.Store.FindOrgBySlug(ctx, ReportOrg)
	if err != nil {
		return 0, nil, nil, err
	}
	units := map[string]int64{}
	for _, u := range reportUnits {
		o, err := orgs.Store.FindOrgBySlug(ctx, u.slug)
		if fault.Is(err, fault.NotFound) {
			var p *org.Org
			if p, err = orgs.Store.FindOrgBySlug(ctx, u.parent); err != nil {
				return 0, nil, nil, err
			}
			o = &org.Org{Slug: u.slug, Name: u.name, Kind: org.KindUnit, ParentID: &p.ID}
			err = orgs.Create(ctx, o)
		}
		if err != nil {
			return 0, nil, nil, err
		}
		units[u.slug] = o.ID
	}
	for _, slug := range []string{"ksj-strassenreinigung"} {
		o, err := orgs.Store.FindOrgBySlug(ctx, slug)
		if err != nil {
			return 0, nil, nil, err
		}
		units[slug] = o.ID
	}
	cats, err := store.FindDefectCategories(ctx, root.ID)
	if err != nil {
		return 0, nil, nil, err
	}
	byCode := map[string]*report.Category{}
	for _, c := range cats {
		byCode[c.Code] = c
	}
	if len(cats) > 0 {
		return root.ID, byCode, units, nil
	}
	for i, d := range demoCategories {
		unit := units[d.unit]
		c := &report.Category{OrgID: root.ID, UnitID: &unit, Code: d.code, NameDE: d.nameDE, NameEN: d.nameEN,
			Description: d.description, Keywords: d.keywords, Group: d.group, Active: true, Position: i, Attributes: d.attrs}
		if err := report.ValidateCategory(c); err != nil {
			return 0, nil, nil, err
		}
		if err := store.CreateDefectCategory(ctx, c); err != nil {
			return 0, nil, nil, err
		}
		byCode[c.Code] = c
	}
	var rules []report.AreaRule
	for _, r := range demoAreaRules {
		rules = append(rules, report.AreaRule{OrgID: root.ID, CategoryID: byCode[r.category].ID, AreaID: r.area, UnitID: units[r.unit]})
	}
	return root.ID, byCode, units, store.SetDefectAreaRules(ctx, root.ID, rules)
}

// ReportService builds the report service the demo seeds through: the
// schematic districts find a point's area, the outline bounds the city.
func ReportService(store report.Store, now func() time.Time) *report.Service {
	outline, districts := geo.JenaSchematic()
	b := outline.Box
	return &report.Service{Store: store, Now: now,
		Bounds: report.Bounds{MinLat: b.MinLat, MinLong: b.MinLon, MaxLat: b.MaxLat, MaxLong: b.MaxLon},
		AreaOf: func(lat, long float64) string {
			if a, ok := districts.AreaOf(lat, long); ok {
				return a.Key
			}
			return ""
		}}
}
