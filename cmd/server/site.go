package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"log/slog"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// dataPath is the URL path of the report data.
const dataPath = "/data/report.json"

// wasmPath is the URL path of the WebAssembly binary, which go-app's app.js
// fetches.
const wasmPath = "/web/app.wasm"

// manifestPath is the URL path of the web app manifest.
const manifestPath = "/manifest.webmanifest"

// appResourcePaths are the files go-app's handler makes in memory. The site
// renders each once at start and serves it like a static file.
var appResourcePaths = []string{"/app.js", "/app-worker.js", "/app.css", manifestPath, "/wasm_exec.js"}

// rootFiles are files crawlers and browsers look for at the root, served
// from web/ when present. go-app would fetch these from the Host the client
// names, so the site answers them itself.
var rootFiles = map[string]bool{"/robots.txt": true, "/sitemap.xml": true, "/ads.txt": true, "/favicon.ico": true}

// routesOnce registers the app's routes with go-app once per process.
var routesOnce sync.Once

// site is everything one server process serves, loaded into memory at
// start so that the pages, the wasm and the data always belong to the same
// version, whatever happens on disk while it runs.
type site struct {
	version string
	prefix  string               // the path the app is served under: "" or like "/sub"
	report  *report.Report       // nil when the data is missing or not valid
	static  map[string]*resource // by URL path, e.g. /web/app.wasm
	appRes  map[string]*resource // go-app's generated files, by URL path
	data    *resource            // nil when the data file is missing
	app     http.Handler         // go-app's handler, for pages
	pages   pageCache            // pages rendered so far, by encoding and URL
	log     *slog.Logger
}

// newSite loads Root/web and the data file, validates the data, and builds
// the go-app handler. A data file that does not validate fails with the
// validation error naming the file, unless cfg.AllowInvalidData.
func newSite(cfg Config, logger *slog.Logger) (*site, error) {
	webDir := filepath.Join(cfg.Root, "web")
	files, variants, err := readDir(webDir, logger)
	if err != nil {
		return nil, err
	}
	wasm, ok := files[wasmPath]
	if !ok {
		return nil, fmt.Errorf("%s: not found: build it with GOOS=js GOARCH=wasm go build -o web/app.wasm ./cmd/wasm",
			filepath.Join(webDir, "app.wasm"))
	}

	data, rep, err := loadData(cfg.Data)
	if err != nil {
		if !cfg.AllowInvalidData {
			return nil, err
		}
		logger.Warn("serving the data file although it is not valid (-allow-invalid-data)", "err", err)
	}
	routesOnce.Do(func() { ui.Routes(ui.NewSite(rep)) })

	// The version covers everything a user gets: the files, the data, and
	// go-app's generated files, which carry the handler's settings and the
	// prefix. Those embed the version itself, so they enter the hash made
	// with a placeholder version.
	wasmLen := strconv.Itoa(len(wasm))
	draft := ui.NewHandler("version", cfg.Prefix)
	draft.WasmContentLength = wasmLen
	draftRes, err := renderAppResources(draft, cfg.Prefix)
	if err != nil {
		return nil, err
	}
	version := versionOf(files, data, draftRes)

	h := ui.NewHandler(version, cfg.Prefix)
	// app.js counts the wasm download's progress in decoded bytes, so it
	// must be told the uncompressed size: the Content-Length of a
	// compressed response would make the percentage overshoot.
	h.WasmContentLength = wasmLen
	appBodies, err := renderAppResources(h, cfg.Prefix)
	if err != nil {
		return nil, err
	}

	s := &site{
		version: version,
		prefix:  cfg.Prefix,
		report:  rep,
		static:  make(map[string]*resource, len(files)),
		appRes:  make(map[string]*resource, len(appBodies)),
		app:     h,
		log:     logger,
	}
	for p, b := range files {
		name := filepath.Join(webDir, strings.TrimPrefix(p, "/web/"))
		s.static[p] = withVariants(newResource(contentTypeOf(p), b), name, func(enc string) ([]byte, bool) {
			v, ok := variants[p+variantExt[enc]]
			return v, ok
		}, logger)
	}
	for p, r := range appBodies {
		// go-app makes these with the version inside, so they cannot be
		// compressed at build time; they are small.
		s.appRes[p] = withVariants(newResource(r.contentType, r.body), p, noVariant, logger)
	}
	if data != nil {
		s.data = withVariants(newResource(contentTypes[".json"], data), cfg.Data, func(enc string) ([]byte, bool) {
			v, err := os.ReadFile(cfg.Data + variantExt[enc])
			return v, err == nil
		}, logger)
	}
	return s, nil
}

