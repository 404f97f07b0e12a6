package main

import (
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/airesearch/aiweekly/app/ui"
)

// export writes the site to dir as plain files for any static host or CDN,
// to be served under s.prefix: the same bytes the server would send, so the
// export and the server never differ.
//
//   - Every page prerendered: each fixed route and /stocks/{name} for every
//     company name and alias, each twice, as route.html (GitHub Pages and
//     most CDNs answer /movers with movers.html) and as route/index.html
//     (hosts that only know directories, like python -m http.server, which
//     redirect /movers to /movers/; web/pwa.js drops the slash before the
//     wasm routes). The root is index.html, so /index has only
//     index/index.html: a host that answers /index with the root page still
//     boots the app on /index. Queries are the client's business: a static
//     host ignores them and the wasm reads them from the address bar.
//   - 404.html, the app's not-found page, which GitHub Pages and others send
//     for unknown paths: it boots the app, which then renders the path.
//   - go-app's files (app.js, app-worker.js, manifest.webmanifest, app.css,
//     wasm_exec.js), web/ and data/report.json.
//   - .br and .gz variants of every compressible file, for hosts that serve
//     precompressed files (nginx gzip_static/brotli_static, some CDNs).
//   - .nojekyll, so GitHub Pages publishes the files as they are.
//
// dir is emptied of a previous export first (only when it looks like one:
// it holds app-worker.js); any other non-empty directory is refused.
func (s *site) export(dir string, brotliQuality int) error {
	if err := prepareExportDir(dir); err != nil {
		return err
	}
	files := map[string][]byte{} // file path below dir -> content
	add := func(name string, b []byte) error {
		if _, dup := files[name]; dup {
			return fmt.Errorf("export: two pages for %s", name)
		}
		files[name] = b
		return nil
	}

	for p, res := range s.static {
		if err := add(strings.TrimPrefix(p, "/"), res.identity); err != nil {
			return err
		}
	}
	for p, res := range s.appRes {
		if err := add(strings.TrimPrefix(p, "/"), res.identity); err != nil {
			return err
		}
	}
	if s.data != nil {
		if err := add(strings.TrimPrefix(dataPath, "/"), s.data.identity); err != nil {
			return err
		}
	}
	for _, route := range exportRoutes(s) {
		body, err := s.render(route, http.StatusOK)
		if err != nil {
			return err
		}
		for _, name := range pageFiles(route) {
			if err := add(name, body); err != nil {
				return err
			}
		}
	}
	notFound, err := s.render("/404", http.StatusNotFound)
	if err != nil {
		return err
	}
	if err := add("404.html", notFound); err != nil {
		return err
	}
	if err := add(".nojekyll", nil); err != nil {
		return err
	}

	for _, name := range slices.Sorted(maps.Keys(files)) {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if err := os.WriteFile(full, files[name], 0o644); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	// The in-memory variants of web/ and the data are the build-time ones
	// when those were fresh; write them so that precompress keeps them
	// instead of compressing the wasm again.
	write := func(name string, res *resource) error {
		for enc, b := range map[string][]byte{"br": res.br, "gzip": res.gz} {
			if b == nil {
				continue
			}
			full := filepath.Join(dir, filepath.FromSlash(name)) + variantExt[enc]
			if err := os.WriteFile(full, b, 0o644); err != nil {
				return fmt.Errorf("export: %w", err)
			}
		}
		return nil
	}
	for p, res := range s.static {
		if err := write(strings.TrimPrefix(p, "/"), res); err != nil {
			return err
		}
	}
	if s.data != nil {
		if err := write(strings.TrimPrefix(dataPath, "/"), s.data); err != nil {
			return err
		}
	}
	if err := precompress([]string{dir}, brotliQuality, s.log); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	s.log.Info("exported", "dir", dir, "files", len(files), "version", s.version, "prefix", s.prefix)
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

// exportRoutes lists the paths to prerender: the fixed routes, then a
// stock page for each company name and alias that can be a file name.
func exportRoutes(s *site) []string {
	routes := ui.Paths()
	if s.report == nil {
		return routes
	}
	seen := map[string]bool{}
	for _, c := range s.report.Companies {
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

// fileSafe reports whether name can be one path segment and a file name on
// a static host: the 404 page covers the names that cannot.
func fileSafe(name string) bool {
	if name == "" || name == "." || name == ".." || strings.HasPrefix(name, ".") {
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

// render returns the page at route (below the prefix) as the server sends
// it with the given status, uncompressed.
func (s *site) render(route string, status int) ([]byte, error) {
	u := &url.URL{Path: s.prefix + route}
	req, err := http.NewRequest(http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", route, err)
	}
	rec := newBufferWriter()
	s.ServeHTTP(rec, req)
	if rec.status != status {
		return nil, fmt.Errorf("export %s: status %d, want %d", route, rec.status, status)
	}
	return rec.buf.Bytes(), nil
}
