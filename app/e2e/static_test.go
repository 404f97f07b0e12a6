package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/ui"
)

// TestStaticExport exports the site for the prefix /sub, serves it with
// python's http.server, which knows nothing of Go, of routes or of the
// prefix, and opens deep links with queries in Chromium: each page shows
// its data, fetched below the prefix, with and then without the network.
func TestStaticExport(t *testing.T) {
	ensureBuilt(t)
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3 to serve the export")
	}
	dir := exportSub(t)
	base, stopPy := servePython(t, dir)

	ctx := newTab(t)
	tests := []struct {
		path string // below /sub
		sel  string
		want []string
	}{
		// python answers /sub/movers with a redirect to /sub/movers/ and
		// movers/index.html; the address loses the slash before the wasm
		// routes.
		{"/movers?list=ytd-gainers&q=%E7%A7%91%E6%8A%80", "#ytd-gainers table", []string{"云从科技-UW", "+174.00% ▲"}},
		{"/stocks/360", "main h1", []string{"三六零", "+137.00% ▲"}},
		{"/stocks/%E4%BA%91%E4%BB%8E%E7%A7%91%E6%8A%80-UW", "main h1", []string{"云从科技", "+174.00% ▲"}},
		{"/events?kind=overseas", "#overseas", []string{"AutoGPT"}},
		{"/index", "main table", []string{"AI概念指数", "+56.16 pct"}},
		{"/", "main h1", []string{"人工智能行业周报", "看好"}},
		// The export prerenders Chinese; the browser follows lang.
		{"/picks?lang=en", "main table", []string{ui.Message(explore.LangEN, "picks.title"), "Foundation layer"}},
	}
	check := func(t *testing.T, path, sel string, want []string) {
		t.Helper()
		open(t, ctx, base+"/sub"+path, sel)
		got := textOf(t, ctx, "main")
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %q; page:\n%s", path, w, got)
			}
		}
		var addr string
		evalJS(t, ctx, `location.pathname + location.search`, &addr)
		if addr != "/sub"+path {
			t.Errorf("address bar %q, want %q", addr, "/sub"+path)
		}
	}
	for i, tt := range tests {
		t.Run("online"+tt.path, func(t *testing.T) {
			check(t, tt.path, tt.sel, tt.want)
			if i == 0 {
				waitControlled(t, ctx)
			}
			var fetched []string
			evalJS(t, ctx, `performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname)
				.filter((p) => p.endsWith("/report.json") || p.endsWith(".wasm"))`, &fetched)
			if !contains(fetched, "/sub/data/report.json") || !contains(fetched, "/sub/web/app.wasm") {
				t.Errorf("fetched %v; want the data and the wasm below /sub", fetched)
			}
		})
	}

	// A page opened by its file name shows its route, at the route's
	// address.
	for _, tt := range []struct{ file, route, sel, want string }{
		{"/about.html", "/about", "#scale", "看淡"},
		{"/movers.html?list=ytd-gainers", "/movers?list=ytd-gainers", "#ytd-gainers table", "+257.40% ▲"},
		{"/movers/index.html?list=ytd-gainers", "/movers?list=ytd-gainers", "#ytd-gainers table", "+257.40% ▲"},
		{"/stocks/%E4%B8%89%E5%85%AD%E9%9B%B6.html", "/stocks/%E4%B8%89%E5%85%AD%E9%9B%B6", "#movers", "+137.00% ▲"},
		{"/index.html", "/", "main h1", "看好"},
	} {
		t.Run("file"+tt.file, func(t *testing.T) {
			open(t, ctx, base+"/sub"+tt.file, tt.sel)
			if got := textOf(t, ctx, "main"); !strings.Contains(got, tt.want) {
				t.Errorf("%s lacks %q; page:\n%s", tt.file, tt.want, got)
			}
			var addr string
			evalJS(t, ctx, `location.pathname + location.search`, &addr)
			if addr != "/sub"+tt.route {
				t.Errorf("address bar %q, want %q", addr, "/sub"+tt.route)
			}
		})
	}

	// Links carry the prefix and route in the browser.
	clickNav(t, ctx, "/sub/financings")
	if got := textOf(t, ctx, "main"); !strings.Contains(got, "Perplexity") {
		t.Errorf("/sub/financings lacks Perplexity:\n%s", got)
	}
	var scope string
	evalJS(t, ctx, `navigator.serviceWorker.ready.then((r) => new URL(r.scope).pathname)`, &scope)
	if scope != "/sub/" {
		t.Errorf("worker scope %q, want /sub/", scope)
	}

	// The worker cached the pages python answered through redirects.
	stopPy()
	for _, tt := range tests[:4] {
		t.Run("offline"+tt.path, func(t *testing.T) { check(t, tt.path, tt.sel, tt.want) })
	}
}

