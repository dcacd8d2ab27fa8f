package eventlog

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// sharedEventLogs is the folder of real event logs shared by the team.
const sharedEventLogs = "../../../shared/data/eventlogs"

// openShared opens a shared data file or skips the test when it is absent.
func openShared(t *testing.T, rel string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedEventLogs, rel))
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("shared data %s not present: %v", rel, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// readSharedCSV reads a shared CSV with the mapping DetectCSVMapping suggests.
func readSharedCSV(t *testing.T, rel string) (*Log, *ImportReport) {
	t.Helper()
	header, _, err := ReadCSVHeader(openShared(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	l, report, err := ReadCSV(openShared(t, rel), DetectCSVMapping(header))
	if err != nil {
		t.Fatal(err)
	}
	return l, report
}

type referenceStats struct {
	Cases          int            `json:"cases"`
	Events         int            `json:"events"`
	Activities     int            `json:"activities"`
	ActivityCounts map[string]int `json:"activity_counts"`
	TopVariants    []struct {
		Count int      `json:"count"`
		Trace []string `json:"trace"`
	} `json:"top_variants"`
}

func TestReadCSVMatchesReference(t *testing.T) {
	for _, tc := range []struct{ csv, ref string }{
		{"receipt.csv", "reference/receipt_reference.json"},
		{"running-example.csv", "reference/running-example_reference.json"},
		{"roadtraffic100traces.csv", "reference/roadtraffic100traces_reference.json"},
	} {
		t.Run(tc.csv, func(t *testing.T) {
			var ref referenceStats
			if err := json.NewDecoder(openShared(t, tc.ref)).Decode(&ref); err != nil {
				t.Fatal(err)
			}
			l, report := readSharedCSV(t, tc.csv)
			if len(l.Cases) != ref.Cases || l.NumEvents() != ref.Events || len(l.Activities) != ref.Activities {
				t.Errorf("cases/events/activities = %d/%d/%d, reference %d/%d/%d",
					len(l.Cases), l.NumEvents(), len(l.Activities), ref.Cases, ref.Events, ref.Activities)
			}
			if report.Cases != ref.Cases || report.Events != ref.Events || report.Skipped != 0 {
				t.Errorf("report = %+v", report)
			}
			counts := map[string]int{}
			for _, a := range l.Act {
				counts[l.Activities[a]]++
			}
			for a, n := range ref.ActivityCounts {
				if counts[a] != n {
					t.Errorf("activity %q: %d events, reference %d", a, counts[a], n)
				}
			}
			variants := map[string]int{}
			for i := range l.Cases {
				variants[traceKey(l, i)]++
			}
			for _, v := range ref.TopVariants {
				if got := variants[strings.Join(v.Trace, "\x00")]; got != v.Count {
					t.Errorf("variant %v: %d cases, reference %d", v.Trace, got, v.Count)
				}
			}
		})
	}
}

func traceKey(l *Log, c int) string {
	names := make([]string, 0, 16)
	for _, a := range l.Trace(c) {
		names = append(names, l.Activities[a])
	}
	return strings.Join(names, "\x00")
}

func TestDetectCSVMapping(t *testing.T) {
	for _, tc := range []struct {
		header []string
		want   CSVMapping
	}{
		{[]string{"", "concept:name", "org:resource", "time:timestamp", "Activity", "Resource", "case:concept:name"},
			CSVMapping{Case: "case:concept:name", Activity: "concept:name", Timestamp: "time:timestamp", Resource: "org:resource"}},
		{[]string{"Vorgang", "Aktivität", "Zeitstempel", "Bearbeiter", "Betrag"},
			CSVMapping{Case: "Vorgang", Activity: "Aktivität", Timestamp: "Zeitstempel", Resource: "Bearbeiter"}},
		{[]string{"Case ID", "Event", "Start", "End"},
			CSVMapping{Case: "Case ID", Activity: "Event", Timestamp: "End"}},
		{[]string{"Fall", "Zeit", "Notiz"}, CSVMapping{Case: "Fall", Timestamp: "Zeit"}},
	} {
		if got := DetectCSVMapping(tc.header); got != tc.want {
			t.Errorf("DetectCSVMapping(%q) = %+v, want %+v", tc.header, got, tc.want)
		}
	}
}

func TestReadCSVHeaderDetectsSeparator(t *testing.T) {
	for sep, text := range map[rune]string{
		';':  "\ufeffVorgang;Aktivität;\"Zeit;stempel\"\r\n1;a;x\r\n",
		'\t': "case\tactivity\ttimestamp\n",
		'|':  "case|activity|timestamp\n",
		',':  "case,\"a;b\",timestamp\n",
	} {
		header, comma, err := ReadCSVHeader(strings.NewReader(text))
		if err != nil || comma != sep || len(header) != 3 {
			t.Errorf("ReadCSVHeader(%q) = %q, %q, %v; want 3 columns separated by %q", text, header, comma, err, sep)
		}
	}
}

func TestReadCSVTimeFormats(t *testing.T) {
	berlin := time.FixedZone("CET", 3600)
	want := time.Date(2024, 3, 5, 14, 7, 9, 0, time.UTC)
	wantMin := want.Truncate(time.Minute)
	for _, tc := range []struct {
		value string
		loc   *time.Location
		want  time.Time
	}{
		{"2024-03-05T14:07:09Z", nil, want},
		{"2024-03-05T15:07:09.250+01:00", nil, want.Add(250 * time.Millisecond)},
		{"2024-03-05 15:07:09+01:00", nil, want},
		{"2024-03-05 14:07:09", nil, want},
		{"2024-03-05 14:07:09.123", nil, want.Add(123 * time.Millisecond)},
		{"2024-03-05 15:07:09", berlin, want},
		{"2024-03-05T14:07:09", nil, want},
		{"05.03.2024 15:07:09", berlin, want},
		{"05.03.2024 15:07", berlin, wantMin},
		{"2024/03/05 14:07:09", nil, want},
		{"1709647629", nil, want},
		{"1709647629000", nil, want},
	} {
		text := "case,activity,time\nc1,a," + tc.value + "\n"
		l, _, err := ReadCSV(strings.NewReader(text), CSVMapping{Case: "case", Activity: "activity", Timestamp: "time", Location: tc.loc})
		if err != nil {
			t.Errorf("%s: %v", tc.value, err)
			continue
		}
		if got := time.Unix(0, l.Time[0]).UTC(); !got.Equal(tc.want) {
			t.Errorf("%s read as %v, want %v", tc.value, got, tc.want)
		}
	}
}

func TestReadCSVGivenLayout(t *testing.T) {
	text := "Fall;Schritt;Datum\n1;a;03/05/24 2:07PM\n"
	l, _, err := ReadCSV(strings.NewReader(text), CSVMapping{Case: "Fall", Activity: "Schritt", Timestamp: "Datum", TimeLayout: "01/02/06 3:04PM"})
	if err != nil {
		t.Fatal(err)
	}
	if got := time.Unix(0, l.Time[0]).UTC(); !got.Equal(time.Date(2024, 3, 5, 14, 7, 0, 0, time.UTC)) {
		t.Errorf("time = %v", got)
	}
}

func TestReadCSVQuotesBOMAndCRLF(t *testing.T) {
	text := "\ufeffVorgang;Aktivität;Zeitstempel;Bemerkung\r\n" +
		"A-1;\"Antrag; eingegangen\";01.02.2024 09:00;\"sagt \"\"Hallo\"\"\r\nzweite Zeile\"\r\n" +
		"A-1;Prüfen;01.02.2024 10:30;\r\n"
	header, _, err := ReadCSVHeader(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	l, _, err := ReadCSV(strings.NewReader(text), DetectCSVMapping(header))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Cases) != 1 || l.Cases[0].ID != "A-1" || traceKey(l, 0) != "Antrag; eingegangen\x00Prüfen" {
		t.Fatalf("cases %+v, activities %q", l.Cases, l.Activities)
	}
	if got := l.Value(l.EventAttr("Bemerkung").Val[0]); got != "sagt \"Hallo\"\r\nzweite Zeile" && got != "sagt \"Hallo\"\nzweite Zeile" {
		t.Errorf("quoted multi-line value = %q", got)
	}
}

func TestReadCSVMappingErrors(t *testing.T) {
	text := "case,activity,time\nc1,a,2024-01-01T00:00:00Z\n"
	for _, tc := range []struct {
		m   CSVMapping
		key string
		arg any
	}{
		{CSVMapping{Case: "case", Activity: "Tätigkeit"}, KeyCSVUnknownColumn, "Tätigkeit"},
		{CSVMapping{Case: "case", Activity: "activity", Resource: "who"}, KeyCSVUnknownColumn, "who"},
		{CSVMapping{Activity: "activity"}, KeyCSVMappingMissing, "case"},
		{CSVMapping{Case: "case"}, KeyCSVMappingMissing, "activity"},
		{CSVMapping{Case: "case", Activity: "activity", Timestamp: "time", TimeLayout: "02.01.2006"}, KeyCSVTimeFormat, "time"},
	} {
		_, _, err := ReadCSV(strings.NewReader(text), tc.m)
		var ie *ImportError
		if !errors.As(err, &ie) || ie.Key != tc.key || ie.Args[0] != tc.arg {
			t.Errorf("mapping %+v: error %v, want key %s naming %v", tc.m, err, tc.key, tc.arg)
			continue
		}
		if !strings.Contains(err.Error(), tc.arg.(string)) {
			t.Errorf("message %q does not name %q", err, tc.arg)
		}
	}
	_, _, err := ReadCSV(strings.NewReader("\ufeff"), CSVMapping{Case: "c", Activity: "a"})
	if ie := (*ImportError)(nil); !errors.As(err, &ie) || ie.Key != KeyEmpty {
		t.Errorf("empty file: %v", err)
	}
}

func TestReadCSVSkipsBadRows(t *testing.T) {
	text := "case,activity,time\n" +
		"c1,a,2024-01-01T10:00:00Z\n" +
		",b,2024-01-01T11:00:00Z\n" + // line 3: no case
		"c1,,2024-01-01T12:00:00Z\n" + // line 4: no activity
		"c1,c,gestern\n" + // line 5: unreadable time
		"c2,a,\n" + // line 6: no time, kept
		"c1,d,2024-01-01T09:00:00Z\n"
	l, report, err := ReadCSV(strings.NewReader(text), CSVMapping{Case: "case", Activity: "activity", Timestamp: "time"})
	if err != nil {
		t.Fatal(err)
	}
	if report.Skipped != 3 || report.Events != 3 || report.Cases != 2 {
		t.Errorf("report = %+v", report)
	}
	all := strings.Join(report.Warnings, "\n")
	for _, want := range []string{"line 3", "line 4", "line 5", "gestern", "1 events have no timestamp"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings %q lack %q", report.Warnings, want)
		}
	}
	if traceKey(l, 0) != "d\x00a" || l.Time[2] != NoTime {
		t.Errorf("trace of c1 = %q (want sorted by time), c2 time %d", traceKey(l, 0), l.Time[2])
	}
}

func TestReadCSVAttributeTypes(t *testing.T) {
	text := "case,activity,n,x,flag,when,note,case:Amt,case:Eingang\n" +
		"c1,a,1,1.5,true,2024-01-01 10:00:00,x1,Bauamt,05.02.2024 08:00\n" +
		"c1,b,-2,3,FALSE,2024-01-02 10:00:00+02:00,7,Ordnungsamt,\n" +
		"c2,a,,,,,,Bauamt,06.02.2024 08:00\n"
	l, _, err := ReadCSV(strings.NewReader(text), CSVMapping{Case: "case", Activity: "activity", Location: time.FixedZone("CET", 3600)})
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]AttrType{}
	for _, c := range l.EventAttrs {
		types[c.Key] = c.Type
	}
	for _, c := range l.CaseAttrs {
		types["case:"+c.Key] = c.Type
	}
	want := map[string]AttrType{"n": TypeInt, "x": TypeFloat, "flag": TypeBool, "when": TypeDate, "note": TypeString,
		"case:Amt": TypeString, "case:Eingang": TypeDate}
	for k, tp := range want {
		if types[k] != tp {
			t.Errorf("column %s typed %s, want %s", k, types[k].XESTag(), tp.XESTag())
		}
	}
	when := l.EventAttr("when")
	if got := []string{l.Value(when.Val[0]), l.Value(when.Val[1])}; !slices.Equal(got, []string{"2024-01-01T10:00:00+01:00", "2024-01-02T10:00:00+02:00"}) {
		t.Errorf("dates = %q, want RFC 3339", got)
	}
	if amt := l.CaseAttr("Amt"); l.Value(amt.Val[0]) != "Bauamt" {
		t.Errorf("case attribute Amt of c1 = %q, want the first value", l.Value(amt.Val[0]))
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add("case;activity;time;x\nc1;a;2024-01-01 10:00;1\nc1;b;01.02.2024 10:00;true\n")
	f.Add("\ufeffcase,activity,time\r\n\"c\"\"1\",\"a\nb\",1709647629000\r\n,x,\n")
	f.Fuzz(func(t *testing.T, text string) {
		l, report, err := ReadCSV(strings.NewReader(text), CSVMapping{Case: "case", Activity: "activity", Timestamp: "time"})
		if err != nil {
			var ie *ImportError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v is not an ImportError", err)
			}
			return
		}
		if report.Events != l.NumEvents() || report.Cases != len(l.Cases) {
			t.Fatalf("report %+v for %d cases, %d events", report, len(l.Cases), l.NumEvents())
		}
	})
}
