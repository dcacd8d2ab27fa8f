package workshop

import (
	"context"
	"sync"
	"time"

	"rathaus/internal/eventlog"
)

// logCache keeps parsed logs in memory, least recently used out first,
// bounded by their total events. It is only a cache: every instance
// rebuilds what it lacks from the database and the file store. Loads of
// the same key wait for one another instead of parsing twice.
type logCache struct {
	mu      sync.Mutex
	entries map[string]*cacheEntry
	events  int
}

type cacheEntry struct {
	ready chan struct{}
	log   *eventlog.Log
	err   error
	used  time.Time
}

// get returns the log under key, calling load once when it is missing.
func (c *logCache) get(ctx context.Context, key string, max int, load func() (*eventlog.Log, error)) (*eventlog.Log, error) {
	c.mu.Lock()
	if c.entries == nil {
		c.entries = map[string]*cacheEntry{}
	}
	e, ok := c.entries[key]
	if ok {
		e.used = time.Now()
		c.mu.Unlock()
		select {
		case <-e.ready:
			return e.log, e.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	e = &cacheEntry{ready: make(chan struct{}), used: time.Now()}
	c.entries[key] = e
	c.mu.Unlock()

	e.log, e.err = load()
	close(e.ready)
	c.mu.Lock()
	defer c.mu.Unlock()
	if e.err != nil {
		delete(c.entries, key) // a failed load is tried again next time
		return nil, e.err
	}
	c.events += e.log.NumEvents()
	c.evict(max, key)
	return e.log, nil
}

// evict drops the least recently used loaded logs beyond max events,
// never the one just loaded.
func (c *logCache) evict(max int, keep string) {
	for c.events > max {
		var oldest string
		for k, e := range c.entries {
			if k == keep || e.log == nil {
				continue
			}
			if oldest == "" || e.used.Before(c.entries[oldest].used) {
				oldest = k
			}
		}
		if oldest == "" {
			return
		}
		c.events -= c.entries[oldest].log.NumEvents()
		delete(c.entries, oldest)
	}
}
