package main

import (
	"cmp"
	"fmt"
	"strings"
)

// Limits of the mobile targets: Lighthouse's mobile preset, the Long
// Tasks API at 4× CPU slowdown and the throttled link.
const (
	minLHPerformance = 90.0
	maxLHTBT         = 200.0  // ms
	maxLHLCP         = 2500.0 // ms
	maxLHCLS         = 0.05
	minLHOther       = 100.0 // best practices and SEO
	maxLongTask      = 50.0  // ms, at 4× slowdown
	maxThrottleRatio = 1.2   // × the floor's ready over the same link
	maxLCPAfterFCP   = 50.0  // ms: the LCP is painted with the first content
)

// lighthouseTargets checks each of our pages against Lighthouse's
// targets, one row per page with what missed in its notes.
func lighthouseTargets(r *Result, add func(name, want, got string, ok, measured bool, notes string)) {
	want := fmt.Sprintf("perf ≥ %g, TBT ≤ %g ms, LCP ≤ %.1f s, CLS ≤ %g, BP and SEO %g", minLHPerformance, maxLHTBT, maxLHLCP/1000, maxLHCLS, minLHOther)
	if len(r.Lighthouse.Pages) == 0 {
		add("Lighthouse mobile", want, "n/a", false, false, r.Lighthouse.Note)
		return
	}
	for _, p := range r.Lighthouse.Pages {
		if p.App != "ours" {
			continue
		}
		m := p.Median
		var missed []string
		for _, c := range []struct {
			name string
			ok   bool
		}{
			{"performance", float64(m.Performance) >= minLHPerformance},
			{"TBT", float64(m.TBT) <= maxLHTBT},
			{"LCP", float64(m.LCP) <= maxLHLCP},
			{"CLS", float64(m.CLS) <= maxLHCLS},
			{"best practices", float64(m.BestPractices) >= minLHOther},
			{"SEO", float64(m.SEO) >= minLHOther},
		} {
			if !c.ok {
				missed = append(missed, c.name)
			}
		}
		notes := ""
		if len(missed) > 0 {
			notes = "missed: " + strings.Join(missed, ", ")
		}
		add("Lighthouse mobile "+p.Route, want, lhSummary(m), len(missed) == 0, m.Performance.OK(), notes)
	}
}

func lhSummary(m LighthouseRun) string {
	return fmt.Sprintf("perf %s, TBT %s, LCP %s, CLS %s, BP %s, SEO %s", num(m.Performance), ms(m.TBT), secs(m.LCP), cls(m.CLS), num(m.BestPractices), num(m.SEO))
}

// mobileTargets checks the long tasks, the LCP of / and the throttled
// time to ready.
func mobileTargets(r *Result, add func(name, want, got string, ok, measured bool, notes string)) {
	th := r.Throttled
	o, f := th.Ours, th.Floor
	add("longest task, cold load of / at 4× CPU", fmt.Sprintf("≤ %g ms", maxLongTask), ms(o.LongestTask.Median),
		float64(o.LongestTask.Median) <= maxLongTask, o.LongestTask.Median.OK(),
		fmt.Sprintf("%s tasks over 50 ms; floor: longest %s, %s tasks", num(o.LongTasks.Median), ms(f.LongestTask.Median), num(f.LongTasks.Median)))
	root := LighthouseRun{ObservedFCP: NaN, ObservedLCP: NaN}
	for _, p := range r.Lighthouse.Pages {
		if p.App == "ours" && p.Route == "/" {
			root = p.Median
		}
	}
	late := Float(float64(root.ObservedLCP) - float64(root.ObservedFCP))
	add("largest contentful paint of / is the first content", fmt.Sprintf("LCP ≤ FCP + %g ms (Lighthouse, observed)", maxLCPAfterFCP), "+"+ms(late),
		float64(late) <= maxLCPAfterFCP, late.OK(),
		fmt.Sprintf("observed FCP %s, LCP %s; element %s", ms(root.ObservedFCP), ms(root.ObservedLCP), cmp.Or(shorten(root.LCPElement, 80), "n/a")))
	add("cold ready over the throttled link", fmt.Sprintf("≤ %.1f× floor", maxThrottleRatio), times(th.ReadyRatio),
		float64(th.ReadyRatio) <= maxThrottleRatio, th.ReadyRatio.OK(),
		fmt.Sprintf("ours %s, floor %s (%s)", ms(o.LinkReady.Median), ms(f.LinkReady.Median), th.Link))
}

