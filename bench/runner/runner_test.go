package main

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/runtime"
)

// TestParseWrk reads wrk's report with the line wrk-done.lua adds
// (testdata/wrk.txt is a real run), its latency in several magnitudes.
func TestParseWrk(t *testing.T) {
	out, err := os.ReadFile("testdata/wrk.txt")
	if err != nil {
		t.Fatal(err)
	}
	rps, _, _, err := parseWrk(string(out))
	if err != nil || math.Abs(rps-35422.09) > 0.01 {
		t.Errorf("parseWrk(testdata/wrk.txt) = %g req/s, %v; want wrk's own 35422.09", rps, err)
	}
	for _, tt := range []struct {
		p99  string
		want float64
	}{{"850", 0.85}, {"6200", 6.2}, {"1500000", 1500}} {
		in := strings.NewReplacer(`"p99_us":31340`, `"p99_us":`+tt.p99, `"socket_errors":0,"status_errors":0`,
			`"socket_errors":3,"status_errors":4`).Replace(string(out))
		_, p99, errs, err := parseWrk(in)
		if err != nil || math.Abs(p99-tt.want) > 1e-9 || errs != 7 {
			t.Errorf("parseWrk(p99 %s us) = p99 %g ms, %d errors, %v; want %g ms, 7 errors", tt.p99, p99, errs, err, tt.want)
		}
	}
	if _, _, _, err := parseWrk("unable to connect"); err == nil {
		t.Error("parseWrk(garbage) = nil error; want one")
	}
}

// TestNginxConf renders the configuration and, where nginx is installed,
// has nginx check it.
func TestNginxConf(t *testing.T) {
	dir := t.TempDir()
	cfg := nginxConfig{Workers: 2, Dir: dir, Addr: "127.0.0.1:1", Root: dir,
		Headers: map[string]string{"Cache-Control": "no-cache", "X-Frame-Options": "DENY"}}
	if _, err := os.Stat(brotliModule); err == nil {
		cfg.Brotli = brotliModule
	}
	var buf bytes.Buffer
	if err := nginxConf.Execute(&buf, cfg); err != nil {
		t.Fatal(err)
	}
	conf := buf.String()
	for _, want := range []string{"gzip_static on;", `add_header X-Frame-Options "DENY" always;`, "root " + dir + ";", "listen 127.0.0.1:1;"} {
		if !strings.Contains(conf, want) {
			t.Errorf("config lacks %q:\n%s", want, conf)
		}
	}
	if _, err := exec.LookPath("nginx"); err != nil {
		t.Skip("no nginx to check the configuration with")
	}
	for _, d := range []string{"body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		os.MkdirAll(filepath.Join(dir, "tmp", d), 0o755)
	}
	path := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("nginx", "-t", "-p", dir, "-c", path).CombinedOutput(); err != nil {
		t.Errorf("nginx -t: %v\n%s", err, out)
	}
}

