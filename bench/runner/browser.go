package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Selectors of "ready": the app's wasm has rendered the page (the shell's
// data-live is 1 only when the browser rendered it) and the report's rows
// are on screen. The floor marks its heading the same way.
const (
	oursReady  = `.shell[data-live="1"] main table tbody tr`
	floorReady = `[data-live="1"]`
	rowsReady  = `.shell[data-live="1"] main table.data tbody tr`
)

//go:embed probe.js
var probeJS string

//go:embed interact.js
var interactJS string

// browser starts headless Chromium: every measurement gets a browser
// process of its own with a new, empty profile (no cache, no service
// worker), as a first visit has.
type browser struct {
	ctx  context.Context
	path string
}

func newBrowser(ctx context.Context) (*browser, error) {
	path := chromiumPath()
	if path == "" {
		return nil, fmt.Errorf("%w: no chromium on PATH (make browser-deps)", errSkipped)
	}
	b := &browser{ctx: ctx, path: path}
	// Check once that it starts at all.
	t, err := b.newTab("body")
	if err != nil {
		return nil, err
	}
	t.close()
	return b, nil
}

// tab is the one page of a fresh browser, with the ready probe installed
// for every document it loads and its network traffic counted.
type tab struct {
	ctx    context.Context
	cancel func()
	net    *netLog
}

func (b *browser) newTab(readySelector string) (*tab, error) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(b.path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelA := chromedp.NewExecAllocator(b.ctx, opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	cancel := func() { cancelB(); cancelA() }
	t := &tab{ctx: ctx, cancel: cancel, net: newNetLog()}
	chromedp.ListenTarget(ctx, t.net.event)
	sel, _ := json.Marshal(readySelector)
	probe := strings.Replace(probeJS, "const sel = $READY;", "const sel = "+string(sel)+";", 1)
	err := chromedp.Run(ctx, network.Enable(), chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(probe).Do(ctx)
		return err
	}))
	if err != nil {
		cancel()
		return nil, fmt.Errorf("start chromium: %w", err)
	}
	return t, nil
}

func (t *tab) close() { t.cancel() }

// eval evaluates a JavaScript expression, awaiting it if it is a promise,
// with a time limit.
func (t *tab) eval(expr string, res any, limit time.Duration) error {
	ctx, cancel := context.WithTimeout(t.ctx, limit)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate(expr, res, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
}

// loadSample is one page load.
type loadSample struct {
	FCP, Ready float64 // milliseconds from the start of navigation
	// WasmDone, DataStart and DataDone are from the resource timing of
	// app.wasm and the report, -1 when the page fetched no such file.
	WasmDone, DataStart, DataDone float64
	Transfer                      Transfer
}

// load navigates to url and waits until the probe saw the page ready,
// then for the network to go quiet, and reads the first contentful paint.
func (t *tab) load(url string, limit time.Duration) (loadSample, error) {
	t.net.reset()
	ctx, cancel := context.WithTimeout(t.ctx, limit)
	defer cancel()
	if err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		return loadSample{}, fmt.Errorf("navigate %s: %w", url, err)
	}
	var s loadSample
	const waitReady = `new Promise((resolve) => { const t = () => window.__benchReady ? resolve(window.__benchReady) : setTimeout(t, 5); t(); })`
	if err := t.eval(waitReady, &s.Ready, limit); err != nil {
		return s, fmt.Errorf("%s: not ready within %s: %w", url, limit, err)
	}
	const fcp = `(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: -1}).startTime`
	if err := t.eval(fcp, &s.FCP, 10*time.Second); err != nil {
		return s, fmt.Errorf("%s: read first contentful paint: %w", url, err)
	}
	const timing = `(() => {
  const e = (suffix) => performance.getEntriesByType('resource').find((r) => r.name.endsWith(suffix));
  const w = e('/app.wasm'), d = e('/data/report.json');
  return [w ? w.responseEnd : -1, d ? d.startTime : -1, d ? d.responseEnd : -1];
})()`
	var marks []float64
	if err := t.eval(timing, &marks, 10*time.Second); err != nil || len(marks) != 3 {
		return s, fmt.Errorf("%s: read resource timing: %v", url, err)
	}
	s.WasmDone, s.DataStart, s.DataDone = marks[0], marks[1], marks[2]
	s.Transfer = t.net.quiet(500*time.Millisecond, 15*time.Second)
	return s, nil
}

