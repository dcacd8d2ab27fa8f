package eventlog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// tokens lists what the scanner reports, one string per tag, and its error.
func tokens(r io.Reader) ([]string, error) {
	var out []string
	s := NewScanner(r)
	for s.Next() {
		var b strings.Builder
		if s.Kind == EndTag {
			fmt.Fprintf(&b, "%d </%s>", s.Line, s.Name)
		} else {
			fmt.Fprintf(&b, "%d <%s", s.Line, s.Name)
			for _, a := range s.Attrs {
				fmt.Fprintf(&b, " %s=%q", a.Name, a.Value)
			}
			if s.SelfClosing {
				b.WriteString("/")
			}
			fmt.Fprintf(&b, "> depth %d", s.Depth())
		}
		out = append(out, b.String())
	}
	return out, s.Err()
}

const scanDoc = "\uFEFF<?xml version='1.0' encoding='utf-8'?>\r\n" +
	"<!DOCTYPE xes:log [\r\n <!ATTLIST a b CDATA \"x>y\">\r\n]>\r\n" +
	"<!-- a comment with <tags> -->\r\n" +
	"<xes:log xmlns:xes='http://www.xes-standard.org/'\r\n   xes.version = \"1.0\">\r\n" +
	"  <?pi data?><![CDATA[ <no> & tags ]]>\r\n" +
	"  <string key=\"a&amp;b\" value='it&apos;s &lt;&#233;&#x1F600;&gt; &quot;q&quot;'/>\r\n" +
	"  <trace x=\"line\r\nbreak\ttab\"></trace >\r\n" +
	"</xes:log>\r\n"

func TestScannerTokens(t *testing.T) {
	got, err := tokens(strings.NewReader(scanDoc))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`6 <xes:log xmlns:xes="http://www.xes-standard.org/" xes.version="1.0"> depth 1`,
		`9 <string key="a&b" value="it's <é😀> \"q\""/> depth 1`,
		`10 <trace x="line break tab"> depth 2`,
		`11 </trace>`,
		`12 </xes:log>`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("tokens\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestScannerChunking reads the same input whole, byte by byte and with a
// value longer than the scanner's buffer: the tokens must not change.
func TestScannerChunking(t *testing.T) {
	var doc bytes.Buffer
	if err := GenerateXES(&doc, SynthOptions{Events: 300, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("x&amp;", 3*scanBufSize/6)
	input := strings.Replace(doc.String(), `value="BP-0000002"`, `value="`+long+`"`, 1)
	whole, err := tokens(strings.NewReader(input))
	if err != nil {
		t.Fatal(err)
	}
	bytewise, err := tokens(iotest.OneByteReader(strings.NewReader(input)))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(whole, "\n") != strings.Join(bytewise, "\n") {
		t.Error("reading byte by byte gives other tokens than reading whole")
	}
	if !strings.Contains(strings.Join(whole, "\n"), strings.Repeat("x&", 100)) {
		t.Error("the long value was not decoded")
	}
}

func TestScannerErrors(t *testing.T) {
	for _, c := range []struct {
		doc  string
		line int
		msg  string
	}{
		{"<a>\n<b>\n</a>", 3, "does not match"},
		{"<a>\n<b x='1>\n</b></a>", 2, "unexpected end"},
		{"<a>\n<b x='1<'/></a>", 2, "'<' in the value"},
		{"<a>\n\n<b x=\"&nope;\"/></a>", 3, "unknown reference"},
		{"<a>\n<b x=\"&#1;\"/></a>", 2, "unknown reference"},
		{"<a>\n<b x=1/></a>", 2, "not quoted"},
		{"<a>\n<b x='1'y='2'/></a>", 2, "missing space"},
		{"<a>\n<!-- open", 2, "unclosed comment"},
		{"<a>\n<b>", 2, "not closed"},
		{"<a/>\n<b/>", 2, "more than one root"},
		{"text\n<a/>", 1, "text outside"},
		{"", 1, "no root"},
		{"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>", 1, "not supported"},
		{"\xFF\xFE<\x00a\x00/\x00>\x00", 1, "UTF-16"},
	} {
		_, err := tokens(strings.NewReader(c.doc))
		var se *SyntaxError
		if !errors.As(err, &se) || se.Line != c.line || !strings.Contains(se.Msg, c.msg) {
			t.Errorf("%q: error %v, want line %d: ...%s...", c.doc, err, c.line, c.msg)
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, seed := range []string{
		scanDoc, brokenXES, "<a b='c'/>", "<a><b>&amp;&#x41;</b></a>", "<!DOCTYPE a [<!ENTITY x '>'>]><a/>",
		"<a x=\"\r\n\"/>", "<a>", "</a>", "<a/><a/>", "<![CDATA[x]]>", "<?xml?><a/>", "<a x='&#'/>",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		whole, errWhole := tokens(bytes.NewReader(data))
		bytewise, errBytes := tokens(iotest.OneByteReader(bytes.NewReader(data)))
		if strings.Join(whole, "\n") != strings.Join(bytewise, "\n") || (errWhole == nil) != (errBytes == nil) {
			t.Errorf("chunking changes the result: %v / %v", errWhole, errBytes)
		}
		ReadXES(bytes.NewReader(data), XESOptions{})
		ReadXES(bytes.NewReader(data), XESOptions{Strict: true, Classifier: []string{"a", "b"}})
	})
}
