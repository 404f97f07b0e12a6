// Command runner is the benchmark behind `make bench` and `make
// bench-smoke`. In one run it measures, side by side, the report explorer
// and a hello-world go-app app built with the same flags (the framework's
// floor, bench/hello), and the explorer's server and nginx serving the
// static export of the same build:
//
//   - size: app.wasm raw, gzip and brotli, and the bytes a cold load of /
//     moves over the wire, as ratios to the floor;
//   - load in headless Chromium, median of several runs: first contentful
//     paint, time until the app is ready, the same warm and offline, as
//     ratios to the floor's time to ready;
//   - interaction: search keystroke and facet click to updated DOM, p50 and
//     p95, on the real report and on a synthetic one of 10,000 rows
//     (bench/synth);
//   - serving: requests per second and p99 latency of /, /web/app.wasm and
//     /data/report.json under the same bounded load, ours against nginx.
//
// It prints a table, writes the figures to bench/out/latest.json (and a
// copy named by the time) and the table as Markdown to bench/out/latest.md
// (latest-smoke.* for -smoke),
// and reports the targets as pass or miss without failing on them:
// times on a shared machine say little alone, so only ratios within one run
// are compared. A measurement that cannot run (no nginx, no service
// worker) is reported as n/a with the reason.
//
// Run it from the repository root after `make build`, with the floor built
// into bench/out (the Makefile's bench targets do both):
//
//	go run ./bench/runner [-smoke]
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/bench/synth"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "bench:", err)
		}
		os.Exit(1)
	}
}

