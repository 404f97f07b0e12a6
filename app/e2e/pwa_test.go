package e2e

import (
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/serviceworker"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
)

// TestPWAOffline loads the app once, stops the server process (DevTools'
// offline emulation would not reach the service worker) and opens deep
// links with queries: the worker serves the pages, the wasm and the data
// from its cache, and the wasm renders each link with its data.
func TestPWAOffline(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	open(t, ctx, s.URL+"/", "main h1")
	waitControlled(t, ctx)
	// The first install is no update: no banner.
	var banners int
	if err := chromedp.Run(ctx, chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(`document.querySelectorAll("#reload-update").length`, &banners)); err != nil {
		t.Fatal(err)
	}
	if banners != 0 {
		t.Error("the first visit shows the update banner")
	}

	version := serverVersion(t, s)
	cached := cachedPaths(t, ctx)
	if len(cached) != 1 {
		t.Fatalf("caches: %v; want one, of version %s", cached, version)
	}
	for name, paths := range cached {
		if !strings.HasSuffix(name, " "+version) {
			t.Errorf("cache %q does not name version %s", name, version)
		}
		for _, want := range []string{"/", "/movers", "/events", "/data/report.json", "/web/app.wasm", "/app.js", "/wasm_exec.js", "/web/app.css", "/web/loader.css", "/web/pwa.js", "/manifest.webmanifest", "/web/icon-192.png"} {
			if !contains(paths, want) {
				t.Errorf("cache %q lacks %s; has %v", name, want, paths)
			}
		}
	}

	s.Stop()
	if resp, err := http.Get(s.URL + "/"); err == nil {
		resp.Body.Close()
		t.Fatal("the server still answers after Stop")
	}

	tests := []struct {
		path  string
		sel   string
		want  []string
		not   []string
		shell string // the page the worker answers with: the route's own or the root's as a fallback
	}{
		{"/movers?list=ytd-gainers&q=%E7%A7%91%E6%8A%80", "#ytd-gainers table", []string{"云从科技-UW", "+174.00% ▲"}, []string{"百度集团-SW"}, ""},
		{"/stocks/360", "main h1", []string{"三六零", "AI算法及数据 › AI大模型", "+137.00% ▲"}, nil, "fallback"},
		{"/events?kind=overseas", "#overseas", []string{"AutoGPT"}, []string{"Meta公布最新研究AI模型SAM"}, ""},
		{"/financings", "main table", []string{"Perplexity", "25,600,000 USD"}, nil, ""},
		{"/no/such/page", "main h1", []string{"页面不存在"}, nil, "fallback"},
		{"/search?q=360", "#results-stocks", []string{"三六零"}, nil, ""},
		{"/stocks?section=financings", "main table", []string{"Perplexity"}, []string{"寒武纪-U"}, ""},
		{"/financings/f-1", "#record h1", []string{"Perplexity", "2560万美元"}, nil, "fallback"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			open(t, ctx, s.URL+tt.path, tt.sel)
			got := textOf(t, ctx, "main")
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("offline %s lacks %q; page:\n%s", tt.path, w, got)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(got, w) {
					t.Errorf("offline %s shows %q, which its query filters out", tt.path, w)
				}
			}
			var page struct{ Href, Shell, Visibility string }
			evalJS(t, ctx, `({href: location.pathname + location.search, shell: document.body.dataset.shell || "",
				visibility: getComputedStyle(document.querySelector("main")).visibility})`, &page)
			if page.Href != tt.path {
				t.Errorf("address bar %q, want %q", page.Href, tt.path)
			}
			if page.Shell != tt.shell || page.Visibility != "visible" {
				t.Errorf("body data-shell %q, main %s; want %q, visible", page.Shell, page.Visibility, tt.shell)
			}
		})
	}
}

