package assistant

import (
	"regexp"
	"strings"
)

// englishTerms maps everyday English words and phrases of questions to
// the German words of the catalogue, which is German only. Longer phrases
// come first; a phrase is replaced as a whole word sequence.
var englishTerms = [][2]string{
	{"certificate of registration", "meldebescheinigung"}, {"proof of address", "meldebescheinigung"},
	{"proof of residence", "meldebescheinigung"}, {"register my residence", "wohnsitz anmelden"},
	{"police clearance certificate", "führungszeugnis"}, {"police certificate", "führungszeugnis"},
	{"background check", "führungszeugnis"}, {"german citizen", "einbürgerung"}, {"become german", "einbürgerung"},
	{"fishing license", "fischereischein"}, {"fishing licence", "fischereischein"}, {"hunting license", "jagdschein"},
	{"hunting licence", "jagdschein"}, {"pick up", "abholung"}, {"collect", "abholung"}, {"exchange", "umschreibung"},
	{"convert", "umschreibung"}, {"foreign", "ausländisch"}, {"citizen", "einbürgerung"},
	{"identity card", "personalausweis"}, {"id card", "personalausweis"}, {"passport", "reisepass"},
	{"driving licence", "führerschein"}, {"driving license", "führerschein"}, {"driver's license", "führerschein"},
	{"birth certificate", "geburtsurkunde"}, {"marriage certificate", "eheurkunde"},
	{"residence permit", "aufenthaltserlaubnis aufenthaltstitel"}, {"work permit", "arbeitserlaubnis"},
	{"register my flat", "wohnung anmelden"}, {"register my apartment", "wohnung anmelden"},
	{"register my address", "wohnsitz anmelden"}, {"registration certificate", "meldebescheinigung"},
	{"certificate of good conduct", "führungszeugnis"}, {"criminal record", "führungszeugnis"},
	{"parking permit", "parkausweis"}, {"resident parking", "bewohnerparkausweis"},
	{"dog tax", "hundesteuer"}, {"second home tax", "zweitwohnungsteuer"},
	{"start a business", "gewerbe anmelden"}, {"register a business", "gewerbe anmelden"},
	{"moving out", "abmelden"}, {"move out", "abmelden"}, {"moved", "umzug"}, {"moving", "umzug"}, {"move", "umzug"},
	{"flat", "wohnung"}, {"apartment", "wohnung"}, {"address", "adresse"},
	{"lost", "verloren"}, {"stolen", "gestohlen"}, {"expired", "abgelaufen"},
	{"car", "fahrzeug"}, {"motorbike", "fahrzeug"}, {"motorcycle", "fahrzeug"}, {"munich", ""}, {"vehicle", "fahrzeug"}, {"licence plate", "kennzeichen"}, {"license plate", "kennzeichen"},
	{"number plate", "kennzeichen"}, {"dog", "hund"}, {"child", "kind"}, {"baby", "geburt"}, {"born", "geburt"},
	{"birth", "geburt"}, {"get married", "eheschließung"}, {"married", "eheschließung"}, {"marry", "eheschließung"}, {"marriage", "eheschließung"}, {"wedding", "eheschließung"},
	{"death", "sterbefall"}, {"died", "sterbefall"}, {"citizenship", "einbürgerung"}, {"naturalisation", "einbürgerung"},
	{"naturalization", "einbürgerung"}, {"business", "gewerbe"}, {"tax", "steuer"}, {"parking", "parken"},
	{"church", "kirche"}, {"leave the church", "kirchenaustritt"}, {"bicycle", "fahrrad"}, {"bike", "fahrrad"},
	{"found", "fundsache"}, {"lost property", "fundbüro"}, {"waste", "abfall"}, {"rubbish", "müll"}, {"garbage", "müll"},
	{"tree", "baum"}, {"fell", "fällen"}, {"noise", "lärm"}, {"nursery", "kita"}, {"daycare", "kita"},
	{"kindergarten", "kita"}, {"school", "schule"}, {"register", "anmelden"}, {"registration", "anmeldung"},
	{"deregister", "abmelden"}, {"renew", "verlängern"}, {"new", "neu"}, {"foreigner", "ausländer"},
	{"visa", "visum"}, {"fishing", "fischerei"}, {"weapon", "waffe"}, {"gun", "waffe"}, {"name change", "namensänderung"},
	{"change my name", "namensänderung"}, {"certificate", "bescheinigung"}, {"pension", "rente"},
	{"housing benefit", "wohngeld"}, {"benefit", "leistung"}, {"social housing", "sozialwohnung"},
	{"studying", "studium"}, {"study", "studium"}, {"studies", "studium"}, {"student", "studium"}, {"university", "studium"},
	{"spouse", "ehegatte"}, {"permanent residence", "niederlassungserlaubnis"},
	{"settlement permit", "niederlassungserlaubnis"}, {"stay permanently", "niederlassungserlaubnis"},
	{"residence", "wohnsitz"}, // after "residence permit"
}

var englishRes = compileEnglish()

func compileEnglish() []*regexp.Regexp {
	out := make([]*regexp.Regexp, len(englishTerms))
	for i, t := range englishTerms {
		out[i] = regexp.MustCompile(`(^|[^\p{L}])` + regexp.QuoteMeta(t[0]) + `s?([^\p{L}]|$)`)
	}
	return out
}

// translateEnglish adds the German words for the English ones of a
// lower-case question; German questions pass unchanged (none of the
// phrases is a German word).
func translateEnglish(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r < 128 }) {
		return s
	}
	for i, re := range englishRes {
		s = re.ReplaceAllString(s, "${1} "+englishTerms[i][1]+" ${2}")
	}
	return s
}
