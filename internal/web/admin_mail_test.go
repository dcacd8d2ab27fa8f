package web

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMailParts(t *testing.T) {
	link := func(s string) MailPart { return MailPart{Text: s, Link: true} }
	plain := func(s string) MailPart { return MailPart{Text: s} }
	for _, c := range []struct {
		base, text string
		want       []MailPart
	}{
		{"http://rathaus.test", "Bitte öffnen: http://rathaus.test/verify?token=a1.\nDanke",
			[]MailPart{plain("Bitte öffnen: "), link("http://rathaus.test/verify?token=a1"), plain(".\nDanke")}},
		{"http://rathaus.test/", "(http://rathaus.test/a) und http://rathaus.test/b",
			[]MailPart{plain("("), link("http://rathaus.test/a"), plain(") und "), link("http://rathaus.test/b")}},
		{"http://rathaus.test", "http://rathaus.test.evil.example/x https://evil.example/http://rathaus.test",
			[]MailPart{plain("http://rathaus.test.evil.example/x https://evil.example/http://rathaus.test")}},
		{"", "http://rathaus.test/verify", []MailPart{plain("http://rathaus.test/verify")}},
	} {
		got := adminPage{BaseURL: c.base}.MailParts(c.text)
		if diff := cmp.Diff(c.want, got); diff != "" {
			t.Errorf("MailParts(%q) (-want +got):\n%s", c.text, diff)
		}
	}
}
