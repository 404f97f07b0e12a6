// Command runner is the benchmark behind `make bench` and `make
// bench-smoke`. In one run it measures, side by side, the report explorer
// and a hello-world go-app app built with the same flags (the framework's
// floor, bench/hello), and the explorer's server and nginx serving the
// static export of the same build. It measures little itself: each figure
// comes from a tool that reports it.
//
//   - size: app.wasm raw, gzip and brotli from the files; the code by
//     package from wabt's wasm-objdump; the bytes of a cold load of / from
//     Chromium's Resource Timing, in the page and in its service worker;
//   - load in headless Chromium, median of several runs: first contentful
//     paint and the resource timing marks from the page, "ready" from
//     probe.js; warm and offline the same;
//   - interaction: interact.js times search keystrokes and facet clicks in
//     the page, on the real report and on a synthetic one of 10,000 rows
//     (bench/synth); CDP's profiler says where the time goes;
//   - serving: wrk's own requests per second and p99 (wrk-done.lua), ours
//     against nginx (nginx.conf); perf samples our server;
//   - slowed down (throttle.go): cold loads over a 10 Mbit/s, 40 ms link
//     (CDP network emulation), and at 4× CPU slowdown on a phone's screen
//     with the Long Tasks API and the LCP entry read in the page;
//   - Lighthouse 12.2.3 mobile on six routes and on the floor's page
//     (lighthouse.go; full runs only).
//
// It prints the tables as Markdown, writes the figures to
// bench/out/latest.json (and a copy named by the time) and the tables to
// bench/out/latest.md (latest-smoke.* for -smoke), and reports the targets
// as pass or MISS without failing on them: times on a shared machine say
// little alone, so only ratios within one run are compared. A measurement
// that cannot run here (no nginx, no service worker) is n/a with the
// reason; one that breaks makes the run exit 1.
//
// Run it from the repository root after `make build`, with the floor built
// into bench/out (the Makefile's bench targets do both):
//
//	go run ./bench/runner [-smoke]
package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/airesearch/aiweekly/app/report"
	chromium "github.com/airesearch/aiweekly/app/testkit/browser"
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
	lighthouse     string
	lhRuns         int
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("runner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&c.runs, "runs", 5, "page loads of each app, for the medians")
	fs.IntVar(&c.samples, "samples", 40, "timed keystrokes and facet clicks per route and data set")
	fs.DurationVar(&c.duration, "duration", 5*time.Second, "length of each serving load")
	fs.IntVar(&c.rounds, "rounds", 3, "serving loads per server and path, alternating which server goes first")
	fs.IntVar(&c.threads, "threads", 2, "wrk threads")
	fs.IntVar(&c.conns, "conns", 32, "open connections of the serving load")
	fs.StringVar(&c.root, "root", ".", "repository `dir`ectory, with bin/server and web/app.wasm built")
	fs.StringVar(&c.out, "out", "bench/out", "`dir`ectory for results and everything the run makes, relative to -root")
	fs.BoolVar(&c.smoke, "smoke", false, "one run each, 1 s loads, few samples, no package sizes: checks the benchmark still works")
	routes := fs.String("routes", "/movers,/events", "comma-separated explorer `routes` to time search and facets on")
	fs.BoolVar(&c.layout, "layout", true, "build both wasm binaries with names and break their code down by package")
	fs.BoolVar(&c.profile, "profile", true, "record CPU profiles of the interactions with the wasm built with names")
	fs.IntVar(&c.synthN, "synth-rows", 10000, "movers, constituents and events each in the synthetic report")
	fs.StringVar(&c.lighthouse, "lighthouse", "bench/out/lighthouse/node_modules/.bin/lighthouse", "Lighthouse `command`, relative to -root (the Makefile installs it from npm)")
	fs.IntVar(&c.lhRuns, "lighthouse-runs", 3, "Lighthouse runs of each page, for the medians")
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
	if c.runs < 1 || c.lhRuns < 1 || c.samples < 1 || c.rounds < 1 || c.duration < time.Second || c.synthN < 3 {
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
	if !filepath.IsAbs(c.lighthouse) && strings.ContainsRune(c.lighthouse, filepath.Separator) {
		c.lighthouse = filepath.Join(root, c.lighthouse)
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
	cfg      config
	res      *Result
	log      io.Writer
	start    time.Time
	chromium string // the browser's path, for Lighthouse
	lhConfig string // Lighthouse's configuration file, once written
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
	if err := snapshot(cfg); err != nil {
		return fmt.Errorf("snapshot the build: %w", err)
	}
	mode := map[bool]string{false: "full", true: "smoke"}[cfg.smoke]
	chromiumPath, _ := chromium.Path()
	b := &bench{cfg: cfg, log: stderr, start: time.Now(), chromium: chromiumPath, res: &Result{
		Format:  2,
		Time:    time.Now().UTC().Format(time.RFC3339),
		Mode:    mode,
		Machine: machine(ctx, chromiumPath),
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
	ours, err := startServer(ctx, "ours", cfg.snapDir, filepath.Join(cfg.logDir, "ours.log"), cfg.serverBin)
	if err != nil {
		return err
	}
	defer ours.stop()
	floor, err := startServer(ctx, "floor", cfg.root, filepath.Join(cfg.logDir, "floor.log"), cfg.helloBin, "-web", cfg.helloWeb)
	if err != nil {
		return err
	}
	defer floor.stop()
	synthSrv, err := startServer(ctx, "ours-synthetic", cfg.snapDir, filepath.Join(cfg.logDir, "synthetic.log"), cfg.serverBin, "-data", cfg.synthPath)
	if err != nil {
		return err
	}
	defer synthSrv.stop()
	done()

	b.browse(ctx, ours, floor, synthSrv, reports)
	b.lighthouse(ctx, ours, floor)
	floor.stop()
	synthSrv.stop()

	b.serve(ctx, ours)
	ours.stop()
	if _, err := exec.LookPath("wrk"); err == nil {
		b.flood(ctx)
	} else {
		b.res.Flood.Note = "no wrk on PATH"
	}

	err = b.finish(stdout)
	return cmp.Or(ctx.Err(), err)
}

// browse runs the measurements in headless Chromium: loads, throttled
// loads, interactions and, unless -profile=false, the CPU profiles.
func (b *bench) browse(ctx context.Context, ours, floor, synthSrv *proc, reports map[string]*report.Report) {
	br, err := newBrowser(ctx)
	if err != nil {
		b.problem("load and interaction not measured: %v", err)
		return
	}
	b.load(ctx, br, floor)
	b.throttled(br, ours, floor)
	b.interact(br, ours, synthSrv, reports)
	if b.cfg.profile {
		b.profiles(ctx, br)
	}
}

// snapshot copies the build the run measures, bin/server, web/ and data/,
// and serves that, so that a rebuild by someone else while it runs cannot
// mix two builds in one set of figures.
func snapshot(cfg config) error {
	os.RemoveAll(cfg.snapDir)
	err := copyFile(filepath.Join(cfg.root, "bin", "server"), cfg.serverBin, 0o755)
	for _, sub := range []string{"web", "data"} {
		err = cmp.Or(err, os.CopyFS(filepath.Join(cfg.snapDir, sub), os.DirFS(filepath.Join(cfg.root, sub))))
	}
	return err
}

// finish computes what follows from the samples, writes the results and
// prints the tables.
func (b *bench) finish(stdout io.Writer) error {
	b.res.finish()
	b.res.Targets = targets(b.res)
	if !b.cfg.keepLogs {
		// The access log of the serving loads has a line per request.
		os.Remove(filepath.Join(b.cfg.logDir, "ours.log"))
	}
	b.res.Machine.LoadEnd = loadAvg()
	b.res.Phases = append(b.res.Phases, PhaseTimer{Phase: "total", Seconds: Float(time.Since(b.start).Seconds())})
	if err := b.write(); err != nil {
		return err
	}
	fmt.Fprintln(stdout)
	writeMarkdown(stdout, b.res)
	fmt.Fprintf(stdout, "\nwrote %s and %s\n", rel(b.cfg.root, filepath.Join(b.cfg.out, b.latest()+".json")), rel(b.cfg.root, filepath.Join(b.cfg.out, b.latest()+".md")))
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
	return map[string]*report.Report{"real": realRep, "synthetic": synthRep}, err
}

// sizes measures both wasm binaries and, unless -layout=false, what they
// are made of.
func (b *bench) sizes(ctx context.Context) {
	defer b.phase("measuring sizes")()
	s := &b.res.Size
	var notes [2]string
	var err error
	if s.Ours, notes[0], err = wasmSizes(filepath.Join(b.cfg.snapDir, "web")); err != nil {
		b.problem("size of web/app.wasm: %v", err)
	}
	if s.Floor, notes[1], err = wasmSizes(b.cfg.helloWeb); err != nil {
		b.problem("size of the floor's app.wasm: %v", err)
	}
	if s.ReleasedFloor, _, err = wasmSizes(filepath.Join(b.cfg.out, "hello-released")); err != nil {
		b.problem("size of the floor's app.wasm with go-app as released: %v", err)
	}
	s.Note = strings.Trim(strings.Join(notes[:], "; "), "; ")
	if !b.cfg.layout {
		return
	}
	if s.OursLayout, s.FloorLayout, s.AboveFloor, err = layouts(ctx, b.cfg.root, b.cfg.tmpDir); err != nil {
		b.problem("package sizes: %v", err)
	}
}

// load times cold, warm and offline loads of / of both apps, alternating
// which goes first.
func (b *bench) load(ctx context.Context, br *browser, floor *proc) {
	defer b.phase("timing page loads")()
	b.res.Load.ServiceWorker = true
	for i := range b.cfg.runs {
		for _, ours := range []bool{i%2 == 1, i%2 == 0} {
			if err := b.loadOnce(ctx, br, floor, ours, i); err != nil {
				b.problem("%s load run %d: %v", map[bool]string{false: "floor", true: "our"}[ours], i+1, err)
			}
		}
	}
}

const loadLimit = 2 * time.Minute

// loadOnce times a cold and a warm load of / of one app and, for ours, an
// offline one: each run of ours has a server process of its own, stopped
// for the offline load. The first cold load of each app also records what
// it moved over the wire.
func (b *bench) loadOnce(ctx context.Context, br *browser, floor *proc, ours bool, i int) error {
	l := &b.res.Load
	srv, sel, files := floor, floorReady, []string{"/web/app.wasm"}
	fcp, ready, wasm, warm, wire := &l.FloorFCP, &l.FloorReady, &l.FloorWasmDone, &l.FloorWarm, &b.res.Size.FloorCold
	if ours {
		var err error
		srv, err = startServer(ctx, fmt.Sprintf("ours-load-%d", i+1), b.cfg.snapDir, filepath.Join(b.cfg.logDir, "ours-load.log"), b.cfg.serverBin)
		if err != nil {
			return err
		}
		defer srv.stop()
		sel, files = oursReady, append(files, "/data/report.json")
		fcp, ready, wasm, warm, wire = &l.FCP, &l.Ready, &l.WasmDone, &l.Warm, &b.res.Size.OursCold
	}
	t, err := br.newTab(sel)
	if err != nil {
		return err
	}
	defer t.close()
	url := srv.URL + "/"
	cold, err := t.load(url, loadLimit)
	if err != nil {
		ready.add(NaN)
		return fmt.Errorf("cold load: %w", err)
	}
	fcp.add(mark(cold.FCP))
	ready.add(Float(cold.Ready))
	wasm.add(mark(cold.WasmDone))
	if ours {
		l.DataRequested.add(mark(cold.DataStart))
		l.DataDone.add(mark(cold.DataDone))
	}
	// The warm load comes once the service worker has cached the app, as
	// for a person coming back; without a worker it is the HTTP cache's.
	why := t.waitWorker(files, 30*time.Second)
	if wire.Requests == 0 {
		*wire = cold.Transfer
		if err := t.addWorker(wire); err != nil {
			b.problem("bytes of the cold load: %v", err)
		}
	}
	w, err := t.load(url, loadLimit)
	if err != nil {
		return fmt.Errorf("warm load: %w", err)
	}
	warm.add(Float(w.Ready))
	switch {
	case !ours:
		if why != "" {
			l.FloorWarm.Note = "floor's service worker: " + why
		}
		return nil
	case why != "":
		l.ServiceWorker = false
		l.Offline.Note = "no service worker ready: " + why
		return nil
	}
	l.WarmFCP.add(mark(w.FCP))
	// Offline: the server is gone, so the browser's connections are
	// refused.
	srv.stop()
	off, err := t.load(url, time.Minute)
	if err != nil {
		l.Offline.Note = fmt.Sprintf("offline load failed: %v", err)
		l.Offline.add(NaN)
		return nil
	}
	l.Offline.add(Float(off.Ready))
	return nil
}

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
			t, s, err := br.openRoute(ds.srv.URL, route)
			var res interactions
			if err == nil {
				res, err = t.interact(b.cfg.samples)
				t.close()
			}
			if err != nil {
				b.problem("interaction on %s %s: %v", ds.name, route, err)
				res.Search.Note, res.Facet.Note = err.Error(), err.Error()
			}
			in.Ready, in.Nodes, in.Search, in.Facet = Float(s.Ready), res.Nodes, latency(res.Search), latency(res.Facet)
			b.res.Interact = append(b.res.Interact, in)
		}
	}
}

// profiles records CPU profiles of a load of / and of the interactions on
// each route, real and synthetic, with the explorer's wasm built with its
// names and served from a copy of the snapshot.
func (b *bench) profiles(ctx context.Context, br *browser) {
	defer b.phase("profiling interactions")()
	named := filepath.Join(b.cfg.tmpDir, "ours-names.wasm")
	namer, err := buildNamed(ctx, b.cfg.root, "./cmd/wasm", named)
	dir := filepath.Join(b.cfg.out, "profile-root")
	if err == nil {
		os.RemoveAll(dir)
		err = os.CopyFS(filepath.Join(dir, "web"), os.DirFS(filepath.Join(b.cfg.snapDir, "web")))
	}
	// Without the stripped build's variants, which the server would send.
	os.Remove(filepath.Join(dir, "web", "app.wasm.br"))
	os.Remove(filepath.Join(dir, "web", "app.wasm.gz"))
	if err = cmp.Or(err, copyFile(named, filepath.Join(dir, "web", "app.wasm"), 0o644)); err != nil {
		b.problem("profiles: %v", err)
		return
	}
	for _, ds := range []struct{ name, data string }{
		{"real", filepath.Join(b.cfg.snapDir, "data", "report.json")},
		{"synthetic", b.cfg.synthPath},
	} {
		srv, err := startServer(ctx, "ours-profile", dir, filepath.Join(b.cfg.logDir, "profile.log"), b.cfg.serverBin, "-data", ds.data)
		if err != nil {
			b.problem("profile %s: %v", ds.name, err)
			continue
		}
		var runs []func() (CPUProfile, error)
		if ds.name == "real" {
			runs = append(runs, func() (CPUProfile, error) { return br.profileLoad(srv.URL, namer) })
		}
		for _, route := range b.cfg.routes {
			runs = append(runs, func() (CPUProfile, error) { return br.profileInteract(srv.URL, route, b.cfg.samples, namer) })
		}
		for _, run := range runs {
			p, err := run()
			if err != nil {
				b.problem("profile %s %s: %v", ds.name, p.Route, err)
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

// serve exports the static site, starts nginx on it and loads both with
// wrk; without wrk or nginx here the serving figures are skipped.
func (b *bench) serve(ctx context.Context, ours *proc) {
	defer b.phase("loading the servers")()
	s := &b.res.Serve
	ld := wrk{threads: b.cfg.threads, conns: b.cfg.conns, duration: b.cfg.duration, script: filepath.Join(b.cfg.tmpDir, "wrk-done.lua")}
	b.res.Settings.LoadTool = ld.name()
	b.res.Settings.StaticFrom = "bin/server -export " + rel(b.cfg.root, b.cfg.distDir)
	fail := func(err error) {
		s.Note = err.Error()
		if errors.Is(err, errSkipped) {
			b.skip("%v", err)
		} else {
			b.problem("%v", err)
		}
	}
	if _, err := exec.LookPath("wrk"); err != nil {
		fail(fmt.Errorf("%w: no wrk on PATH (apt-get install wrk)", errSkipped))
		return
	}
	if err := os.WriteFile(ld.script, wrkDone, 0o644); err != nil {
		fail(err)
		return
	}
	export := exec.CommandContext(ctx, b.cfg.serverBin, "-export", b.cfg.distDir)
	export.Dir = b.cfg.snapDir
	if out, err := export.CombinedOutput(); err != nil {
		fail(fmt.Errorf("no static export: %v\n%s", err, out))
		return
	}
	resp, err := get(ctx, ours.URL+"/", acceptEncoding)
	if err != nil {
		fail(fmt.Errorf("read our server's headers: %w", err))
		return
	}
	nginx, err := startNginx(ctx, filepath.Join(b.cfg.out, "nginx"), b.cfg.distDir, resp)
	if err != nil {
		fail(fmt.Errorf("nginx: %w", err))
		return
	}
	defer nginx.stop()
	if s.Paths, err = serveBench(ctx, ld, ours, nginx, b.cfg.rounds); err != nil {
		fail(fmt.Errorf("serving: %w", err))
		return
	}
	for _, sp := range servePaths[:3] {
		if !b.cfg.profile || sp.path == "/web/app.wasm" {
			continue
		}
		p, err := perfServer(ctx, ours.cmd.Process.Pid, b.cfg.out, ld, sp.path, ours.URL+sp.path, sp.accept)
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
	var md strings.Builder
	writeMarkdown(&md, b.res)
	return os.WriteFile(filepath.Join(b.cfg.out, b.latest()+".md"), []byte(md.String()), 0o644)
}

func rel(root, path string) string {
	if r, err := filepath.Rel(root, path); err == nil {
		return r
	}
	return path
}

func copyFile(src, dst string, mode os.FileMode) error {
	b, err := os.ReadFile(src)
	if err == nil {
		err = os.MkdirAll(filepath.Dir(dst), 0o755)
	}
	if err == nil {
		err = os.WriteFile(dst, b, mode)
	}
	return err
}