// loadData reads and validates the data file. It returns the bytes even
// when they do not validate, and nil bytes when the file cannot be read.
func loadData(path string) ([]byte, *report.Report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("load data: %w", err)
	}
	// Parse the very bytes that will be served, so what was checked is
	// what clients get.
	rep, err := report.Parse(data)
	if err != nil {
		return data, nil, fmt.Errorf("load data %s: %w", path, err)
	}
	return data, rep, nil
}

// readDir reads every regular file below dir into memory, keyed by URL
// path (/web/...). Precompressed variants (*.br, *.gz) come back apart,
// keyed by the URL path of the file they encode plus their extension.
// Hidden files and symbolic links are skipped; reading goes through
// os.Root, so nothing outside dir is read.
func readDir(dir string, logger *slog.Logger) (files, variants map[string][]byte, err error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("open web directory: %w", err)
	}
	defer root.Close()
	fsys := root.FS()
	files, variants = map[string][]byte{}, map[string][]byte{}
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			logger.Warn("not serving a file that is not regular", "file", filepath.Join(dir, p))
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		urlPath := "/web/" + p
		if isVariantName(p) {
			variants[urlPath] = b
		} else {
			files[urlPath] = b
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read web directory: %w", err)
	}
	return files, variants, nil
}

// withVariants adds brotli and gzip variants to res, whose file is named
// name in messages. found returns the build-time variant in an encoding, if
// there is one. A fresh build-time variant is taken as is; a missing or
// stale one is replaced by quick compression in memory.
func withVariants(res *resource, name string, found func(enc string) ([]byte, bool), logger *slog.Logger) *resource {
	if !res.compressible {
		return res
	}
	for _, enc := range []string{"br", "gzip"} {
		v, ok := found(enc)
		switch {
		case ok && isFresh(enc, v, res.identity):
			res.setVariant(enc, v)
			continue
		case ok:
			logger.Warn("ignoring a stale precompressed file; run server -precompress", "file", name+variantExt[enc])
		case len(res.identity) > 1<<20:
			logger.Info("compressing a large file at start; run server -precompress to do it at build time", "file", name, "encoding", enc)
		}
		res.setVariant(enc, compressFast(enc, res.identity))
	}
	return res
}

// compressFast compresses b at a speed fit for start-up and requests.
func compressFast(enc string, b []byte) []byte {
	if enc == "br" {
		return compress(enc, b, fastBrotli)
	}
	return compress(enc, b, fastGzip)
}

// appBody is one file go-app's handler generated.
type appBody struct {
	contentType string
	body        []byte
}

// renderAppResources asks go-app's handler for the files it makes in
// memory, with their media types normalised, and replaces its manifest
// with ours (see ui.ManifestJSON), which fits the prefix.
func renderAppResources(h *app.Handler, prefix string) (map[string]appBody, error) {
	out := make(map[string]appBody, len(appResourcePaths))
	for _, p := range appResourcePaths {
		rec := newBufferWriter()
		req, err := http.NewRequest(http.MethodGet, p, nil)
		if err != nil {
			return nil, err
		}
		h.ServeHTTP(rec, req)
		if rec.status != http.StatusOK {
			return nil, fmt.Errorf("go-app handler: %s: status %d", p, rec.status)
		}
		out[p] = appBody{contentType: contentTypeOf(p), body: rec.buf.Bytes()}
	}
	out[manifestPath] = appBody{contentType: contentTypeOf(manifestPath), body: ui.ManifestJSON(h, prefix)}
	return out, nil
}

