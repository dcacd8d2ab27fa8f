package opendata

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func sampleTable() *Table {
	return &Table{
		Columns: []Column{{Name: "service"}, {Name: "ratings", Kind: Count}, {Name: "mean_rating", Kind: Measure, CountOf: "ratings"}},
		Rows:    [][]any{{"Wohnsitz, anmelden", 6, 4.33}, {"Hund", 2, 3.5}, {"Kita", 0, 0.0}, {"Grün", 5, 4.0}},
	}
}

// TestSuppress: counts of 1 to 4 and their measures are blanked and
// flagged; 0 and 5 stay.
func TestSuppress(t *testing.T) {
	tb := sampleTable()
	if n := tb.Suppress(5); n != 1 {
		t.Errorf("rows touched: got %d, want 1", n)
	}
	wantRows := [][]any{{"Wohnsitz, anmelden", 6, 4.33}, {"Hund", nil, nil}, {"Kita", 0, 0.0}, {"Grün", 5, 4.0}}
	if d := cmp.Diff(wantRows, tb.Rows); d != "" {
		t.Errorf("rows (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]string{"ratings", "mean_rating"}, tb.Suppressed[1]); d != "" {
		t.Errorf("flags (-want +got):\n%s", d)
	}
}

// TestSuppressThreshold: the threshold is configurable; 0 takes the default.
func TestSuppressThreshold(t *testing.T) {
	tb := sampleTable()
	if n := tb.Suppress(7); n != 3 {
		t.Errorf("threshold 7: got %d rows touched, want 3", n)
	}
	tb = sampleTable()
	tb.Suppress(0)
	if tb.MinCount != DefaultMinCount || tb.Rows[1][1] != nil {
		t.Errorf("default threshold: got %d and %v, want %d and a blank", tb.MinCount, tb.Rows[1][1], DefaultMinCount)
	}
}

func TestWriteCSV(t *testing.T) {
	tb := sampleTable()
	tb.Suppress(5)
	var b bytes.Buffer
	if err := tb.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	want := "service,ratings,mean_rating,suppressed\n" +
		"\"Wohnsitz, anmelden\",6,4.33,\n" +
		"Hund,,,ratings;mean_rating\n" +
		"Kita,0,0,\n" +
		"Grün,5,4,\n"
	if d := cmp.Diff(want, b.String()); d != "" {
		t.Errorf("CSV (-want +got):\n%s", d)
	}
}

func TestWriteJSON(t *testing.T) {
	tb := sampleTable()
	tb.Suppress(5)
	var b bytes.Buffer
	if err := tb.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Columns  []struct{ Name, Type string }
		MinCount int `json:"min_count"`
		Rows     []map[string]any
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.MinCount != 5 || len(got.Columns) != 3 || got.Columns[1].Type != "count" || len(got.Rows) != 4 {
		t.Fatalf("got %+v", got)
	}
	hund := got.Rows[1]
	if hund["ratings"] != nil || hund["mean_rating"] != nil || cmp.Diff([]any{"ratings", "mean_rating"}, hund["suppressed"]) != "" {
		t.Errorf("suppressed row: got %v", hund)
	}
	if got.Rows[0]["ratings"] != 6.0 || cmp.Diff([]any{}, got.Rows[0]["suppressed"]) != "" {
		t.Errorf("published row: got %v", got.Rows[0])
	}
}
