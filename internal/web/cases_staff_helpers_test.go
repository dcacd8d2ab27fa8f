package web

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"rathaus/internal/account"
	"rathaus/internal/cases"
	"rathaus/internal/mail"
	"rathaus/internal/org"
)

// Helpers of the staff pages' tests (cases_staff*_test.go) on the
// online-application fixture (cases_fixture_test.go).

// csPart is a file of a multipart post.
type csPart struct {
	field, name string
	data        []byte
}

// csMultipart sends a same-origin multipart form post.
func (e *casesEnv) csMultipart(path string, fields url.Values, files []csPart, c *http.Cookie) *response {
	e.t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	for _, f := range files {
		fw, err := mw.CreateFormFile(f.field, f.name)
		if err != nil {
			e.t.Fatal(err)
		}
		fw.Write(f.data)
	}
	mw.Close()
	r := httptest.NewRequest("POST", path, &b)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	r.Header.Set("Sec-Fetch-Site", "same-origin")
	if c != nil {
		r.AddCookie(c)
	}
	return e.do(r)
}

// csStep posts a workflow action on the case page.
func (e *casesEnv) csStep(c *http.Cookie, id int64, version int, action, note string) *response {
	e.t.Helper()
	v := url.Values{"version": {strconv.Itoa(version)}, "action": {action}}
	if note != "" {
		v.Set("note_"+action, note)
	}
	return e.postForm(csPath(id)+"/schritt", v, c)
}

// csVersion reads the case version the page's forms carry.
func csVersion(t testing.TB, res *response) int {
	t.Helper()
	n := query(res.doc, "form input[name=version]") // every form of the page carries the same
	if n == nil {
		t.Fatalf("no version field on the case page:\n%.3000s", res.body)
	}
	v, err := strconv.Atoi(attrOf(n, "value"))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// csOpen loads the staff page of a case and returns it with its version.
func (e *casesEnv) csOpen(t testing.TB, c *http.Cookie, id int64) (*response, int) {
	t.Helper()
	res := e.get(csPath(id), c)
	wantStatus(t, res, 200)
	return res, csVersion(t, res)
}

// csColleague is a second case worker of the fixture's unit.
func (e *casesEnv) csColleague(t testing.TB) *account.User {
	t.Helper()
	u := e.user("lena@example.org", false)
	if _, err := e.srv.opts.Orgs.Grant(context.Background(), nil, u.ID, org.RoleCaseWorker, e.unit.ID); err != nil {
		t.Fatal(err)
	}
	return u
}

// csMails are the mails queued for an address, newest first.
func (e *casesEnv) csMails(t testing.TB, to string) []*mail.Message {
	t.Helper()
	ms, err := e.db.FindMessages(context.Background(), mail.Filter{To: to})
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// csCase reads a case as stored.
func (e *casesEnv) csCase(t testing.TB, id int64) *cases.Case {
	t.Helper()
	c, err := e.cases.Store.FindCase(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// csRefs are the references the queue page lists.
func csRefs(res *response) []string {
	return texts(res.doc, "table tbody th a")
}

// csCAMT is a camt.053.001.08 statement of the test creditor's account
// with one booked credit per payment: reference and cents.
func csCAMT(entries ...csEntry) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
<GrpHdr><MsgId>T1</MsgId><CreDtTm>2026-11-28T20:00:00+01:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>`)
	for i, en := range entries {
		amt := fmt.Sprintf("%d.%02d", en.cents/100, en.cents%100)
		fmt.Fprintf(&b, `
<Ntry><Amt Ccy="EUR">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-11-28</Dt></BookgDt><ValDt><Dt>2026-11-28</Dt></ValDt><AcctSvcrRef>E%d</AcctSvcrRef>
<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><Amt Ccy="EUR">%s</Amt>
<RltdPties><Dbtr><Pty><Nm>Erika Mustermann</Nm></Pty></Dbtr></RltdPties>
<RmtInf><Ustrd>%s Gebuehr</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`, amt, i+1, amt, en.ref)
	}
	b.WriteString("\n</Stmt></BkToCstmrStmt></Document>\n")
	return []byte(b.String())
}

type csEntry struct {
	ref   string
	cents int64
}
