//go:build !wasm

package site

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/site/sitetest"
)

func TestFileSafe(t *testing.T) {
	for name, want := range map[string]bool{
		"三六零": true, "云从科技-UW": true, "Meta Platforms": true, "360": true,
		"": false, ".": false, "..": false, ".hidden": false, "a/b": false, `a\b`: false, "50%": false, "a?b": false, "a#b": false, "a:b": false, "a\x00": false,
		strings.Repeat("长", 82): true, strings.Repeat("长", 83): false, strings.Repeat("a", 247): true, strings.Repeat("a", 248): false,
	} {
		t.Run(name, func(t *testing.T) {
			if got := fileSafe(name); got != want {
				t.Errorf("fileSafe(%q) = %v; want %v", name, got, want)
			}
		})
	}
}

func TestPageFiles(t *testing.T) {
	tests := []struct {
		route string
		want  []string
	}{
		{"/", []string{"index.html"}},
		{"/index", []string{"index/index.html"}},
		{"/movers", []string{"movers.html", "movers/index.html"}},
		{"/stocks/三六零", []string{"stocks/三六零.html", "stocks/三六零/index.html"}},
	}
	for _, tt := range tests {
		t.Run(tt.route, func(t *testing.T) {
			if got := pageFiles(tt.route); strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("pageFiles(%q) = %q; want %q", tt.route, got, tt.want)
			}
		})
	}
}

// TestExport exports the fixture for the prefix /sub and checks the files
// a static host needs: the pages under both names, the app's files, the
// data, the worker, the manifest and the compressed variants, with every
// URL inside them below the prefix.
func TestExport(t *testing.T) {
	f := sitetest.NewFixture(t, 64<<10)
	cfg := config(f)
	cfg.Prefix = "/sub"
	cfg.BrotliQuality = 1
	s, err := New(cfg, sitetest.DiscardLogger())
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "dist")
	if err := s.Export(dir); err != nil {
		t.Fatalf("export: %v", err)
	}
	read := func(name string) []byte { return readExport(t, dir, name) }

	t.Run("files", func(t *testing.T) { checkExportFiles(t, dir, f) })

	t.Run("variants", func(t *testing.T) {
		for _, name := range []string{"movers.html", "stocks/三六零.html", "app.js", "app-worker.js", "web/app.wasm", "data/report.json", "manifest.webmanifest"} {
			for enc, ext := range variantExt {
				v, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)+ext))
				if err != nil {
					t.Errorf("%s%s: %v", name, ext, err)
					continue
				}
				if !isFresh(enc, v, read(name)) {
					t.Errorf("%s%s does not decode to %s", name, ext, name)
				}
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "web", "icon-192.png.br")); err == nil {
			t.Error("a PNG got a brotli variant")
		}
	})

	t.Run("pages", func(t *testing.T) { checkExportPages(t, dir) })

	t.Run("app files", func(t *testing.T) { checkExportAppFiles(t, dir, s.Version()) })

	t.Run("again", func(t *testing.T) {
		sitetest.WriteFile(t, filepath.Join(dir, "stale.html"), []byte("old"))
		if err := s.Export(dir); err != nil {
			t.Fatalf("second export: %v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "stale.html")); err == nil {
			t.Error("a file of the previous export is left over")
		}
	})

	t.Run("refuses another directory", func(t *testing.T) {
		other := t.TempDir()
		sitetest.WriteFile(t, filepath.Join(other, "notes.txt"), []byte("mine"))
		if err := s.Export(other); err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("export into a non-empty directory = %v; want a refusal", err)
		}
		if _, err := os.Stat(filepath.Join(other, "notes.txt")); err != nil {
			t.Errorf("the directory's file is gone: %v", err)
		}
	})
}

// readExport returns the file name, a slash-separated path, of the export
// in dir.
func readExport(tb testing.TB, dir, name string) []byte {
	tb.Helper()
	return sitetest.ReadFile(tb, filepath.Join(dir, filepath.FromSlash(name)))
}

// checkExportFiles checks that the export in dir has the files a static
// host needs, the wasm and the data as served.
func checkExportFiles(t *testing.T, dir string, f sitetest.Fixture) {
	for _, name := range []string{
		"index.html", "index/index.html", "about.html", "about/index.html", "movers.html", "movers/index.html",
		"constituents.html", "events.html", "financings.html", "picks.html",
		"stocks/三六零.html", "stocks/三六零/index.html", "stocks/360.html", "stocks/云从科技-UW.html",
		"404.html", ".nojekyll", "app.js", "app-worker.js", "app.css", "wasm_exec.js", "manifest.webmanifest",
		"web/app.wasm", "web/app.css", "web/loader.css", "web/pwa.js", "web/icon-192.png", "web/icon-512.png",
		"web/icon-maskable.png", "web/icon.svg", "data/report.json",
	} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Errorf("missing %s: %v", name, err)
		}
	}
	if !bytes.Equal(readExport(t, dir, "web/app.wasm"), f.Wasm) || !bytes.Equal(readExport(t, dir, "data/report.json"), f.Data) {
		t.Error("the wasm or the data differ from the served ones")
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html.br")); err != nil {
		t.Errorf("no brotli variant of a page: %v", err)
	}
}

