package cases_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"rathaus/internal/cases"
	"rathaus/internal/jobs"
	"rathaus/internal/payment"
	"rathaus/internal/processlog"
	"rathaus/internal/sqlstore"
	"rathaus/internal/storetest"
)

var secret = []byte("shared-delivery-secret")

// received is one request the receiver got.
type received struct {
	header http.Header
	body   []byte
}

// receiver is a specialist system that answers with the given statuses
// in turn (200 once they are used up) and keeps what it received.
type receiver struct {
	mu       sync.Mutex
	statuses []int
	got      []received
}

func (r *receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	defer r.mu.Unlock()
	if req.Method != http.MethodPost {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	r.got = append(r.got, received{req.Header.Clone(), body})
	status := http.StatusOK
	if len(r.statuses) > 0 {
		status, r.statuses = r.statuses[0], r.statuses[1:]
	}
	if status/100 == 3 {
		w.Header().Set("Location", "/elsewhere")
	}
	w.WriteHeader(status)
}

func (r *receiver) requests() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.got...)
}

func startReceiver(t *testing.T, statuses ...int) (*receiver, *httptest.Server) {
	r := &receiver{statuses: statuses}
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return r, srv
}

// submitParking stores the parking form and a case filled with it, with
// an attachment, the delivery job and a payment.
func submitParking(t *testing.T, db *sqlstore.DB) *cases.Case {
	t.Helper()
	ctx := context.Background()
	f := parkingForm()
	f.UpdatedAt = submittedAt.Add(-time.Hour)
	if err := db.SaveForm(ctx, f); err != nil {
		t.Fatal(err)
	}
	c := parkingCase()
	c.ID, c.Reference = 0, ""
	a := parkingAnswers()
	delete(a, "employer") // the form's validation drops answers of hidden pages
	raw, _ := json.Marshal(a)
	files := exportFiles()
	for i := range files {
		files[i].ID, files[i].CaseID = 0, 0
	}
	sub := &cases.Submission{Case: c, Answers: raw, Files: files, Prefix: "JENA",
		Effects: func(c *cases.Case) cases.Effects { return cases.Effects{Jobs: []jobs.Job{cases.DeliveryJobFor(c)}} }}
	if _, created, err := db.CreateCase(ctx, sub); err != nil || !created {
		t.Fatalf("CreateCase: %v, created %v", err, created)
	}
	p := exportPayments()[0]
	p.ID, p.CaseID = 0, c.ID
	if ok, err := db.AddPayment(ctx, &p, cases.Effects{}); err != nil || !ok {
		t.Fatalf("AddPayment: %v, %v", err, ok)
	}
	return c
}

func deliverer(db *sqlstore.DB, url string, now time.Time) *cases.Deliverer {
	return &cases.Deliverer{Store: db, Forms: db, URL: url, Secret: secret,
		Client: &http.Client{Timeout: 5 * time.Second}, Now: func() time.Time { return now }}
}

// TestDeliveryRetriesUntilReceived runs the delivery job through the job
// queue: the receiver fails once, the job is retried after the backoff
// and then delivers the signed export.
func TestDeliveryRetriesUntilReceived(t *testing.T) {
	for name, open := range storetest.Engines(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db := open(t)
			c := submitParking(t, db)
			recv, srv := startReceiver(t, http.StatusInternalServerError)
			now := submittedAt.Add(time.Minute)
			runner := &jobs.Runner{Store: db, Worker: "test", Now: func() time.Time { return now },
				Log: slog.New(slog.DiscardHandler)}
			d := deliverer(db, srv.URL, now)
			d.Events = db
			runner.Register(cases.DeliveryJob, d.Handle)

			if n, err := runner.RunDue(ctx); err != nil || n != 1 {
				t.Fatalf("first run: %d jobs, %v", n, err)
			}
			js, err := db.FindJobs(ctx, jobs.Filter{Kind: cases.DeliveryJob})
			if err != nil || len(js) != 1 {
				t.Fatalf("jobs: %v, %v", js, err)
			}
			if j := js[0]; j.Status != jobs.Queued || j.LastError == "" || !j.RunAt.After(now) ||
				j.UniqueKey != "cases.deliver:"+strconv.FormatInt(c.ID, 10) || j.MaxAttempts != cases.DeliveryAttempts {
				t.Errorf("after a 500 the job is %s at %v (error %q, key %q, max %d), want queued for a retry later",
					j.Status, j.RunAt, j.LastError, j.UniqueKey, j.MaxAttempts)
			}
			if n, _ := runner.RunDue(ctx); n != 0 {
				t.Errorf("the job ran again before its backoff ended")
			}

			now = now.Add(jobs.Backoff(1) + time.Second)
			if n, err := runner.RunDue(ctx); err != nil || n != 1 {
				t.Fatalf("retry: %d jobs, %v", n, err)
			}
			if js, _ := db.FindJobs(ctx, jobs.Filter{Kind: cases.DeliveryJob}); js[0].Status != jobs.Done {
				t.Errorf("after a 200 the job is %s (%q), want done", js[0].Status, js[0].LastError)
			}
			reqs := recv.requests()
			if len(reqs) != 2 {
				t.Fatalf("the receiver got %d requests, want 2", len(reqs))
			}
			if string(reqs[0].body) != string(reqs[1].body) {
				t.Error("the retry sent a different body")
			}
			checkDelivery(t, reqs[1], c)
			evs, _ := db.FindEvents(ctx, processlog.Filter{Process: cases.Process, CaseID: c.Reference})
			if n := countActivity(evs, "delivered"); n != 1 {
				t.Errorf("%d delivered events in the process log, want 1 (after the one successful delivery)", n)
			}
		})
	}
}

