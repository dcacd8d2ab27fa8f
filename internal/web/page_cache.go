package web

import (
	"bytes"
	"net/http"
	"slices"
	"strconv"
	"sync"
)

// pageCache keeps the rendered bytes of public catalogue pages for
// anonymous visitors. A page is a function of its address, the language,
// the catalogue version and (for "open now") the minute, and the key holds
// all four: an edit publishes a new version, so no entry ever needs to be
// invalidated, and every instance caches only what its own snapshot says.
// Logged-in visitors and one-shot messages bypass it.
type pageCache struct {
	mu      sync.RWMutex
	entries map[string]*cachedPage
	max     int
}

type cachedPage struct {
	header http.Header // headers the handler set
	body   []byte
}

func newPageCache(max int) *pageCache {
	return &pageCache{entries: map[string]*cachedPage{}, max: max}
}

func (c *pageCache) get(key string) *cachedPage {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.entries[key]
}

// put stores a page; when full it starts over, which also drops pages of
// old versions and minutes (simpler than LRU, and a full cache refills
// within a second under the load that filled it). A cache of size 0 keeps
// nothing.
func (c *pageCache) put(key string, p *cachedPage) {
	if c.max == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries) >= c.max {
		c.entries = map[string]*cachedPage{}
	}
	c.entries[key] = p
}

// cached serves h's page from the cache when the visitor is anonymous.
func (s *Server) cached(h handlerFunc) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		st := state(r)
		if s.opts.Services == nil || st.user != nil || st.session != nil || st.flash != nil {
			return h(w, r)
		}
		version, err := s.opts.Services.Version(r.Context())
		if err != nil {
			return h(w, r)
		}
		minute := s.now().Unix() / 60
		key := strconv.FormatInt(version, 10) + "|" + strconv.FormatInt(minute, 10) + "|" + st.lang + "|" + r.URL.RequestURI()
		if p := s.pages.get(key); p != nil {
			for k, v := range p.header {
				w.Header()[k] = v
			}
			_, err := w.Write(p.body)
			return err
		}
		before := w.Header().Clone()
		cw := &captureWriter{ResponseWriter: w, status: http.StatusOK}
		if err := h(cw, r); err != nil || cw.status != http.StatusOK {
			return err
		}
		s.pages.put(key, &cachedPage{header: addedHeaders(before, w.Header()), body: cw.buf.Bytes()})
		return nil
	}
}

// captureWriter passes a response through and keeps a copy of its body.
type captureWriter struct {
	http.ResponseWriter
	status int
	buf    bytes.Buffer
}

func (c *captureWriter) WriteHeader(code int) {
	c.status = code
	c.ResponseWriter.WriteHeader(code)
}

func (c *captureWriter) Write(b []byte) (int, error) {
	c.buf.Write(b)
	return c.ResponseWriter.Write(b)
}

// addedHeaders returns the headers in after that differ from before.
func addedHeaders(before, after http.Header) http.Header {
	out := http.Header{}
	for k, v := range after {
		if old, ok := before[k]; !ok || !slices.Equal(old, v) {
			out[k] = append([]string(nil), v...)
		}
	}
	return out
}

// pageCacheSize bounds the cached pages (a service page is about 20 KB).
const pageCacheSize = 2000