// exportSub runs bin/server -export for the prefix /sub into a temporary
// directory, checks the files a static host needs and the manifest's
// scope, and returns the directory that holds sub/. flags are more flags
// for the export.
func exportSub(t *testing.T, flags ...string) string {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "sub")
	export := exec.Command(filepath.Join(root, "bin", "server"), append([]string{"-export", out, "-prefix", "/sub",
		"-base-url", "https://example.org/sub", "-brotli-quality", "5"}, flags...)...)
	export.Dir = root
	if b, err := export.CombinedOutput(); err != nil {
		t.Fatalf("export: %v\n%s", err, b)
	}

	for _, f := range []string{
		"index.html", "index.html.br", "index.html.gz", "index/index.html", "movers.html", "movers/index.html",
		"stocks/三六零.html", "stocks/360/index.html", "stocks/云从科技-UW.html", "404.html", ".nojekyll",
		"app.js", "app-worker.js", "manifest.webmanifest", "wasm_exec.js", "app.css",
		"web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/loader.css", "web/pwa.js", "web/icon-192.png",
		"data/report.json", "data/report.json.br", "data/report.json.gz",
	} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
			t.Errorf("export lacks %s: %v", f, err)
		}
	}
	checkStockFile(t, out)
	var manifest struct {
		StartURL string `json:"start_url"`
		Scope    string `json:"scope"`
		ID       string `json:"id"`
	}
	b, err := os.ReadFile(filepath.Join(out, "manifest.webmanifest"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &manifest); err != nil {
		t.Fatal(err)
	}
	if manifest.StartURL != "/sub/" || manifest.Scope != "/sub/" || manifest.ID != "/sub/" {
		t.Errorf("manifest start_url %q, scope %q, id %q; want /sub/", manifest.StartURL, manifest.Scope, manifest.ID)
	}
	return dir
}

// checkStockFile checks the exported page of 三六零: links to itself are
// percent-encoded once, and og:url is its address below the base URL.
func checkStockFile(t *testing.T, out string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "stocks", "三六零.html"))
	if err != nil {
		t.Fatal(err)
	}
	const self = "/sub/stocks/%E4%B8%89%E5%85%AD%E9%9B%B6"
	for _, want := range []string{`href="` + self + `?colors=intl"`, `<meta property="og:url" content="https://example.org` + self + `">`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("stocks/三六零.html lacks %s", want)
		}
	}
	if strings.Contains(string(b), "%25") {
		i := strings.Index(string(b), "%25")
		t.Errorf("stocks/三六零.html holds a twice-encoded link: …%s…", b[max(0, i-60):i+20])
	}
}

// servePython serves dir with python's http.server on a port the system
// picks, and returns its address and a function that stops it.
func servePython(t *testing.T, dir string) (base string, stop func()) {
	t.Helper()
	// -u: python buffers its stdout otherwise, and the line naming the
	// port the system picked would not arrive.
	py := exec.Command("python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", dir)
	pyLog := startProc(t, py)
	stop = func() {
		if py.ProcessState == nil {
			_ = py.Process.Kill()
			_ = py.Wait()
		}
	}
	base = waitLine(t, pyLog, regexp.MustCompile(`\((http://[\d.]+:\d+)/\)`))[1]
	return base, stop
}
