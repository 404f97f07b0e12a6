//go:build !wasm

package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/airesearch/aiweekly/app/archive"
	"github.com/airesearch/aiweekly/app/report"
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

// Config is what a [Site] serves and how: the values of cmd/server's flags.
type Config struct {
	// Addr is the TCP address [Site.Listen] binds; port 0 picks a free
	// port, which [Server.Addr] then names.
	Addr string
	// Root is the repository root: the files served below /web/ are those
	// of Root/web unless Web is set.
	Root string
	// Web, when not empty, is the directory served below /web/ instead of
	// Root/web.
	Web string
	// Files are more files served below /web/, by name relative to it
	// ("icon.png"), as if they were in the web directory; they replace a
	// file of that name there.
	Files map[string][]byte
	// Data is the report file served at /data/report.json, relative to
	// Root unless absolute. Empty means none: for an App without a report.
	Data string
	// Weeks is the directory of the earlier weeks (see package archive),
	// relative to Root unless absolute; empty means Root/data/weeks. A
	// directory that does not exist holds none.
	Weeks string
	// AllowInvalidData serves a data file that fails validation, or none
	// at all, instead of refusing to start. It exists so that tests can
	// show the app's error state; never use it in production.
	AllowInvalidData bool
	// Prefix is the URL path the app is served under: "" for the root,
	// otherwise like "/sub" (see [CleanPrefix]). The site then answers
	// only below it; an export is made to be served below it.
	Prefix string
	// BaseURL is the public address the site is served at, like
	// https://example.org/aiweekly (see [CleanBaseURL]): pages then carry
	// their absolute address in og:url. Empty means unknown, and no
	// og:url.
	BaseURL string
	// ShutdownTimeout bounds how long [Server.Close] waits for requests
	// in flight before closing their connections.
	ShutdownTimeout time.Duration
	// BrotliQuality is the brotli quality (0 to [BestBrotli]) of
	// [Site.Export] and [Precompress]: BestBrotli gives the smallest
	// files, 9 is many times faster.
	BrotliQuality int
	// App is the go-app application to serve; the zero value serves the
	// report explorer ([Explorer]).
	App App
}

// App is the go-app application a [Site] serves: how to register its
// routes and make its handler, and which paths are its pages. go-app keeps
// its routes in a package variable, so a process serves one App.
type App struct {
	// Routes registers the app's routes with go-app. It gets the report,
	// nil when there is none or it is not valid, and is called by every
	// [New]: it must register the routes only once.
	Routes func(rep *report.Report)
	// Handler returns go-app's handler for version and prefix.
	Handler func(version, prefix string) *app.Handler
	// Manifest, when set, returns the web app manifest to serve instead
	// of go-app's.
	Manifest func(h *app.Handler, prefix string) []byte
	// IsPage reports whether a path below the prefix, percent-encoded as
	// the request spells it, is a page of the app, given the report (nil
	// when there is none); any other path is answered with the page the
	// app renders for it and 404.
	IsPage func(rep *report.Report, path string) bool
	// Archive, when set, gets the archive of weeks before Routes runs;
	// nil when the data is missing or not valid.
	Archive func(a *archive.Archive)
	// Pages lists the paths below the prefix that [Site.Export]
	// prerenders, given the report (nil when there is none).
	Pages func(rep *report.Report) []string
	// WeekPages, when set, returns the pages of each earlier week, by
	// its date: paths below the prefix that [Site.Export] prerenders for
	// that week (path?week=DATE) under w/DATE/, since a static host
	// ignores the query. The server redirects such a path to the link
	// it stands for.
	WeekPages func() map[string][]string
	// Canonical, when set, returns the query that means what a page's raw
	// query means on its path (below the prefix), and whether all of it
	// applied. The site renders and caches such a page from the canonical
	// query, so that parameters the app ignores neither make a page of
	// their own nor reach another reader's page; a query that did not all
	// apply is rendered as it is, for its notices, and not cached. Nil
	// means every query is its own view.
	Canonical func(path, rawQuery string) (query string, ok bool)
	// Negotiate, when set, returns the raw query to prerender a page
	// from for a reader whose browser sends acceptLanguage, given the
	// query Canonical made: so that a link that asks for no language is
	// prerendered in the reader's. Pages then carry Vary:
	// Accept-Language, and the page cache keeps each language apart.
	Negotiate func(rawQuery, acceptLanguage string) string
}

// Site is everything one server process serves, loaded into memory by
// [New] so that the pages, the wasm and the data always belong to the same
// version, whatever happens on disk while it runs.
type Site struct {
	cfg     Config               // with the defaults filled in and the data path resolved
	origin  string               // of cfg.BaseURL, "" when unknown
	version string               // a hash of everything served
	report  *report.Report       // nil when the data is missing or not valid
	static  map[string]*resource // by URL path, e.g. /web/app.wasm
	appRes  map[string]*resource // go-app's generated files, by URL path
	data    *resource            // nil when there is no data file
	weeks   map[string]*resource // the index of weeks and the earlier weeks, by URL path
	app     http.Handler         // go-app's handler, for pages
	handler http.Handler         // the site with its headers and access log
	pages   pageCache            // pages rendered so far, by encoding and view
	renders chan struct{}        // a slot per page render in flight
	log     *slog.Logger

	// weekPages are the pages of each earlier week, by date (see
	// App.WeekPages); nil without earlier weeks.
	weekPages map[string][]string
}

