package main

import (
	"cmp"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// lighthouseVersion is the Lighthouse the Makefile installs from npm
// (13.x needs Node 22); the runner checks that it runs this one.
const lighthouseVersion = "12.2.3"

// lighthouseRoutes are the explorer's routes Lighthouse measures; the
// floor has the one page.
var lighthouseRoutes = []string{"/", "/movers", "/constituents", "/events", "/financings", "/stocks/三六零"}

// lighthouseFlags are Chromium's flags for Lighthouse: headless, and
// nothing that reaches for the outside network, which this machine lacks.
const lighthouseFlags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"

// lhConfigJS is Lighthouse's default configuration with lhGathererJS in place
// of TraceElements, so that the LCP element is found on this Chromium
// (see lh-lcp-gatherer.mjs). Both are written next to Lighthouse's
// node_modules, where the gatherer's imports resolve.
var (
	//go:embed lh-config.mjs
	lhConfigJS []byte
	//go:embed lh-lcp-gatherer.mjs
	lhGathererJS []byte
)

// lighthouseAttempts is how often one run is tried: on this Chromium a
// gatherer sometimes fails, and such a run is tried again, not dropped.
const lighthouseAttempts = 4

// LighthouseRun is what one Lighthouse run (default mobile settings:
// simulated slow 4G, 4× CPU slowdown) says of a page. Scores are 0–100,
// times in milliseconds.
type LighthouseRun struct {
	// The categories' scores.
	Performance   Float `json:"performance"`
	BestPractices Float `json:"best_practices"`
	SEO           Float `json:"seo"`
	// The simulated metrics: total blocking time, largest contentful
	// paint, cumulative layout shift (no unit), first contentful paint.
	TBT Float `json:"tbt_ms"`
	LCP Float `json:"lcp_ms"`
	CLS Float `json:"cls"`
	FCP Float `json:"fcp_ms"`
	// ObservedFCP and ObservedLCP are the paints of the load Lighthouse
	// watched, unthrottled, from which it simulated the figures above
	// (the metrics audit): an LCP later than the first paint means a
	// later, larger candidate than the first content.
	ObservedFCP Float `json:"observed_fcp_ms"`
	ObservedLCP Float `json:"observed_lcp_ms"`
	// LCPElement is the element Lighthouse took as the largest contentful
	// paint (largest-contentful-paint-element).
	LCPElement string `json:"lcp_element,omitempty"`
	// LongTasks are the longest main-thread tasks of the simulated load
	// (long-tasks), longest first; MainThread is the main thread's work
	// by kind (mainthread-work-breakdown), largest first.
	LongTasks  []LongTask `json:"long_tasks,omitempty"`
	MainThread []Hotspot  `json:"main_thread,omitempty"`
	// Failed is the diagnostic audits (the three above) that errored,
	// with Lighthouse's message. They do not count in a score, so such a
	// run is kept: on Chromium 156 Lighthouse 12.2.3's RootCauses
	// gatherer fails on every run (its trace engine reads a
	// PipelineReporter field this Chromium no longer writes), which takes
	// the LCP element with it unless lhConfigJS is used, and retrying
	// cannot help.
	Failed []string `json:"failed_audits,omitempty"`
}

// LongTask is one main-thread task over 50 ms, as Lighthouse lists it:
// the script it is attributed to, its start and duration.
type LongTask struct {
	URL string `json:"url"`
	// Start and Duration are in milliseconds.
	Start    Float `json:"start_ms"`
	Duration Float `json:"duration_ms"`
}

// LighthousePage is the runs of one page and their medians.
type LighthousePage struct {
	// App is ours or floor.
	App   string `json:"app"`
	Route string `json:"route"`
	// Runs are the runs that succeeded, Retries the runs tried again.
	Runs    []LighthouseRun `json:"runs"`
	Retries int             `json:"retries"`
	Median  LighthouseRun   `json:"median"`
	// Note is why a run failed, when one did.
	Note string `json:"note,omitempty"`
}

// LighthouseResult is every page Lighthouse measured in the run, or why
// none was (Note).
type LighthouseResult struct {
	Version string `json:"version,omitempty"`
	// Runs is the runs per page.
	Runs  int              `json:"runs_per_page"`
	Pages []LighthousePage `json:"pages,omitempty"`
	// Note is why no page was measured.
	Note string `json:"note,omitempty"`
}

// lhReport is the part of Lighthouse's JSON report the runner reads.
type lhReport struct {
	Version      string `json:"lighthouseVersion"`
	RuntimeError *struct {
		Code, Message string
	} `json:"runtimeError"`
	Categories map[string]struct {
		Score *float64 `json:"score"`
	} `json:"categories"`
	Audits map[string]lhAudit `json:"audits"`
}

type lhAudit struct {
	NumericValue *float64  `json:"numericValue"`
	Mode         string    `json:"scoreDisplayMode"`
	Error        string    `json:"errorMessage"`
	Details      lhDetails `json:"details"`
}

type lhDetails struct {
	Type  string            `json:"type"`
	Items []json.RawMessage `json:"items"`
}

// lhAudits are the audits a run needs; one that errored means a gatherer
// failed, and the run is tried again.
var lhAudits = []string{"total-blocking-time", "largest-contentful-paint", "cumulative-layout-shift", "first-contentful-paint"}

// parseLighthouse reads one Lighthouse JSON report. It returns an error
// when the run failed (a runtime error, a category without a score, a
// metric's audit that errored), so that the run is tried again; a
// diagnostic audit that errored is listed in the run's Failed.
func parseLighthouse(data []byte) (LighthouseRun, string, error) {
	var r lhReport
	run := LighthouseRun{Performance: NaN, BestPractices: NaN, SEO: NaN, TBT: NaN, LCP: NaN, CLS: NaN, FCP: NaN, ObservedFCP: NaN, ObservedLCP: NaN}
	if err := json.Unmarshal(data, &r); err != nil {
		return run, "", fmt.Errorf("read Lighthouse's report: %w", err)
	}
	if r.RuntimeError != nil && r.RuntimeError.Code != "" {
		return run, r.Version, fmt.Errorf("runtime error %s: %s", r.RuntimeError.Code, r.RuntimeError.Message)
	}
	var errs []error
	for _, c := range []struct {
		id  string
		dst *Float
	}{{"performance", &run.Performance}, {"best-practices", &run.BestPractices}, {"seo", &run.SEO}} {
		if s := r.Categories[c.id].Score; s != nil {
			*c.dst = Float(*s * 100)
		} else {
			errs = append(errs, fmt.Errorf("no %s score", c.id))
		}
	}
	for i, id := range lhAudits {
		a := r.Audits[id]
		if a.Mode == "error" || a.NumericValue == nil {
			errs = append(errs, fmt.Errorf("audit %s: %s", id, cmp.Or(a.Error, "no value")))
			continue
		}
		*[]*Float{&run.TBT, &run.LCP, &run.CLS, &run.FCP}[i] = Float(*a.NumericValue)
	}
	for _, it := range r.Audits["metrics"].Details.Items[:min(1, len(r.Audits["metrics"].Details.Items))] {
		var o struct {
			FCP *float64 `json:"observedFirstContentfulPaint"`
			LCP *float64 `json:"observedLargestContentfulPaint"`
		}
		if json.Unmarshal(it, &o) == nil && o.FCP != nil && o.LCP != nil {
			run.ObservedFCP, run.ObservedLCP = Float(*o.FCP), Float(*o.LCP)
		}
	}
	for _, id := range []string{"largest-contentful-paint-element", "long-tasks", "mainthread-work-breakdown"} {
		if a := r.Audits[id]; a.Mode == "error" {
			run.Failed = append(run.Failed, id+": "+a.Error)
		}
	}
	run.LCPElement = lcpElement(r.Audits["largest-contentful-paint-element"].Details)
	for _, it := range r.Audits["long-tasks"].Details.Items {
		var t struct {
			URL      string  `json:"url"`
			Start    float64 `json:"startTime"`
			Duration float64 `json:"duration"`
		}
		if json.Unmarshal(it, &t) == nil {
			run.LongTasks = append(run.LongTasks, LongTask{URL: t.URL, Start: Float(t.Start), Duration: Float(t.Duration)})
		}
	}
	slices.SortStableFunc(run.LongTasks, func(a, b LongTask) int { return cmpFloat(b.Duration, a.Duration) })
	for _, it := range r.Audits["mainthread-work-breakdown"].Details.Items {
		var g struct {
			Label    string  `json:"groupLabel"`
			Duration float64 `json:"duration"`
		}
		if json.Unmarshal(it, &g) == nil {
			run.MainThread = append(run.MainThread, Hotspot{Name: g.Label, Ms: Float(g.Duration)})
		}
	}
	slices.SortStableFunc(run.MainThread, func(a, b Hotspot) int { return cmpFloat(b.Ms, a.Ms) })
	return run, r.Version, errors.Join(errs...)
}

// lcpElement names the element of the largest-contentful-paint-element
// audit: a list whose first table holds the node (older reports: the
// table itself).
func lcpElement(d lhDetails) string {
	items, phases := d.Items, ""
	if d.Type == "list" && len(items) > 0 {
		var first lhDetails
		if json.Unmarshal(items[0], &first) != nil {
			return ""
		}
		items = first.Items
		phases = lcpPhases(d.Items[1:])
	}
	for _, it := range items {
		var n struct {
			Node struct {
				Selector string `json:"selector"`
				Label    string `json:"nodeLabel"`
				Snippet  string `json:"snippet"`
			} `json:"node"`
		}
		if json.Unmarshal(it, &n) == nil && n.Node.Snippet != "" {
			label := []rune(strings.Join(strings.Fields(n.Node.Label), " "))
			if len(label) > 60 {
				label = append(label[:60], '…')
			}
			return strings.TrimSpace(fmt.Sprintf("%s (%s) %q %s", n.Node.Snippet, n.Node.Selector, string(label), phases))
		}
	}
	return ""
}

// lcpPhases is the LCP's phases table (TTFB, load delay, load time,
// render delay) in one line, the phases that took time only.
func lcpPhases(tables []json.RawMessage) string {
	var parts []string
	for _, raw := range tables {
		var t lhDetails
		if json.Unmarshal(raw, &t) != nil {
			continue
		}
		for _, it := range t.Items {
			var p struct {
				Phase  string  `json:"phase"`
				Timing float64 `json:"timing"`
			}
			if json.Unmarshal(it, &p) == nil && p.Phase != "" && p.Timing >= 1 {
				parts = append(parts, fmt.Sprintf("%s %.0f ms", strings.ToLower(p.Phase), p.Timing))
			}
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// medianRun is the median of each figure over runs; the LCP element,
// long tasks and main-thread work are those of the run whose blocking
// time is the median's.
func medianRun(runs []LighthouseRun) LighthouseRun {
	pick := func(f func(LighthouseRun) Float) Float {
		xs := make([]Float, len(runs))
		for i, r := range runs {
			xs[i] = f(r)
		}
		return Float(median(floats(xs)))
	}
	m := LighthouseRun{
		Performance:   pick(func(r LighthouseRun) Float { return r.Performance }),
		BestPractices: pick(func(r LighthouseRun) Float { return r.BestPractices }),
		SEO:           pick(func(r LighthouseRun) Float { return r.SEO }),
		TBT:           pick(func(r LighthouseRun) Float { return r.TBT }),
		LCP:           pick(func(r LighthouseRun) Float { return r.LCP }),
		CLS:           pick(func(r LighthouseRun) Float { return r.CLS }),
		FCP:           pick(func(r LighthouseRun) Float { return r.FCP }),
		ObservedFCP:   pick(func(r LighthouseRun) Float { return r.ObservedFCP }),
		ObservedLCP:   pick(func(r LighthouseRun) Float { return r.ObservedLCP }),
	}
	if len(runs) > 0 {
		byTBT := slices.Clone(runs)
		slices.SortStableFunc(byTBT, func(a, b LighthouseRun) int { return cmpFloat(a.TBT, b.TBT) })
		mid := byTBT[(len(byTBT)-1)/2]
		m.LCPElement, m.LongTasks, m.MainThread, m.Failed = mid.LCPElement, mid.LongTasks, mid.MainThread, mid.Failed
	}
	return m
}

// lighthouse runs Lighthouse on the floor's page and on each of our
// routes, b.cfg.lhRuns times each, interleaved so that the load of the
// machine weighs on all alike. Without Lighthouse installed, or in a smoke
// run, the figures are skipped.
func (b *bench) lighthouse(ctx context.Context, ours, floor *proc) {
	lh := &b.res.Lighthouse
	lh.Runs = b.cfg.lhRuns
	if b.cfg.smoke {
		lh.Note = "smoke run: Lighthouse not run (make bench runs it)"
		b.skip("Lighthouse: %s", lh.Note)
		return
	}
	if _, err := os.Stat(b.cfg.lighthouse); err != nil {
		lh.Note = fmt.Sprintf("n/a: no Lighthouse at %s (npm i -E lighthouse@%s failed?)", rel(b.cfg.root, b.cfg.lighthouse), lighthouseVersion)
		b.skip("Lighthouse: %s", lh.Note)
		return
	}
	defer b.phase("running Lighthouse")()
	prefix := filepath.Dir(filepath.Dir(filepath.Dir(b.cfg.lighthouse))) // above node_modules/.bin/lighthouse
	b.lhConfig = filepath.Join(prefix, "lh-config.mjs")
	err := os.WriteFile(b.lhConfig, lhConfigJS, 0o644)
	if err = cmp.Or(err, os.WriteFile(filepath.Join(prefix, "lh-lcp-gatherer.mjs"), lhGathererJS, 0o644)); err != nil {
		b.problem("Lighthouse configuration: %v", err)
		b.lhConfig = ""
	}
	lh.Pages = []LighthousePage{{App: "floor", Route: "/"}}
	for _, r := range lighthouseRoutes {
		lh.Pages = append(lh.Pages, LighthousePage{App: "ours", Route: r})
	}
	for i := range b.cfg.lhRuns {
		for p := range lh.Pages {
			pg := &lh.Pages[p]
			srv := map[string]*proc{"ours": ours, "floor": floor}[pg.App]
			run, tries, err := b.lighthouseOnce(ctx, srv.URL+escapePath(pg.Route), fmt.Sprintf("%s-%d-%d", pg.App, p, i+1))
			pg.Retries += tries - 1
			if err != nil {
				pg.Note = err.Error()
				b.problem("Lighthouse %s %s run %d: %v", pg.App, pg.Route, i+1, err)
				continue
			}
			pg.Runs = append(pg.Runs, run)
			fmt.Fprintf(b.log, "bench: Lighthouse %s %s run %d: performance %s, TBT %s, LCP %s\n",
				pg.App, pg.Route, i+1, num(run.Performance), ms(run.TBT), ms(run.LCP))
		}
	}
	for p := range lh.Pages {
		lh.Pages[p].Median = medianRun(lh.Pages[p].Runs)
	}
}

// lighthouseOnce runs Lighthouse on url until a run succeeds, at most
// lighthouseAttempts times, and returns that run and the tries it took.
func (b *bench) lighthouseOnce(ctx context.Context, u, name string) (LighthouseRun, int, error) {
	out := filepath.Join(b.cfg.out, "lighthouse", "reports", name+".json")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return LighthouseRun{}, 1, err
	}
	var err error
	for try := 1; try <= lighthouseAttempts; try++ {
		var run LighthouseRun
		if run, err = b.lighthouseRun(ctx, u, out); err == nil {
			return run, try, nil
		}
		if ctx.Err() != nil {
			return run, try, ctx.Err()
		}
		fmt.Fprintf(b.log, "bench: Lighthouse %s try %d failed, trying again: %v\n", u, try, err)
	}
	return LighthouseRun{}, lighthouseAttempts, err
}

func (b *bench) lighthouseRun(ctx context.Context, u, out string) (LighthouseRun, error) {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	os.Remove(out)
	args := []string{u, "--output=json", "--output-path=" + out,
		"--only-categories=performance,best-practices,seo", "--quiet", "--chrome-flags=" + lighthouseFlags}
	if b.lhConfig != "" {
		args = append(args, "--config-path="+b.lhConfig)
	}
	cmd := exec.CommandContext(ctx, b.cfg.lighthouse, args...)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+b.chromium)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return LighthouseRun{}, fmt.Errorf("%v: %s", err, lastLine(string(msg)))
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return LighthouseRun{}, err
	}
	run, version, err := parseLighthouse(data)
	b.res.Lighthouse.Version = version
	if err == nil && version != lighthouseVersion {
		err = fmt.Errorf("this is Lighthouse %s, not %s", version, lighthouseVersion)
	}
	return run, err
}

// escapePath escapes each segment of a route for a URL (/stocks/三六零).
func escapePath(route string) string {
	segs := strings.Split(route, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

func cmpFloat(a, b Float) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
