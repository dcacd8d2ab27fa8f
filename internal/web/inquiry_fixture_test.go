package web

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"rathaus/internal/account"
	"rathaus/internal/demo"
	"rathaus/internal/inquiry"
	"rathaus/internal/org"
)

// The inquiry fixture: the demo city of Jena (organisations and the
// catalogue) with messages to the city on one SQLite database.
//
//	e := newInquiryEnv(t)
//	e.login(e.office)   // case worker of the Bürgerservice: triage and its queue
//	e.login(e.kfz)      // case worker of the Kfz-Zulassung: only that queue
//	e.login(e.citizen)  // no staff role
//	e.ids["buergerservice"] // organisation IDs by slug
type inquiryEnv struct {
	*testEnv
	office, kfz, citizen *account.User
	ids                  map[string]int64
}

// withInquiries gives the server the message service on its database.
func withInquiries(o *Options) {
	db := o.Audit
	store := any(db).(inquiry.Store)
	o.Inquiries = &inquiry.Service{Store: store, Router: &inquiry.Router{Catalog: any(db).(inquiry.Catalogue), Store: store},
		Orgs: o.Orgs, Accounts: any(db).(inquiry.Accounts), Audit: db, T: o.Catalog, Now: o.Now, BaseURL: "http://rathaus.test"}
}

func newInquiryEnv(t testing.TB) *inquiryEnv {
	t.Helper()
	ctx := context.Background()
	e := newEnv(t, withNow(testNow), withOrgs, withCatalog, withAppointments(&testClock{t: testNow}), withInquiries)
	e.srv.opts.Services.Orgs = e.srv.opts.Orgs
	if _, err := demo.Seed(ctx, e.acc, e.srv.opts.Orgs); err != nil {
		t.Fatal(err)
	}
	if err := demo.SeedCatalog(ctx, e.srv.opts.Services); err != nil {
		t.Fatal(err)
	}
	ie := &inquiryEnv{testEnv: e, ids: map[string]int64{}}
	orgs, err := e.db.FindOrgs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orgs {
		ie.ids[o.Slug] = o.ID
	}
	ie.office = ie.staff("bs@example.org", "buergerservice")
	ie.kfz = ie.staff("kfz@example.org", "kfz-zulassung")
	ie.citizen = e.user("erika@example.org", false)
	return ie
}

// staff is a new case worker of the unit slug.
func (e *inquiryEnv) staff(email, slug string) *account.User {
	e.t.Helper()
	u := e.user(email, false)
	if _, err := e.srv.opts.Orgs.Grant(context.Background(), nil, u.ID, org.RoleCaseWorker, e.ids[slug]); err != nil {
		e.t.Fatal(err)
	}
	return u
}

// submit sends a message through the service, as the form would.
func (e *inquiryEnv) submit(body, email string) *inquiry.Inquiry {
	e.t.Helper()
	q, err := e.srv.opts.Inquiries.Submit(context.Background(), inquiry.Submission{Body: body, Email: email})
	if err != nil {
		e.t.Fatal(err)
	}
	return q
}

// api sends a JSON request and checks the answer's status and, for JSON,
// its schema in openapi.json; it returns the decoded body.
func (e *inquiryEnv) api(doc *openAPIDoc, method, path, body, token string, want int) map[string]any {
	e.t.Helper()
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	res := e.do(r)
	if res.StatusCode != want {
		e.t.Fatalf("%s %s: status %d, want %d; body %.1000s", method, path, res.StatusCode, want, res.body)
	}
	var v any
	if err := json.Unmarshal([]byte(res.body), &v); err != nil {
		e.t.Fatalf("%s %s: body is not JSON: %q", method, path, res.body)
	}
	schema, err := doc.responseSchema(method, path, want)
	if err != nil {
		e.t.Errorf("openapi.json: %v", err)
	} else if err := conform(doc, schema, v, "body"); err != nil {
		e.t.Errorf("%s %s %d: %v", method, path, want, err)
	}
	m, _ := v.(map[string]any)
	return m
}

func (e *inquiryEnv) token(u *account.User) string {
	e.t.Helper()
	raw, _, err := e.acc.CreateAPIToken(context.Background(), u, "test")
	if err != nil {
		e.t.Fatal(err)
	}
	return raw
}
