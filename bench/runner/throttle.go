package main

import (
	"fmt"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The slowed-down loads: the CPU by CDP Emulation.setCPUThrottlingRate,
// as Lighthouse's mobile preset does, and the network by CDP
// Network.emulateNetworkConditions to a link of a phone on a good
// connection.
const (
	cpuSlowdown   = 4.0
	linkBitsPerS  = 10e6 // down and up
	linkLatencyMs = 40.0
	longTaskMs    = 50.0 // the Long Tasks API's threshold
)

// ThrottledResult is cold loads of / of both apps slowed down: over the
// throttled link (time to ready) and on the slowed CPU (long tasks, from
// the Long Tasks API in the page).
type ThrottledResult struct {
	// Link and CPU say how the loads were slowed down.
	Link  string    `json:"link"`
	CPU   string    `json:"cpu"`
	Ours  SlowLoads `json:"ours"`
	Floor SlowLoads `json:"floor"`
	// ReadyRatio is our time to ready over the link to the floor's.
	ReadyRatio Float  `json:"ready_ratio"`
	Note       string `json:"note,omitempty"`
}

// SlowLoads is one app's slowed-down cold loads of /.
type SlowLoads struct {
	// LinkReady is time to ready over the throttled link.
	LinkReady Series `json:"link_ready"`
	// The rest is of the loads at 4× CPU: ready, first and largest
	// contentful paint.
	CPUReady Series `json:"cpu_ready"`
	CPUFCP   Series `json:"cpu_fcp"`
	LCP      Series `json:"lcp"`
	// The Long Tasks API's tasks: the longest, how many (over 50 ms),
	// and their blocking time (each one's part over 50 ms, summed).
	LongestTask Series `json:"longest_task"`
	LongTasks   Series `json:"long_tasks"`
	BlockingMs  Series `json:"blocking_ms"`
	// LCPElements is the element of the LCP of each load, from the page's
	// PerformanceObserver.
	LCPElements []string `json:"lcp_elements,omitempty"`
}

func (t *ThrottledResult) finish() {
	for _, l := range []*SlowLoads{&t.Ours, &t.Floor} {
		for _, s := range []*Series{&l.LinkReady, &l.CPUReady, &l.CPUFCP, &l.LCP, &l.LongestTask, &l.LongTasks, &l.BlockingMs} {
			s.finish()
		}
	}
	t.ReadyRatio = Float(ratio(float64(t.Ours.LinkReady.Median), float64(t.Floor.LinkReady.Median)))
}

// throttle slows the tab down before a load: the CPU by cpu (1 is not
// at all), then also with a phone's screen as Lighthouse's mobile preset
// has it (412×823 CSS pixels at 1.75×), so that the largest contentful
// paint is of the same layout; and, with link, the network.
func (t *tab) throttle(cpu float64, link bool) error {
	acts := []chromedp.Action{emulation.SetCPUThrottlingRate(cpu)}
	if cpu > 1 {
		acts = append(acts, emulation.SetDeviceMetricsOverride(412, 823, 1.75, true))
	}
	if link {
		bytesPerS := linkBitsPerS / 8
		acts = append(acts, network.EmulateNetworkConditions(false, linkLatencyMs, bytesPerS, bytesPerS))
	}
	return chromedp.Run(t.ctx, acts...)
}

// longTasksJS reads what probe.js's observers saw: the long tasks as
// [count over 50 ms, longest, blocking time] ([] without the Long Tasks
// API) and the last largest-contentful-paint candidate.
const longTasksJS = `(() => {
  const ts = window.__benchLongTasks, lcp = window.__benchLCP;
  let longest = 0, blocking = 0;
  for (const [, d] of ts || []) { longest = Math.max(longest, d); blocking += Math.max(0, d - 50); }
  return {
    tasks: ts ? [ts.length, longest, blocking] : [],
    lcp: lcp ? lcp.time : -1,
    element: lcp ? lcp.element + (lcp.node && !lcp.node.isConnected ? ' (since removed from the page)' : '') : '',
  };
})()`

// pageTasks is what longTasksJS returns.
type pageTasks struct {
	Tasks   []float64 `json:"tasks"`
	LCP     float64   `json:"lcp"`
	Element string    `json:"element"`
}

// throttled times cold loads of / of both apps, alternating which goes
// first: over the throttled link, then on the slowed CPU.
func (b *bench) throttled(br *browser, ours, floor *proc) {
	defer b.phase("timing throttled loads")()
	th := &b.res.Throttled
	th.Link = fmt.Sprintf("%g Mbit/s down and up, %g ms latency", linkBitsPerS/1e6, linkLatencyMs)
	th.CPU = fmt.Sprintf("%g× slowdown, a phone's 412×823 screen", cpuSlowdown)
	apps := func(isOurs bool) (*proc, string, *SlowLoads) {
		if isOurs {
			return ours, oursReady, &th.Ours
		}
		return floor, floorReady, &th.Floor
	}
	for i := range b.cfg.runs {
		for _, isOurs := range []bool{i%2 == 1, i%2 == 0} {
			srv, sel, sl := apps(isOurs)
			s, _, err := b.throttledLoad(br, srv.URL+"/", sel, 1, true)
			if err != nil {
				sl.LinkReady.add(NaN)
				b.problem("throttled-link load of %s run %d: %v", srv.name, i+1, err)
				continue
			}
			sl.LinkReady.add(Float(s.Ready))
		}
	}
	for i := range min(b.cfg.runs, 3) {
		for _, isOurs := range []bool{i%2 == 1, i%2 == 0} {
			srv, sel, sl := apps(isOurs)
			s, pt, err := b.throttledLoad(br, srv.URL+"/", sel, cpuSlowdown, false)
			if err != nil {
				b.problem("%g× CPU load of %s run %d: %v", cpuSlowdown, srv.name, i+1, err)
				sl.LongestTask.add(NaN)
				continue
			}
			sl.CPUReady.add(Float(s.Ready))
			sl.CPUFCP.add(mark(s.FCP))
			sl.LCP.add(mark(pt.LCP))
			sl.LCPElements = append(sl.LCPElements, pt.Element)
			if len(pt.Tasks) != 3 {
				th.Note = "no Long Tasks API in this Chromium"
				sl.LongestTask.add(NaN)
				continue
			}
			sl.LongTasks.add(Float(pt.Tasks[0]))
			sl.LongestTask.add(Float(pt.Tasks[1]))
			sl.BlockingMs.add(Float(pt.Tasks[2]))
		}
	}
}

// throttledLoad is one cold load in a fresh browser, slowed down; it
// returns the load and, once the network has gone quiet, what the Long
// Tasks and LCP APIs saw.
func (b *bench) throttledLoad(br *browser, url, sel string, cpu float64, link bool) (loadSample, pageTasks, error) {
	var lt pageTasks
	t, err := br.newTab(sel)
	if err != nil {
		return loadSample{}, lt, err
	}
	defer t.close()
	if err := t.throttle(cpu, link); err != nil {
		return loadSample{}, lt, fmt.Errorf("throttle: %w", err)
	}
	s, err := t.load(url, loadLimit)
	if err != nil {
		return s, lt, err
	}
	// Tasks that end after ready belong to the cold load too: wait for
	// the page to go quiet (load already waited for the network).
	time.Sleep(time.Second)
	if err := t.eval(longTasksJS, &lt, 30*time.Second); err != nil {
		return s, lt, fmt.Errorf("read the long tasks: %w", err)
	}
	return s, lt, nil
}