// config is the command line.
type config struct {
	root, out      string
	smoke          bool
	runs, samples  int
	duration       time.Duration
	rounds         int
	threads, conns int
	routes         []string
	layout         bool
	profile        bool
	synthN         int
	keepLogs       bool
	serverBin      string
	helloBin       string
	helloWeb       string
	distDir        string
	snapDir        string
	logDir, tmpDir string
	synthPath      string
	realData       string
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("runner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.root, "root", ".", "repository `dir`ectory, with bin/server and web/app.wasm built")
	fs.StringVar(&c.out, "out", "bench/out", "`dir`ectory for results and everything the run makes, relative to -root")
	fs.BoolVar(&c.smoke, "smoke", false, "one run each, 1 s loads, few samples, no package sizes: checks the benchmark still works")
	fs.IntVar(&c.runs, "runs", 5, "page loads of each app, for the medians")
	fs.IntVar(&c.samples, "samples", 40, "timed keystrokes and facet clicks per route and data set")
	fs.DurationVar(&c.duration, "duration", 5*time.Second, "length of each serving load")
	fs.IntVar(&c.rounds, "rounds", 3, "serving loads per server and path, alternating which server goes first")
	fs.IntVar(&c.threads, "threads", 2, "wrk threads")
	fs.IntVar(&c.conns, "conns", 32, "open connections of the serving load")
	routes := fs.String("routes", "/movers,/events", "comma-separated explorer `routes` to time search and facets on")
	fs.BoolVar(&c.layout, "layout", true, "build both wasm binaries with names and break their code down by package")
	fs.BoolVar(&c.profile, "profile", true, "record CPU profiles of the interactions with the wasm built with names")
	fs.IntVar(&c.synthN, "synth-rows", 10000, "movers, constituents and events each in the synthetic report")
	fs.BoolVar(&c.keepLogs, "keep-logs", false, "keep the servers' access logs of the serving loads (they grow large)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if c.smoke {
		// Explicit flags win over the smoke defaults.
		for name, v := range map[string]func(){
			"runs":     func() { c.runs = 1 },
			"samples":  func() { c.samples = 5 },
			"duration": func() { c.duration = time.Second },
			"rounds":   func() { c.rounds = 1 },
			"layout":   func() { c.layout = false },
			"profile":  func() { c.profile = false },
			"routes":   func() { *routes = "/movers" },
		} {
			if !set[name] {
				v()
			}
		}
	}
	if c.runs < 1 || c.samples < 1 || c.rounds < 1 || c.duration < time.Second || c.synthN < 3 {
		return c, errors.New("-runs, -samples, -rounds and -synth-rows must be positive (-synth-rows at least 3) and -duration at least 1s")
	}
	for _, r := range strings.Split(*routes, ",") {
		if r = strings.TrimSpace(r); r != "" {
			c.routes = append(c.routes, r)
		}
	}
	root, err := filepath.Abs(c.root)
	if err != nil {
		return c, err
	}
	c.root = root
	if !filepath.IsAbs(c.out) {
		c.out = filepath.Join(root, c.out)
	}
	// The run serves a snapshot of the build, so that a rebuild by someone
	// else while it runs cannot mix two builds in one set of figures.
	c.snapDir = filepath.Join(c.out, "snapshot")
	c.serverBin = filepath.Join(c.snapDir, "bin", "server")
	c.helloBin = filepath.Join(c.out, "bin", "hello")
	c.helloWeb = filepath.Join(c.out, "hello", "web")
	c.distDir = filepath.Join(c.out, "dist")
	c.logDir = filepath.Join(c.out, "logs")
	c.tmpDir = filepath.Join(c.out, "tmp")
	c.synthPath = filepath.Join(c.out, "synth.json")
	c.realData = filepath.Join(root, "data", "report.json")
	return c, nil
}

// bench is one run in progress.
type bench struct {
	cfg   config
	res   *Result
	log   io.Writer
	start time.Time
}

// problem records something that kept a figure from being measured.
func (b *bench) problem(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	b.res.Problems = append(b.res.Problems, msg)
	fmt.Fprintln(b.log, "bench: problem:", msg)
}

// skip records a measurement left out because a tool is missing here.
func (b *bench) skip(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	b.res.Skipped = append(b.res.Skipped, msg)
	fmt.Fprintln(b.log, "bench: skipped:", msg)
}

// phase logs the start of a phase and returns a func that records its
// duration.
func (b *bench) phase(name string) func() {
	fmt.Fprintf(b.log, "bench: %s...\n", name)
	t0 := time.Now()
	return func() {
		b.res.Phases = append(b.res.Phases, PhaseTimer{Phase: name, Seconds: Float(time.Since(t0).Seconds())})
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	for _, d := range []string{cfg.out, cfg.logDir, cfg.tmpDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	for _, f := range []string{filepath.Join(cfg.root, "bin", "server"), filepath.Join(cfg.root, "web", "app.wasm"), cfg.helloBin, filepath.Join(cfg.helloWeb, "app.wasm")} {
		if _, err := os.Stat(f); err != nil {
			return fmt.Errorf("%s is missing: run `make bench` or `make bench-smoke`, which build it", f)
		}
	}
	if err := snapshot(cfg.root, cfg.snapDir); err != nil {
		return fmt.Errorf("snapshot the build: %w", err)
	}
	mode := "full"
	if cfg.smoke {
		mode = "smoke"
	}
	b := &bench{cfg: cfg, log: stderr, start: time.Now(), res: &Result{
		Format:  1,
		Time:    time.Now().UTC().Format(time.RFC3339),
		Mode:    mode,
		Machine: machine(ctx),
		Settings: Settings{
			Runs: cfg.runs, Samples: cfg.samples, Threads: cfg.threads, Conns: cfg.conns,
			Duration: cfg.duration.String(), Rounds: cfg.rounds, SynthRows: cfg.synthN, SynthSeed: synth.DefaultSeed,
			LoadPath: "/", Interaction: strings.Join(cfg.routes, ","),
		},
	}}

	reports, err := b.synth()
	if err != nil {
		return err
	}
	b.sizes(ctx)

	done := b.phase("starting the servers")
	ours, err := startProc(ctx, "ours", cfg.snapDir, filepath.Join(cfg.logDir, "ours.log"), cfg.serverBin, "-addr", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer ours.stop()
	floor, err := startProc(ctx, "floor", cfg.root, filepath.Join(cfg.logDir, "floor.log"), cfg.helloBin, "-addr", "127.0.0.1:0", "-web", cfg.helloWeb)
	if err != nil {
		return err
	}
	defer floor.stop()
	synthSrv, err := startProc(ctx, "ours-synthetic", cfg.snapDir, filepath.Join(cfg.logDir, "synthetic.log"), cfg.serverBin,
		"-addr", "127.0.0.1:0", "-data", cfg.synthPath)
	if err != nil {
		return err
	}
	defer synthSrv.stop()
	done()

	if br, err := newBrowser(ctx); err != nil {
		b.problem("load and interaction not measured: %v", err)
	} else {
		b.load(ctx, br, floor)
		b.interact(br, ours, synthSrv, reports)
		if cfg.profile {
			b.profiles(ctx, br)
		}
	}
	floor.stop()
	synthSrv.stop()

	b.serve(ctx, ours)
	ours.stop()

	b.res.finish()
	b.res.Targets = targets(b.res)
	if !cfg.keepLogs {
		// The access log of the serving loads has a line per request.
		os.Remove(filepath.Join(cfg.logDir, "ours.log"))
	}
	b.res.Machine.LoadEnd = loadAvg()
	b.res.Phases = append(b.res.Phases, PhaseTimer{Phase: "total", Seconds: Float(time.Since(b.start).Seconds())})
	if err := b.write(); err != nil {
		return err
	}
	fmt.Fprintln(stdout)
	writeText(stdout, b.res)
	fmt.Fprintf(stdout, "\nwrote %s and %s\n", rel(cfg.root, filepath.Join(cfg.out, b.latest()+".json")), rel(cfg.root, filepath.Join(cfg.out, b.latest()+".md")))
	if err := ctx.Err(); err != nil {
		return err
	}
	// Targets are reported, not enforced; a measurement that broke is an
	// error, so that the smoke run in make test catches a benchmark that
	// rotted.
	if n := len(b.res.Problems); n > 0 {
		return fmt.Errorf("%d measurement(s) failed; see Problems above", n)
	}
	return nil
}

// synth writes the synthetic report and returns the parsed real and
// synthetic reports, by data set name.
func (b *bench) synth() (map[string]*report.Report, error) {
	defer b.phase("generating the synthetic report")()
	base, err := os.ReadFile(b.cfg.realData)
	if err != nil {
		return nil, err
	}
	o := synth.Default()
	o.Movers, o.Constituents, o.Events = b.cfg.synthN, b.cfg.synthN, b.cfg.synthN
	data, err := synth.Generate(base, o)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(b.cfg.synthPath, data, 0o644); err != nil {
		return nil, err
	}
	b.res.Settings.SynthBytes = len(data)
	realRep, err := report.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", b.cfg.realData, err)
	}
	synthRep, err := report.Parse(data)
	if err != nil {
		return nil, err
	}
	return map[string]*report.Report{"real": realRep, "synthetic": synthRep}, nil
}

// sizes measures both wasm binaries and, unless -layout=false, what they
// are made of.
func (b *bench) sizes(ctx context.Context) {
	defer b.phase("measuring sizes")()
	s := &b.res.Size
	var notes []string
	var err error
	var note string
	if s.Ours, note, err = wasmSizes(filepath.Join(b.cfg.snapDir, "web")); err != nil {
		b.problem("size of web/app.wasm: %v", err)
	}
	notes = append(notes, note)
	if s.Floor, note, err = wasmSizes(b.cfg.helloWeb); err != nil {
		b.problem("size of the floor's app.wasm: %v", err)
	}
	notes = append(notes, note)
	s.Note = strings.Trim(strings.Join(notes, "; "), "; ")
	if !b.cfg.layout {
		return
	}
	ours, floor, above, err := layouts(ctx, b.cfg.root, b.cfg.tmpDir)
	if err != nil {
		b.problem("package sizes: %v", err)
		return
	}
	s.OursLayout, s.FloorLayout, s.AboveFloor = ours, floor, above
}

// load times cold, warm and offline loads of / of both apps, alternating
// which goes first. Each run of ours gets its own server process, which
// it stops for the offline load.
func (b *bench) load(ctx context.Context, br *browser, floor *proc) {
	defer b.phase("timing page loads")()
	b.res.Load.ServiceWorker = true
	for i := range b.cfg.runs {
		steps := []func(){func() { b.loadFloor(br, floor) }, func() { b.loadOurs(ctx, br, i) }}
		if i%2 == 1 {
			steps[0], steps[1] = steps[1], steps[0]
		}
		for _, step := range steps {
			step()
		}
	}
}

const loadLimit = 2 * time.Minute

func (b *bench) loadFloor(br *browser, floor *proc) {
	l := &b.res.Load
	m, err := newMeter(floor.URL)
	if err != nil {
		b.problem("floor load: %v", err)
		return
	}
	defer m.close()
	t, err := br.newTab(floorReady)
	if err != nil {
		b.problem("floor load: %v", err)
		return
	}
	defer t.close()
	url := m.URL + "/"
	cold, err := t.load(url, loadLimit)
	if err != nil {
		b.problem("floor cold load: %v", err)
		l.FloorReady.add(NaN)
		return
	}
	l.FloorFCP.add(fcp(cold))
	l.FloorReady.add(Float(cold.Ready))
	l.FloorWasmDone.add(mark(cold.WasmDone))
	why := t.waitWorker([]string{"/web/app.wasm"}, 20*time.Second)
	if why != "" {
		l.FloorWarm.Note = "floor's service worker: " + why
	}
	b.wire(&b.res.Size.FloorCold, cold.Transfer, m)
	warm, err := t.load(url, loadLimit)
	if err != nil {
		b.problem("floor warm load: %v", err)
		return
	}
	l.FloorWarm.add(Float(warm.Ready))
}

// wire records the first cold load's transfer, with the bytes the meter
// counted once the service worker has filled its cache.
func (b *bench) wire(dst *Transfer, page Transfer, m *meter) {
	down, up := m.quiet(500*time.Millisecond, 15*time.Second)
	if dst.Requests > 0 {
		return
	}
	*dst = page
	dst.Bytes, dst.Up = int(down), int(up)
}

func (b *bench) loadOurs(ctx context.Context, br *browser, i int) {
	l := &b.res.Load
	srv, err := startProc(ctx, fmt.Sprintf("ours-load-%d", i+1), b.cfg.snapDir, filepath.Join(b.cfg.logDir, "ours-load.log"),
		b.cfg.serverBin, "-addr", "127.0.0.1:0")
	if err != nil {
		b.problem("load run %d: %v", i+1, err)
		return
	}
	defer srv.stop()
	m, err := newMeter(srv.URL)
	if err != nil {
		b.problem("load run %d: %v", i+1, err)
		return
	}
	defer m.close()
	t, err := br.newTab(oursReady)
	if err != nil {
		b.problem("load run %d: %v", i+1, err)
		return
	}
	defer t.close()
	url := m.URL + "/"
	cold, err := t.load(url, loadLimit)
	if err != nil {
		b.problem("cold load run %d: %v", i+1, err)
		l.Ready.add(NaN)
		return
	}
	l.FCP.add(fcp(cold))
	l.Ready.add(Float(cold.Ready))
	l.WasmDone.add(mark(cold.WasmDone))
	l.DataRequested.add(mark(cold.DataStart))
	l.DataDone.add(mark(cold.DataDone))
	// The warm load comes once the service worker has cached the app, as
	// for a person coming back; without a worker it is the HTTP cache's.
	why := t.waitWorker([]string{"/web/app.wasm", "/data/report.json"}, 30*time.Second)
	b.wire(&b.res.Size.OursCold, cold.Transfer, m)
	warm, err := t.load(url, loadLimit)
	if err != nil {
		b.problem("warm load run %d: %v", i+1, err)
	} else {
		l.WarmFCP.add(fcp(warm))
		l.Warm.add(Float(warm.Ready))
	}
	if why != "" {
		l.ServiceWorker = false
		l.Offline.Note = "no service worker ready: " + why
		return
	}
	// Offline: the server and the meter in front of it are gone, so the
	// browser's connections are refused.
	m.close()
	srv.stop()
	off, err := t.load(url, time.Minute)
	if err != nil {
		l.Offline.Note = fmt.Sprintf("offline load failed: %v", err)
		l.Offline.add(NaN)
		return
	}
	l.Offline.add(Float(off.Ready))
}

func fcp(s loadSample) Float { return mark(s.FCP) }

// mark is a time from the page, where -1 means the page had none.
func mark(ms float64) Float {
	if ms < 0 {
		return NaN
	}
	return Float(ms)
}

// interact times search and facets on each route, on the real report and
// on the synthetic one.
func (b *bench) interact(br *browser, ours, synthSrv *proc, reports map[string]*report.Report) {
	defer b.phase("timing interactions")()
	for _, ds := range []struct {
		name string
		srv  *proc
	}{{"real", ours}, {"synthetic", synthSrv}} {
		for _, route := range b.cfg.routes {
			in := Interact{Data: ds.name, Route: route, Rows: rowsOf(reports[ds.name], route)}
			ready, nodes, search, facet, err := br.interact(ds.srv.URL, route, b.cfg.samples)
			if err != nil {
				b.problem("interaction on %s %s: %v", ds.name, route, err)
				search.Note, facet.Note = err.Error(), err.Error()
				search.finish()
				facet.finish()
			}
			in.Ready, in.Nodes, in.Search, in.Facet = Float(ready), nodes, search, facet
			b.res.Interact = append(b.res.Interact, in)
		}
	}
}

// profiles records CPU profiles of a load of / and of the interactions on
// each route, real and synthetic, with the explorer's wasm built with its
// names.
func (b *bench) profiles(ctx context.Context, br *browser) {
	defer b.phase("profiling interactions")()
	named := filepath.Join(b.cfg.tmpDir, "ours-names.wasm")
	namer, err := buildNamed(ctx, b.cfg.root, "./cmd/wasm", named)
	if err != nil {
		b.problem("profiles: %v", err)
		return
	}
	dir := filepath.Join(b.cfg.out, "profile-root")
	if err := profileRoot(b.cfg.snapDir, named, dir); err != nil {
		b.problem("profiles: %v", err)
		return
	}
	for _, ds := range []struct{ name, data string }{
		{"real", filepath.Join(b.cfg.snapDir, "data", "report.json")},
		{"synthetic", b.cfg.synthPath},
	} {
		srv, err := startProc(ctx, "ours-profile", dir, filepath.Join(b.cfg.logDir, "profile.log"), b.cfg.serverBin,
			"-addr", "127.0.0.1:0", "-data", ds.data)
		if err != nil {
			b.problem("profile %s: %v", ds.name, err)
			continue
		}
		if ds.name == "real" {
			p, err := br.profileLoad(srv.URL, namer)
			if err != nil {
				b.problem("profile of the load: %v", err)
			} else {
				p.Data = ds.name
				b.res.Profiles = append(b.res.Profiles, p)
			}
		}
		for _, route := range b.cfg.routes {
			p, err := br.profile(srv.URL, route, b.cfg.samples, namer)
			if err != nil {
				b.problem("profile %s %s: %v", ds.name, route, err)
				continue
			}
			p.Data = ds.name
			b.res.Profiles = append(b.res.Profiles, p)
		}
		srv.stop()
	}
}

// rowsOf is how many rows route lists unfiltered.
func rowsOf(r *report.Report, route string) int {
	if r == nil {
		return 0
	}
	switch route {
	case "/movers":
		return len(r.Movers.PeriodGainers) + len(r.Movers.YTDGainers) + len(r.Movers.PeriodLosers)
	case "/constituents":
		return len(r.Constituents)
	case "/events":
		return len(r.Events.CompanyEvents) + len(r.Events.DomesticNews) + len(r.Events.OverseasNews)
	case "/financings":
		return len(r.Financings.Items)
	case "/picks":
		n := 0
		for _, p := range r.Picks {
			n += len(p.Stocks)
		}
		return n
	}
	return 0
}

// serve exports the static site, starts nginx on it and loads both.
func (b *bench) serve(ctx context.Context, ours *proc) {
	defer b.phase("loading the servers")()
	s := &b.res.Serve
	var ld loader = wrkLoader{threads: b.cfg.threads, conns: b.cfg.conns, duration: b.cfg.duration}
	if _, err := execLookPath("wrk"); err != nil {
		ld = goLoader{conns: b.cfg.conns, duration: b.cfg.duration}
	}
	b.res.Settings.LoadTool = ld.name()

	export := runCmd(ctx, b.cfg.snapDir, b.cfg.serverBin, "-export", b.cfg.distDir)
	b.res.Settings.StaticFrom = "bin/server -export " + rel(b.cfg.root, b.cfg.distDir)
	if export != nil {
		s.Note = fmt.Sprintf("no static export: %v", export)
		b.problem("%s", s.Note)
		return
	}
	headers, err := headersOf(ctx, ours.URL)
	if err != nil {
		s.Note = fmt.Sprintf("read our server's headers: %v", err)
		b.problem("%s", s.Note)
		return
	}
	nginx, err := startNginx(ctx, filepath.Join(b.cfg.out, "nginx"), b.cfg.distDir, headers)
	if errors.Is(err, errSkipped) {
		s.Note = err.Error()
		b.skip("nginx: %v", err)
		return
	}
	if err != nil {
		s.Note = err.Error()
		b.problem("nginx: %v", err)
		return
	}
	defer nginx.stop()
	paths, err := serveBench(ctx, ld, ours, nginx, b.cfg.rounds)
	if err != nil {
		s.Note = err.Error()
		b.problem("serving: %v", err)
		return
	}
	s.Paths = paths
	if b.cfg.profile {
		for _, sp := range servePaths[:3] {
			if sp.path == "/web/app.wasm" {
				continue
			}
			p, err := perfServer(ctx, ours.cmd.Process.Pid, b.cfg.out, ld, sp.path, ours.URL+sp.path, sp.accept, b.cfg.duration)
			if errors.Is(err, errSkipped) {
				b.skip("server profile: %v", err)
				break
			}
			if err != nil {
				b.problem("server profile %s: %v", sp.path, err)
				continue
			}
			s.Profiles = append(s.Profiles, p)
		}
	}
	if !b.cfg.keepLogs {
		// Both access logs hold a line per request of the loads.
		nginx.stop()
		os.Remove(filepath.Join(b.cfg.out, "nginx", "access.log"))
	}
}

// latest is the name of the latest results: a smoke run (as make test
// does) keeps its own, so that it never replaces a full run's.
func (b *bench) latest() string {
	if b.cfg.smoke {
		return "latest-smoke"
	}
	return "latest"
}

// write saves the result as JSON (latest and by time) and the tables as
// Markdown.
func (b *bench) write() error {
	data, err := json.MarshalIndent(b.res, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	stamp := strings.NewReplacer(":", "", "-", "").Replace(b.res.Time)
	for _, name := range []string{b.latest() + ".json", "run-" + b.res.Mode + "-" + stamp + ".json"} {
		if err := os.WriteFile(filepath.Join(b.cfg.out, name), data, 0o644); err != nil {
			return err
		}
	}
	f, err := os.Create(filepath.Join(b.cfg.out, b.latest()+".md"))
	if err != nil {
		return err
	}
	writeMarkdown(f, b.res)
	return f.Close()
}

func rel(root, path string) string {
	if r, err := filepath.Rel(root, path); err == nil {
		return r
	}
	return path
}
