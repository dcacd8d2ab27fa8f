package assistant

import (
	"regexp"
	"strings"
)

// separable verbs: "Wie melde ich mein Auto ab?" asks for "abmelden". A
// clause ending in a particle joins it to the clause's verb.
var (
	particles = wordSet(`an ab um aus auf ein zurück nach vor weg`)
	verbs     = map[string]string{
		"melde": "melden", "meldet": "melden", "melden": "melden", "trete": "treten", "tritt": "treten", "treten": "treten",
		"schreibe": "schreiben", "schreiben": "schreiben", "gebe": "geben", "gibt": "geben", "geben": "geben",
		"ziehe": "ziehen", "zieht": "ziehen", "ziehen": "ziehen", "hole": "holen", "holen": "holen",
		"stelle": "stellen", "stellen": "stellen", "erkenne": "erkennen", "erkennen": "erkennen",
		"lege": "legen", "legen": "legen", "tausche": "tauschen", "tauschen": "tauschen",
		"lasse": "lassen", "lassen": "lassen", "läuft": "laufen", "laufen": "laufen", "nehme": "nehmen", "nehmen": "nehmen",
		"trage": "tragen", "tragen": "tragen", "fülle": "füllen", "füllen": "füllen", "schließe": "schließen",
		"wandere": "wandern", "wandern": "wandern",
	}
)

// joinParticles rewrites separable verbs in each clause of a lower-case
// question: "wie melde ich mein auto ab" -> "wie abmelden ich mein auto".
func joinParticles(s string) string {
	clauses := regexp.MustCompile(`[,.;:!?]`).Split(s, -1)
	for i, c := range clauses {
		words := strings.Fields(c)
		if len(words) < 3 || !particles[words[len(words)-1]] {
			continue
		}
		for k, w := range words[:len(words)-1] {
			if inf, ok := verbs[w]; ok {
				words[k] = words[len(words)-1] + inf
				clauses[i] = strings.Join(words[:len(words)-1], " ")
				break
			}
		}
	}
	return strings.Join(clauses, " , ")
}

// colloquial maps everyday phrasings to the catalogue's words; the
// replacement is added to the question, which keeps its own words.
var colloquial = []struct {
	re  *regexp.Regexp
	add string
}{
	{cue(`(um|her|hin|zu)?gezogen|umzug|umzieh|zieh\p{L}* (\p{L}+ ){0,3}(nach|in die|in eine|innerhalb)`), "wohnsitzanmeldung"},
	// Travelling abroad ("Ich fahre mit dem Hund ins Ausland") is no move.
	{cue(`auswander|wegzieh|heimat|(zieh|geh|umzieh)\p{L}* (\p{L}+ ){0,3}ins ausland|zurück ins|zurück nach`), "wohnsitz abmelden"},
	{cue(`gefunden|finder|fundbüro|fundsache|liegen gelassen`), "fundsache"},
	{cue(`neuwagen|neu\p{L}* (auto|wagen|fahrzeug)|fabrikneu|vom händler|beim händler`), "fabrikneues fahrzeug anmeldung"},
	{cue(`schulausflug|klassenfahrt|schulfahrt|schüleraustausch`), "schulreisen"},
	{cue(`wiedergefunden|wieder gefunden|wieder aufgetaucht`), "widerruf verlustanzeige"},
	{cue(`staatsbürger|staatsangehörigkeit|deutscher werden|deutsche werden|einbürgern`), "einbürgerung"},
	{cue(`geschäft (aufgeben|schließen)|gewerbe (aufgeben|beenden)|laden (aufgeben|schließen)|aufgeben`), "gewerbe-abmeldung"},
	{cue(`selbstständig|selbständig|firma gründen|geschäft eröffnen`), "gewerbe-anmeldung"},
	{cue(`adresse.*(verhindern|sperren|schützen|geheim)|(verhindern|sperren|schützen).*adresse`), "auskunftssperre"},
	{cue(`angelschein|angeln`), "fischereischein"},
	{cue(`hochzeit|heiraten`), "eheschließung"},
	{cue(`gestorben|verstorben|tod\b|todesfall|sterbefall`), "sterbeurkunde"},
	{cue(`geboren|geburt`), "geburt"},
	{cue(`nummernschild`), "kennzeichen"},
	{cue(`motorrad|motorroller|roller\b|moped|mofa|wohnmobil|wohnwagen|anhänger|lkw\b|pkw\b|transporter`), "fahrzeug"},
	{cue(`ausweis\b|perso\b`), "personalausweis"}, // in everyday speech the identity card
	{cue(`geklaut|gestohlen|weg\b|verschwunden|abhanden`), "verlust diebstahl"},
	{cue(`fahrzeugschein`), "zulassungsbescheinigung teil i"},
	{cue(`fahrzeugbrief`), "zulassungsbescheinigung teil ii"},
	{cue(`gebraucht(wagen|auto|fahrzeug)|gebraucht\p{L}* (auto|wagen|fahrzeug)|(auto|wagen|fahrzeug|motorrad) (\p{L}+ ){0,2}gekauft`), "umschreibung fahrzeug"},
	{cue(`anwohnerpark|anwohner park`), "bewohnerparkausweis"},
	{cue(`beglaubigt\p{L}*`), "beglaubigung dokumente"},
	{cue(`geburtsurkunde|heiratsurkunde|eheurkunde|urkunde (bestellen|anfordern)`), "urkundenbestellung"},
	{cue(`(bestätigung|bescheinigung|nachweis)\p{L}* (\p{L}+ ){0,2}(wohnung|wohnsitz|adresse|anmeldung)`), "meldebescheinigung"},
	{cue(`saison|nur im (sommer|winter)|(sommer|winter)monate|im winter (ab|still)`), "saisonkennzeichen"},
	{cue(`(für immer|dauerhaft|immer|unbefristet) (\p{L}+ ){0,3}bleiben|bleiben (\p{L}+ ){0,3}(für immer|dauerhaft)`), "niederlassungserlaubnis daueraufenthalt"},
	{cue(`(frau|mann|ehefrau|ehemann|ehepartner\p{L}*|gatt\p{L}*) .{0,40}(nachkommen|nachholen|herholen|herkommen|einreisen|zu mir|zu uns|nach deutschland)`), "ehegattennachzug"},
	{cue(`(kind|kinder|sohn|tochter) .{0,40}(nachkommen|nachholen|herholen|herkommen|einreisen|zu mir|zu uns|nach deutschland)`), "kindernachzug"},
}

// colloquialWords returns the catalogue's words for the everyday
// phrasings in s.
func colloquialWords(s string) string {
	var add []string
	for _, c := range colloquial {
		if c.re.MatchString(s) {
			add = append(add, c.add)
		}
	}
	return strings.Join(add, " ")
}
