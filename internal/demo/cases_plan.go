package demo

import (
	"math/rand/v2"
	"slices"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/form"
)

// profile is how the cases of one service arrive and run in the
// simulation: how many, by which channels, and how long each step takes.
type profile struct {
	key      string
	count    int
	channels []weighted
	start    [2]float64 // working days from arrival until work starts
	work     [2]float64 // working days from starting work to the decision
	ask      float64    // share of cases where staff ask the applicant back
	reject   float64
	withdraw float64
	reply    [2]float64 // calendar days the applicant takes to answer
	close    [2]float64 // working days from the decision to closing
	team     bool       // handled by the demo case worker's team
	asks     []string   // what staff ask for
	rejects  []string   // reasons for a rejection
}

type weighted struct {
	value  string
	weight int
}

func (p *profile) channel(r *rand.Rand) string {
	total := 0
	for _, w := range p.channels {
		total += w.weight
	}
	n := r.IntN(total)
	for _, w := range p.channels {
		if n < w.weight {
			return w.value
		}
		n -= w.weight
	}
	return cases.ChannelOnline
}

// profiles are the demo services' cases over half a year, about 600 in
// all: what a city of 110,000 sees of these services online and on paper.
var profiles = []*profile{
	{key: "meldebescheinigung", count: 150, team: true,
		channels: []weighted{{cases.ChannelOnline, 75}, {cases.ChannelInPerson, 12}, {cases.ChannelMail, 7}, {cases.ChannelPaper, 6}, {cases.ChannelAssisted, 4}},
		start:    [2]float64{0.1, 1}, work: [2]float64{0.05, 1.5}, ask: 0.05, reject: 0.03, withdraw: 0.02, reply: [2]float64{0.2, 3}, close: [2]float64{0.5, 3},
		asks:    []string{"Unter der angegebenen Anschrift finden wir Sie nicht im Melderegister. Bitte prüfen Sie die Hausnummer."},
		rejects: []string{"Sie sind nicht in Jena gemeldet. Bitte wenden Sie sich an die Meldebehörde Ihres Wohnorts."}},
	{key: "uebermittlungssperre", count: 50, team: true,
		channels: []weighted{{cases.ChannelOnline, 60}, {cases.ChannelPaper, 30}, {cases.ChannelInPerson, 10}},
		start:    [2]float64{0.2, 2}, work: [2]float64{0.02, 0.5}, ask: 0.02, reject: 0.01, withdraw: 0.01, reply: [2]float64{1, 5}, close: [2]float64{0.1, 1},
		asks:    []string{"Bitte bestätigen Sie Ihr Geburtsdatum; es weicht vom Melderegister ab."},
		rejects: []string{"Für die genannte Person besteht keine Meldung in Jena."}},
	// The permits team works through its inbox only twice a week: the
	// wait before work starts is the bottleneck the process workshop shows.
	{key: "bewohnerparkausweis", count: 90, team: true,
		channels: []weighted{{cases.ChannelOnline, 80}, {cases.ChannelInPerson, 14}, {cases.ChannelPaper, 6}, {cases.ChannelAssisted, 2}},
		start:    [2]float64{3, 12}, work: [2]float64{0.5, 4}, ask: 0.15, reject: 0.08, withdraw: 0.03, reply: [2]float64{0.5, 7}, close: [2]float64{1, 5},
		asks: []string{"Die Zulassungsbescheinigung ist schlecht lesbar. Bitte laden Sie ein schärferes Foto der Vorderseite hoch.",
			"Das Fahrzeug ist nicht auf Sie zugelassen. Bitte reichen Sie die Bestätigung der Halterin oder des Halters nach."},
		rejects: []string{"Ihre Anschrift liegt nicht in der Bewohnerparkzone.", "Sie sind unter der Anschrift nicht gemeldet."}},
	{key: "gewerbe-anmelden", count: 70, team: true,
		channels: []weighted{{cases.ChannelOnline, 70}, {cases.ChannelInPerson, 24}, {cases.ChannelPaper, 6}},
		start:    [2]float64{0.5, 3}, work: [2]float64{0.3, 4}, ask: 0.2, reject: 0.03, withdraw: 0.03, reply: [2]float64{0.5, 10}, close: [2]float64{0.5, 3},
		asks: []string{"Bitte beschreiben Sie Ihre Tätigkeit genauer, damit wir sie richtig zuordnen können.",
			"Für diese Tätigkeit brauchen Sie eine Erlaubnis. Bitte laden Sie sie oder Ihren Antrag darauf hoch.",
			"Die Ausweiskopie ist unvollständig. Bitte laden Sie auch die Rückseite hoch."},
		rejects: []string{"Die Tätigkeit ist eine freiberufliche und kein Gewerbe. Bitte melden Sie sich beim Finanzamt."}},
	{key: "hundesteuer", count: 60,
		channels: []weighted{{cases.ChannelOnline, 60}, {cases.ChannelPaper, 30}, {cases.ChannelInPerson, 10}},
		start:    [2]float64{2, 7}, work: [2]float64{2, 10}, ask: 0.1, reject: 0.02, withdraw: 0.02, reply: [2]float64{1, 14}, close: [2]float64{1, 10},
		asks:    []string{"Bitte laden Sie den Übernahmevertrag des Tierheims hoch, damit wir die Ermäßigung gewähren können."},
		rejects: []string{"Der Hund ist bereits unter einer anderen Anschrift angemeldet."}},
	{key: "wohngeld", count: 100,
		channels: []weighted{{cases.ChannelOnline, 55}, {cases.ChannelPaper, 35}, {cases.ChannelInPerson, 10}, {cases.ChannelAssisted, 6}},
		start:    [2]float64{3, 10}, work: [2]float64{8, 30}, ask: 0.3, reject: 0.2, withdraw: 0.03, reply: [2]float64{3, 21}, close: [2]float64{2, 15},
		asks: []string{"Bitte reichen Sie die Lohnabrechnungen der letzten drei Monate für alle Haushaltsmitglieder nach.",
			"Bitte senden Sie uns die aktuelle Mietbescheinigung Ihres Vermieters.",
			"Bitte legen Sie die Kontoauszüge der letzten drei Monate vor."},
		rejects: []string{"Ihr Einkommen liegt über der Höchstgrenze nach § 15 WoGG.",
			"Ein Haushaltsmitglied bezieht Bürgergeld; die Wohnkosten sind dort berücksichtigt (§ 7 WoGG).",
			"Die angeforderten Unterlagen wurden trotz Erinnerung nicht eingereicht (§ 66 SGB I)."}},
	{key: "sperrmuell", count: 80,
		channels: []weighted{{cases.ChannelOnline, 60}, {cases.ChannelPhone, 32}, {cases.ChannelMail, 8}},
		start:    [2]float64{0.2, 2}, work: [2]float64{0.1, 2}, ask: 0.05, reject: 0.05, withdraw: 0.04, reply: [2]float64{0.5, 3}, close: [2]float64{0, 1},
		asks:    []string{"Bitte sagen Sie uns, welche Elektrogeräte dabei sind; die holen wir getrennt ab."},
		rejects: []string{"Bauschutt und Farbeimer sind kein Sperrmüll. Bitte bringen Sie sie zum Wertstoffhof."}},
}