// New loads the web directory and the data file, validates the data, and
// builds the go-app handler. A data file that does not validate fails with
// the validation error naming the file, unless cfg.AllowInvalidData.
func New(cfg Config, logger *slog.Logger) (*Site, error) {
	cfg, err := cfg.resolve()
	if err != nil {
		return nil, err
	}
	origin, err := CleanBaseURL(cfg.BaseURL, cfg.Prefix)
	if err != nil {
		return nil, err
	}
	files, variants, err := readDir(cfg.Web, logger)
	if err != nil {
		return nil, err
	}
	for name, b := range cfg.Files {
		files["/web/"+name] = b
	}
	wasm, ok := files[wasmPath]
	if !ok {
		return nil, fmt.Errorf("%s: not found: build it with GOOS=js GOARCH=wasm go build -o web/app.wasm ./cmd/wasm",
			filepath.Join(cfg.Web, "app.wasm"))
	}
	data, rep, weekFiles, err := loadAllData(cfg, logger)
	if err != nil {
		return nil, err
	}
	cfg.App.Routes(rep)

	h, appBodies, version, err := newHandler(cfg, files, data, weekFiles, len(wasm))
	if err != nil {
		return nil, err
	}
	s := &Site{
		cfg:     cfg,
		origin:  origin,
		version: version,
		report:  rep,
		static:  make(map[string]*resource, len(files)),
		appRes:  make(map[string]*resource, len(appBodies)),
		app:     h,
		weeks:   archiveResources(weekFiles, cfg, logger),
		renders: make(chan struct{}, maxRenders()),
		log:     logger,
	}
	if cfg.App.WeekPages != nil {
		s.weekPages = cfg.App.WeekPages()
	}
	for p, b := range files {
		name := filepath.Join(cfg.Web, strings.TrimPrefix(p, "/web/"))
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
	s.handler = withAccessLog(withSecurityHeaders(withVersion(withHeaderLimit(http.HandlerFunc(s.route)), version)), logger)
	return s, nil
}

// resolve checks cfg and fills in what it leaves to defaults.
func (cfg Config) resolve() (Config, error) {
	prefix, err := CleanPrefix(cfg.Prefix)
	if err != nil {
		return Config{}, err
	}
	cfg.Prefix = prefix
	if cfg.App.Routes == nil {
		cfg.App = Explorer()
	}
	if cfg.Web == "" {
		cfg.Web = filepath.Join(cfg.Root, "web")
	}
	if cfg.Data != "" && !filepath.IsAbs(cfg.Data) {
		cfg.Data = filepath.Join(cfg.Root, cfg.Data)
	}
	if cfg.Weeks == "" {
		cfg.Weeks = filepath.FromSlash(archive.WeeksDir)
	}
	if !filepath.IsAbs(cfg.Weeks) {
		cfg.Weeks = filepath.Join(cfg.Root, cfg.Weeks)
	}
	return cfg, nil
}

// Version is a hash of everything the site serves: the files, the data and
// go-app's generated files, which carry the handler's settings and the
// prefix. The same inputs give the same version, so a restart of the same
// build does not announce an update.
func (s *Site) Version() string { return s.version }

// newHandler makes go-app's handler for the files and the data, and
// renders its generated files. Those embed the version, which covers them
// too, so they enter the hash made with a placeholder version first.
func newHandler(cfg Config, files map[string][]byte, data []byte, weeks map[string][]byte, wasmLen int) (*app.Handler, map[string]appBody, string, error) {
	build := func(version string) (*app.Handler, map[string]appBody, error) {
		h := cfg.App.Handler(version, cfg.Prefix)
		// app.js counts the wasm download's progress in decoded bytes, so
		// it must be told the uncompressed size: the Content-Length of a
		// compressed response would make the percentage overshoot.
		h.WasmContentLength = strconv.Itoa(wasmLen)
		bodies, err := renderAppResources(h, cfg)
		return h, bodies, err
	}
	_, draft, err := build("version")
	if err != nil {
		return nil, nil, "", err
	}
	version := versionOf(files, data, weeks, draft)
	h, bodies, err := build(version)
	return h, bodies, version, err
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

// noVariant is the lookup for files that have no build-time variants.
func noVariant(string) ([]byte, bool) { return nil, false }

// appBody is one file go-app's handler generated.
type appBody struct {
	contentType string
	body        []byte
}

// renderAppResources asks go-app's handler for the files it makes in
// memory, with their media types normalised, and replaces its manifest
// with the App's, when it has one.
func renderAppResources(h *app.Handler, cfg Config) (map[string]appBody, error) {
	out := make(map[string]appBody, len(appResourcePaths))
	for _, p := range appResourcePaths {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			return nil, fmt.Errorf("go-app handler: %s: status %d", p, rec.Code)
		}
		out[p] = appBody{contentType: contentTypeOf(p), body: rec.Body.Bytes()}
	}
	if cfg.App.Manifest != nil {
		out[manifestPath] = appBody{contentType: contentTypeOf(manifestPath), body: cfg.App.Manifest(h, cfg.Prefix)}
	}
	return out, nil
}

// versionOf hashes the files, the data, the weeks and go-app's generated files into a
// short version string.
func versionOf(files map[string][]byte, data []byte, weeks map[string][]byte, generated map[string]appBody) string {
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
	for _, p := range slices.Sorted(maps.Keys(weeks)) {
		write(p, weeks[p])
	}
	for _, p := range appResourcePaths {
		write(p, generated[p].body)
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}
