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

	chromium "github.com/airesearch/aiweekly/app/testkit/browser"
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
	path, err := chromium.Path()
	if err != nil {
		return nil, err
	}
	b := &browser{ctx: ctx, path: path}
	t, err := b.newTab("body") // check once that it starts at all
	if err != nil {
		return nil, err
	}
	t.close()
	return b, nil
}

// tab is the one page of a fresh browser, with the ready probe installed
// for every document it loads and its network traffic logged.
type tab struct {
	ctx   context.Context
	close func()
	net   *netLog
}

func (b *browser) newTab(readySelector string) (*tab, error) {
	actx, cancelA := chromedp.NewExecAllocator(b.ctx, chromium.Options(b.path, 1280, 900)...)
	ctx, cancelB := chromedp.NewContext(actx)
	t := &tab{ctx: ctx, close: func() { cancelB(); cancelA() }, net: new(netLog)}
	t.net.reset()
	chromedp.ListenTarget(ctx, t.net.event)
	sel, _ := json.Marshal(readySelector)
	probe := strings.Replace(probeJS, "const sel = $READY;", "const sel = "+string(sel)+";", 1)
	err := chromedp.Run(ctx, network.Enable(), chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(probe).Do(ctx)
		return err
	}))
	if err != nil {
		t.close()
		return nil, fmt.Errorf("start chromium: %w", err)
	}
	return t, nil
}

// eval evaluates a JavaScript expression, awaiting it if it is a promise,
// with a time limit.
func (t *tab) eval(expr string, res any, limit time.Duration) error {
	return evalIn(t.ctx, expr, res, limit)
}

func evalIn(ctx context.Context, expr string, res any, limit time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate(expr, res, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
}

// loadSample is one page load: milliseconds from the start of navigation,
// -1 for a mark the page did not have.
type loadSample struct {
	FCP, Ready                    float64
	WasmDone, DataStart, DataDone float64 // resource timing of app.wasm and the report
	Transfer                      Transfer
}

// loadMarks reads the first contentful paint and the resource timing of
// app.wasm and the report, once the probe has seen the page ready.
const loadMarks = `(async () => {
  while (!window.__benchReady) await new Promise((r) => setTimeout(r, 5));
  const e = (suffix) => performance.getEntriesByType('resource').find((r) => r.name.endsWith(suffix)) || {startTime: -1, responseEnd: -1};
  const w = e('/app.wasm'), d = e('/data/report.json');
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return [window.__benchReady, fcp ? fcp.startTime : -1, w.responseEnd, d.startTime, d.responseEnd];
})()`

// load navigates to url, waits until the probe saw the page ready, reads
// its marks, then waits for the network to go quiet.
func (t *tab) load(url string, limit time.Duration) (loadSample, error) {
	t.net.reset()
	ctx, cancel := context.WithTimeout(t.ctx, limit)
	defer cancel()
	var s loadSample
	if err := chromedp.Run(ctx, chromedp.Navigate(url)); err != nil {
		return s, fmt.Errorf("navigate %s: %w", url, err)
	}
	var m []float64
	if err := t.eval(loadMarks, &m, limit); err != nil || len(m) != 5 {
		return s, fmt.Errorf("%s: not ready within %s: %v", url, limit, err)
	}
	s.Ready, s.FCP, s.WasmDone, s.DataStart, s.DataDone = m[0], m[1], m[2], m[3], m[4]
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

// workerJS lists what a service worker received over the network, from
// its Resource Timing: every response with a transferSize, which is 0 for
// what a cache answered. Chromium counts the encoded body and, for the
// headers, 300 bytes.
const workerJS = `performance.getEntriesByType('resource').filter((e) => e.transferSize > 0).map((e) => e.transferSize)`

// addWorker adds to tr what the page's service worker fetched (its
// precache), which the page's network events do not show, read in the
// worker's own target.
func (t *tab) addWorker(tr *Transfer) error {
	infos, err := chromedp.Targets(t.ctx)
	if err != nil {
		return err
	}
	for _, info := range infos {
		if info.Type != "service_worker" {
			continue
		}
		// The attached context ends with the tab: cancelling it earlier
		// would close the worker's target.
		wctx, _ := chromedp.NewContext(t.ctx, chromedp.WithTargetID(info.TargetID))
		var sizes []float64
		if err := evalIn(wctx, workerJS, &sizes, 10*time.Second); err != nil {
			return fmt.Errorf("read the service worker's resource timing: %w", err)
		}
		for _, n := range sizes {
			tr.WorkerRequests++
			tr.WorkerBytes += int(n)
		}
	}
	tr.Bytes = tr.PageBytes + tr.WorkerBytes
	return nil
}

// netLog counts what the page receives over the network: the encoded
// length of every response (CDP Network.loadingFinished
// encodedDataLength, headers and body as on the wire), without what a
// service worker or the memory cache answered.
type netLog struct {
	mu       sync.Mutex
	urls     map[network.RequestID]string
	fromSW   map[network.RequestID]bool
	inflight map[network.RequestID]bool
	last     time.Time
	t        Transfer
}

func (n *netLog) reset() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.urls, n.fromSW, n.inflight = map[network.RequestID]string{}, map[network.RequestID]bool{}, map[network.RequestID]bool{}
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
		n.fromSW[e.RequestID] = e.Response.FromServiceWorker
	case *network.EventLoadingFinished:
		delete(n.inflight, e.RequestID)
		if !n.fromSW[e.RequestID] {
			n.t.PageBytes += int(e.EncodedDataLength)
			n.t.Requests++
			n.t.ByURL[n.urls[e.RequestID]] += int(e.EncodedDataLength)
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
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		n.mu.Lock()
		idle := len(n.inflight) == 0 && time.Since(n.last) >= d
		n.mu.Unlock()
		if idle {
			break
		}
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
	Note      string    `json:"note"`
}

// interactions is what interact.js returns.
type interactions struct {
	Nodes         int
	Search, Facet interaction
}

// openRoute opens route on the server at base in a fresh tab, ready
// once the table's rows are on screen.
func (b *browser) openRoute(base, route string) (*tab, loadSample, error) {
	t, err := b.newTab(rowsReady)
	if err != nil {
		return nil, loadSample{}, err
	}
	s, err := t.load(base+route, 3*time.Minute)
	if err != nil {
		t.close()
		return nil, s, err
	}
	return t, s, nil
}

// interact runs interact.js, which times the search box and the facets.
// Its frames are named bench-interact.js, so that profiles tell them from
// the app's.
func (t *tab) interact(samples int) (interactions, error) {
	cfg, _ := json.Marshal(map[string]any{"samples": samples, "timeout": 10000, "settle": 300, "gap": 50})
	var res interactions
	err := t.eval("("+interactJS+")("+string(cfg)+")\n//# sourceURL=bench-interact.js", &res, 15*time.Minute)
	return res, err
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
