package web

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"rathaus/internal/cases"
	"rathaus/internal/mail"
)

// browser is a cookie jar over the test server: it sends the cookies the
// server set before, like a browser session.
type browser struct {
	e       *casesEnv
	t       testing.TB
	cookies map[string]*http.Cookie
}

func (e *casesEnv) browser(t testing.TB, session *http.Cookie) *browser {
	b := &browser{e: e, t: t, cookies: map[string]*http.Cookie{}}
	if session != nil {
		b.cookies[session.Name] = session
	}
	return b
}

func (b *browser) send(r *http.Request) *response {
	b.t.Helper()
	for _, c := range b.cookies {
		r.AddCookie(c)
	}
	res := b.e.do(r)
	for _, c := range res.Cookies() {
		if c.MaxAge < 0 {
			delete(b.cookies, c.Name)
		} else {
			b.cookies[c.Name] = &http.Cookie{Name: c.Name, Value: c.Value}
		}
	}
	return res
}

func (b *browser) get(path string) *response {
	b.t.Helper()
	return b.send(httptest.NewRequest("GET", path, nil))
}

func (b *browser) post(path string, values url.Values) *response {
	b.t.Helper()
	r := httptest.NewRequest("POST", path, strings.NewReader(values.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	return b.send(r)
}

// testFile is a file to upload in a multipart post.
type testFile struct {
	field, name string
	data        []byte
}

func (b *browser) postFiles(path string, values url.Values, files ...testFile) *response {
	b.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range values {
		for _, v := range vs {
			_ = mw.WriteField(k, v)
		}
	}
	for _, f := range files {
		fw, err := mw.CreateFormFile(f.field, f.name)
		if err != nil {
			b.t.Fatal(err)
		}
		_, _ = fw.Write(f.data)
	}
	_ = mw.Close()
	r := httptest.NewRequest("POST", path, &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	return b.send(r)
}

// follow expects a 303 and returns its target.
func follow(t testing.TB, res *response) string {
	t.Helper()
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("status %d, want 303; body:\n%.3000s", res.StatusCode, res.body)
	}
	return res.Header.Get("Location")
}

// pathOnly cuts the query off a location.
func pathOnly(loc string) string {
	p, _, _ := strings.Cut(loc, "?")
	return p
}

// draftOf returns the answers of the citizen's only draft of service sid.
func (e *casesEnv) draftOf(t testing.TB, uid, sid int64) *cases.SavedDraft {
	t.Helper()
	ds, err := e.cases.MyDrafts(context.Background(), uid)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if d.ServiceID == sid {
			sd, err := e.cases.OpenDraft(context.Background(), cases.Citizen{UserID: &uid}, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			return sd
		}
	}
	return nil
}

// mailsTo returns the mails queued for an address, newest first.
func (e *casesEnv) mailsTo(t testing.TB, to string) []*mail.Message {
	t.Helper()
	ms, err := e.db.FindMessages(context.Background(), mail.Filter{To: to})
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// errorLinks lists the targets of the error summary's links.
func errorLinks(res *response) []string {
	var out []string
	for _, a := range queryAll(res.doc, "#error-summary a") {
		out = append(out, attrOf(a, "href"))
	}
	return out
}

func sid(e *casesEnv, key string) string { return fmt.Sprint(e.svc[key]) }

// testHTML is an HTML page, named like a PDF.
var testHTML = []byte("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")