// TestObjdump reads wasm-objdump's output for a wasm with names
// (testdata: -h of the floor and seven lines of its -x -j Code).
func TestObjdump(t *testing.T) {
	h, err := os.ReadFile("testdata/objdump-h.txt")
	if err != nil {
		t.Fatal(err)
	}
	if l := parseSections(string(h)); l.Code != 0x41dbf7 || l.Data != 0x276691 || l.Names != 0x27463 {
		t.Errorf("parseSections = code %d, data %d, names %d; want %d, %d, %d", l.Code, l.Data, l.Names, 0x41dbf7, 0x276691, 0x27463)
	}
	code, err := os.ReadFile("testdata/objdump-code.txt")
	if err != nil {
		t.Fatal(err)
	}
	namer := newPackageNamer([]string{"fmt", "github.com/maxence-charriere/go-app/v10/pkg/app", "github.com/maxence-charriere/go-app/v10/pkg/errors"})
	got, err := parseFuncs(string(code), namer)
	want := []PackageSize{{"fmt", 3243, 2}, {"github.com/maxence-charriere/go-app/v10/pkg/app", 2534, 3},
		{"(type_)", 213, 1}, {"github.com/maxence-charriere/go-app/v10/pkg/errors", 193, 1}}
	if err != nil || string(must(json.Marshal(got))) != string(must(json.Marshal(want))) {
		t.Errorf("parseFuncs = %+v, %v; want %+v", got, err, want)
	}
	stripped := " - func[23] size=48\n - func[24] size=347\n"
	if _, err := parseFuncs(stripped, namer); err != errNoNames {
		t.Errorf("parseFuncs without names: err = %v; want errNoNames", err)
	}
	if _, err := parseFuncs("not objdump output", namer); err == nil {
		t.Error("parseFuncs(garbage) = nil error; want one")
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

func TestPackageNamer(t *testing.T) {
	n := newPackageNamer([]string{"github.com/maxence-charriere/go-app/v10/pkg/app", "github.com/maxence-charriere/go-app/v10/pkg/errors", "runtime"})
	tests := []struct {
		sym, pkg, name string
	}{
		{"github.com_maxence_charriere_go_app_v10_pkg_app.Context.Dispatch.func1", "github.com/maxence-charriere/go-app/v10/pkg/app",
			"github.com/maxence-charriere/go-app/v10/pkg/app.Context.Dispatch.func1"},
		{"runtime.gcenable", "runtime", "runtime.gcenable"},
		{"type_.eq.runtime.x", "(type_)", "type_.eq.runtime.x"},
		{"wasm_export_run", "(wasm_export_run)", "wasm_export_run"},
		{"", "(unnamed)", ""},
	}
	for _, tt := range tests {
		if got := n.packageOf(tt.sym); got != tt.pkg {
			t.Errorf("packageOf(%q) = %q; want %q", tt.sym, got, tt.pkg)
		}
		if got := n.demangle(tt.sym); got != tt.name {
			t.Errorf("demangle(%q) = %q; want %q", tt.sym, got, tt.name)
		}
	}
}

func TestAboveFloor(t *testing.T) {
	ours := &WasmLayout{Packages: []PackageSize{{"a", 100, 5}, {"b", 50, 2}, {"c", 10, 1}}}
	floor := &WasmLayout{Packages: []PackageSize{{"a", 40, 2}, {"c", 10, 1}}}
	got := aboveFloor(ours, floor)
	want := []PackageSize{{"a", 60, 3}, {"b", 50, 2}}
	if string(must(json.Marshal(got))) != string(must(json.Marshal(want))) {
		t.Errorf("aboveFloor = %+v; want %+v", got, want)
	}
}

func TestSummarize(t *testing.T) {
	namer := newPackageNamer([]string{"github.com/x/ui", "github.com/x/app"})
	frame := func(name, url string) *runtime.CallFrame { return &runtime.CallFrame{FunctionName: name, URL: url} }
	prof := &profiler.Profile{
		Nodes: []*profiler.ProfileNode{
			{ID: 1, CallFrame: frame("(root)", ""), Children: []int64{2, 5}},
			{ID: 2, CallFrame: frame("github.com_x_app.update", "wasm://wasm/abc"), Children: []int64{3}},
			{ID: 3, CallFrame: frame("github.com_x_ui.render", "wasm://wasm/abc"), Children: []int64{4}},
			{ID: 4, CallFrame: frame("setAttribute", "")},
			{ID: 5, CallFrame: frame("(idle)", "")},
		},
		// The first delta is from the start; each sample lasts until the
		// next, so the last one has no length.
		Samples:    []int64{3, 4, 4, 5, 2},
		TimeDeltas: []int64{0, 1000, 2000, 1000, 4000},
	}
	var p CPUProfile
	summarize(&p, prof, namer)
	if p.BusyMs != 4 || p.IdleMs != 4 {
		t.Errorf("busy, idle = %v, %v; want 4, 4", p.BusyMs, p.IdleMs)
	}
	if len(p.Functions) != 2 || p.Functions[0].Name != "(browser) setAttribute" || p.Functions[0].Ms != 3 ||
		p.Functions[1].Name != "github.com/x/ui.render" || p.Functions[1].Ms != 1 {
		t.Errorf("functions = %+v; want (browser) setAttribute 3 ms, github.com/x/ui.render 1 ms", p.Functions)
	}
	incl := map[string]Float{}
	for _, h := range p.Packages {
		incl[h.Name] = h.Ms
	}
	if incl["github.com/x/app"] != 4 || incl["github.com/x/ui"] != 4 || len(incl) != 2 {
		t.Errorf("inclusive packages = %v; want app and ui 4 ms each", incl)
	}
}

// TestNetLog counts the page's responses from CDP's network events,
// without those its service worker answered.
func TestNetLog(t *testing.T) {
	n := new(netLog)
	n.reset()
	for _, r := range []struct {
		id, url string
		sw      bool
		bytes   float64
	}{{"1", "http://h/", false, 5000}, {"2", "http://h/web/app.wasm", false, 20000}, {"3", "http://h/data/report.json", true, 900}} {
		id := network.RequestID(r.id)
		n.event(&network.EventRequestWillBeSent{RequestID: id, Request: &network.Request{URL: r.url}})
		n.event(&network.EventResponseReceived{RequestID: id, Response: &network.Response{FromServiceWorker: r.sw}})
		n.event(&network.EventLoadingFinished{RequestID: id, EncodedDataLength: r.bytes})
	}
	got := n.quiet(0, time.Second)
	if got.Requests != 2 || got.PageBytes != 25000 || got.ByURL["http://h/web/app.wasm"] != 20000 {
		t.Errorf("netLog = %+v; want 2 requests, 25000 bytes, 20000 of them app.wasm", got)
	}
}

func TestTargets(t *testing.T) {
	r := &Result{
		Size: SizeResult{Ours: WasmSize{Brotli: 2_100_000}},
		Load: LoadResult{Ready: Series{Median: 1000}, FCP: Series{Median: 200}, ReadyRatio: 1.1},
		Interact: []Interact{
			{Data: "real", Route: "/movers", Search: Latency{P95: 12}},
			{Data: "synthetic", Route: "/movers", Search: Latency{P95: 60}},
		},
		Serve: ServeResult{Paths: []ServePath{
			{Path: "/", Accept: acceptEncoding, RPSRatio: 0.5},
			{Path: "/", Accept: "identity", RPSRatio: 2},
		}},
		Flood:     FloodResult{Conns: 256, Requests: 900, PeakRSSMB: 226, CachedP99: 80},
		Throttled: ThrottledResult{Ours: SlowLoads{LongestTask: Series{Median: 120}}, ReadyRatio: 1.5},
		Lighthouse: LighthouseResult{Pages: []LighthousePage{
			{App: "floor", Route: "/", Median: LighthouseRun{Performance: 99}},
			{App: "ours", Route: "/", Median: LighthouseRun{Performance: 95, TBT: 150, LCP: 1100, CLS: 0.01, BestPractices: 100, SEO: 100,
				ObservedFCP: 170, ObservedLCP: 744}},
			{App: "ours", Route: "/movers", Median: LighthouseRun{Performance: 82, TBT: 735, LCP: 1100, CLS: 0.01, BestPractices: 100, SEO: 100}},
		}},
	}
	r.Size.Floor.Brotli = 1_400_000
	r.Size.BrotliRatio = Float(ratio(2_100_000, 1_400_000))
	got := map[string]string{}
	for _, tg := range targets(r) {
		got[tg.Name] = status(tg)
	}
	want := map[string]string{
		"app.wasm brotli": "MISS",
		"time to ready":   "pass",
		"first contentful paint well before ready": "pass",
		"search p95, real /movers":                 "pass",
		"search p95, synthetic /movers":            "MISS",
		"server throughput /":                      "MISS",
		"peak RSS under a flood":                   "pass",
		"cached / p99 under a flood":               "MISS",
		// The mobile targets.
		"app.wasm brotli against the floor's":                "MISS",
		"facet click p95, real /movers":                      "pass",
		"facet click p95, synthetic /movers":                 "pass",
		"Lighthouse mobile /":                                "pass",
		"Lighthouse mobile /movers":                          "MISS",
		"longest task, cold load of / at 4× CPU":             "MISS",
		"largest contentful paint of / is the first content": "MISS",
		"cold ready over the throttled link":                 "MISS",
	}
	if string(must(json.Marshal(got))) != string(must(json.Marshal(want))) {
		t.Errorf("targets = %v; want %v", got, want)
	}
	for _, tg := range targets(r) {
		if tg.Name == "Lighthouse mobile /movers" && tg.Notes != "missed: performance, TBT" {
			t.Errorf("Lighthouse /movers notes = %q; want the two it missed", tg.Notes)
		}
	}
	r.Load.ReadyRatio = NaN
	r.Lighthouse = LighthouseResult{Note: "smoke run"}
	r.Throttled = ThrottledResult{}
	r.Throttled.finish()
	for _, tg := range targets(r) {
		if (tg.Name == "time to ready" || tg.Name == "Lighthouse mobile" || strings.Contains(tg.Name, "4× CPU") ||
			strings.Contains(tg.Name, "throttled")) && tg.Pass != nil {
			t.Errorf("%s with no measurement: pass = %v; want n/a", tg.Name, *tg.Pass)
		}
	}
}

// TestParseLighthouse reads a real Lighthouse 12.2.3 report of / (trimmed
// to the audits the runner reads), in which the LCP element's audit failed
// as it does on every run on Chromium 156, then the same report with that
// audit as Lighthouse writes it when it works, and reports that must be
// tried again.
func TestParseLighthouse(t *testing.T) {
	data, err := os.ReadFile("testdata/lighthouse-root.json")
	if err != nil {
		t.Fatal(err)
	}
	run, version, err := parseLighthouse(data)
	if err != nil || version != lighthouseVersion {
		t.Fatalf("parseLighthouse = version %q, %v; want %s, no error", version, err, lighthouseVersion)
	}
	if run.Performance != 72 || run.BestPractices != 100 || run.SEO != 100 || math.Abs(float64(run.TBT)-2213.921) > 1e-3 ||
		math.Abs(float64(run.LCP)-1124.316) > 1e-3 || math.Abs(float64(run.CLS)-0.0467) > 1e-3 || math.Abs(float64(run.FCP)-910.316) > 1e-3 {
		t.Errorf("parseLighthouse = %+v; want performance 72, BP and SEO 100, TBT 2214, LCP 1124, CLS 0.047, FCP 910", run)
	}
	if len(run.LongTasks) != 8 || run.LongTasks[0].Duration != 1257 || !strings.HasSuffix(run.LongTasks[0].URL, "/web/pwa.js") ||
		run.LongTasks[7].Duration != 56 {
		t.Errorf("long tasks = %+v; want 8, longest first (1257 ms in pwa.js), shortest 56 ms", run.LongTasks)
	}
	if len(run.MainThread) == 0 || run.MainThread[0].Name != "Script Evaluation" {
		t.Errorf("main-thread work = %+v; want Script Evaluation first", run.MainThread)
	}
	if run.ObservedFCP != 129 || run.ObservedLCP != 129 {
		t.Errorf("observed FCP %v, LCP %v; want 129 ms both, from the metrics audit", run.ObservedFCP, run.ObservedLCP)
	}
	if run.LCPElement != "" || len(run.Failed) != 1 || !strings.Contains(run.Failed[0], "RootCauses") {
		t.Errorf("LCP element %q, failed audits %q; want none, and the element's audit listed as failed", run.LCPElement, run.Failed)
	}

	var doc map[string]any
	must(nil, json.Unmarshal(data, &doc))
	audits := doc["audits"].(map[string]any)
	audits["largest-contentful-paint-element"] = map[string]any{"scoreDisplayMode": "metricSavings", "details": map[string]any{
		"type": "list", "items": []any{map[string]any{"type": "table", "items": []any{map[string]any{"node": map[string]any{
			"type": "node", "selector": "main > section > p", "nodeLabel": "本周  AI 指数\n上涨 3.2%", "snippet": `<p class="lede">`}}}}}}}
	run, _, err = parseLighthouse(must(json.Marshal(doc)))
	if want := `<p class="lede"> (main > section > p) "本周 AI 指数 上涨 3.2%"`; err != nil || run.LCPElement != want || len(run.Failed) != 0 {
		t.Errorf("LCP element = %q, failed %q, %v; want %q", run.LCPElement, run.Failed, err, want)
	}

	for name, edit := range map[string]func(){
		"runtime error": func() { doc["runtimeError"] = map[string]any{"code": "NO_FCP", "message": "no paint"} },
		"metric failed": func() {
			audits["largest-contentful-paint"] = map[string]any{"scoreDisplayMode": "error", "errorMessage": "NO_LCP"}
		},
		"no score": func() { doc["categories"].(map[string]any)["seo"] = map[string]any{"score": nil} },
	} {
		must(nil, json.Unmarshal(data, &doc))
		audits = doc["audits"].(map[string]any)
		edit()
		if _, _, err := parseLighthouse(must(json.Marshal(doc))); err == nil {
			t.Errorf("parseLighthouse(%s) = nil error; want one, so that the run is tried again", name)
		}
	}
}

// TestMedianRun takes each figure's median and the diagnostics of the run
// of median blocking time.
func TestMedianRun(t *testing.T) {
	runs := []LighthouseRun{
		{Performance: 60, TBT: 900, LCP: 3000, CLS: 0.1, LCPElement: "a"},
		{Performance: 80, TBT: 300, LCP: 1000, CLS: 0, LCPElement: "b"},
		{Performance: 70, TBT: 500, LCP: 2000, CLS: NaN, LCPElement: "c"},
	}
	m := medianRun(runs)
	if m.Performance != 70 || m.TBT != 500 || m.LCP != 2000 || m.CLS != 0.05 || m.LCPElement != "c" {
		t.Errorf("medianRun = %+v; want performance 70, TBT 500, LCP 2000, CLS 0.05 (of the two measured), element c", m)
	}
	if m := medianRun(nil); m.Performance.OK() {
		t.Errorf("medianRun(nil) performance = %v; want missing", m.Performance)
	}
}

func TestReports(t *testing.T) {
	r := &Result{Mode: "smoke", Settings: Settings{Runs: 1, Rounds: 1, LoadTool: "wrk"},
		Load:     LoadResult{Ready: Series{Median: 10}, FloorReady: Series{Median: NaN}, Offline: Series{Median: NaN, Note: "no worker"}},
		Problems: []string{"it broke"}}
	r.Targets = targets(r)
	var md bytes.Buffer
	writeMarkdown(&md, r)
	for _, want := range []string{"Size", "n/a (no worker)", "Problems", "it broke"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, md.String())
		}
	}
	if !strings.Contains(md.String(), "| --- |") || !strings.Contains(md.String(), "**Targets (reported, never enforced)**") {
		t.Errorf("Markdown report lacks its tables:\n%s", md.String())
	}
}

