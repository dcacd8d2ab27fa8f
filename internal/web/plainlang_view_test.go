package web

import (
	"fmt"
	"strings"
	"testing"

	"rathaus/internal/plainlang"
)

// TestSegments: the text is cut at every finding's start and end, marked
// where any finding covers it, numbered where each starts, and nothing is
// lost.
func TestSegments(t *testing.T) {
	text := "Ab Antragstellung wird es geprüft."
	fs := []plainlang.Finding{{Start: 0, End: 34}, {Start: 3, End: 17}, {Start: 18, End: 33}}
	var got []string
	var all strings.Builder
	for _, s := range segments([]rune(text), fs) {
		got = append(got, fmt.Sprintf("%q %v %v", s.Text, s.Mark, s.Refs))
		all.WriteString(s.Text)
	}
	want := []string{`"Ab " true [1]`, `"Antragstellung" true [2]`, `" " true []`, `"wird es geprüft" true [3]`, `"." true []`}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("got %v, want %v", got, want)
	}
	if all.String() != text {
		t.Errorf("segments join to %q, want the text", all.String())
	}
	got = nil
	for _, s := range segments([]rune("Über ein Lichtbild."), []plainlang.Finding{{Start: 9, End: 18}}) {
		got = append(got, fmt.Sprintf("%q %v", s.Text, s.Mark))
	}
	if want := `"Über ein " false | "Lichtbild" true | "." false`; strings.Join(got, " | ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}