// TestPWAUpdate serves a new build with changed data on the same origin:
// the open page keeps the old version's wasm and data while the new worker
// installs, shows the update banner, and after "reload" shows the new
// data from the new version's cache, the old cache gone.
func TestPWAUpdate(t *testing.T) {
	ctx, oldVersion, newVersion := deployWhileControlled(t)

	// The open page looks for an update, as pwa.js does when it comes back
	// into view (a reload is TestDeployReloadKeepsNewPage): the new worker
	// installs from the new server, and the page keeps running the old
	// version's wasm and data from the active worker's cache.
	wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Run(wctx,
		chromedp.Evaluate(`navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => true)`, nil, awaitPromise),
		live("main table"),
		chromedp.WaitVisible("#reload-update", chromedp.ByQuery),
	); err != nil {
		t.Fatalf("no update banner after the new build: %v", err)
	}
	if got := textOf(t, ctx, "main"); !strings.Contains(got, oldText) || strings.Contains(got, newText) {
		t.Errorf("before reloading, the page should show the old data (%q), not the new:\n%s", oldText, got)
	}
	var pageVersion string
	evalJS(t, ctx, `goappGetenv("GOAPP_VERSION")`, &pageVersion)
	if pageVersion != oldVersion {
		t.Errorf("page runs version %s before reloading, want the old %s", pageVersion, oldVersion)
	}

	if err := chromedp.Run(wctx, chromedp.Click("#reload-update", chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	// The click reloads the page once the new worker controls it; poll
	// across the navigation until the wasm shows the new data.
	shown := `(() => { const m = document.querySelector('.shell[data-live="1"] main');
		return m !== null && m.innerText.includes(` + jsString(newText) + `); })()`
	for ok := false; !ok; {
		if err := chromedp.Run(wctx, chromedp.Evaluate(shown, &ok)); wctx.Err() != nil {
			t.Fatalf("new data not shown after reload: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	evalJS(t, ctx, `goappGetenv("GOAPP_VERSION")`, &pageVersion)
	if pageVersion != newVersion {
		t.Errorf("page runs version %s after reloading, want %s", pageVersion, newVersion)
	}
	if err := chromedp.Run(ctx, chromedp.WaitNotPresent("#reload-update", chromedp.ByQuery)); err != nil {
		t.Errorf("banner still shown after the update: %v", err)
	}
	cached := cachedPaths(t, ctx)
	if len(cached) != 1 {
		t.Fatalf("caches after the update: %v; want only version %s", cached, newVersion)
	}
	for name := range cached {
		if !strings.HasSuffix(name, " "+newVersion) {
			t.Errorf("cache %q left after the update; want version %s", name, newVersion)
		}
	}
}

// TestPWAInstallFailsLoudly serves no data file: the worker cannot precache
// it, so its install fails (the version goes redundant without ever being
// installed) and no cache is left behind to pass for an offline copy.
func TestPWAInstallFailsLoudly(t *testing.T) {
	s := startServer(t, "-data", filepath.Join(t.TempDir(), "none.json"), "-allow-invalid-data")
	ctx := newTab(t)

	states := make(chan serviceworker.VersionStatus, 32)
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*serviceworker.EventWorkerVersionUpdated); ok {
			for _, v := range e.Versions {
				if strings.HasPrefix(v.ScriptURL, s.URL) {
					states <- v.Status
				}
			}
		}
	})
	if err := chromedp.Run(ctx, serviceworker.Enable(), chromedp.Navigate(s.URL+"/")); err != nil {
		t.Fatal(err)
	}
	var seen []serviceworker.VersionStatus
	deadline := time.After(20 * time.Second)
wait:
	for {
		select {
		case st := <-states:
			seen = append(seen, st)
			if st == serviceworker.VersionStatusRedundant {
				break wait
			}
		case <-deadline:
			t.Fatalf("the worker did not fail its install; states %v", seen)
		}
	}
	for _, st := range seen {
		if st == serviceworker.VersionStatusInstalled || st == serviceworker.VersionStatusActivated {
			t.Errorf("the worker reached %s without the data; states %v", st, seen)
		}
	}
	if cached := cachedPaths(t, ctx); len(cached) != 0 {
		t.Errorf("a failed install left caches: %v", cached)
	}
}

// TestPWAManifest checks the manifest Chromium parses for the page and that
// it finds nothing stopping installation.
func TestPWAManifest(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	open(t, ctx, s.URL+"/", "main h1")
	waitControlled(t, ctx)

	var (
		manifestURL string
		errs        []*page.AppManifestError
		raw         string
		parsed      *page.WebAppManifest
		installErrs []*page.InstallabilityError
	)
	if err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		manifestURL, errs, raw, parsed, err = page.GetAppManifest().Do(ctx)
		if err != nil {
			return err
		}
		installErrs, err = page.GetInstallabilityErrors().Do(ctx)
		return err
	})); err != nil {
		t.Fatal(err)
	}
	if manifestURL != s.URL+"/manifest.webmanifest" {
		t.Errorf("manifest URL %q", manifestURL)
	}
	for _, e := range errs {
		t.Errorf("manifest error: %s (critical %d)", e.Message, e.Critical)
	}
	for _, e := range installErrs {
		t.Errorf("installability error: %s %v", e.ErrorID, e.ErrorArguments)
	}
	if parsed == nil {
		t.Fatal("no parsed manifest")
	}
	// Chromium resolves the URLs against the manifest's.
	if parsed.StartURL != s.URL+"/" || parsed.Scope != s.URL+"/" || parsed.ID != s.URL+"/" {
		t.Errorf("start_url %q, scope %q, id %q; want %s/", parsed.StartURL, parsed.Scope, parsed.ID, s.URL)
	}
	var m struct {
		Name       string `json:"name"`
		ShortName  string `json:"short_name"`
		Display    string `json:"display"`
		ThemeColor string `json:"theme_color"`
		Icons      []struct {
			Src, Sizes, Type, Purpose string
		} `json:"icons"`
	}
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		t.Fatalf("manifest: %v\n%s", err, raw)
	}
	if m.Name != "AI行业周报浏览器" || m.ShortName != "AI周报" || m.Display != "standalone" || m.ThemeColor != "#b71c1c" {
		t.Errorf("name %q, short_name %q, display %q, theme_color %q", m.Name, m.ShortName, m.Display, m.ThemeColor)
	}
	want := map[string]bool{"192x192 any": false, "512x512 any": false, "512x512 maskable": false}
	for _, ic := range m.Icons {
		if !strings.HasPrefix(ic.Src, "/web/") {
			t.Errorf("icon %s is not local", ic.Src)
		}
		if _, ok := want[ic.Sizes+" "+ic.Purpose]; ok {
			want[ic.Sizes+" "+ic.Purpose] = true
		}
		resp, err := http.Get(s.URL + ic.Src)
		if err != nil {
			t.Errorf("icon %s: %v", ic.Src, err)
			continue
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != ic.Type {
			t.Errorf("icon %s: %s, %s; want %s", ic.Src, resp.Status, resp.Header.Get("Content-Type"), ic.Type)
		}
	}
	for k, ok := range want {
		if !ok {
			t.Errorf("no %s icon in %s", k, raw)
		}
	}
}

