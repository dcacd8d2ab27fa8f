package browsertest

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// run runs one step with the step timeout and fails the test on error.
func (b *Browser) run(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, b.Timeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.t.Fatalf("browsertest: %s on %s: %v", what, b.location(), err)
	}
}

// value runs one step that returns a value, like run.
func value[T any](b *Browser, what string, a chromedp.Action[T]) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, b.Timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		b.t.Fatalf("browsertest: %s on %s: %v", what, b.location(), err)
	}
	return v
}

// location is the current URL for failure messages; it never fails.
func (b *Browser) location() string {
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
	defer cancel()
	u, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		return "(unknown page)"
	}
	return u
}

func (b *Browser) resolve(url string) string {
	if strings.HasPrefix(url, "/") {
		return strings.TrimSuffix(b.BaseURL, "/") + url
	}
	return url
}

// Navigate opens url, waits until the page has loaded and returns its HTTP
// status. A url starting with "/" is relative to BaseURL.
func (b *Browser) Navigate(url string) int {
	b.t.Helper()
	return b.status(value(b, "navigate to "+url, chromedp.NavigateResponse(b.resolve(url))))
}

// status returns the HTTP status of the page just loaded. chromedp misses
// the response of some loads (such as a plain-text 404); the page's own
// navigation timing has it then.
func (b *Browser) status(resp *network.Response) int {
	b.t.Helper()
	if resp != nil {
		return int(resp.Status)
	}
	return Eval[int](b, `performance.getEntriesByType("navigation")[0]?.responseStatus ?? 0`)
}

// Click clicks the first element matching the CSS selector, waiting for it
// to appear. It does not wait for a page load; use ClickAndWait for links
// and submit buttons.
func (b *Browser) Click(sel string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, b.Timeout)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(sel)))
	if err == nil {
		err = settle(ctx, sel)
	}
	if err == nil {
		err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	}
	if err != nil {
		b.t.Fatalf("browsertest: click %s on %s: %v", sel, b.location(), err)
	}
}

// settle scrolls the element matching sel into view at once and waits
// until it stays where it is. KERN scrolls smoothly (a focused heading, a
// typed field), and a click at the position of a moving element misses
// it, so that the click would silently do nothing. It polls from Go, as
// a page's timers do not run when a test disables its scripts.
func settle(ctx context.Context, sel string) error {
	last := ""
	for i := range 40 {
		at, err := chromedp.Run(ctx, chromedp.Evaluate[string](`((sel, first) => {
	const el = document.querySelector(sel);
	if (!el) return "";
	if (first) el.scrollIntoView({block: "center", behavior: "instant"});
	const r = el.getBoundingClientRect();
	return r.top + "," + r.left + "," + window.scrollY;
})(`+quote(sel)+`, `+strconv.FormatBool(i == 0)+`)`))
		if err != nil {
			return err
		}
		if at == last {
			return nil
		}
		last = at
		time.Sleep(25 * time.Millisecond)
	}
	return nil
}

// Check clicks the checkbox or radio button matching the CSS selector until
// it is checked: a click during the page's smooth scrolling (KERN scrolls
// to an error summary's target) can miss its target.
func (b *Browser) Check(sel string) {
	b.t.Helper()
	for range 5 {
		b.Click(sel)
		if Eval[bool](b, `document.querySelector(`+quote(sel)+`).checked`) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	b.t.Fatalf("browsertest: %s stays unchecked after five clicks on %s", sel, b.location())
}

// ClickAndWait clicks the first element matching the CSS selector and waits
// until the page it leads to has loaded (after redirects). It returns the
// HTTP status of that page.
func (b *Browser) ClickAndWait(sel string) int {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, b.Timeout)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(sel)))
	if err == nil {
		err = settle(ctx, sel)
	}
	if err != nil {
		b.t.Fatalf("browsertest: click %s on %s: %v", sel, b.location(), err)
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		b.t.Fatalf("browsertest: click %s and wait for the next page on %s: %v", sel, b.location(), err)
	}
	return b.status(resp)
}

// Fill replaces the value of the input or textarea matching the CSS
// selector by typing value into it.
func (b *Browser) Fill(sel, value string) {
	b.t.Helper()
	// chromedp's Clear only resets the value attribute, which a typed value
	// overrides, so empty the value property itself.
	b.run("fill "+sel,
		chromedp.WaitReady(chromedp.CSS(sel)),
		chromedp.Evaluate[chromedp.Void](`document.querySelector(`+quote(sel)+`).value = ""`),
		chromedp.SendKeys(chromedp.CSS(sel), value))
}

// Upload chooses files (paths on this machine) in a file input, as a
// person picking them in the file dialogue would.
func (b *Browser) Upload(sel string, paths ...string) {
	b.t.Helper()
	b.run("upload "+sel, chromedp.WaitReady(chromedp.CSS(sel)), chromedp.SetUploadFiles(chromedp.CSS(sel), paths))
}

// SetValue sets the value of a form control directly, without typing; use
// it for select elements.
func (b *Browser) SetValue(sel, value string) {
	b.t.Helper()
	b.run("set value of "+sel, chromedp.SetValue(chromedp.CSS(sel), value))
}

// Text returns the visible text of the first element matching the CSS
// selector, waiting for it to appear.
func (b *Browser) Text(sel string) string {
	b.t.Helper()
	return strings.TrimSpace(value(b, "read text of "+sel, chromedp.Text(chromedp.CSS(sel))))
}

// Texts returns the visible text of every element matching the CSS
// selector, in document order, without waiting; none gives an empty slice.
func (b *Browser) Texts(sel string) []string {
	b.t.Helper()
	return Eval[[]string](b, `Array.from(document.querySelectorAll(`+quote(sel)+`), e => e.innerText.trim())`)
}

// Attr returns an attribute of the first element matching the CSS
// selector, waiting for it to appear; "" if the attribute is absent.
func (b *Browser) Attr(sel, name string) string {
	b.t.Helper()
	return value(b, "read attribute "+name+" of "+sel, chromedp.AttributeValue(chromedp.CSS(sel), name)).Value
}

// Count returns how many elements match the CSS selector now.
func (b *Browser) Count(sel string) int {
	b.t.Helper()
	return Eval[int](b, `document.querySelectorAll(`+quote(sel)+`).length`)
}

// Exists reports whether an element matches the CSS selector now.
func (b *Browser) Exists(sel string) bool {
	b.t.Helper()
	return b.Count(sel) > 0
}

// URL returns the address of the current page.
func (b *Browser) URL() string {
	b.t.Helper()
	return value(b, "read the URL", chromedp.Location())
}

// Title returns the title of the current page.
func (b *Browser) Title() string {
	b.t.Helper()
	return value(b, "read the title", chromedp.Title())
}

// Eval evaluates a JavaScript expression in the page and decodes its
// result, which must be JSON, into T. DevTools evaluation is not subject
// to the page's Content-Security-Policy.
func Eval[T any](b *Browser, expr string) T {
	b.t.Helper()
	raw := value(b, "evaluate script", chromedp.Evaluate[[]byte](expr))
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		b.t.Fatalf("browsertest: decode result of %q: %v", expr, err)
	}
	return v
}

func quote(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}
