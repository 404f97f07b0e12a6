package main

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/runtime"
)

func TestParseWrk(t *testing.T) {
	out := `Running 5s test @ http://127.0.0.1:8000/
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.10ms    1.20ms  30.00ms   90.00%
  Latency Distribution
     50%    1.90ms
     75%    2.50ms
     90%    3.10ms
     99%  %s
  61234 requests in 5.00s, 300.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:  12246.80
Transfer/sec:     60.00MB
`
	tests := []struct {
		p99  string
		want float64
	}{
		{"850.00us", 0.85},
		{"6.20ms", 6.2},
		{"1.50s", 1500},
	}
	for _, tt := range tests {
		t.Run(tt.p99, func(t *testing.T) {
			got, err := parseWrk(strings.Replace(out, "%s", tt.p99, 1))
			if err != nil {
				t.Fatal(err)
			}
			if got.RPS != 12246.8 || math.Abs(got.P99-tt.want) > 1e-9 || got.Errors != 7 {
				t.Errorf("parseWrk = %+v; want RPS 12246.8, P99 %g, Errors 7", got, tt.want)
			}
		})
	}
	if _, err := parseWrk("unable to connect"); err == nil {
		t.Error("parseWrk(garbage) = nil error; want one")
	}
}

// TestNginxConf renders the configuration and, where nginx is installed,
// has nginx check it.
func TestNginxConf(t *testing.T) {
	dir := t.TempDir()
	cfg := nginxConfig{Workers: 2, Dir: dir, Addr: "127.0.0.1:1", Root: dir,
		Headers: []header{{"Cache-Control", "no-cache"}, {"X-Frame-Options", "DENY"}}}
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

// wasmModule builds a wasm binary with one imported function, two defined
// ones and a name section, by the binary format's rules.
func wasmModule(names map[int]string, bodies ...[]byte) []byte {
	uleb := func(v int) []byte {
		var b []byte
		for {
			c := byte(v & 0x7f)
			v >>= 7
			if v != 0 {
				c |= 0x80
			}
			b = append(b, c)
			if v == 0 {
				return b
			}
		}
	}
	str := func(s string) []byte { return append(uleb(len(s)), s...) }
	section := func(id byte, content []byte) []byte {
		return append(append([]byte{id}, uleb(len(content))...), content...)
	}
	out := []byte("\x00asm\x01\x00\x00\x00")
	imp := append(uleb(1), str("go")...)
	imp = append(imp, str("debug")...)
	imp = append(imp, 0, 0) // function of type 0
	out = append(out, section(2, imp)...)
	code := uleb(len(bodies))
	for _, b := range bodies {
		code = append(code, uleb(len(b))...)
		code = append(code, b...)
	}
	out = append(out, section(10, code)...)
	out = append(out, section(11, []byte{0})...)
	if names != nil {
		fn := uleb(len(names))
		for i := range len(names) + 1 {
			if n, ok := names[i]; ok {
				fn = append(fn, uleb(i)...)
				fn = append(fn, str(n)...)
			}
		}
		sub := append([]byte{1}, uleb(len(fn))...)
		out = append(out, section(0, append(str("name"), append(sub, fn...)...))...)
	}
	return out
}

func TestWasmLayout(t *testing.T) {
	namer := newPackageNamer([]string{"github.com/a/go-b/v2", "github.com/a/go-b/v2/sub", "fmt"})
	names := map[int]string{0: "go.debug", 1: "github.com_a_go_b_v2_sub.F", 2: "fmt.Println", 3: "github.com_a_go_b_v2.(*T).M"}
	b := wasmModule(names, make([]byte, 10), make([]byte, 20), make([]byte, 30))
	l, err := wasmLayout(b, namer)
	if err != nil {
		t.Fatal(err)
	}
	want := []PackageSize{{"github.com/a/go-b/v2", 30, 1}, {"fmt", 20, 1}, {"github.com/a/go-b/v2/sub", 10, 1}}
	if got, _ := json.Marshal(l.Packages); string(got) != string(must(json.Marshal(want))) {
		t.Errorf("wasmLayout packages = %s; want %s", got, must(json.Marshal(want)))
	}
	if l.Total != len(b) || l.Names == 0 {
		t.Errorf("wasmLayout = total %d, names %d; want %d and a name section", l.Total, l.Names, len(b))
	}
	if _, err := wasmLayout(wasmModule(nil, make([]byte, 4)), namer); err != errNoNames {
		t.Errorf("wasmLayout without names: err = %v; want errNoNames", err)
	}
	if _, err := wasmLayout([]byte("not wasm"), namer); err == nil {
		t.Error("wasmLayout(not wasm) = nil error; want one")
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

func TestMeterCounts(t *testing.T) {
	body := strings.Repeat("x", 5000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, body) }))
	defer srv.Close()
	m, err := newMeter(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	m.reset()
	for range 2 {
		resp, err := http.Get(m.URL + "/")
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	down, up := m.quiet(100*time.Millisecond, 5*time.Second)
	if down < 2*5000 || down > 2*5000+1000 || up == 0 {
		t.Errorf("meter counted %d bytes down, %d up; want a little over 10000 down", down, up)
	}
	m.close()
	if _, err := http.Get(m.URL + "/"); err == nil {
		t.Error("GET after close succeeded; want the connection refused")
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
	}
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
	}
	if string(must(json.Marshal(got))) != string(must(json.Marshal(want))) {
		t.Errorf("targets = %v; want %v", got, want)
	}
	r.Load.ReadyRatio = NaN
	for _, tg := range targets(r) {
		if tg.Name == "time to ready" && tg.Pass != nil {
			t.Errorf("time to ready with no measurement: pass = %v; want n/a", *tg.Pass)
		}
	}
}

func TestReports(t *testing.T) {
	r := &Result{Mode: "smoke", Settings: Settings{Runs: 1, Rounds: 1, LoadTool: "wrk"},
		Load:     LoadResult{Ready: Series{Median: 10}, FloorReady: Series{Median: NaN}, Offline: Series{Median: NaN, Note: "no worker"}},
		Problems: []string{"it broke"}}
	r.Targets = targets(r)
	var text, md bytes.Buffer
	writeText(&text, r)
	writeMarkdown(&md, r)
	for _, want := range []string{"Size", "n/a (no worker)", "Problems", "it broke"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, text.String())
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