// TestPWAAppleHint poses as Safari on an iPhone, which offers no install
// prompt: the app bar explains how to install instead of showing a button
// that could not work, and a dismissed hint stays dismissed.
func TestPWAAppleHint(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	const iPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"
	if err := chromedp.Run(ctx, emulation.SetUserAgentOverride(iPhone)); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, s.URL+"/", "#apple-install")
	if got := textOf(t, ctx, "#apple-install"); !strings.Contains(got, "添加到主屏幕") {
		t.Errorf("hint %q", got)
	}
	var installButtons int
	evalJS(t, ctx, `document.querySelectorAll("#install").length`, &installButtons)
	if installButtons != 0 {
		t.Error("an install button is shown on an Apple browser, where there is no prompt")
	}
	if err := chromedp.Run(ctx,
		chromedp.Click("#apple-install button", chromedp.ByQuery),
		chromedp.WaitNotPresent("#apple-install", chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, s.URL+"/movers", "main table")
	var hints int
	evalJS(t, ctx, `document.querySelectorAll("#apple-install").length`, &hints)
	if hints != 0 {
		t.Error("the dismissed hint is back on the next page load")
	}
}

// TestPWAContentBeforeWasm throttles the network so that the wasm takes a
// while: the prerendered page is readable while it downloads, under a slim
// progress bar rather than go-app's full-screen loader.
func TestPWAContentBeforeWasm(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	if err := chromedp.Run(ctx, throttle(8e6/8, 40*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	var probe struct {
		Live         bool    `json:"live"`
		LoaderHeight float64 `json:"loaderHeight"`
		Progress     string  `json:"progress"`
		Role         string  `json:"role"`
		TopElement   string  `json:"topElement"`
		Heading      string  `json:"heading"`
	}
	// Wait for the loader to report progress between 1 and 99: the page
	// is then shown and the wasm still downloading.
	if err := chromedp.Run(ctx,
		chromedp.Navigate(s.URL+"/movers"),
		chromedp.Poll(`(() => { const l = document.getElementById("app-wasm-loader");
			const v = l && parseInt(l.getAttribute("aria-valuenow") || "0", 10); return v > 0 && v < 100; })()`,
			nil, chromedp.WithPollingInterval(20*time.Millisecond)),
		chromedp.Evaluate(`(() => {
			const l = document.getElementById("app-wasm-loader");
			const h = document.querySelector("main h1");
			const r = h.getBoundingClientRect();
			const top = document.elementFromPoint(r.left + 5, r.top + r.height / 2);
			return {
				live: document.querySelector('.shell[data-live="1"]') !== null,
				loaderHeight: l.getBoundingClientRect().height,
				progress: l.style.getPropertyValue("--progress"),
				role: l.getAttribute("role"),
				topElement: top ? top.tagName + (h.contains(top) ? " in h1" : "") : "",
				heading: h.innerText,
			};
		})()`, &probe),
	); err != nil {
		t.Fatalf("loading under throttling: %v", err)
	}
	if probe.Live {
		t.Error("the wasm already ran; the probe did not see the page before it")
	}
	if probe.LoaderHeight > 4 {
		t.Errorf("loader is %.0f px high, want a slim bar", probe.LoaderHeight)
	}
	if probe.Role != "progressbar" || probe.Progress == "" {
		t.Errorf("loader role %q, --progress %q", probe.Role, probe.Progress)
	}
	if !strings.HasSuffix(probe.TopElement, " in h1") || probe.Heading == "" {
		t.Errorf("the prerendered heading %q is covered by %q", probe.Heading, probe.TopElement)
	}
	if err := chromedp.Run(ctx, live("#ytd-gainers table"), chromedp.WaitNotPresent("#app-wasm-loader", chromedp.ByQuery)); err != nil {
		t.Fatalf("the wasm did not take over: %v", err)
	}
}

// TestPWAColdLoadMetrics measures cold loads of "/" from the real server:
// bytes transferred, first contentful paint and the time until the wasm has
// rendered the page, on loopback and on a throttled line, three loads each
// with the browser's cache, caches and worker cleared in between; it logs
// the medians. It checks that content comes before the wasm and that a load
// stays within a budget.
func TestPWAColdLoadMetrics(t *testing.T) {
	const budget = 4 << 20 // bytes on the wire for "/", the wasm included
	for _, tc := range []struct {
		name    string
		bps     float64
		latency time.Duration
	}{
		{"loopback", 0, 0},
		{"20Mbps-40ms", 20e6 / 8, 40 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := startServer(t)
			ctx := newTab(t)
			probe := newLoadProbe(t, ctx, tc.bps, tc.latency)
			var runs []loadMetrics
			for range 3 {
				sent := serverBytes(s)
				m := probe.coldLoad(t, ctx, s.URL+"/")
				m.Sent = serverBytes(s) - sent
				if m.FCP <= 0 || m.Ready <= 0 {
					t.Fatalf("missing timings: %+v", m)
				}
				if m.FCP >= m.Ready {
					t.Errorf("first contentful paint at %.0f ms comes after the app was ready at %.0f ms", m.FCP, m.Ready)
				}
				if m.Transferred > budget {
					t.Errorf("cold load transferred %d bytes, over the %d budget", m.Transferred, budget)
				}
				runs = append(runs, m)
			}
			med := func(f func(loadMetrics) float64) float64 {
				v := make([]float64, len(runs))
				for i, r := range runs {
					v[i] = f(r)
				}
				slices.Sort(v)
				return v[len(v)/2]
			}
			t.Logf("cold load of / (%s), median of %d: %d requests, %.1f KiB transferred by the page, %.1f KiB sent by the server with the worker's precache; "+
				"HTML in %.0f ms, first contentful paint %.0f ms, DOMContentLoaded %.0f ms, wasm in %.0f ms, app ready %.0f ms",
				tc.name, len(runs), runs[0].Requests,
				med(func(m loadMetrics) float64 { return float64(m.Transferred) })/1024,
				med(func(m loadMetrics) float64 { return float64(m.Sent) })/1024,
				med(func(m loadMetrics) float64 { return m.HTML }), med(func(m loadMetrics) float64 { return m.FCP }),
				med(func(m loadMetrics) float64 { return m.DCL }), med(func(m loadMetrics) float64 { return m.Wasm }),
				med(func(m loadMetrics) float64 { return m.Ready }))
		})
	}
}

// loadMetrics are the numbers of one page load; times in milliseconds
// from the start of the navigation.
type loadMetrics struct {
	Transferred int64   // bytes the page received, headers included
	Sent        int64   // body bytes the server sent, the worker's included
	Requests    int     // requests the page made
	FCP         float64 `json:"fcp"`   // first contentful paint
	Ready       float64 `json:"ready"` // the wasm has rendered the page
	HTML        float64 `json:"html"`  // the page's HTML received
	DCL         float64 `json:"dcl"`   // DOMContentLoaded handled
	Wasm        float64 `json:"wasm"`  // app.wasm received
}

// loadProbe counts what a tab transfers and notes when the wasm first
// renders a page.
type loadProbe struct {
	mu          sync.Mutex
	transferred int64
	requests    int
}

// readyProbe notes when the wasm first renders the page, from the very
// start of the document; DevTools' scripts are exempt from the page's CSP.
const readyProbe = `new MutationObserver((_, o) => {
	if (document.querySelector('.shell[data-live="1"] main')) { window.__appReady = performance.now(); o.disconnect(); }
}).observe(document, {subtree: true, childList: true, attributes: true});`

// newLoadProbe sets up ctx's tab for measured loads, throttled to bps
// bytes per second when bps > 0.
func newLoadProbe(tb testing.TB, ctx context.Context, bps float64, latency time.Duration) *loadProbe {
	tb.Helper()
	p := &loadProbe{}
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*network.EventLoadingFinished); ok {
			p.mu.Lock()
			p.transferred += int64(e.EncodedDataLength)
			p.requests++
			p.mu.Unlock()
		}
	})
	actions := []chromedp.Action{network.Enable()}
	if bps > 0 {
		actions = append(actions, throttle(bps, latency))
	}
	actions = append(actions, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(readyProbe).Do(ctx)
		return err
	}))
	if err := chromedp.Run(ctx, actions...); err != nil {
		tb.Fatal(err)
	}
	return p
}