// checkExportPages checks the pages of the export in dir: both names of a
// route, links below the prefix, and each page's own heading.
func checkExportPages(t *testing.T, dir string) {
	movers := string(readExport(t, dir, "movers.html"))
	if !bytes.Equal(readExport(t, dir, "movers.html"), readExport(t, dir, "movers/index.html")) {
		t.Error("movers.html and movers/index.html differ")
	}
	for _, want := range []string{`src="/sub/app.js"`, `src="/sub/wasm_exec.js"`, `src="/sub/web/pwa.js"`,
		`href="/sub/web/loader.css"`, `href="/sub/manifest.webmanifest"`, `href="/sub/financings"`, `href="/sub/"`, `href="#main"`} {
		if !strings.Contains(movers, want) {
			t.Errorf("movers.html lacks %s", want)
		}
	}
	for _, m := range regexp.MustCompile(`(?:href|src)="(/[^"]*)"`).FindAllStringSubmatch(movers, -1) {
		if !strings.HasPrefix(m[1], "/sub/") {
			t.Errorf("movers.html links %s outside the prefix", m[1])
		}
	}
	for name, want := range map[string]string{
		"index.html":          "<h1>人工智能行业周报",
		"index/index.html":    "<h1>指数表现",
		"stocks/三六零.html":     "<h1>三六零",
		"stocks/360.html":     "<h1>三六零",
		"stocks/云从科技-UW.html": "<h1>云从科技",
		"404.html":            "<h1>页面不存在",
	} {
		if !strings.Contains(string(readExport(t, dir, name)), want) {
			t.Errorf("%s lacks %s", name, want)
		}
	}
}

// checkExportAppFiles checks go-app's files in the export in dir: app.js,
// the worker and the manifest, all made for the prefix and version.
func checkExportAppFiles(t *testing.T, dir, version string) {
	appJS := string(readExport(t, dir, "app.js"))
	for _, want := range []string{`"GOAPP_ROOT_PREFIX":"/sub"`, `"GOAPP_STATIC_RESOURCES_URL":"/sub/web"`, `"/sub/web/app.wasm"`, `"/sub/app-worker.js"`} {
		if !strings.Contains(appJS, want) {
			t.Errorf("app.js lacks %s", want)
		}
	}
	worker := string(readExport(t, dir, "app-worker.js"))
	if strings.Contains(worker, "{{.") {
		t.Error("app-worker.js has a template placeholder left")
	}
	for _, want := range []string{`"` + version + `"`, `"/sub/data/report.json"`, `"/sub/web/app.wasm"`, `"/sub/web/loader.css"`, `"/sub/web/icon.svg"`,
		`const SHELL_ROUTES = ["/","/index","/movers",`, `"^/stocks/[^/]+$"`} {
		if !strings.Contains(worker, want) {
			t.Errorf("app-worker.js lacks %s", want)
		}
	}
	var m struct {
		ID       string `json:"id"`
		StartURL string `json:"start_url"`
		Scope    string `json:"scope"`
		Icons    []struct{ Src, Sizes, Purpose string }
	}
	if err := json.Unmarshal(readExport(t, dir, "manifest.webmanifest"), &m); err != nil {
		t.Fatal(err)
	}
	if m.ID != "/sub/" || m.StartURL != "/sub/" || m.Scope != "/sub/" {
		t.Errorf("manifest id %q, start_url %q, scope %q; want /sub/", m.ID, m.StartURL, m.Scope)
	}
	for _, ic := range m.Icons {
		if _, err := os.Stat(filepath.Join(dir, strings.TrimPrefix(ic.Src, "/sub/"))); !strings.HasPrefix(ic.Src, "/sub/web/") || err != nil {
			t.Errorf("icon %s %s is not an exported file (%v)", ic.Src, ic.Sizes, err)
		}
	}
}

// TestPrefixServing serves the fixture under /sub: the prefix redirects to
// prefix/, everything else outside it is a plain 404, and inside it the
// site answers as at the root.
func TestPrefixServing(t *testing.T) {
	f := sitetest.NewFixture(t, 4096)
	cfg := config(f)
	cfg.Prefix = "/sub"
	_, srv := startSite(t, cfg)
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	for _, tt := range []struct{ target, location string }{{"/sub", "/sub/"}, {"/sub?list=ytd-gainers", "/sub/?list=ytd-gainers"}} {
		t.Run("redirect "+tt.target, func(t *testing.T) {
			res, err := noFollow.Get(srv.URL + tt.target)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != tt.location {
				t.Errorf("%s: %s to %q; want 301 to %q", tt.target, res.Status, res.Header.Get("Location"), tt.location)
			}
		})
	}
	tests := []struct {
		path   string
		status int
		ctype  string
		want   string
	}{
		{"/sub/", 200, "text/html", `href="/sub/movers"`},
		{"/sub/movers?list=ytd-gainers", 200, "text/html", `href="/sub/web/app.css"`},
		{"/sub/stocks/360", 200, "text/html", "<h1>三六零"},
		{"/sub/nope", 404, "text/html", "页面不存在"},
		{"/sub/data/report.json", 200, "application/json", `"schema_version"`},
		{"/sub/web/loader.css", 200, "text/css", "#app-wasm-loader"},
		{"/sub/manifest.webmanifest", 200, "application/manifest+json", `"scope": "/sub/"`},
		{"/sub/app-worker.js", 200, "text/javascript", `"/sub/data/report.json"`},
		{"/", 404, "text/plain", ""},
		{"/movers", 404, "text/plain", ""},
		{"/subway/", 404, "text/plain", ""},
		{"/data/report.json", 404, "text/plain", ""},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res, body := sitetest.Fetch(t, http.MethodGet, srv.URL+tt.path)
			if res.StatusCode != tt.status || !strings.HasPrefix(res.Header.Get("Content-Type"), tt.ctype) {
				t.Fatalf("%s: %s, %s; want %d, %s", tt.path, res.Status, res.Header.Get("Content-Type"), tt.status, tt.ctype)
			}
			if !strings.Contains(string(body), tt.want) {
				t.Errorf("%s lacks %q", tt.path, tt.want)
			}
		})
	}
}
