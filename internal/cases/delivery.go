package cases

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"rathaus/internal/form"
	"rathaus/internal/jobs"
	"rathaus/internal/payment"
	"rathaus/internal/processlog"
)

// DeliveryJob is the job kind that delivers a submitted case to the
// specialist system (Fachverfahren) configured as the delivery URL.
const DeliveryJob = "cases.deliver"

// DeliveryEvent is the X-Rathaus-Event of a delivered submission.
const DeliveryEvent = "case.submitted"

// DeliveryAttempts is how often a delivery is tried: with the job
// queue's backoff (30 s, 2 min, 8 min, ... up to 6 h) about two days.
const DeliveryAttempts = 14

// Headers of a delivery; docs/case-export.md describes them.
const (
	HeaderEvent     = "X-Rathaus-Event"
	HeaderDelivery  = "X-Rathaus-Delivery"
	HeaderSignature = "X-Rathaus-Signature"
	HeaderTimestamp = "X-Rathaus-Timestamp"
)

// DeliveryPayload is the payload of a DeliveryJob.
type DeliveryPayload struct {
	CaseID int64 `json:"case_id"`
}

// DeliveryJobFor is the job to enqueue with the submission of c (in its
// Effects, once c has its ID): one per case, by its unique key.
func DeliveryJobFor(c *Case) jobs.Job {
	payload, _ := json.Marshal(DeliveryPayload{CaseID: c.ID})
	return jobs.Job{Kind: DeliveryJob, Payload: payload,
		UniqueKey: DeliveryJob + ":" + strconv.FormatInt(c.ID, 10),
		RunAt:     c.SubmittedAt, MaxAttempts: DeliveryAttempts}
}

// Deliverer posts submitted cases to a specialist system as signed
// webhooks. Its Handle is the jobs.Handler of DeliveryJob.
type Deliverer struct {
	Store  Store
	Forms  form.Store
	URL    string // the receiver
	Secret []byte // keys the HMAC-SHA256 signature of each body
	Client *http.Client
	Now    func() time.Time
	// Events, when set, records a "delivered" step in the process log.
	Events processlog.Writer
}

func (d *Deliverer) now() time.Time {
	if d.Now != nil {
		return d.Now().UTC()
	}
	return time.Now().UTC()
}

// PermanentError is a delivery the receiver refused for good (a 4xx
// answer other than 408 and 429): retrying the same body cannot help.
// The job queue ends the job at once (jobs.IsPermanent).
type PermanentError struct {
	Status int
}

// Permanent tells the job queue not to retry.
func (e *PermanentError) Permanent() bool { return true }

func (e *PermanentError) Error() string {
	return fmt.Sprintf("cases: delivery refused with status %d", e.Status)
}

// IsPermanent reports whether err is a delivery refused for good.
func IsPermanent(err error) bool { return jobs.IsPermanent(err) }

// Handle delivers the case named by payload (a DeliveryPayload): it posts
// the case's export as JSON and succeeds on a 2xx answer. Any other
// answer or a network error is returned, so the job queue retries later.
// The error never holds personal data (the job keeps it).
func (d *Deliverer) Handle(ctx context.Context, payload []byte) error {
	var p DeliveryPayload
	if err := json.Unmarshal(payload, &p); err != nil || p.CaseID <= 0 {
		return fmt.Errorf("cases: delivery payload %q: no case", payload)
	}
	if d.URL == "" {
		return errors.New("cases: no delivery URL configured")
	}
	c, body, err := d.body(ctx, p.CaseID)
	if err != nil {
		return fmt.Errorf("cases: delivery of case %d: %w", p.CaseID, err)
	}
	if err := d.post(ctx, c, body); err != nil {
		return err
	}
	if d.Events == nil {
		return nil
	}
	return d.Events.AddEvents(ctx, []processlog.Event{c.event("delivered", c.State, Change{Actor: "system", Role: "delivery", At: d.now()})})
}

// body loads what the export of a case needs and encodes it.
func (d *Deliverer) body(ctx context.Context, id int64) (*Case, []byte, error) {
	c, err := d.Store.FindCase(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	f, err := d.Forms.FindForm(ctx, c.ServiceID, c.FormVersion)
	if err != nil {
		return nil, nil, err
	}
	raw, err := d.Store.CaseAnswers(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	var answers form.Answers
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &answers); err != nil {
			return nil, nil, fmt.Errorf("answers: %w", err)
		}
	}
	files, err := d.Store.CaseFiles(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	history, err := d.Store.History(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	payments, err := d.Store.Payments(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	body, err := json.Marshal(ExportCase(c, f, answers, files, history, payments))
	return c, body, err
}

// client is d.Client, or one with a timeout of 30 s, that does not follow
// redirects: a redirected POST would arrive as a GET without the case, so
// a redirect counts as a failed delivery.
func (d *Deliverer) client() *http.Client {
	c := http.Client{Timeout: 30 * time.Second}
	if d.Client != nil {
		c = *d.Client
	}
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &c
}

// post sends body and judges the answer.
func (d *Deliverer) post(ctx context.Context, c *Case, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.URL, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("cases: delivery request: %w", err)
	}
	now := time.Now
	if d.Now != nil {
		now = d.Now
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "rathaus-delivery/1")
	req.Header.Set(HeaderEvent, DeliveryEvent)
	req.Header.Set(HeaderDelivery, c.Reference)
	req.Header.Set(HeaderSignature, "sha256="+payment.Sign(d.Secret, body))
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(now().Unix(), 10))
	resp, err := d.client().Do(req)
	if err != nil {
		return fmt.Errorf("cases: delivery of case %d: %w", c.ID, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	switch s := resp.StatusCode; {
	case s >= 200 && s < 300:
		return nil
	case s >= 400 && s < 500 && s != http.StatusRequestTimeout && s != http.StatusTooManyRequests:
		return fmt.Errorf("cases: delivery of case %d: %w", c.ID, &PermanentError{Status: s})
	default:
		return fmt.Errorf("cases: delivery of case %d: receiver answered %d", c.ID, s)
	}
}
