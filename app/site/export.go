//go:build !wasm

package site

import (
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
)

// Export writes the site to dir as plain files for any static host or
// CDN, to be served under the prefix: the same bytes the server would send,
// so the export and the server never differ.
//
//   - Every page prerendered: each of the App's pages (for the explorer,
//     each fixed route and /stocks/{name} for every company name and
//     alias), each twice, as route.html (GitHub Pages and most CDNs answer
//     /movers with movers.html) and as route/index.html (hosts that only
//     know directories, like python -m http.server, which redirect /movers
//     to /movers/; web/pwa.js drops the slash before the wasm routes). The
//     root is index.html, so /index has only index/index.html: a host that
//     answers /index with the root page still boots the app on /index.
//     Queries are the client's business: a static host ignores them and
//     the wasm reads them from the address bar.
//   - Each earlier week's pages (the App's WeekPages), prerendered with
//     that week's content, below w/DATE/ in the same two forms: a static
//     host answers /movers?week=DATE with the newest week's page, which
//     web/pwa.js then replaces with w/DATE/movers before the wasm starts.
//   - 404.html, the app's not-found page, which GitHub Pages and others send
//     for unknown paths: it boots the app, which then renders the path.
//   - go-app's files (app.js, app-worker.js, manifest.webmanifest, app.css,
//     wasm_exec.js), web/, data/report.json, the index of weeks
//     data/weeks.json and every earlier week's data/weeks/YYYY-MM-DD.json.
//   - .br and .gz variants of every compressible file, for hosts that serve
//     precompressed files (nginx gzip_static/brotli_static, some CDNs),
//     brotli at the Config's BrotliQuality.
//   - .nojekyll, so GitHub Pages publishes the files as they are.
//
// dir is emptied of a previous export first (only when it looks like one:
// it holds app-worker.js); any other non-empty directory is refused.
func (s *Site) Export(dir string) error {
	if err := prepareExportDir(dir); err != nil {
		return err
	}
	files, err := s.exportFiles()
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := writeExportFile(dir, name, files[name]); err != nil {
			return err
		}
	}
	// The in-memory variants of web/ and the data are the build-time ones
	// when those were fresh; write them so that Precompress keeps them
	// instead of compressing the wasm again.
	for name, res := range s.files() {
		for enc, b := range map[string][]byte{"br": res.br, "gzip": res.gz} {
			if b == nil {
				continue
			}
			if err := writeExportFile(dir, name+variantExt[enc], b); err != nil {
				return err
			}
		}
	}
	if err := Precompress([]string{dir}, s.cfg.BrotliQuality, s.log); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	s.log.Info("exported", "dir", dir, "files", len(files), "version", s.version, "prefix", s.cfg.Prefix)
	return nil
}

// files returns the resources read from disk (web/ and the data) by their
// file name below an export.
func (s *Site) files() map[string]*resource {
	out := make(map[string]*resource, len(s.static)+1)
	for p, res := range s.static {
		out[strings.TrimPrefix(p, "/")] = res
	}
	if s.data != nil {
		out[strings.TrimPrefix(dataPath, "/")] = s.data
	}
	for p, res := range s.weeks {
		out[strings.TrimPrefix(p, "/")] = res
	}
	return out
}

// exportFiles returns the content of every file of an export by its path
// below the export directory.
func (s *Site) exportFiles() (map[string][]byte, error) {
	files := map[string][]byte{}
	add := func(name string, b []byte) error {
		if _, dup := files[name]; dup {
			return fmt.Errorf("export: two pages for %s", name)
		}
		files[name] = b
		return nil
	}
	for name, res := range s.files() {
		files[name] = res.identity
	}
	for p, res := range s.appRes {
		if err := add(strings.TrimPrefix(p, "/"), res.identity); err != nil {
			return nil, err
		}
	}
	if err := s.addPages(add, "", "", s.cfg.App.Pages(s.report)); err != nil {
		return nil, err
	}
	for _, date := range slices.Sorted(maps.Keys(s.weekPages)) {
		dir := strings.TrimPrefix(weekPagesDir, "/") + date + "/"
		if err := s.addPages(add, dir, explore.ParamWeek+"="+date, s.weekPages[date]); err != nil {
			return nil, err
		}
	}
	notFound, err := s.render("/404", "", http.StatusNotFound)
	if err != nil {
		return nil, err
	}
	if err := add("404.html", notFound); err != nil {
		return nil, err
	}
	return files, add(".nojekyll", nil)
}

