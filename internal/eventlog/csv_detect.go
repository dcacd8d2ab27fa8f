package eventlog

import "strings"

// Column names DetectCSVMapping recognises, best first, in the normalised
// form of normColumn (lower case, without spaces, '_' and '-').
var (
	caseNames = []string{"case:concept:name", "caseid", "case", "casenumber", "fall", "fallid",
		"fallnummer", "vorgang", "vorgangsnummer", "vorgangsid", "aktenzeichen"}
	activityNames = []string{"concept:name", "activity", "activityname", "aktivität", "aktivitaet",
		"event", "eventname", "tätigkeit", "taetigkeit", "schritt", "task"}
	timeNames = []string{"time:timestamp", "timestamp", "zeitstempel", "zeit", "time", "datetime",
		"end", "endtime", "endtimestamp", "ende", "complete", "completetime",
		"start", "starttime", "starttimestamp", "beginn", "datum", "date"}
	resourceNames = []string{"org:resource", "resource", "bearbeiter", "bearbeiterin",
		"sachbearbeiter", "sachbearbeiterin", "user", "benutzer", "mitarbeiter", "performer"}
)

// DetectCSVMapping suggests a mapping from the names in a CSV header
// (English, XES/pm4py and German names, ignoring case, spaces, '_' and
// '-'). Columns it does not recognise are left "" for the user to choose;
// the separator and time layout are left to detection.
func DetectCSVMapping(header []string) CSVMapping {
	norm := make([]string, len(header))
	for i, h := range header {
		norm[i] = normColumn(h)
	}
	pick := func(names []string, taken ...string) string {
		for _, n := range names {
			for i, h := range norm {
				if h == n && !contains(taken, header[i]) {
					return header[i]
				}
			}
		}
		return ""
	}
	var m CSVMapping
	m.Case = pick(caseNames)
	m.Activity = pick(activityNames, m.Case)
	m.Timestamp = pick(timeNames, m.Case, m.Activity)
	m.Resource = pick(resourceNames, m.Case, m.Activity, m.Timestamp)
	return m
}

func normColumn(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff")))
	return strings.NewReplacer(" ", "", "_", "", "-", "").Replace(s)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s && s != "" {
			return true
		}
	}
	return false
}
