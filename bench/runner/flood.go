package main

import (
	"context"
	_ "embed"
	"os"
	"path/filepath"
	"sync"

	"github.com/airesearch/aiweekly/app/testkit"
)

// wrkFlood is the request generator of the flood; wrk-done.lua follows it.
//
//go:embed wrk-flood.lua
var wrkFlood []byte

// FloodResult is the server under a flood of distinct page requests: the
// hostile report's /events (1 MB) with a unique 6 KB query per request,
// accepting brotli, while a few clients ask for the cached /.
type FloodResult struct {
	Conns       int     `json:"conns"`
	Requests    int     `json:"flood_requests"`
	Errors      int     `json:"flood_errors"`
	PeakRSSMB   Float   `json:"peak_rss_mb"`
	CachedP99   Float   `json:"cached_p99_ms"`
	CachedRPS   Float   `json:"cached_rps"`
	CachedError int     `json:"cached_errors"`
	Note        string  `json:"note,omitempty"`
	Seconds     float64 `json:"seconds"`
}

// flood starts our server on the hostile report and runs the flood and
// the cached load side by side with wrk.
func (b *bench) flood(ctx context.Context) {
	defer b.phase("flooding our server")()
	f := &b.res.Flood
	hostile := filepath.Join(b.cfg.root, "app", "report", "testdata", "hostile.json")
	srv, err := startServer(ctx, "ours-flooded", b.cfg.snapDir, filepath.Join(b.cfg.logDir, "flooded.log"), b.cfg.serverBin, "-data", hostile)
	if err != nil {
		f.Note = err.Error()
		b.problem("flood: %v", err)
		return
	}
	defer srv.stop()
	script := filepath.Join(b.cfg.tmpDir, "wrk-flood.lua")
	if err := os.WriteFile(script, append(append(wrkFlood, '\n'), wrkDone...), 0o644); err != nil {
		b.problem("flood: %v", err)
		return
	}
	f.Conns, f.Seconds = 256, b.cfg.duration.Seconds()
	flood := wrk{threads: 2, conns: f.Conns, duration: b.cfg.duration, script: script}
	cached := wrk{threads: 1, conns: 4, duration: b.cfg.duration, script: filepath.Join(b.cfg.tmpDir, "wrk-done.lua")}
	var wg sync.WaitGroup
	var floodRun, cachedRun wrkRun
	var floodErr, cachedErr error
	wg.Add(2)
	go func() { defer wg.Done(); floodRun, floodErr = flood.runFull(ctx, srv.URL+"/", "br") }()
	go func() { defer wg.Done(); cachedRun, cachedErr = cached.runFull(ctx, srv.URL+"/", "br") }()
	wg.Wait()
	if err := cmpErr(floodErr, cachedErr); err != nil {
		f.Note = err.Error()
		b.problem("flood: %v", err)
		return
	}
	_, _, f.Errors = floodRun.figures()
	f.Requests = floodRun.Requests
	rps, p99, errs := cachedRun.figures()
	f.CachedRPS, f.CachedP99, f.CachedError = Float(rps), Float(p99), errs
	if rss, err := testkit.PeakRSS(srv.cmd.Process.Pid); err != nil {
		b.problem("flood: %v", err)
	} else {
		f.PeakRSSMB = Float(float64(rss) / (1 << 20))
	}
}

func cmpErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
