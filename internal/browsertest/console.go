package browsertest

import (
	"context"
	"slices"
	"sync"

	"github.com/chromedp/chromedp"
)

// consoleLog keeps the console messages of a tab, from New on.
type consoleLog struct {
	mu       sync.Mutex
	messages []chromedp.ConsoleMessage
}

func watchConsole(ctx context.Context) *consoleLog {
	l := &consoleLog{}
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			l.mu.Lock()
			l.messages = append(l.messages, m)
			l.mu.Unlock()
		}
	}()
	return l
}

// ConsoleErrors returns the errors the pages of this browser reported so
// far: uncaught exceptions, console.error calls and browser log errors,
// such as a script or style the Content-Security-Policy blocked or a
// resource that failed to load.
func (b *Browser) ConsoleErrors() []string {
	b.console.mu.Lock()
	defer b.console.mu.Unlock()
	var errs []string
	for _, m := range b.console.messages {
		if m.Type == chromedp.ConsoleError || m.IsException() {
			errs = append(errs, m.URL+": "+m.Text)
		}
	}
	return slices.Clip(errs)
}

// NoConsoleErrors fails the test if any page of this browser reported an
// error so far (see ConsoleErrors).
func (b *Browser) NoConsoleErrors() {
	b.t.Helper()
	if errs := b.ConsoleErrors(); len(errs) > 0 {
		b.t.Errorf("browsertest: the browser reported %d errors:\n  %s", len(errs), joinLines(errs))
	}
}