// lighthouseTables are Lighthouse's figures per page, ours and the
// floor's, then the LCP elements and the top long tasks.
func lighthouseTables(r *Result) []table {
	lh := r.Lighthouse
	t := table{title: fmt.Sprintf("Lighthouse %s, mobile (simulated slow 4G, 4× CPU; median of %d runs)", cmp.Or(lh.Version, lighthouseVersion), lh.Runs),
		head: []string{"page", "performance", "TBT", "LCP", "CLS", "FCP", "best practices", "SEO", "runs (retried)"}}
	if len(lh.Pages) == 0 {
		t.add("n/a", lh.Note)
		return []table{t}
	}
	el := table{title: "Largest contentful paint element", head: []string{"page", "observed FCP", "observed LCP", "Lighthouse (largest-contentful-paint-element)"}}
	lt := table{title: "Top long tasks (Lighthouse, the run of median TBT)", head: []string{"page", "longest tasks (start, duration, script)", "main-thread work"}}
	for _, p := range lh.Pages {
		m := p.Median
		name := p.App + " " + p.Route
		t.add(name, num(m.Performance), ms(m.TBT), secs(m.LCP), cls(m.CLS), secs(m.FCP), num(m.BestPractices), num(m.SEO),
			fmt.Sprintf("%d (%d)", len(p.Runs), p.Retries))
		e := m.LCPElement
		if e == "" {
			e = "n/a"
			for _, f := range m.Failed {
				if strings.HasPrefix(f, "largest-contentful-paint-element") {
					e = "n/a (" + shorten(f, 160) + ")"
				}
			}
		}
		el.add(name, ms(m.ObservedFCP), ms(m.ObservedLCP), e)
		var tasks, work []string
		for _, k := range m.LongTasks[:min(4, len(m.LongTasks))] {
			tasks = append(tasks, fmt.Sprintf("%s +%s %s", ms(k.Start), ms(k.Duration), shortURL(k.URL)))
		}
		for _, w := range m.MainThread[:min(3, len(m.MainThread))] {
			work = append(work, w.Name+" "+ms(w.Ms))
		}
		lt.add(name, strings.Join(tasks, "; "), strings.Join(work, "; "))
	}
	return []table{t, el, lt}
}

// throttledTable is the cold loads of / slowed down, ours and the
// floor's.
func throttledTable(r *Result) table {
	th := r.Throttled
	t := table{title: fmt.Sprintf("Cold load of / slowed down (link: %s; CPU: %s, Long Tasks API in the page)", th.Link, th.CPU),
		head: []string{"", "ours", "floor", "ours/floor"}, note: th.Note}
	for _, row := range []struct {
		name string
		get  func(SlowLoads) Series
		f    func(Float) string
	}{
		{"ready over the throttled link", func(l SlowLoads) Series { return l.LinkReady }, ms},
		{"ready at 4× CPU", func(l SlowLoads) Series { return l.CPUReady }, ms},
		{"longest task at 4× CPU", func(l SlowLoads) Series { return l.LongestTask }, ms},
		{"tasks over 50 ms at 4× CPU", func(l SlowLoads) Series { return l.LongTasks }, num},
		{"blocking time (each long task's part over 50 ms, summed) at 4× CPU", func(l SlowLoads) Series { return l.BlockingMs }, ms},
		{"first contentful paint at 4× CPU", func(l SlowLoads) Series { return l.CPUFCP }, ms},
		{"largest contentful paint at 4× CPU", func(l SlowLoads) Series { return l.LCP }, ms},
	} {
		o, f := row.get(th.Ours).Median, row.get(th.Floor).Median
		t.add(row.name, row.f(o), row.f(f), times(Float(ratio(float64(o), float64(f)))))
	}
	t.add("LCP element at 4× CPU (PerformanceObserver, last run)", lastOf(th.Ours.LCPElements), lastOf(th.Floor.LCPElements), "")
	return t
}

func secs(f Float) string {
	if !f.OK() {
		return "n/a"
	}
	return fmt.Sprintf("%.1f s", float64(f)/1000)
}

func cls(f Float) string {
	if !f.OK() {
		return "n/a"
	}
	return fmt.Sprintf("%.3f", float64(f))
}

func lastOf(xs []string) string {
	if len(xs) == 0 {
		return "n/a"
	}
	return xs[len(xs)-1]
}

func shorten(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// shortURL drops the scheme and host of a script's URL.
func shortURL(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		if j := strings.IndexByte(u[i+3:], '/'); j >= 0 {
			return u[i+3+j:]
		}
	}
	return u
}
