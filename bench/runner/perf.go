package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ServerProfile is where the explorer's server spent its CPU while loaded
// on one path, sampled with Linux perf: the share of kernel time and the
// user-space functions with their inclusive share (children) of all
// samples.
type ServerProfile struct {
	Path        string    `json:"path"`
	Accept      string    `json:"accept_encoding"`
	KernelShare Float     `json:"kernel_share"`
	Functions   []Hotspot `json:"functions_inclusive"`
}

// wrappers are frames on nearly every stack that say nothing.
var wrappers = map[string]bool{
	"runtime.goexit.abi0": true, "net/http.(*Server).Serve.gowrap3": true, "net/http.(*conn).serve": true,
	"net/http.serverHandler.ServeHTTP": true, "net/http.HandlerFunc.ServeHTTP": true, "runtime.mcall": true,
	"runtime.schedule": true, "runtime.park_m": true,
}

// perfServer loads url on the process pid with ld while perf samples it,
// and summarizes the profile. The raw profile stays in dir.
func perfServer(ctx context.Context, pid int, dir string, ld wrk, path, url, accept string) (ServerProfile, error) {
	p := ServerProfile{Path: path, Accept: accept}
	if _, err := exec.LookPath("perf"); err != nil {
		return p, fmt.Errorf("%w: no perf (apt-get install linux-perf)", errSkipped)
	}
	slug := strings.NewReplacer("/", "_", " ", "_", ",", "").Replace(strings.Trim(path, "/") + "-" + accept)
	data := filepath.Join(dir, "perf-"+slug+".data")
	secs := strconv.Itoa(int(ld.duration/time.Second) + 1)
	rec := exec.CommandContext(ctx, "perf", "record", "-q", "-F", "499", "-g", "-p", strconv.Itoa(pid), "-o", data, "--", "sleep", secs)
	var recOut strings.Builder
	rec.Stdout, rec.Stderr = &recOut, &recOut
	if err := rec.Start(); err != nil {
		return p, fmt.Errorf("perf record: %w", err)
	}
	time.Sleep(300 * time.Millisecond)
	_, _, _, lerr := ld.run(ctx, url, accept)
	if err := rec.Wait(); err != nil {
		return p, fmt.Errorf("perf record: %v\n%s", err, recOut.String())
	}
	if lerr != nil {
		return p, lerr
	}
	children, err := exec.CommandContext(ctx, "perf", "report", "-i", data, "--stdio", "--children", "--sort", "symbol", "-g", "none").Output()
	if err != nil {
		return p, fmt.Errorf("perf report: %w", err)
	}
	dsos, err := exec.CommandContext(ctx, "perf", "report", "-i", data, "--stdio", "--no-children", "--sort", "dso", "-g", "none").Output()
	if err != nil {
		return p, fmt.Errorf("perf report: %w", err)
	}
	os.WriteFile(filepath.Join(dir, "perf-"+slug+".txt"), children, 0o644)
	p.Functions, p.KernelShare = parsePerf(string(children), string(dsos), 20)
	return p, nil
}

// parsePerf reads perf report's --children table by symbol (user-space
// functions, wrappers left out, the n largest) and its table by DSO (the
// kernel's share).
func parsePerf(children, dsos string, n int) ([]Hotspot, Float) {
	var out []Hotspot
	for _, line := range strings.Split(children, "\n") {
		f := strings.Fields(line)
		if len(f) < 4 || strings.HasPrefix(f[0], "#") || f[2] != "[.]" || wrappers[f[3]] {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSuffix(f[0], "%"), 64)
		if err != nil {
			continue
		}
		out = append(out, Hotspot{Name: f[3], Share: Float(v / 100)})
		if len(out) == n {
			break
		}
	}
	kernel := NaN
	for _, line := range strings.Split(dsos, "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[1] == "[kernel.kallsyms]" {
			if v, err := strconv.ParseFloat(strings.TrimSuffix(f[0], "%"), 64); err == nil {
				kernel = Float(v / 100)
			}
		}
	}
	return out, kernel
}