func TestFloatJSON(t *testing.T) {
	b, err := json.Marshal(struct{ A, B Float }{1.23456, NaN})
	if err != nil || string(b) != `{"A":1.235,"B":null}` {
		t.Errorf("Marshal = %s, %v; want {\"A\":1.235,\"B\":null}", b, err)
	}
	var back struct{ A, B Float }
	if err := json.Unmarshal(b, &back); err != nil || back.A != 1.235 || back.B.OK() {
		t.Errorf("Unmarshal = %+v, %v", back, err)
	}
}

func TestParseFlagsSmoke(t *testing.T) {
	c, err := parseFlags([]string{"-smoke", "-samples", "9"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if c.runs != 1 || c.samples != 9 || c.duration != time.Second || c.layout || c.profile || len(c.routes) != 1 {
		t.Errorf("parseFlags(-smoke -samples 9) = runs %d, samples %d, duration %s, layout %v, profile %v, routes %v",
			c.runs, c.samples, c.duration, c.layout, c.profile, c.routes)
	}
	if _, err := parseFlags([]string{"-runs", "0"}, io.Discard); err == nil {
		t.Error("parseFlags(-runs 0) = nil error; want one")
	}
}

func TestParsePerf(t *testing.T) {
	children := `# Children      Self  Symbol
#
    89.97%     0.00%  [.] runtime.goexit.abi0                   -      -
    64.38%     0.32%  [.] main.Run.(*site).handler.withAccessLog.func2  -      -
    38.60%     0.00%  [.] syscall.write                         -      -
    24.13%    24.13%  [k] pvm_irq_enable                        -      -
    10.79%     0.00%  [.] log/slog.(*Logger).LogAttrs           -      -
`
	dsos := `    50.92%  server
    47.56%  [kernel.kallsyms]
`
	fns, kernel := parsePerf(children, dsos, 2)
	want := []Hotspot{{Name: "main.Run.(*site).handler.withAccessLog.func2", Share: 0.6438}, {Name: "syscall.write", Share: 0.386}}
	if len(fns) != 2 || fns[0].Name != want[0].Name || fns[1].Name != want[1].Name ||
		math.Abs(float64(fns[0].Share-want[0].Share)) > 1e-9 || math.Abs(float64(kernel)-0.4756) > 1e-9 {
		t.Errorf("parsePerf = %+v, %v; want %+v, 0.4756", fns, kernel, want)
	}
}
