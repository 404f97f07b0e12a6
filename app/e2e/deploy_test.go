package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The text a new build's data changes, in the financings table.
const oldText, newText = "AI搜索引擎", "AI搜索引擎（新版数据）"

// newBuildData writes a copy of the report with one business changed from
// oldText to newText, for a second build whose version differs, and
// returns its path.
func newBuildData(tb testing.TB) string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(root, "data", "report.json"))
	if err != nil {
		tb.Fatal(err)
	}
	changed := strings.Replace(string(data), `"business": "`+oldText+`"`, `"business": "`+newText+`"`, 1)
	if changed == string(data) {
		tb.Fatal("fixture edit did not apply")
	}
	path := filepath.Join(tb.TempDir(), "report.json")
	if err := os.WriteFile(path, []byte(changed), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// deployWhileControlled opens /financings of a server, waits until the
// worker controls the tab, and replaces the server with a new build
// (newBuildData) on the same origin, the address the first one bound. It
// returns the tab and the two versions.
func deployWhileControlled(tb testing.TB) (ctx context.Context, oldVersion, newVersion string) {
	tb.Helper()
	v1 := startServer(tb)
	ctx = newTab(tb)
	open(tb, ctx, v1.URL+"/financings", "main table")
	waitControlled(tb, ctx)
	oldVersion = serverVersion(tb, v1)
	v1.Stop()
	v2 := startServerOn(tb, strings.TrimPrefix(v1.URL, "http://"), "-data", newBuildData(tb))
	newVersion = serverVersion(tb, v2)
	if newVersion == oldVersion {
		tb.Fatalf("version %s did not change with the data", newVersion)
	}
	return ctx, oldVersion, newVersion
}

// showsOldText reports whether s holds oldText other than as the start
// of newText.
func showsOldText(s string) bool {
	return strings.Contains(strings.ReplaceAll(s, newText, ""), oldText)
}

// TestDeployReloadKeepsNewPage deploys a new build while the old worker
// controls the page, then reloads: the navigation gets the new
// prerendered page, app.js and the wasm come from the old cache, and the
// old wasm must not re-render the old data over the new page; the update
// banner offers the reload into the new version, which then runs.
func TestDeployReloadKeepsNewPage(t *testing.T) {
	ctx, oldVersion, newVersion := deployWhileControlled(t)

	// Wait until the old wasm has either rendered the page or, its main
	// having run (app.js removes the loader right after it), left it alone.
	wctx, cancel := context.WithTimeout(ctx, 45*time.Second)
	defer cancel()
	if err := chromedp.Run(wctx,
		chromedp.Reload(),
		chromedp.Poll(`document.querySelector('.shell[data-live="1"]') !== null ||
			(document.documentElement.hasAttribute("data-stale") && !document.getElementById("app-wasm-loader"))`,
			nil, chromedp.WithPollingInterval(50*time.Millisecond)),
	); err != nil {
		t.Fatalf("reload after the deploy: %v", err)
	}
	var page struct {
		Live        bool   `json:"live"`
		Code        string `json:"code"`
		Page        string `json:"page"`
		Main        string `json:"main"`
		BannerShown bool   `json:"banner"`
	}
	probe := `({live: document.querySelector('.shell[data-live="1"]') !== null, code: goappGetenv("GOAPP_VERSION"),
		page: (document.querySelector('meta[name="app-version"]') || {}).content || "", main: document.querySelector("main").innerText,
		banner: (() => { const b = document.getElementById("reload-update"); return b !== null && b.offsetParent !== null; })()})`
	evalJS(t, ctx, probe, &page)
	if page.Code != oldVersion {
		t.Fatalf("code of version %s after the reload; want the old worker's %s", page.Code, oldVersion)
	}
	if page.Page != newVersion {
		t.Errorf("the prerendered page names version %q, want the new %s", page.Page, newVersion)
	}
	if page.Live {
		t.Error("the old wasm rendered over the new prerendered page")
	}
	if !strings.Contains(page.Main, newText) || showsOldText(page.Main) {
		t.Errorf("the page should keep the new data (%q):\n%s", newText, page.Main)
	}
	if !page.BannerShown {
		t.Error("no update banner over the newer page")
	}

	if err := chromedp.Run(wctx, chromedp.Click("#reload-update", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	waitVersionShows(t, wctx, newVersion, newText)
}

// TestDeployDuringFirstVisit switches the server to a new build while a
// first visit still downloads the data: the page and the worker got the
// old build's page, app.js and worker script, and the new build's data. A
// proxy holds the data until the switch. The old worker must not install a
// cache mixing the two, the page must not show the new data under the old
// code, and its update banner leads to the new version, whose cache holds
// only its own files.
func TestDeployDuringFirstVisit(t *testing.T) {
	v1 := startServer(t)
	v2 := startServer(t, "-data", newBuildData(t))
	oldVersion, newVersion := serverVersion(t, v1), serverVersion(t, v2)
	proxy := newSwitchProxy(t, v1.URL, dataPathURL)

	ctx := newTab(t)
	wctx, cancel := context.WithTimeout(ctx, 50*time.Second)
	defer cancel()
	// The worker's precache asks for the data as soon as it installs; the
	// wasm's main asks when it starts, once app.js removed the loader.
	if err := chromedp.Run(wctx,
		chromedp.Navigate(proxy.URL+"/financings"),
		chromedp.Poll(`typeof goappGetenv === "function" && !document.getElementById("app-wasm-loader")`, nil,
			chromedp.WithPollingInterval(50*time.Millisecond)),
	); err != nil {
		t.Fatalf("first visit: %v", err)
	}
	proxy.waitHeld(t, wctx, 1)
	proxy.switchTo(t, v2.URL)

	// The page ends either with the new data shown (the failure) or with
	// the banner; the worker's install ends one way or the other.
	if err := chromedp.Run(wctx, chromedp.Poll(`(() => {
		const b = document.getElementById("reload-update");
		return (b !== null && b.offsetParent !== null) || document.querySelector("main").innerText.includes(`+jsString(newText)+`);
	})()`, nil, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		t.Fatalf("the page shows neither the new data nor the banner: %v", err)
	}
	var code string
	evalJS(t, ctx, `goappGetenv("GOAPP_VERSION")`, &code)
	if got := textOf(t, ctx, "main"); code != newVersion && strings.Contains(got, newText) {
		t.Errorf("the code of version %s shows the data of %s:\n%s", code, newVersion, got)
	}
	for ended := false; !ended; time.Sleep(100 * time.Millisecond) {
		err := chromedp.Run(wctx, chromedp.Evaluate(`navigator.serviceWorker.getRegistration().then((r) => !r || !r.installing)`,
			&ended, awaitPromise))
		if err != nil {
			t.Fatalf("the worker's install did not end: %v", err)
		}
	}
	checkCachesOneVersion(t, ctx, map[string]bool{oldVersion: false, newVersion: true})

	if err := chromedp.Run(wctx, chromedp.Click("#reload-update", chromedp.ByQuery)); err != nil {
		t.Fatalf("no update banner: %v", err)
	}
	waitVersionShows(t, wctx, newVersion, newText)
	waitControlled(t, ctx)
	cached := checkCachesOneVersion(t, ctx, map[string]bool{oldVersion: false, newVersion: true})
	if len(cached) != 1 || !strings.HasSuffix(cached[0], " "+newVersion) {
		t.Errorf("caches after the reload: %v; want only version %s", cached, newVersion)
	}
}

// dataPathURL is the report's path on a server at the root.
const dataPathURL = "/data/report.json"

// waitVersionShows polls, across the reload the banner's button starts,
// until the wasm of version shows text in the main content.
func waitVersionShows(tb testing.TB, ctx context.Context, version, text string) {
	tb.Helper()
	shown := `(() => { const m = document.querySelector('.shell[data-live="1"] main');
		return m !== null && m.innerText.includes(` + jsString(text) + `) && goappGetenv("GOAPP_VERSION") === ` + jsString(version) + `; })()`
	for ok := false; !ok; {
		if err := chromedp.Run(ctx, chromedp.Evaluate(shown, &ok)); ctx.Err() != nil {
			tb.Fatalf("version %s does not show %q after the reload: %v", version, text, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkCachesOneVersion checks that every response in the app's caches
// carries the version the cache is named after (the Go server names it in
// every response), and that the cached data
// of each version in newData holds newText exactly when newData says so.
// It returns the caches' names.
func checkCachesOneVersion(tb testing.TB, ctx context.Context, newData map[string]bool) []string {
	tb.Helper()
	var caches []struct {
		Name    string            `json:"name"`
		Headers map[string]string `json:"headers"` // path: its X-App-Version
		Data    string            `json:"data"`
	}
	evalJS(tb, ctx, `(async () => {
		const out = [];
		for (const k of await caches.keys()) {
			if (!k.startsWith("aiweekly ")) continue;
			const c = await caches.open(k);
			const headers = {};
			for (const r of await c.keys()) {
				headers[new URL(r.url).pathname] = (await c.match(r)).headers.get("X-App-Version") || "";
			}
			const d = await c.match(`+jsString(dataPathURL)+`);
			out.push({name: k, headers: headers, data: d ? await d.text() : ""});
		}
		return out;
	})()`, &caches)
	var names []string
	for _, c := range caches {
		names = append(names, c.Name)
		version := c.Name[strings.LastIndex(c.Name, " ")+1:]
		for p, v := range c.Headers {
			if v != version {
				tb.Errorf("cache %q holds %s of version %q", c.Name, p, v)
			}
		}
		if want, ok := newData[version]; ok && strings.Contains(c.Data, newText) != want {
			tb.Errorf("cache %q holds the data of the other version (new data: %v)", c.Name, !want)
		}
	}
	return names
}

// switchProxy forwards to one server, then to another: a deploy on one
// origin. Requests for the held path wait until the switch and then go to
// the new server, as a slow download that a deploy overtakes does.
type switchProxy struct {
	URL  string
	hold string

	mu       sync.Mutex
	backend  *httputil.ReverseProxy
	held     int
	released chan struct{}
}

func newSwitchProxy(tb testing.TB, backend, hold string) *switchProxy {
	tb.Helper()
	p := &switchProxy{hold: hold, released: make(chan struct{})}
	p.switchBackend(tb, backend)
	s := httptest.NewServer(p)
	tb.Cleanup(s.Close)
	tb.Cleanup(p.release)
	p.URL = s.URL
	return p
}

func (p *switchProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == p.hold {
		p.mu.Lock()
		p.held++
		p.mu.Unlock()
		select {
		case <-p.released:
		case <-r.Context().Done():
			return
		}
	}
	p.mu.Lock()
	b := p.backend
	p.mu.Unlock()
	b.ServeHTTP(w, r)
}

func (p *switchProxy) switchBackend(tb testing.TB, backend string) {
	tb.Helper()
	u, err := url.Parse(backend)
	if err != nil {
		tb.Fatal(err)
	}
	rp := httputil.NewSingleHostReverseProxy(u)
	p.mu.Lock()
	p.backend = rp
	p.mu.Unlock()
}

// switchTo forwards every request from now on, and the held ones, to
// backend.
func (p *switchProxy) switchTo(tb testing.TB, backend string) {
	tb.Helper()
	p.switchBackend(tb, backend)
	p.release()
}

func (p *switchProxy) release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	select {
	case <-p.released:
	default:
		close(p.released)
	}
}

// waitHeld waits until at least n requests wait for the switch.
func (p *switchProxy) waitHeld(tb testing.TB, ctx context.Context, n int) {
	tb.Helper()
	for {
		p.mu.Lock()
		held := p.held
		p.mu.Unlock()
		if held >= n {
			return
		}
		select {
		case <-ctx.Done():
			tb.Fatalf("%d requests for %s held, want %d", held, p.hold, n)
		case <-time.After(20 * time.Millisecond):
		}
	}
}
