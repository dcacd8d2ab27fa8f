package demo

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"strconv"
	"time"

	"rathaus/internal/bpmn"
	"rathaus/internal/catalog"
	dc "rathaus/internal/digitalcheck"
	"rathaus/internal/org"
	"rathaus/internal/workshop"
)

//go:embed processes/*.bpmn
var processFiles embed.FS

// demoModel is a process model of the demo city with the digitisation
// check its process owner recorded, step by step (BPMN element id ->
// annotation).
type demoModel struct {
	file    string // in processes/
	service string // the demo catalogue key of the service it describes
	notes   map[string]dc.Annotation
}

var demoModels = []demoModel{
	{file: "gewerbe-anmelden.bpmn", service: "gewerbe-anmelden", notes: map[string]dc.Annotation{
		"erfassen": {LegalBasis: "§ 14 Abs. 1 GewO; § 1 GewAV (Vordruck)", Form: dc.FormWritten, HandwrittenSignature: true,
			PaperOriginals: true, MediaBreak: dc.BreakPaperToDigital, ManualReentry: true,
			OnceOnly: "Handelsregistereintrag (Registergericht), Meldeanschrift (Melderegister)",
			Note:     "Anzeigen auf Papier werden im Bürgerservice abgetippt; Ausweiskopie und Registerauszug liegen bei."},
		"zuweisen": {LegalBasis: "Geschäftsverteilungsplan Fachbereich Bürgerdienste"},
		"pruefen":  {LegalBasis: "§ 14 Abs. 1 GewO", Note: "Prüfung auf Vollständigkeit und Plausibilität; keine Genehmigung."},
		"nachfragen": {LegalBasis: "§ 25 Abs. 1 VwVfG", Form: dc.FormText, MediaBreak: dc.BreakDigitalToPaper,
			Note: "Rückfragen gehen meist als Brief hinaus."},
		"antwort":    {LegalBasis: "§ 26 Abs. 2 VwVfG", PaperOriginals: true, MediaBreak: dc.BreakPaperToDigital},
		"fortsetzen": {LegalBasis: "§ 24 VwVfG"},
		"bestaetigen": {LegalBasis: "§ 15 Abs. 1 GewO (Empfangsbescheinigung)", Form: dc.FormWritten,
			MediaBreak: dc.BreakDigitalToPaper, Note: "Der Gewerbeschein wird gedruckt und per Post versandt."},
		"gebuehr": {LegalBasis: "Verwaltungskostensatzung der Stadt Jena", Payment: dc.PaymentInvoice},
		"uebermitteln": {LegalBasis: "§ 14 Abs. 8 bis 12 GewO (Datenübermittlung)", MediaBreak: dc.BreakDigitalToPaper,
			ManualReentry: true, Automated: false,
			Note: "Einige Empfänger erhalten die Anzeige noch als Ausdruck und tippen sie erneut ab."},
	}},
	{file: "bewohnerparkausweis.bpmn", service: "bewohnerparkausweis", notes: map[string]dc.Annotation{
		"eingang": {LegalBasis: "§ 45 Abs. 1b Satz 1 Nr. 2a StVO; Bewohnerparkgebührensatzung", PaperOriginals: true,
			OnceOnly: "Hauptwohnsitz (Melderegister), Halterdaten (Fahrzeugregister)",
			Note:     "Kopie des Fahrzeugscheins wird verlangt."},
		"zuweisen": {LegalBasis: "Geschäftsverteilungsplan Fachbereich Bürgerdienste"},
		"pruefen": {LegalBasis: "VwV-StVO zu § 45 Abs. 1b", ManualReentry: true,
			OnceOnly: "Halterdaten (Fahrzeugregister)", Note: "Kennzeichen und Halter werden aus der Kopie abgetippt."},
		"zahlung": {LegalBasis: "Bewohnerparkgebührensatzung der Stadt Jena", Payment: dc.PaymentInvoice},
		"ausstellen": {LegalBasis: "§ 45 Abs. 1b StVO", MediaBreak: dc.BreakDigitalToPaper,
			Note: "Der Ausweis wird gedruckt und per Post verschickt."},
		"abschluss": {LegalBasis: "Aktenordnung", Automated: true},
	}},
}

// SeedWorkshop adds the demo city's annotated process models unless the
// workshop has demo models already. Each describes the platform log of its
// service and belongs to the citizens' service unit.
func SeedWorkshop(ctx context.Context, store workshop.Store, c *catalog.Catalog, orgs org.Store, now time.Time) error {
	existing, err := store.FindModels(ctx, nil)
	if err != nil {
		return err
	}
	for _, m := range existing {
		if m.Origin == workshop.OriginDemo {
			return nil
		}
	}
	unit, err := orgs.FindOrgBySlug(ctx, "buergerservice")
	if err != nil {
		return fmt.Errorf("demo workshop: %w", err)
	}
	keys := make([]string, len(demoModels))
	for i, d := range demoModels {
		keys[i] = d.service
	}
	services, err := demoServices(ctx, c, keys)
	if err != nil {
		return err
	}
	for _, d := range demoModels {
		s := services[d.service]
		if s == nil {
			return fmt.Errorf("demo workshop: service %q is not in the catalogue", d.service)
		}
		xml, name, err := d.annotated()
		if err != nil {
			return fmt.Errorf("demo workshop: %s: %w", d.file, err)
		}
		m := &workshop.Model{Name: name, OrgID: &unit.ID, Source: "case:" + strconv.FormatInt(s.ID, 10),
			Origin: workshop.OriginDemo, BPMN: xml, CreatedAt: now.UTC(), UpdatedAt: now.UTC()}
		if err := store.CreateModel(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// annotated is the model file with its annotations and a diagram.
func (d demoModel) annotated() ([]byte, string, error) {
	raw, err := processFiles.ReadFile("processes/" + d.file)
	if err != nil {
		return nil, "", err
	}
	m, _, err := bpmn.Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, "", err
	}
	for id, a := range d.notes {
		el := m.Element(id)
		if el == nil {
			return nil, "", fmt.Errorf("no step %q", id)
		}
		if err := a.Validate(); err != nil {
			return nil, "", fmt.Errorf("step %q: %w", id, err)
		}
		if el.Props == nil {
			el.Props = map[string]string{}
		}
		for k, v := range a.ToProps() {
			el.Props[k] = v
		}
	}
	if m.Diagram == nil {
		m.Layout()
	}
	var buf bytes.Buffer
	if err := m.WriteXML(&buf); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), m.Name, nil
}
