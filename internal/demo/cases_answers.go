package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"rathaus/internal/form"
)

// answers builds a valid application for one demo form.
type answers struct {
	r    *rand.Rand
	file func(question, name string) form.FileRef // a demo attachment
	a    form.Answers
}

func (b *answers) text(id, s string)           { b.a[id] = form.Value{Text: s} }
func (b *answers) list(id string, s ...string) { b.a[id] = form.Value{List: s} }
func (b *answers) date(id string, t time.Time) { b.text(id, isoDay(t)) }
func (b *answers) num(id string, n float64)    { b.text(id, strconv.FormatFloat(n, 'f', -1, 64)) }
func (b *answers) address(id string, a form.Address) {
	b.a[id] = form.Value{Address: &a}
}
func (b *answers) files(id string, names ...string) {
	var refs []form.FileRef
	for _, n := range names {
		refs = append(refs, b.file(id, n))
	}
	b.a[id] = form.Value{Files: refs}
}
func (b *answers) contact(p person) {
	b.text("email", p.Email)
	if chance(b.r, 0.6) {
		b.text("phone", p.Phone)
	}
}

// answerers build each demo form's answers for a person applying at at.
var answerers = map[string]func(b *answers, p person, at time.Time){
	"bewohnerparkausweis": func(b *answers, p person, at time.Time) {
		r := b.r
		b.text("name", p.Name())
		b.address("address", p.Address)
		b.text("zone", pick(r, []string{"a", "a", "b", "c", "d"}))
		b.text("residence_kind", pick(r, []string{"main", "main", "main", "second"}))
		b.text("plate", plate(r))
		use := pick(r, []string{"own", "own", "own", "own", "company", "borrowed"})
		b.text("vehicle_use", use)
		if chance(r, 0.08) {
			b.list("plate_options", "alternating")
			b.text("plate2", plate(r))
		} else if chance(r, 0.12) {
			b.list("plate_options", "electric")
		}
		if use != "own" {
			b.files("holder_confirmation", "bestaetigung-halter.pdf")
		}
		b.files("registration", "zulassungsbescheinigung.pdf")
		b.num("months", float64(pick(r, []int{12, 12, 12, 12, 6, 3})))
		if chance(r, 0.35) {
			b.text("pay_by", "sepa")
			b.text("iban", demoIBAN(r))
			b.text("holder", p.Name())
		} else {
			b.text("pay_by", "transfer")
		}
		b.contact(p)
	},
	"hundesteuer": func(b *answers, p person, at time.Time) {
		r := b.r
		b.text("name", p.Name())
		b.date("birth_date", p.Birth)
		b.address("address", p.Address)
		dogs := 1
		if chance(r, 0.1) {
			dogs = 2
		}
		b.num("dogs", float64(dogs))
		names := []string{"Bello", "Luna", "Balu", "Emma", "Paul", "Kira", "Nala", "Sammy", "Frieda", "Oskar"}
		name := pick(r, names)
		if dogs == 2 {
			name += " und " + pick(r, names)
		}
		b.text("dog_name", name)
		b.text("since", isoDay(at.AddDate(0, 0, -1-r.IntN(30))))
		listed := chance(r, 0.03)
		if listed {
			b.text("breed", "American Staffordshire Terrier")
			b.text("listed", "yes")
			b.files("permit", "erlaubnis-thuertiergefg.pdf", "haftpflicht.pdf")
		} else {
			b.text("breed", pick(r, []string{"Labrador Retriever", "Mischling", "Dackel", "Golden Retriever", "Beagle", "Border Collie", "Mischling", "Französische Bulldogge"}))
			b.text("listed", "no")
		}
		var features []string
		if chance(r, 0.8) {
			features = append(features, "chip")
		}
		if !listed && chance(r, 0.03) {
			features = append(features, "assistance")
		} else if chance(r, 0.2) {
			features = append(features, "shelter")
		}
		if len(features) > 0 {
			b.list("features", features...)
		}
		if len(features) > 0 && features[len(features)-1] != "chip" {
			b.files("relief_proof", "nachweis.pdf")
		}
		if chance(r, 0.6) {
			b.text("iban", demoIBAN(r))
		}
		b.contact(p)
	},
	"meldebescheinigung": func(b *answers, p person, at time.Time) {
		r := b.r
		b.text("name", p.Name())
		b.date("birth_date", p.Birth)
		b.address("address", p.Address)
		b.text("kind", pick(r, []string{"simple", "simple", "simple", "extended"}))
		purpose := pick(r, []string{"general", "general", "general", "pension", "child_benefit", "housing_benefit", "other"})
		b.text("purpose", purpose)
		if purpose == "other" {
			b.text("purpose_text", pick(r, []string{"Für die Anmeldung an der Hochschule", "Für das Visum meiner Schwiegermutter", "Für die Kfz-Versicherung"}))
		}
		delivery := pick(r, []string{"pdf", "pdf", "pdf", "post", "post_other"})
		b.text("delivery", delivery)
		if delivery == "post_other" {
			b.address("postal_address", form.Address{Street: "Hauptstraße", HouseNumber: fmt.Sprint(1 + r.IntN(50)), PostalCode: "99084", City: "Erfurt"})
		}
		b.contact(p)
	},
	"uebermittlungssperre": func(b *answers, p person, at time.Time) {
		r := b.r
		b.text("name", p.Name())
		b.date("birth_date", p.Birth)
		b.address("address", p.Address)
		all := []string{"parties", "jubilees", "address_books", "armed_forces", "religion"}
		var picked []string
		for _, o := range all {
			if chance(r, 0.6) {
				picked = append(picked, o)
			}
		}
		if len(picked) == 0 {
			picked = []string{"address_books"}
		}
		b.list("objections", picked...)
		if chance(r, 0.2) {
			b.text("household", "yes")
			b.text("children", fmt.Sprintf("%s %s, %02d.%02d.%d", pick(r, firstNames), p.Last, 1+r.IntN(28), 1+r.IntN(12), 2010+r.IntN(14)))
		} else {
			b.text("household", "no")
		}
		b.contact(p)
	},
	"gewerbe-anmelden": func(b *answers, p person, at time.Time) {
		r := b.r
		b.text("name", p.Name())
		b.date("birth_date", p.Birth)
		b.text("birth_place", pick(r, []string{"Jena", "Gera", "Weimar", "Erfurt", "Leipzig", "Kyjiw", "Ankara", "Krakau"}))
		nat := pick(r, []string{"de", "de", "de", "de", "eu", "other"})
		b.text("nationality", nat)
		b.address("address", p.Address)
		if nat == "other" {
			b.files("residence_permit", "aufenthaltstitel.pdf")
		}
		b.files("id_document", "personalausweis.pdf")
		legal := pick(r, []string{"sole", "sole", "sole", "sole", "gbr", "gmbh", "ug"})
		b.text("legal_form", legal)
		trade := pick(r, []trade{
			{"Saale-Rad", "Einzelhandel mit Fahrrädern und Zubehör, Reparatur von Fahrrädern", ""},
			{"", "Webdesign und Programmierung von Internetseiten für kleine Unternehmen", ""},
			{"Café am Paradies", "Betrieb eines Cafés mit Ausschank alkoholischer Getränke", "restaurant"},
			{"", "Hausmeisterdienste und Gartenpflege ohne zulassungspflichtige Arbeiten", ""},
			{"Immobilien Lobeda", "Vermittlung von Mietwohnungen und Wohneigentum", "broker"},
			{"", "Online-Handel mit handgemachtem Schmuck", ""},
			{"Elektro Winzerla", "Elektroinstallation in Wohn- und Geschäftsgebäuden", "crafts"},
			{"", "Nachhilfeunterricht und Übersetzungen Deutsch-Ukrainisch", ""},
			{"Sicherheitsdienst Saaletal", "Bewachung von Baustellen und Veranstaltungen", "security"},
		})
		if trade.name != "" {
			b.text("trade_name", trade.name)
		}
		b.text("activity", trade.activity)
		b.date("start", at.AddDate(0, 0, r.IntN(30)-5))
		b.address("premises", p.Address)
		b.text("sideline", pick(r, []string{"main", "main", "side"}))
		b.num("employees", float64(pick(r, []int{0, 0, 0, 0, 1, 2, 5})))
		if legal == "gmbh" || legal == "ug" {
			b.text("register_number", fmt.Sprintf("HRB %d", 500000+r.IntN(20000)))
			b.text("register_court", "Amtsgericht Jena")
			b.files("register_extract", "handelsregisterauszug.pdf")
		}
		if trade.permit != "" {
			b.list("permit_types", trade.permit)
			b.files("permit", "erlaubnis.pdf")
		}
		b.contact(p)
	},
	"wohngeld": func(b *answers, p person, at time.Time) {
		r := b.r
		b.text("name", p.Name())
		b.date("birth_date", p.Birth)
		b.address("address", p.Address)
		members := pick(r, []int{1, 1, 1, 2, 2, 3, 4, 5})
		b.num("members", float64(members))
		own := chance(r, 0.1)
		if own {
			b.text("housing", "own")
		} else {
			b.text("housing", "rent")
		}
		if chance(r, 0.05) {
			b.list("benefits", "bafoeg")
			b.text("benefit_persons", "Unsere Tochter bezieht seit Oktober BAföG.")
		}
		if members > 1 {
			b.text("other_members", fmt.Sprintf("%s %s, %02d.%02d.%d, Partnerin oder Partner", pick(r, firstNames), p.Last, 1+r.IntN(28), 1+r.IntN(12), 1960+r.IntN(40)))
			b.num("children", float64(max(0, members-2)))
		}
		space := 30 + 15*members + r.IntN(20)
		if own {
			b.num("burden", float64(300+r.IntN(600)))
			b.files("burden_proof", "darlehensvertrag.pdf")
		} else {
			b.num("rent_cold", math.Round(float64(space)*(750+float64(r.IntN(300))))/100)
			b.num("utilities", float64(space*2+r.IntN(40)))
			b.num("living_space", float64(space))
			b.date("move_in", at.AddDate(-1-r.IntN(15), -r.IntN(12), 0))
			b.files("rental_contract", "mietvertrag.pdf", "mietbescheinigung.pdf")
		}
		sources := []string{pick(r, []string{"employment", "employment", "pension", "pension", "unemployment"})}
		if chance(r, 0.1) {
			sources = append(sources, "self_employed")
			b.text("profit_description", "Freiberufliche Grafikerin, Gewinn 2025 etwa 9.000 Euro")
		}
		if chance(r, 0.15) {
			sources = append(sources, "maintenance")
		}
		b.list("income_sources", sources...)
		b.num("income_total", float64(900+r.IntN(1800)+300*members))
		b.files("income_proof", "lohnabrechnungen.pdf")
		b.text("iban", demoIBAN(r))
		b.text("account_holder", p.Name())
		if chance(r, 0.1) {
			b.text("remarks", "Mein Arbeitsvertrag endet im nächsten Monat; die Kündigung lege ich bei.")
		}
		b.list("confirm", "truthful")
		b.contact(p)
	},
	"sperrmuell": func(b *answers, p person, at time.Time) {
		r := b.r
		b.address("pickup_address", p.Address)
		if chance(r, 0.3) {
			b.text("location_hint", pick(r, []string{"Einfahrt neben dem Hinterhaus", "Vor den Garagen", "Am Wendehammer"}))
		}
		items := []string{"furniture"}
		if chance(r, 0.4) {
			items = append(items, "mattresses")
		}
		if chance(r, 0.2) {
			items = append(items, "carpets")
		}
		appliances := chance(r, 0.25)
		if appliances {
			items = append(items, "large_appliances")
			b.text("devices", pick(r, []string{"1 Kühlschrank", "1 Waschmaschine", "1 Kühlschrank, 1 Elektroherd"}))
		}
		b.list("items", items...)
		b.num("volume", float64(1+r.IntN(8))/2)
		if chance(r, 0.3) {
			b.text("description", "Ein Kleiderschrank (zerlegt), ein Sofa und zwei Stühle.")
		}
		b.date("preferred_date", at.AddDate(0, 0, 8+r.IntN(14)))
		if chance(r, 0.2) {
			b.text("collection", "additional")
		} else {
			b.text("collection", "first")
		}
		b.text("name", p.Name())
		b.contact(p)
	},
}

type trade struct{ name, activity, permit string }
