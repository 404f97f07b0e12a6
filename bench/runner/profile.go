package main

import (
	"context"
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
)

// Hotspot is a function or package and the CPU time a profile saw in it.
type Hotspot struct {
	Name  string `json:"name"`
	Ms    Float  `json:"ms"`
	Share Float  `json:"share"` // of the profile's busy time (not idle)
}

// CPUProfile is where the page spent its time while the interactions ran:
// functions by self time (Go functions of the wasm, JavaScript, browser
// built-ins and V8's own entries), and Go packages by inclusive time (time
// any of their functions was on the stack). It needs the wasm built with
// its names.
type CPUProfile struct {
	Data      string    `json:"data"`
	Route     string    `json:"route"`
	ReadyMs   Float     `json:"ready_ms,omitempty"` // for a load
	BusyMs    Float     `json:"busy_ms"`
	IdleMs    Float     `json:"idle_ms"`
	Functions []Hotspot `json:"functions_self"`
	Packages  []Hotspot `json:"packages_inclusive"`
}

// profileInteract opens route, then records a CPU profile while
// interact.js runs.
func (b *browser) profileInteract(base, route string, samples int, namer *packageNamer) (CPUProfile, error) {
	p := CPUProfile{Route: route}
	t, _, err := b.openRoute(base, route)
	if err != nil {
		return p, err
	}
	defer t.close()
	err = t.profile(&p, namer, nil, func() error {
		_, err := t.interact(samples)
		return err
	})
	return p, err
}

// profileLoad records a CPU profile of a load of / from an empty cache.
// The tab loads the page once first, so that the profiler runs in the
// renderer that then loads it again, with the origin's storage (service
// worker, caches) and the HTTP cache cleared in between. The wasm engine
// may still reuse the module it compiled in that process, so the profile
// shows the Go program's start, fetch, parse and render rather than the
// compile.
func (b *browser) profileLoad(base string, namer *packageNamer) (CPUProfile, error) {
	p := CPUProfile{Route: "/ (load from empty cache)"}
	t, err := b.newTab(oursReady)
	if err != nil {
		return p, err
	}
	defer t.close()
	if _, err := t.load(base+"/", 3*time.Minute); err != nil {
		return p, err
	}
	t.waitWorker([]string{"/web/app.wasm", "/data/report.json"}, 30*time.Second)
	clear := []chromedp.Action{storage.ClearDataForOrigin(base, "all"), network.ClearBrowserCache(), chromedp.Navigate("about:blank")}
	err = t.profile(&p, namer, clear, func() error {
		s, err := t.load(base+"/", 3*time.Minute)
		p.ReadyMs = Float(s.Ready)
		return err
	})
	return p, err
}

// profile runs before, starts the profiler, runs do and summarizes what
// the profiler saw into p.
func (t *tab) profile(p *CPUProfile, namer *packageNamer, before []chromedp.Action, do func() error) error {
	start := append(before, profiler.Enable(), profiler.SetSamplingInterval(200), profiler.Start())
	if err := chromedp.Run(t.ctx, start...); err != nil {
		return fmt.Errorf("start profiler: %w", err)
	}
	if err := do(); err != nil {
		return err
	}
	var prof *profiler.Profile
	err := chromedp.Run(t.ctx, chromedp.ActionFunc(func(ctx context.Context) (err error) {
		prof, err = profiler.Stop().Do(ctx)
		return err
	}))
	if err != nil {
		return fmt.Errorf("stop profiler: %w", err)
	}
	summarize(p, prof, namer)
	return nil
}

// summarize attributes each sample's time to its top function (self) and
// to every package on its stack (inclusive).
func summarize(p *CPUProfile, prof *profiler.Profile, namer *packageNamer) {
	type node struct {
		parent int64
		fn     string
		pkg    string
	}
	nodes := map[int64]*node{}
	for _, n := range prof.Nodes {
		fn, pkg := frameName(n, namer)
		if _, ok := nodes[n.ID]; !ok {
			nodes[n.ID] = &node{parent: -1}
		}
		nodes[n.ID].fn, nodes[n.ID].pkg = fn, pkg
		for _, c := range n.Children {
			if nodes[c] == nil {
				nodes[c] = &node{}
			}
			nodes[c].parent = n.ID
		}
	}
	self := map[string]float64{}
	incl := map[string]float64{}
	var busy, idle float64
	for i, id := range prof.Samples {
		if i+1 >= len(prof.TimeDeltas) {
			break
		}
		// A sample's time runs until the next sample.
		ms := float64(prof.TimeDeltas[i+1]) / 1000
		n := nodes[id]
		if n == nil {
			continue
		}
		if n.fn == "(idle)" {
			idle += ms
			continue
		}
		busy += ms
		self[n.fn] += ms
		seen := map[string]bool{}
		for cur, steps := n, 0; cur != nil && steps < 10000; steps++ {
			if cur.pkg != "" && !seen[cur.pkg] {
				seen[cur.pkg] = true
				incl[cur.pkg] += ms
			}
			if cur.parent < 0 {
				break
			}
			cur = nodes[cur.parent]
		}
	}
	p.BusyMs, p.IdleMs = Float(busy), Float(idle)
	p.Functions = top(self, busy, 15)
	p.Packages = top(incl, busy, 15)
}

// frameName names a profile node's function and its package: Go functions
// of the wasm by import path, JavaScript by file, and V8's own entries
// ((program), (garbage collector)) as they are.
func frameName(n *profiler.ProfileNode, namer *packageNamer) (fn, pkg string) {
	f := n.CallFrame
	if f == nil {
		return "(unknown)", ""
	}
	name := strings.TrimPrefix(f.FunctionName, "$")
	switch {
	case name == "(root)":
		return name, ""
	case strings.HasPrefix(name, "(") && f.URL == "":
		return name, name
	case strings.HasSuffix(f.URL, ".wasm") || strings.Contains(f.URL, "wasm://"):
		pkg := namer.packageOf(name)
		if strings.HasPrefix(pkg, "(") {
			// Go's wasm glue (wasm_pc_f_loop...), which wraps everything.
			pkg = ""
		}
		return namer.demangle(name), pkg
	case f.URL == "":
		// Browser built-ins: TextDecoder's decode, setAttribute... (the
		// benchmark's own scripts carry a sourceURL, so they are not here)
		if name == "" {
			name = "(anonymous)"
		}
		return "(browser) " + name, ""
	}
	if name == "" {
		name = "(anonymous)"
	}
	return "(js " + path.Base(f.URL) + ") " + name, ""
}

// top returns the n largest entries of m with their share of total.
func top(m map[string]float64, total float64, n int) []Hotspot {
	out := make([]Hotspot, 0, len(m))
	for k, v := range m {
		if v > 0 {
			out = append(out, Hotspot{Name: k, Ms: Float(v), Share: Float(ratio(v, total))})
		}
	}
	out = largestFirst(out, func(h Hotspot) (Float, string) { return h.Ms, h.Name })
	return out[:min(n, len(out))]
}