// Kinds of simulated steps.
const (
	stepAction         = iota // a workflow transition
	stepAssign                // the demo case worker takes the case
	stepPay                   // the fee arrives on the city's account
	stepNote                  // an internal note
	stepStaffMessage          // a message from the office
	stepCitizenMessage        // a message from the applicant
)

// step is one thing that happens to a case.
type step struct {
	at     time.Time
	kind   int
	action string        // the transition of a stepAction
	text   string        // the note, message or reason
	staff  bool          // done by staff (else the applicant or the system)
	file   *form.FileRef // a message's attachment
}

// plan is the life of one simulated case.
type plan struct {
	prof    *profile
	at      time.Time // submitted (or received on paper, by phone, in person)
	channel string
	person  person
	citizen bool // the demo citizen's own case
	worker  bool // assigned to the demo case worker
	answers form.Answers
	steps   []step
}

func (p *plan) add(at time.Time, kind int, action, text string, staff bool) {
	p.steps = append(p.steps, step{at: at, kind: kind, action: action, text: text, staff: staff})
}

func (p *plan) act(at time.Time, action, text string) { p.add(at, stepAction, action, text, true) }

func (p *plan) sortSteps() {
	slices.SortStableFunc(p.steps, func(a, b step) int { return a.at.Compare(b.at) })
}

var (
	// replies to a request; those but the last come with a document.
	replies = []string{"Guten Tag, anbei die gewünschten Unterlagen. Viele Grüße",
		"Ich habe die Unterlagen hier angehängt. Bitte geben Sie Bescheid, wenn noch etwas fehlt.",
		"Entschuldigung für die Verzögerung, ich war im Urlaub. Die Nachweise sind jetzt dabei.",
		"Die Hausnummer war falsch, richtig ist die Nummer im Antrag plus a (Hinterhaus)."}
	questions = []string{"Guten Tag, wie ist der Stand meines Antrags?",
		"Ich ziehe Ende des Monats um. Soll ich Ihnen die neue Anschrift mitteilen?",
		"Kann ich die Gebühr auch bar bezahlen?"}
	staffNews = []string{"Ihr Bescheid ist heute in die Post gegangen.",
		"Ihr Dokument liegt im Bürgerservice Jena-Mitte zur Abholung bereit.",
		"Vielen Dank für Ihre Geduld. Wir bearbeiten Ihren Antrag in den nächsten Tagen."}
	staffNotes = []string{"Rücksprache mit der Kollegin aus dem Meldewesen gehalten, Anschrift stimmt.",
		"Antragstellerin telefonisch erreicht, Unterlagen kommen per Post.",
		"Vorgang nach Urlaubsvertretung übernommen.",
		"Gebühr laut Kasse noch offen, Zahlungserinnerung vormerken.",
		"Sonderfall: mit der Teamleitung abgestimmt."}
)