// coldLoad clears the browser's cache and the origin's storage (worker and
// caches included), loads url and returns what the load cost and when
// content and the app came.
func (p *loadProbe) coldLoad(tb testing.TB, ctx context.Context, url string) loadMetrics {
	tb.Helper()
	origin := url[:strings.Index(url[len("http://"):], "/")+len("http://")]
	if err := chromedp.Run(ctx,
		chromedp.Navigate("about:blank"),
		network.ClearBrowserCache(),
		storage.ClearDataForOrigin(origin, "all"),
	); err != nil {
		tb.Fatal(err)
	}
	p.mu.Lock()
	p.transferred, p.requests = 0, 0
	p.mu.Unlock()
	var m loadMetrics
	if err := chromedp.Run(ctx,
		chromedp.Navigate(url),
		live("main h1"),
		chromedp.Poll(`window.__appReady > 0 && performance.getEntriesByName("first-contentful-paint").length > 0`, nil,
			chromedp.WithPollingInterval(50*time.Millisecond)),
		chromedp.Sleep(300*time.Millisecond), // let the last responses finish
		chromedp.Evaluate(`(() => {
			const nav = performance.getEntriesByType("navigation")[0];
			const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/app.wasm"));
			return {fcp: performance.getEntriesByName("first-contentful-paint")[0].startTime, ready: window.__appReady,
				html: nav.responseEnd, dcl: nav.domContentLoadedEventEnd, wasm: wasm ? wasm.responseEnd : 0};
		})()`, &m),
	); err != nil {
		tb.Fatalf("cold load of %s: %v", url, err)
	}
	p.mu.Lock()
	m.Transferred, m.Requests = p.transferred, p.requests
	p.mu.Unlock()
	return m
}