// waitWorker waits until a service worker is active for the page and its
// caches hold every file named in files (by the end of its URL), as an
// offline load needs. It returns "" when they are, else why not.
func (t *tab) waitWorker(files []string, limit time.Duration) string {
	names, _ := json.Marshal(files)
	js := `(async (files, limit) => {
  if (!('serviceWorker' in navigator)) return 'no service worker API';
  const end = performance.now() + limit;
  let state = 'no registration';
  while (performance.now() < end) {
    const reg = await navigator.serviceWorker.getRegistration();
    if (reg && reg.active && reg.active.state === 'activated') {
      const urls = [];
      for (const k of await caches.keys()) {
        for (const r of await (await caches.open(k)).keys()) urls.push(r.url);
      }
      const missing = files.filter((f) => !urls.some((u) => u.endsWith(f)));
      if (!missing.length) return '';
      state = 'the caches lack ' + missing.join(', ');
    } else if (reg) {
      state = 'the worker is ' + (reg.installing ? 'installing' : reg.waiting ? 'waiting' : 'not active');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return state;
})(` + string(names) + `, ` + strconv.Itoa(int(limit/time.Millisecond)) + `)`
	var why string
	if err := t.eval(js, &why, limit+10*time.Second); err != nil {
		return err.Error()
	}
	return why
}

// netLog counts what the page receives over the network: the encoded
// length of every response (headers and body, as on the wire), which
// excludes what a service worker or the memory cache answered.
type netLog struct {
	mu       sync.Mutex
	urls     map[network.RequestID]string
	fromSW   map[network.RequestID]bool
	inflight map[network.RequestID]bool
	last     time.Time
	t        Transfer
}

func newNetLog() *netLog {
	n := &netLog{}
	n.reset()
	return n
}

func (n *netLog) reset() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.urls = map[network.RequestID]string{}
	n.fromSW = map[network.RequestID]bool{}
	n.inflight = map[network.RequestID]bool{}
	n.last = time.Now()
	n.t = Transfer{ByURL: map[string]int{}}
}

func (n *netLog) event(ev any) {
	n.mu.Lock()
	defer n.mu.Unlock()
	switch e := ev.(type) {
	case *network.EventRequestWillBeSent:
		n.urls[e.RequestID] = e.Request.URL
		n.inflight[e.RequestID] = true
	case *network.EventResponseReceived:
		if e.Response.FromServiceWorker {
			n.fromSW[e.RequestID] = true
		}
	case *network.EventLoadingFinished:
		delete(n.inflight, e.RequestID)
		if !n.fromSW[e.RequestID] {
			b := int(e.EncodedDataLength)
			n.t.PageBytes += b
			n.t.Requests++
			n.t.ByURL[n.urls[e.RequestID]] += b
		}
	case *network.EventLoadingFailed:
		delete(n.inflight, e.RequestID)
	default:
		return
	}
	n.last = time.Now()
}

// quiet waits until no request is in flight and none has started or ended
// for d, at most limit, and returns what was transferred.
func (n *netLog) quiet(d, limit time.Duration) Transfer {
	end := time.Now().Add(limit)
	for time.Now().Before(end) {
		n.mu.Lock()
		idle := len(n.inflight) == 0 && time.Since(n.last) >= d
		n.mu.Unlock()
		if idle {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	t := n.t
	t.ByURL = map[string]int{}
	for k, v := range n.t.ByURL {
		t.ByURL[k] = v
	}
	return t
}

// interaction is what interact.js returns for one action.
type interaction struct {
	Samples   []float64 `json:"samples"`
	Mutations []float64 `json:"mutations"`
	Timeouts  int       `json:"timeouts"`
	Skipped   int       `json:"skipped"`
	Note      string    `json:"note"`
}

// interact opens route on the server at base and times the search box and
// the facets there.
func (b *browser) interact(base, route string, samples int) (ready float64, nodes int, search, facet Latency, err error) {
	t, err := b.newTab(rowsReady)
	if err != nil {
		return 0, 0, search, facet, err
	}
	defer t.close()
	s, err := t.load(base+route, 3*time.Minute)
	if err != nil {
		return 0, 0, search, facet, err
	}
	cfg, _ := json.Marshal(map[string]any{"samples": samples, "timeout": 10000, "settle": 300, "gap": 50})
	var res struct {
		Nodes         int
		Search, Facet interaction
	}
	if err := t.eval(interactCall(cfg), &res, 15*time.Minute); err != nil {
		return s.Ready, 0, search, facet, fmt.Errorf("interact on %s: %w", route, err)
	}
	return s.Ready, res.Nodes, latency(res.Search), latency(res.Facet), nil
}

// interactCall is the expression that runs interact.js with cfg, named
// so that profiles tell its frames from the app's.
func interactCall(cfg []byte) string {
	return "(" + interactJS + ")(" + string(cfg) + ")\n//# sourceURL=bench-interact.js"
}

func latency(in interaction) Latency {
	l := Latency{Timeouts: in.Timeouts, Note: in.Note, Mutations: Float(median(in.Mutations))}
	for _, v := range in.Samples {
		l.Samples = append(l.Samples, Float(v))
	}
	if in.Timeouts > 0 {
		l.Note += fmt.Sprintf("; %d timed out", in.Timeouts)
	}
	if len(l.Samples) == 0 && l.Note == "" {
		l.Note = "no sample"
	}
	l.finish()
	return l
}
