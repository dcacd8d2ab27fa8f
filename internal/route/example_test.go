package route

import (
	"strings"
	"testing"
)

func TestReadTSV(t *testing.T) {
	in := "id\ttitle\ttopic\r\n" +
		"1\tHundesteuer anmelden\tSteuern\r\n" +
		"2\tSchlagloch melden\t\r\n" + // no label: skipped
		"\n" +
		"3\t Reisepass beantragen \tBürgeramt\n"
	ex, err := ReadTSV(strings.NewReader(in), 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	want := []Example{{Text: "Hundesteuer anmelden", Label: "Steuern"}, {Text: "Reisepass beantragen", Label: "Bürgeramt"}}
	if len(ex) != len(want) {
		t.Fatalf("got %d examples %+v, want %d", len(ex), ex, len(want))
	}
	for i := range want {
		if ex[i] != want[i] {
			t.Errorf("example %d: got %+v, want %+v", i, ex[i], want[i])
		}
	}
}

func TestReadTSVErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in      string
		text, label   int
		wantInMessage string
	}{
		{"empty input", "", 1, 2, "empty input"},
		{"column zero", "a\tb\n", 0, 2, "count from 1"},
		{"same column", "a\tb\n", 2, 2, "same column"},
		{"header too short", "title\n", 1, 2, "line 1"},
		{"row too short", "title\ttopic\nHund\tSteuern\nKatze\n", 1, 2, "line 3: 1 columns, want at least 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadTSV(strings.NewReader(tc.in), tc.text, tc.label)
			if err == nil {
				t.Fatalf("got no error, want one containing %q", tc.wantInMessage)
			}
			if !strings.Contains(err.Error(), tc.wantInMessage) {
				t.Errorf("got error %q, want it to contain %q", err, tc.wantInMessage)
			}
		})
	}
}
