package web

import (
	"bytes"
	"compress/zlib"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/account"
	"rathaus/internal/workshop"
)

// Helpers of the model pages' tests (workshop_model*_test.go, workshop_sim*_test.go).

// newModelEnv is the workshop fixture with the server's default body
// limit (1 MiB), so that BPMN files fit.
func newModelEnv(t testing.TB) *workshopEnv {
	t.Helper()
	return newWorkshopEnv(t, func(o *Options) { o.MaxBodyBytes = defaultMaxBody })
}

// miwg reads a file of the BPMN Model Interchange Working Group's
// reference models, skipping the test when the shared data is absent.
func miwg(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../../../shared/data/bpmn/miwg-reference/" + name)
	if err != nil {
		t.Skipf("MIWG reference model %s not available (../shared/data): %v", name, err)
	}
	return b
}

// postMultipart sends a same-origin multipart form with one file.
func (e *workshopEnv) postMultipart(path string, fields map[string]string, fileName string, data []byte, c *http.Cookie) *response {
	e.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		_ = mw.WriteField(k, v)
	}
	if fileName != "" {
		fw, _ := mw.CreateFormFile("file", fileName)
		_, _ = fw.Write(data)
	}
	_ = mw.Close()
	r := httptest.NewRequest("POST", path, &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	if c != nil {
		r.AddCookie(c)
	}
	return e.do(r)
}

// importModel imports a BPMN file through the page and returns the new
// model's ID.
func (e *workshopEnv) importModel(t testing.TB, c *http.Cookie, name string, data []byte, source string) int64 {
	t.Helper()
	res := e.postMultipart("/amt/prozesse/modelle", map[string]string{"name": name, "source": source}, name+".bpmn", data, c)
	wantStatus(t, res, http.StatusSeeOther)
	return modelIDOf(t, res.Header.Get("Location"))
}

// modelIDOf reads the ID from a model page's address.
func modelIDOf(t testing.TB, loc string) int64 {
	t.Helper()
	m := regexp.MustCompile(`^/amt/prozesse/modelle/(\d+)$`).FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("not a model page: %q", loc)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

// storedModel reads a model directly from the service, as its owner.
func (e *workshopEnv) storedModel(t testing.TB, u *account.User, id int64) *workshop.Model {
	t.Helper()
	m, _, err := e.ws.Model(context.Background(), workshopActor(u), id)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// followGet fetches the page a redirect points to, with the cookie (and
// so the flash).
func (e *workshopEnv) followGet(t testing.TB, res *response, c *http.Cookie) *response {
	t.Helper()
	r := httptest.NewRequest("GET", res.Header.Get("Location"), nil)
	r.AddCookie(c)
	for _, fc := range res.Cookies() {
		r.AddCookie(fc)
	}
	return e.do(r)
}

// handModelWithoutAsk is the fixture's process drawn by hand without the
// query to the citizen: submitted → start → approve → close, the steps
// named by their activity ids (so they match the log).
const handModelWithoutAsk = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" name="Meldebescheinigung ohne Rückfrage" targetNamespace="https://rathaus.example/test">
  <process id="p" name="Meldebescheinigung ohne Rückfrage">
    <startEvent id="s"/>
    <task id="t1" name="submitted"/>
    <task id="t2" name="start"/>
    <task id="t3" name="approve"/>
    <task id="t4" name="close"/>
    <endEvent id="e"/>
    <sequenceFlow id="f0" sourceRef="s" targetRef="t1"/>
    <sequenceFlow id="f1" sourceRef="t1" targetRef="t2"/>
    <sequenceFlow id="f2" sourceRef="t2" targetRef="t3"/>
    <sequenceFlow id="f3" sourceRef="t3" targetRef="t4"/>
    <sequenceFlow id="f4" sourceRef="t4" targetRef="e"/>
  </process>
</definitions>`

// pdfShownText is the text a PDF shows (its Tj strings, streams
// inflated), Latin-1 decoded and joined by spaces.
func pdfShownText(t testing.TB, b []byte) string {
	t.Helper()
	head := regexp.MustCompile(`<< /Length (\d+)( /Filter /FlateDecode)? >>\nstream\n`)
	tj := regexp.MustCompile(`\(((?:[^()\\]|\\[0-7]{3}|\\.)*)\) Tj`)
	var parts []string
	for _, loc := range head.FindAllSubmatchIndex(b, -1) {
		n, _ := strconv.Atoi(string(b[loc[2]:loc[3]]))
		data := b[loc[1]:min(loc[1]+n, len(b))]
		if loc[4] >= 0 {
			zr, err := zlib.NewReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if data, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range tj.FindAllSubmatch(data, -1) {
			parts = append(parts, latin1(pdfUnescape(m[1])))
		}
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

func pdfUnescape(s []byte) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] != '\\':
			out = append(out, s[i])
		case i+3 < len(s) && s[i+1] >= '0' && s[i+1] <= '3':
			v, _ := strconv.ParseUint(string(s[i+1:i+4]), 8, 8)
			out = append(out, byte(v))
			i += 3
		case i+1 < len(s):
			out = append(out, s[i+1])
			i++
		}
	}
	return out
}

func latin1(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}
