package impact

// Sources of the default figures. Where a figure could not be checked
// against its primary source, the text says so.
const (
	sourceNoEmission = "Keine direkten Emissionen im Betrieb; die UBA-Tabellen zum Personenverkehr führen Fuß- und Radverkehr nicht."
	sourceCar        = "Umweltbundesamt, Emissionsdaten des Personenverkehrs (TREMOD), Pkw: 166 g CO2e/Pkm. " +
		"https://www.umweltbundesamt.de/themen/verkehr/emissionsdaten – der Wert stammt aus einer Wiedergabe der UBA-Tabelle " +
		"(lunz-reisen.com) und konnte hier nicht an der UBA-Tabelle selbst geprüft werden; TREMOD 6.02 nannte 147 g/Pkm " +
		"(nachhaltigkeitsstrategie.de). Bitte mit der aktuellen UBA-Tabelle abgleichen."
	sourceTransit = "Umweltbundesamt, Emissionsdaten des Personenverkehrs (TREMOD), Straßen-, Stadt- und U-Bahn, Bezugsjahr 2021: " +
		"80 g CO2e/Pkm (2019: 49 g), wiedergegeben von capital.de; https://www.umweltbundesamt.de/themen/verkehr/emissionsdaten. " +
		"Der Wert für Linienbusse konnte hier nicht geprüft werden."
	sourceWait  = "Annahme der Stadt (Schätzwert), keine Messung; mit der Wartezeitstatistik der Ämter ersetzen."
	sourcePaper = "Schätzung: ein A4-Blatt (80 g/m², 5 g) bei 0,8 kg CO2 je kg Papier (Branchenangabe: 200 kg Papier, 160 kg CO2; " +
		"inspiration-verpackung.de nach VDP) = 4 g CO2e; nicht an einer UBA-Quelle geprüft."
)

// Defaults returns the assumptions used until a city saves its own: one
// visit avoided per online application, none per appointment, 5 km to
// the office, a modal split and speeds typical of a German mid-sized city
// (assumptions to be replaced by the city's own mobility survey), the
// emission factors above, 20 minutes of waiting, 4 sheets of paper.
func Defaults() *Assumptions {
	return &Assumptions{
		VisitsPerCase:        1,
		VisitsPerAppointment: 0,
		DistanceKm:           5,
		Modes: []ModeAssumption{
			{Mode: Walk, Share: 0.2, Speed: 4.5, Grams: 0, Source: sourceNoEmission},
			{Mode: Bike, Share: 0.15, Speed: 15, Grams: 0, Source: sourceNoEmission},
			{Mode: Transit, Share: 0.25, Speed: 18, Grams: 80, Source: sourceTransit},
			{Mode: Car, Share: 0.4, Speed: 25, Grams: 166, Source: sourceCar},
		},
		WaitMinutes:   20,
		WaitSource:    sourceWait,
		Sheets:        4,
		GramsPerSheet: 4,
		PaperSource:   sourcePaper,
	}
}
