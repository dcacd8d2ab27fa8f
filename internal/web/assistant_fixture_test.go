package web

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"

	"rathaus/internal/assistant"
)

// The assistant's tests run on the service finder's test catalogue
// (catalog_fixture_test.go): Personalausweis, Wohnsitz anmelden, Hund
// anmelden and a few more, with a real SQLite store.

// recordingInbox is the Bürgerservice's queue for the tests: it keeps
// every handover and numbers them.
type recordingInbox struct {
	mu   sync.Mutex
	got  []assistant.Handover
	fail error
}

func (i *recordingInbox) Handover(_ context.Context, h assistant.Handover) (string, error) {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.fail != nil {
		return "", i.fail
	}
	i.got = append(i.got, h)
	return fmt.Sprintf("BS-2026-%04d", len(i.got)), nil
}

func (i *recordingInbox) handovers() []assistant.Handover {
	i.mu.Lock()
	defer i.mu.Unlock()
	return append([]assistant.Handover(nil), i.got...)
}

// assistantEnv is a server with the test catalogue and the assistant.
type assistantEnv struct {
	*catalogEnv
	asst  *assistant.Assistant
	inbox *recordingInbox // nil: no handover configured
	clock *testClock
}

// newAssistantEnv builds the server; withInbox configures the handover.
func newAssistantEnv(t testing.TB, withInbox bool) *assistantEnv {
	t.Helper()
	clock := &testClock{t: testNow}
	e := &assistantEnv{clock: clock}
	if withInbox {
		e.inbox = &recordingInbox{}
	}
	e.catalogEnv = newCatalogEnv(t, testNow, func(o *Options) {
		o.Now = clock.Now
		e.asst = &assistant.Assistant{Store: o.Audit.(assistant.Store), T: o.Catalog, Now: clock.Now,
			Phone: "115"} // the default retention, a day
		if e.inbox != nil {
			e.asst.Inbox = e.inbox
		}
		o.Assistant = e.asst
	})
	e.asst.Catalog = e.srv.opts.Services
	e.acc.Now = clock.Now // the per-client limit counts on the same clock
	return e
}

// ask posts a question like the form does and returns the redirect.
func (e *assistantEnv) ask(question, conversation string) *response {
	e.t.Helper()
	v := url.Values{"question": {question}}
	if conversation != "" {
		v.Set("conversation", conversation)
	}
	return e.postForm("/frag-die-stadt", v)
}

// askOK asks and follows the redirect to the conversation page; it
// returns the page and the conversation's ID.
func (e *assistantEnv) askOK(question, conversation string) (*response, string) {
	e.t.Helper()
	res := e.ask(question, conversation)
	wantStatus(e.t, res, 303)
	loc := res.Header.Get("Location")
	path, frag, _ := strings.Cut(loc, "#")
	id, ok := strings.CutPrefix(path, "/frag-die-stadt/")
	if !ok || id == "" || !strings.HasPrefix(frag, "antwort-") {
		e.t.Fatalf("redirect to %q, want /frag-die-stadt/{id}#antwort-N", loc)
	}
	page := e.get(path)
	if page.StatusCode != 200 {
		e.t.Fatalf("GET %s: status %d; log:\n%s", path, page.StatusCode, e.logs)
	}
	if query(page.doc, "#"+frag) == nil {
		e.t.Fatalf("the page has no #%s to focus", frag)
	}
	return page, id
}