// throttle emulates a network of bps bytes per second down, a quarter of
// that up, and the given round-trip latency, for the page's requests.
func throttle(bps float64, latency time.Duration) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := network.Enable().Do(ctx); err != nil {
			return err
		}
		return network.EmulateNetworkConditions(false, float64(latency.Milliseconds()), bps, bps/4).Do(ctx)
	})
}

// serverBytes sums the body bytes in the server's access log.
func serverBytes(s *server) int64 {
	var n int64
	for _, m := range regexp.MustCompile(` bytes=(\d+) `).FindAllStringSubmatch(s.logText(), -1) {
		b, _ := strconv.ParseInt(m[1], 10, 64)
		n += b
	}
	return n
}

// waitControlled waits until the page's service worker is active and
// controls the page.
func waitControlled(tb testing.TB, ctx context.Context) {
	tb.Helper()
	wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var state string
	err := chromedp.Run(wctx, chromedp.Evaluate(`navigator.serviceWorker.ready.then((reg) => new Promise((resolve) => {
		const done = () => resolve(reg.active.state + " " + (navigator.serviceWorker.controller !== null));
		if (navigator.serviceWorker.controller) { done(); return; }
		navigator.serviceWorker.addEventListener("controllerchange", done, {once: true});
	}))`, &state, awaitPromise))
	if err != nil || state != "activated true" {
		tb.Fatalf("service worker: %q, %v", state, err)
	}
}

// cachedPaths returns this app's caches (named "aiweekly ...") and the URL
// paths each holds.
func cachedPaths(tb testing.TB, ctx context.Context) map[string][]string {
	tb.Helper()
	out := map[string][]string{}
	evalJS(tb, ctx, `(async () => {
		const out = {};
		for (const k of await caches.keys()) {
			if (!k.startsWith("aiweekly ")) continue;
			const reqs = await (await caches.open(k)).keys();
			out[k] = reqs.map((r) => new URL(r.url).pathname);
		}
		return out;
	})()`, &out)
	return out
}

// evalJS evaluates expr in the page, awaiting a promise, into out.
func evalJS(tb testing.TB, ctx context.Context, expr string, out any) {
	tb.Helper()
	if err := chromedp.Run(ctx, chromedp.Evaluate(expr, out, awaitPromise)); err != nil {
		tb.Fatalf("evaluate %s: %v", expr, err)
	}
}

func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// serverVersion reads the version the server announced on start.
func serverVersion(tb testing.TB, s *server) string {
	tb.Helper()
	m := servingLine.FindStringSubmatch(s.logText())
	if m == nil {
		tb.Fatalf("no version in the server's output:\n%s", s.logText())
	}
	return m[2]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
