//go:build !wasm

package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/site/sitetest"
)

// TestVersionHeader checks that every response names the site's version,
// as the service worker and the wasm expect when they compare it with
// their own, and that the prerendered pages name it in their meta tag.
func TestVersionHeader(t *testing.T) {
	s, srv := startSite(t, config(sitetest.NewFixture(t, 1024)))
	for _, path := range []string{"/", "/movers?q=x", "/nowhere", "/web/app.wasm", "/data/report.json", "/app.js", "/app-worker.js", "/web/missing.png"} {
		res, body := sitetest.Fetch(t, "GET", srv.URL+path)
		if got := res.Header.Get(VersionHeader); got != s.Version() {
			t.Errorf("%s: %s = %q; want %q", path, VersionHeader, got, s.Version())
		}
		if strings.Contains(res.Header.Get("Content-Type"), "text/html") {
			meta := `<meta name="app-version" content="` + s.Version() + `">`
			if !strings.Contains(string(sitetest.Decode(t, res, body)), meta) {
				t.Errorf("%s: the page lacks %s", path, meta)
			}
		}
	}
}

// TestVersionHeaderName checks that the browser's two readers of the
// header, the worker and the wasm's data fetch, use its name.
func TestVersionHeaderName(t *testing.T) {
	for _, f := range []string{"worker.js", "fetch_wasm.go"} {
		b, err := os.ReadFile(filepath.Join("..", "ui", f))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), `"`+VersionHeader+`"`) {
			t.Errorf("app/ui/%s does not name the %s header", f, VersionHeader)
		}
	}
}
