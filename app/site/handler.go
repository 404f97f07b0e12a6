//go:build !wasm

package site

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/airesearch/aiweekly/app/explore"
)

// rootFiles are files crawlers and browsers look for at the root, served
// from web/ when present. go-app would fetch these from the Host the client
// names, so the site answers them itself.
var rootFiles = map[string]bool{"/robots.txt": true, "/sitemap.xml": true, "/ads.txt": true, "/favicon.ico": true}

// ServeHTTP answers a request as the server does: the security headers
// (see middleware.go), one access log line, and the response of the site's
// routing (see route).
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// route routes a request: the data, files of web/, go-app's generated
// files, and pages, which unknown paths get too with status 404. Under a
// prefix, the prefix itself redirects to prefix/ and paths outside it are
// a plain 404.
func (s *Site) route(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	if !isSafePath(r, s.cfg.Prefix) {
		http.NotFound(w, r)
		return
	}
	p := r.URL.Path
	if prefix := s.cfg.Prefix; prefix != "" {
		if p == prefix {
			target := prefix + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		rest, ok := strings.CutPrefix(p, prefix)
		if !ok || !strings.HasPrefix(rest, "/") {
			http.NotFound(w, r)
			return
		}
		p = rest
	}
	switch {
	case p == dataPath:
		if s.data == nil {
			http.NotFound(w, r)
			return
		}
		s.data.serve(w, r, http.StatusOK)
	case s.weeks[p] != nil:
		s.weeks[p].serve(w, r, http.StatusOK)
	case strings.HasPrefix(p, "/web/") || strings.HasPrefix(p, "/data/"):
		s.serveStatic(w, r, p)
	case rootFiles[p]:
		s.serveStatic(w, r, "/web"+p)
	case s.appRes[p] != nil:
		s.appRes[p].serve(w, r, http.StatusOK)
	case !utf8.ValidString(p):
		// No page has such a name (/stocks/%ff%fe), and a page that
		// repeated it would write bytes that are not text.
		s.servePage(w, r, http.StatusNotFound)
	case s.cfg.App.IsPage(s.report, strings.TrimPrefix(r.URL.EscapedPath(), s.cfg.Prefix)):
		s.servePage(w, r, http.StatusOK)
	case s.slashRedirect(w, r):
	case s.weekRedirect(w, r):
	default:
		s.servePage(w, r, http.StatusNotFound)
	}
}

// slashRedirect redirects a page's path with a trailing slash (/movers/,
// as a static host serves the export's movers/index.html) to the page,
// query kept, and reports whether it did.
func (s *Site) slashRedirect(w http.ResponseWriter, r *http.Request) bool {
	esc := strings.TrimPrefix(r.URL.EscapedPath(), s.cfg.Prefix)
	page, ok := strings.CutSuffix(esc, "/")
	if !ok || page == "" || strings.HasSuffix(page, "/") || !s.cfg.App.IsPage(s.report, page) {
		return false
	}
	target := s.cfg.Prefix + page
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, target, http.StatusMovedPermanently)
	return true
}

// serveStatic serves the file of web/ at URL path p, or a plain 404: a
// missing file is not a page, and a directory is never listed.
func (s *Site) serveStatic(w http.ResponseWriter, r *http.Request, p string) {
	res, ok := s.static[p]
	if !ok {
		http.NotFound(w, r)
		return
	}
	res.serve(w, r, http.StatusOK)
}