func countActivity(evs []*processlog.Event, activity string) int {
	n := 0
	for _, e := range evs {
		if e.Activity == activity {
			n++
		}
	}
	return n
}

// checkDelivery checks headers, signature and body of a delivery of c.
func checkDelivery(t *testing.T, r received, c *cases.Case) {
	t.Helper()
	h := r.header
	if got := h.Get("Content-Type"); got != "application/json" {
		t.Errorf("Content-Type = %q", got)
	}
	if got := h.Get("X-Rathaus-Event"); got != "case.submitted" {
		t.Errorf("X-Rathaus-Event = %q", got)
	}
	if got := h.Get("X-Rathaus-Delivery"); got != c.Reference {
		t.Errorf("X-Rathaus-Delivery = %q, want the reference %q", got, c.Reference)
	}
	sig := h.Get("X-Rathaus-Signature")
	if !payment.ValidSignature(secret, r.body, sig) || sig[:7] != "sha256=" {
		t.Errorf("signature %q does not verify with the shared secret", sig)
	}
	if payment.ValidSignature([]byte("another secret"), r.body, sig) {
		t.Error("the signature verifies with another secret")
	}
	if ts, err := strconv.ParseInt(h.Get("X-Rathaus-Timestamp"), 10, 64); err != nil || ts < submittedAt.Unix() {
		t.Errorf("X-Rathaus-Timestamp = %q", h.Get("X-Rathaus-Timestamp"))
	}

	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("body is not JSON: %v", err)
	}
	kase := m["case"].(map[string]any)
	if m["format"] != cases.ExportFormat || kase["reference"] != c.Reference || kase["id"] != float64(c.ID) ||
		kase["submitted_at"] != "2026-11-29T10:30:00Z" || kase["paid_cents"] != 3050.0 {
		t.Errorf("body: format %v, case %v", m["format"], kase)
	}
	if got := m["applicant"].(map[string]any)["email"]; got != "erika@example.org" {
		t.Errorf("applicant e-mail = %v", got)
	}
	if got := m["answers"].(map[string]any)["plate"].(map[string]any)["text"]; got != "J-EM 123" {
		t.Errorf("raw answer plate = %v", got)
	}
	if n := len(m["answers_labelled"].([]any)); n != 7 {
		t.Errorf("%d labelled answers, want the 7 questions of the pages shown", n)
	}
	files := m["files"].([]any)
	if len(files) != 2 {
		t.Fatalf("files = %v", files)
	}
	file := files[0].(map[string]any)
	ref := m["answers"].(map[string]any)["registration"].(map[string]any)["files"].([]any)[0].(map[string]any)
	if ref["id"] != strconv.FormatFloat(file["id"].(float64), 'f', 0, 64) {
		t.Errorf("the raw file answer's id %v is not the file's id %v", ref["id"], file["id"])
	}
	wantHref := "/api/v1/cases/" + strconv.FormatInt(c.ID, 10) + "/files/" + strconv.FormatFloat(file["id"].(float64), 'f', 0, 64)
	if file["name"] != "schein-vorn.pdf" || file["href"] != wantHref || file["sha256"] == "" {
		t.Errorf("file = %v, want href %s", file, wantHref)
	}
	if p := m["payments"].([]any); len(p) != 1 || p[0].(map[string]any)["cents"] != 3050.0 {
		t.Errorf("payments = %v", p)
	}
}

func TestDeliveryAnswers(t *testing.T) {
	db := storetest.OpenSQLite(t)
	c := submitParking(t, db)
	payload, _ := json.Marshal(cases.DeliveryPayload{CaseID: c.ID})
	for _, tc := range []struct {
		status    int
		ok        bool
		permanent bool
	}{
		{http.StatusOK, true, false},
		{http.StatusAccepted, true, false},
		{http.StatusNoContent, true, false},
		{http.StatusBadRequest, false, true},
		{http.StatusUnauthorized, false, true},
		{http.StatusUnprocessableEntity, false, true},
		{http.StatusRequestTimeout, false, false},
		{http.StatusTooManyRequests, false, false},
		{http.StatusBadGateway, false, false},
		{http.StatusServiceUnavailable, false, false},
		{http.StatusFound, false, false}, // not followed: it would arrive as a GET
		{http.StatusPermanentRedirect, false, false},
	} {
		_, srv := startReceiver(t, tc.status)
		err := deliverer(db, srv.URL, submittedAt).Handle(context.Background(), payload)
		if (err == nil) != tc.ok || cases.IsPermanent(err) != tc.permanent {
			t.Errorf("status %d: Handle = %v (permanent %v), want ok %v, permanent %v",
				tc.status, err, cases.IsPermanent(err), tc.ok, tc.permanent)
		}
	}
}

func TestDeliveryFailsWithoutReceiver(t *testing.T) {
	db := storetest.OpenSQLite(t)
	c := submitParking(t, db)
	payload, _ := json.Marshal(cases.DeliveryPayload{CaseID: c.ID})
	_, srv := startReceiver(t)
	url := srv.URL
	srv.Close()
	if err := deliverer(db, url, submittedAt).Handle(context.Background(), payload); err == nil || cases.IsPermanent(err) {
		t.Errorf("delivery to a closed port: %v, want an error to retry", err)
	}
	if err := deliverer(db, url, submittedAt).Handle(context.Background(), []byte(`{"case_id":999}`)); err == nil {
		t.Error("delivery of a case that does not exist succeeded")
	}
	if err := deliverer(db, "", submittedAt).Handle(context.Background(), payload); err == nil {
		t.Error("delivery without a URL succeeded")
	}
}