// addPages renders each of routes with the query and adds its files
// below dir ("" or like "w/2023-04-09/").
func (s *Site) addPages(add func(name string, b []byte) error, dir, query string, routes []string) error {
	for _, route := range routes {
		body, err := s.render(route, query, http.StatusOK)
		if err != nil {
			return err
		}
		for _, name := range pageFiles(route) {
			if err := add(dir+name, body); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeExportFile writes b to the file name, a slash-separated path below
// dir, making its directory.
func writeExportFile(dir, name string, b []byte) error {
	full := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.WriteFile(full, b, 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// prepareExportDir makes dir, or empties a previous export in it.
func prepareExportDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return fmt.Errorf("export: %w", err)
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, "app-worker.js")); err != nil {
		return fmt.Errorf("export: %s is not empty and holds no previous export (no app-worker.js); refusing to overwrite it", dir)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	return nil
}

// stockPages lists a stock page for each company name and alias of the
// reports (nil ones are skipped) that can be a file name.
func stockPages(reps ...*report.Report) []string {
	var routes []string
	seen := map[string]bool{}
	for _, rep := range reps {
		if rep == nil {
			continue
		}
		routes = appendStockPages(routes, rep, seen)
	}
	return routes
}

// appendStockPages appends the stock pages of rep's names not seen yet.
func appendStockPages(routes []string, rep *report.Report, seen map[string]bool) []string {
	for _, c := range rep.Companies {
		for _, name := range append([]string{c.Name}, c.Aliases...) {
			if !fileSafe(name) || seen[name] {
				continue
			}
			seen[name] = true
			routes = append(routes, "/stocks/"+name)
		}
	}
	return routes
}

// maxFileName is the longest file name, in bytes, that common file
// systems take (ext4, APFS, NTFS in UTF-16 units, which a UTF-8 byte count
// bounds).
const maxFileName = 255

// fileSafe reports whether name can be one path segment and a file name on
// a static host, its longest file (NAME.html.br) included: the 404 page
// covers the names that cannot.
func fileSafe(name string) bool {
	if name == "" || name == "." || name == ".." || strings.HasPrefix(name, ".") ||
		len(name)+len(".html.br") > maxFileName {
		return false
	}
	for _, c := range name {
		if c < 0x20 || c == 0x7f || strings.ContainsRune(`/\%?#:*"<>|`, c) {
			return false
		}
	}
	return true
}

// pageFiles names the files holding the page of route, a path below the
// prefix.
func pageFiles(route string) []string {
	switch route {
	case "/":
		return []string{"index.html"}
	case "/index":
		return []string{"index/index.html"}
	}
	p := strings.TrimPrefix(route, "/")
	return []string{p + ".html", path.Join(p, "index.html")}
}

// render returns the page at route (below the prefix) with the raw query
// as the server sends it with the given status, uncompressed.
func (s *Site) render(route, query string, status int) ([]byte, error) {
	u := &url.URL{Path: s.cfg.Prefix + route, RawQuery: query}
	rec := httptest.NewRecorder()
	s.route(rec, httptest.NewRequest(http.MethodGet, u.String(), nil))
	if rec.Code != status {
		return nil, fmt.Errorf("export %s: status %d, want %d", u, rec.Code, status)
	}
	return rec.Body.Bytes(), nil
}