// versionOf hashes the files, the data and go-app's generated files into a
// short version string. The same inputs give the same version, so a
// restart of the same build does not announce an update.
func versionOf(files map[string][]byte, data []byte, generated map[string]appBody) string {
	h := sha256.New()
	write := func(name string, b []byte) {
		fmt.Fprintf(h, "%s %d\n", name, len(b))
		h.Write(b)
	}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		write(p, files[p])
	}
	if data == nil {
		write(dataPath+" (missing)", nil)
	} else {
		write(dataPath, data)
	}
	for _, p := range appResourcePaths {
		write(p, generated[p].body)
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// ServeHTTP routes a request: the data, files of web/, go-app's generated
// files, and pages, which unknown paths get too with status 404. Under a
// prefix, the prefix itself redirects to prefix/ and paths outside it are
// a plain 404.
func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	if !isSafePath(r) {
		http.NotFound(w, r)
		return
	}
	p := r.URL.Path
	if s.prefix != "" {
		if p == s.prefix {
			target := s.prefix + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		rest, ok := strings.CutPrefix(p, s.prefix)
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
	case strings.HasPrefix(p, "/web/") || strings.HasPrefix(p, "/data/"):
		s.serveStatic(w, r, p)
	case rootFiles[p]:
		s.serveStatic(w, r, "/web"+p)
	case s.appRes[p] != nil:
		s.appRes[p].serve(w, r, http.StatusOK)
	case ui.IsKnownPath(p):
		s.servePage(w, r, http.StatusOK)
	default:
		s.servePage(w, r, http.StatusNotFound)
	}
}

// serveStatic serves the file of web/ at URL path p, or a plain 404: a
// missing file is not a page, and a directory is never listed.
func (s *site) serveStatic(w http.ResponseWriter, r *http.Request, p string) {
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
func (s *site) servePage(w http.ResponseWriter, r *http.Request, status int) {
	ae := parseAcceptEncoding(r.Header.Get("Accept-Encoding"))
	enc := ""
	switch {
	case ae.accepts("br"):
		enc = "br"
	case ae.accepts("gzip"):
		enc = "gzip"
	}
	tag := digest([]byte(s.version + " " + r.URL.RequestURI()))
	if status == http.StatusOK && noneMatch(r.Header.Get("If-None-Match"), etagOf(tag, enc)) {
		w.Header().Add("Vary", "Accept-Encoding")
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("ETag", etagOf(tag, enc))
		w.WriteHeader(http.StatusNotModified)
		return
	}

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
	if status == http.StatusNotFound && s.goAppIntercepts(r.URL.Path) {
		// go-app would answer these paths with a file, not a page; any
		// other unknown path renders the same not-found page.
		r2.URL.Path, r2.URL.RawPath = s.prefix+"/404", ""
	}
	key := enc + " " + r2.URL.RequestURI()
	if res, ok := s.pages.get(key); ok {
		res.serve(w, r, status)
		return
	}
	rec := newBufferWriter()
	s.app.ServeHTTP(rec, r2)
	if rec.status != http.StatusOK {
		s.log.Error("go-app did not render a page", "path", r.URL.Path, "status", rec.status)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	body := rec.buf.Bytes()
	res := &resource{contentType: contentTypes[".html"], identity: body, compressible: true, tag: tag}
	if enc != "" {
		res.setVariant(enc, compressFast(enc, body))
	}
	s.pages.put(key, res)
	res.serve(w, r, status)
}

// pageCache keeps rendered and compressed pages. A page depends only on
// the version, which is fixed for the life of a site, and its URL, so an
// entry never goes stale; rendering and brotli dominated the cost of a
// page request (perf in docs/performance.md). Links with arbitrary query
// strings could grow it without end, so it is dropped whole when full.
type pageCache struct {
	mu    sync.Mutex
	pages map[string]*resource
}

// maxCachedPages bounds the page cache; the routes and their common links
// fit many times over.
const maxCachedPages = 512

func (c *pageCache) get(key string) (*resource, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	res, ok := c.pages[key]
	return res, ok
}

func (c *pageCache) put(key string, res *resource) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pages == nil || len(c.pages) >= maxCachedPages {
		c.pages = make(map[string]*resource)
	}
	c.pages[key] = res
}

// goAppIntercepts reports whether go-app's handler answers the URL path
// with something other than a page: its aliases of other files, and any
// path below the version or, at the root, below /web/. (Its own files and
// the root files never get here.)
func (s *site) goAppIntercepts(path string) bool {
	switch path {
	case "/app.wasm", "/goapp.wasm", "/goapp.js", "/manifest.json":
		return true
	}
	return strings.HasPrefix(path, "/"+s.version+"/") || strings.HasPrefix(path, "/web/")
}

// noVariant is the lookup for files that have no build-time variants.
func noVariant(string) ([]byte, bool) { return nil, false }

// isSafePath reports whether the request's path is one the site will look
// up at all: no dot segments, empty segments, backslashes or NULs, and no
// encoded slash or backslash. Lookups are exact matches in memory, so no
// path could reach a file outside web/ anyway; refusing these early keeps
// them out of go-app's router as well.
func isSafePath(r *http.Request) bool {
	p := r.URL.Path
	if p == "" || p[0] != '/' || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	esc := strings.ToLower(r.URL.EscapedPath())
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

// bufferWriter is an http.ResponseWriter that keeps the response in memory.
type bufferWriter struct {
	header http.Header
	status int
	buf    bytes.Buffer
}

func newBufferWriter() *bufferWriter { return &bufferWriter{header: http.Header{}} }

func (b *bufferWriter) Header() http.Header { return b.header }

func (b *bufferWriter) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}

func (b *bufferWriter) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	return b.buf.Write(p)
}