// servePage serves the page go-app prerenders for the request's URL, with
// status. go-app gets the full URL, prefix included, as the browser sees it:
// it routes without the prefix and the pages read the path with it. go-app
// writes the same attributes in a different order from one rendering to the
// next, so a page's validator is not a digest of its bytes but of the
// version and the URL, which determine what the page shows.
func (s *Site) servePage(w http.ResponseWriter, r *http.Request, status int) {
	enc := parseAcceptEncoding(r.Header.Get("Accept-Encoding")).best("br", "gzip")

	// go-app answers a matching If-None-Match itself with its own ETag and
	// renders only for GET; give it a plain GET and keep only the body.
	r2 := r.Clone(r.Context())
	r2.Method = http.MethodGet
	r2.Header.Del("If-None-Match")
	r2.Header.Del("If-Modified-Since")
	// go-app writes the page's path into attributes (og:url) quoted with
	// strconv.Quote, which is not HTML escaping: a '"' from the URL would
	// end the attribute. Hand it the percent-encoded path, in which no
	// quote or angle bracket survives; the pages unescape it themselves.
	r2.URL.Path, r2.URL.RawPath = r.URL.EscapedPath(), ""
	if status == http.StatusNotFound && (s.goAppIntercepts(r.URL.Path) || !utf8.ValidString(r.URL.Path)) {
		// go-app would answer these paths with a file, not a page; any
		// other unknown path renders the same not-found page.
		r2.URL.Path, r2.URL.RawPath = s.cfg.Prefix+"/404", ""
	}
	cache := true
	if s.cfg.App.Canonical != nil {
		below := strings.TrimPrefix(r.URL.Path, s.cfg.Prefix)
		var q string
		if q, cache = s.cfg.App.Canonical(below, r.URL.RawQuery); cache {
			r2.URL.RawQuery = q
		}
	}
	if s.cfg.App.Negotiate != nil {
		r2.URL.RawQuery = s.cfg.App.Negotiate(r2.URL.RawQuery, r.Header.Get("Accept-Language"))
		w.Header().Add("Vary", "Accept-Language")
	}
	key := enc + " " + r2.URL.RequestURI() // the language is in the query
	if res, ok := s.pages.get(key); ok && cache {
		res.serve(w, r, status)
		return
	}
	// Each render and its compression take a few megabytes for a moment;
	// a flood of distinct views waits for a slot instead of taking them
	// all at once.
	select {
	case s.renders <- struct{}{}:
		defer func() { <-s.renders }()
	case <-r.Context().Done():
		return
	}
	if res, ok := s.pages.get(key); ok && cache { // rendered while this one waited
		res.serve(w, r, status)
		return
	}
	rec := httptest.NewRecorder()
	s.app.ServeHTTP(rec, r2)
	if rec.Code == http.StatusNotFound && status == http.StatusNotFound {
		// An App without a catch-all route has no not-found page.
		http.NotFound(w, r)
		return
	}
	if rec.Code != http.StatusOK {
		s.log.Error("go-app did not render a page", "path", r.URL.Path, "status", rec.Code)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	body := withOGURL(rec.Body.Bytes(), s.origin, ogPath(r2.URL, cache), status)
	res := &resource{contentType: contentTypes[".html"], identity: body, compressible: true,
		tag: digest([]byte(s.version + " " + key))}
	if enc != "" {
		res.setVariant(enc, compressFast(enc, body))
	}
	if cache {
		s.pages.put(key, res)
	}
	res.serve(w, r, status)
}

// ogPath is the address a shared page names in og:url: its path, and the
// week it shows when the link names one, so that a link to an earlier
// week does not preview as the newest. Only a canonical query is read;
// any other is the client's business.
func ogPath(u *url.URL, canonical bool) string {
	if !canonical {
		return u.Path
	}
	if week := u.Query().Get(explore.ParamWeek); week != "" {
		return u.Path + "?" + url.Values{explore.ParamWeek: {week}}.Encode()
	}
	return u.Path
}

// maxRenders bounds the pages rendered at once: two per CPU keeps every
// core busy while a render waits on nothing but the CPU.
func maxRenders() int { return max(2, 2*runtime.GOMAXPROCS(0)) }

// pageCache keeps rendered and compressed pages. A page depends only on
// the version, which is fixed for the life of a site, and its view, so an
// entry never goes stale; rendering and brotli dominated the cost of a
// page request (perf in docs/performance.md). Links to ever new views
// could grow it without end, so it is dropped whole when it holds
// maxCachedPages pages or maxCachedBytes bytes.
type pageCache struct {
	mu    sync.Mutex
	pages map[string]*resource
	bytes int
}

// maxCachedPages and maxCachedBytes bound the page cache; the routes and
// their common links fit many times over (a page of the real report is
// 6 to 60 KB, with its brotli variant a fifth of that more).
const (
	maxCachedPages = 512
	maxCachedBytes = 64 << 20
)

func (c *pageCache) get(key string) (*resource, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	res, ok := c.pages[key]
	return res, ok
}

func (c *pageCache) put(key string, res *resource) {
	size := len(res.identity) + len(res.br) + len(res.gz)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pages == nil || len(c.pages) >= maxCachedPages || c.bytes+size > maxCachedBytes {
		c.pages, c.bytes = make(map[string]*resource), 0
	}
	c.pages[key] = res
	c.bytes += size
}

// goAppIntercepts reports whether go-app's handler answers the URL path
// with something other than a page: its aliases of other files, and any
// path below the version or, at the root, below /web/. (Its own files and
// the root files never get here.)
func (s *Site) goAppIntercepts(path string) bool {
	switch path {
	case "/app.wasm", "/goapp.wasm", "/goapp.js", "/manifest.json":
		return true
	}
	return strings.HasPrefix(path, "/"+s.version+"/") || strings.HasPrefix(path, "/web/")
}

// isSafePath reports whether the request's path is one the site will look
// up at all: no dot segments, empty segments, backslashes or NULs, and no
// encoded slash or backslash, except inside the one segment of a stock
// page's name below prefix (a company named A/B is /stocks/A%2FB), which
// safeStockName checks instead. Lookups are exact matches in memory, so no
// path could reach a file outside web/ anyway; refusing these early keeps
// them out of go-app's router as well.
func isSafePath(r *http.Request, prefix string) bool {
	p := r.URL.Path
	esc := r.URL.EscapedPath()
	if seg, ok := stockSegment(esc, prefix); ok {
		if !safeStockName(seg) {
			return false
		}
		p, esc = prefix+"/stocks/x", prefix+"/stocks/x"
	}
	if p == "" || p[0] != '/' || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	esc = strings.ToLower(esc)
	for _, bad := range []string{"%2f", "%5c", "%00"} {
		if strings.Contains(esc, bad) {
			return false
		}
	}
	segs := strings.Split(p[1:], "/")
	for i, seg := range segs {
		if seg == "." || seg == ".." || (seg == "" && i != len(segs)-1) {
			return false
		}
	}
	return true
}
