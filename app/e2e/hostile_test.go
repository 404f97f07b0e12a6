package e2e

import (
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// foreignJS lists, for the document it is given, every element and
// attribute the app does not write: event handler attributes, images other
// than go-app's loader icon, forms other than the top bar's search,
// refresh and other http-equiv metas, inline
// scripts, frames, and scripts from anywhere but the app's own files.
const foreignJS = `(doc) => {
	const bad = [];
	for (const el of doc.querySelectorAll("*")) {
		for (const a of el.attributes) {
			if (/^on/i.test(a.name)) bad.push(el.tagName + " " + a.name);
		}
	}
	for (const el of doc.querySelectorAll("img, meta[http-equiv], iframe, object, embed, base, form, frame")) {
		// The app's own: go-app's loader icon, and the top bar's search,
		// which asks the app's /search.
		const own = el.id === "app-wasm-loader-icon" || (el.id === "site-search" &&
			/^\/([A-Za-z0-9._~-]+\/)*search$/.test(el.getAttribute("action") || "") && el.closest("header.topbar"));
		if (!own) bad.push(el.outerHTML.slice(0, 120));
	}
	for (const s of doc.querySelectorAll("script")) {
		const src = s.getAttribute("src") || "";
		if (!/^(\/sub)?\/(app\.js|wasm_exec\.js|web\/pwa\.js)$/.test(src)) bad.push("script " + src.slice(0, 80) + " " + (s.textContent || "").slice(0, 40));
	}
	return bad;
}`

// hostilePaths are the routes to try with the hostile report: every route,
// the explorer views filtered by hostile values, and a page for every name
// and alias of every company.
func hostilePaths(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(root, hostileData))
	if err != nil {
		tb.Fatal(err)
	}
	r, err := report.Parse(data)
	if err != nil {
		tb.Fatal(err)
	}
	seg := r.Constituents[0].Segment
	paths := []string{
		"/", "/index", "/movers", "/constituents", "/events", "/financings", "/picks", "/about",
		"/movers?q=" + url.QueryEscape(`"><img src=x onerror=alert(1)>`),
		"/constituents?segment=" + url.QueryEscape(seg),
		"/events?company=" + url.QueryEscape(r.Companies[0].Name),
		"/stocks/" + url.PathEscape(`"><img src=x onerror=alert(2)>`),
		"/nowhere/" + url.PathEscape(`"><meta http-equiv=refresh content=0>`),
	}
	for _, c := range r.Companies {
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			paths = append(paths, "/stocks/"+url.PathEscape(n))
		}
	}
	return paths
}

// checkHostile fails on a foreign element or attribute in the HTML of each
// path below base as the server or host sent it, parsed by the browser's
// own parser but not run; then opens the first live of them in a fresh tab
// each and fails on a dialog, a navigation away from the page, or a foreign
// element or attribute in the page the wasm rendered.
func checkHostile(t *testing.T, base string, paths []string, live int) {
	ctx := newTab(t)
	open(t, ctx, base+"/about", "main h1")
	for _, p := range paths {
		var bad []string
		evalJS(t, ctx, `fetch(`+jsString(base+p)+`).then((r) => r.text()).then((t) => (`+foreignJS+`)(new DOMParser().parseFromString(t, "text/html")))`, &bad)
		if len(bad) > 0 {
			t.Errorf("prerendered %.80s holds foreign markup: %q", p, bad)
		}
	}
	var dialogs atomic.Int32
	for _, p := range paths[:min(live, len(paths))] {
		ctx := newTab(t)
		chromedp.ListenTarget(ctx, func(ev any) {
			if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
				dialogs.Add(1)
				go chromedp.Run(ctx, page.HandleJavaScriptDialog(false))
			}
		})
		if err := chromedp.Run(ctx, chromedp.Navigate(base+p), live1()); err != nil {
			t.Fatalf("open %.80s: %v", p, err)
		}
		time.Sleep(100 * time.Millisecond) // a refresh with content=0 would fire by now
		var bad []string
		var href string
		evalJS(t, ctx, `(`+foreignJS+`)(document)`, &bad)
		evalJS(t, ctx, `location.href`, &href)
		if len(bad) > 0 {
			t.Errorf("live %.80s holds foreign markup: %q", p, bad)
		}
		if !strings.HasPrefix(href, base) {
			t.Errorf("live %.80s navigated away to %.80s", p, href)
		}
	}
	if n := dialogs.Load(); n != 0 {
		t.Errorf("%d dialogs opened", n)
	}
}

// live1 waits until the wasm has rendered the page, whatever it shows.
func live1() chromedp.Action {
	return chromedp.WaitVisible(`.shell[data-live="1"] main`, chromedp.ByQuery)
}

// TestHostileReportServer serves the hostile report with the Go server.
func TestHostileReportServer(t *testing.T) {
	s := startServer(t, "-data", hostileData)
	checkHostile(t, s.URL, hostilePaths(t), 16)
}

// TestHostileReportStatic exports the site with the hostile report and
// serves it with python's http.server, which sends no Content-Security-
// Policy: every exported page, fetched as the host sends it, holds no
// markup the app did not write, and the routes opened live run no script
// of the report's and open no dialog.
func TestHostileReportStatic(t *testing.T) {
	ensureBuilt(t)
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3 to serve the export")
	}
	dir := t.TempDir()
	export := exec.Command(filepath.Join(root, "bin", "server"), "-export", dir, "-data", hostileData, "-brotli-quality", "1")
	export.Dir = root
	if b, err := export.CombinedOutput(); err != nil {
		t.Fatalf("export: %v\n%s", err, b)
	}
	// The live ones: the fixed routes, as a reader opens them.
	live := []string{"/", "/index", "/movers", "/constituents", "/events", "/financings", "/picks", "/about"}
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			paths = append(paths, "/"+(&url.URL{Path: filepath.ToSlash(rel)}).EscapedPath())
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// The hostile names hold characters no file name may, so their stock
	// pages are left to 404.html, which boots the app.
	for _, want := range append([]string{"/index.html", "/404.html"}, live[1:]...) {
		if !strings.HasSuffix(want, ".html") {
			want += ".html"
		}
		if !slices.Contains(paths, want) {
			t.Fatalf("the export holds %q; want %s among them", paths, want)
		}
	}
	base, stop := servePython(t, dir)
	defer stop()
	checkHostile(t, base, append(live, paths...), len(live))
}
