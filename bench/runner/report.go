package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Limits of the targets. The benchmark reports them; it never
// fails on a time.
const (
	maxWasmBrotli     = 1_550_000 // bytes: 1.55 MB
	maxWasmRatio      = 1.1       // × the floor's brotli
	maxReadyRatio     = 1.2       // × the floor's time to ready
	maxFCPShare       = 0.5       // FCP at most half of our time to ready
	maxSearchP95Real  = 16.0      // ms, one frame
	maxSearchP95Synth = 16.0      // ms, at 10,000 rows too
	minServeRatio     = 0.9       // × nginx's requests per second
	maxFloodRSSMB     = 300.0     // MB, the server's peak under the flood
	maxFloodCachedP99 = 50.0      // ms, a cached page under the flood
)

// targets checks the figures of r against the targets.
func targets(r *Result) []Target {
	var ts []Target
	add := func(name, want, got string, ok bool, measured bool, notes string) {
		t := Target{Name: name, Want: want, Got: got, Notes: notes}
		if measured {
			t.Pass = &ok
		}
		ts = append(ts, t)
	}
	br := r.Size.Ours.Brotli
	add("app.wasm brotli", "≤ 1.55 MB", mb(br), br <= maxWasmBrotli, br > 0, "")
	add("app.wasm brotli against the floor's", fmt.Sprintf("≤ %.1f× floor", maxWasmRatio), times(r.Size.BrotliRatio),
		float64(r.Size.BrotliRatio) <= maxWasmRatio, r.Size.BrotliRatio.OK(), floorNote(r.Size))
	lighthouseTargets(r, add)
	mobileTargets(r, add)

	l := r.Load
	add("time to ready", fmt.Sprintf("≤ %.1f× floor", maxReadyRatio), times(l.ReadyRatio),
		float64(l.ReadyRatio) <= maxReadyRatio, l.ReadyRatio.OK(),
		fmt.Sprintf("ours %s, floor %s", ms(l.Ready.Median), ms(l.FloorReady.Median)))
	share := Float(ratio(float64(l.FCP.Median), float64(l.Ready.Median)))
	add("first contentful paint well before ready", fmt.Sprintf("FCP ≤ %.1f× ready", maxFCPShare), times(share),
		float64(share) <= maxFCPShare, share.OK(),
		fmt.Sprintf("FCP %s, ready %s", ms(l.FCP.Median), ms(l.Ready.Median)))

	for _, in := range r.Interact {
		limit := maxSearchP95Real
		if in.Data == "synthetic" {
			limit = maxSearchP95Synth
		}
		add(fmt.Sprintf("search p95, %s %s", in.Data, in.Route), fmt.Sprintf("≤ %g ms", limit), ms(in.Search.P95),
			float64(in.Search.P95) <= limit && in.Search.Timeouts == 0, in.Search.P95.OK(), in.Search.Note)
		add(fmt.Sprintf("facet click p95, %s %s", in.Data, in.Route), fmt.Sprintf("≤ %g ms", limit), ms(in.Facet.P95),
			float64(in.Facet.P95) <= limit && in.Facet.Timeouts == 0, in.Facet.P95.OK(), in.Facet.Note)
	}
	for _, p := range r.Serve.Paths {
		if p.Accept != acceptEncoding {
			continue // a diagnosis, not one of the targets' paths
		}
		add("server throughput "+p.Path, fmt.Sprintf("≥ %.1f× nginx", minServeRatio), times(p.RPSRatio),
			float64(p.RPSRatio) >= minServeRatio, p.RPSRatio.OK(),
			fmt.Sprintf("%s vs %s req/s", num(p.Ours.RPS), num(p.Nginx.RPS)))
	}
	if len(r.Serve.Paths) == 0 {
		add("server throughput", fmt.Sprintf("≥ %.1f× nginx", minServeRatio), "n/a", false, false, r.Serve.Note)
	}
	f := r.Flood
	measured := f.Requests > 0
	note := fmt.Sprintf("%d distinct /events from %d clients in %.0f s, %d errors; %s", f.Requests, f.Conns, f.Seconds, f.Errors, f.Note)
	add("peak RSS under a flood", fmt.Sprintf("≤ %g MB", maxFloodRSSMB), fmt.Sprintf("%.0f MB", float64(f.PeakRSSMB)),
		float64(f.PeakRSSMB) <= maxFloodRSSMB && f.Errors == 0, measured, note)
	add("cached / p99 under a flood", fmt.Sprintf("≤ %g ms", maxFloodCachedP99), ms(f.CachedP99),
		float64(f.CachedP99) <= maxFloodCachedP99 && f.CachedError == 0, measured, fmt.Sprintf("%s req/s, %d errors", num(f.CachedRPS), f.CachedError))
	return ts
}

func mb(b int) string {
	if b <= 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f MB", float64(b)/1e6)
}

func ms(f Float) string {
	switch {
	case !f.OK():
		return "n/a"
	case f < 10:
		return fmt.Sprintf("%.1f ms", float64(f))
	}
	return fmt.Sprintf("%.0f ms", float64(f))
}

func times(f Float) string {
	if !f.OK() {
		return "n/a"
	}
	return fmt.Sprintf("%.2f×", float64(f))
}

func num(f Float) string {
	if !f.OK() {
		return "n/a"
	}
	return fmt.Sprintf("%.0f", float64(f))
}

func pct(f Float) string {
	if !f.OK() {
		return "n/a"
	}
	return fmt.Sprintf("%.0f%%", float64(f)*100)
}

func status(t Target) string {
	switch {
	case t.Pass == nil:
		return "n/a"
	case *t.Pass:
		return "pass"
	}
	return "MISS"
}

// table is a section of the report: a title, a note after it, a heading
// row, then rows.
type table struct {
	title, note string
	head        []string
	rows        [][]string
}

func (t *table) add(row ...string) { t.rows = append(t.rows, row) }

// tables lays the result out as the report's sections.
func tables(r *Result) []table {
	out := append([]table{sizeTable(r), loadTable(r), throttledTable(r)}, lighthouseTables(r)...)
	out = append(out, interactTable(r))
	for _, p := range r.Profiles {
		out = append(out, profileTable(p))
	}
	serve := table{title: fmt.Sprintf("Serving on loopback (%s; median of %d rounds)", r.Settings.LoadTool, r.Settings.Rounds),
		head: []string{"path (Accept-Encoding)", "ours req/s", "nginx req/s", "ours/nginx", "ours p99", "nginx p99", "encoding, body (ours | nginx)"}}
	for _, p := range r.Serve.Paths {
		serve.add(fmt.Sprintf("%s (%s)", p.Path, p.Accept), num(p.Ours.RPS), num(p.Nginx.RPS), times(p.RPSRatio), ms(p.Ours.P99), ms(p.Nginx.P99),
			fmt.Sprintf("%s %d B | %s %d B", enc(p.Ours.Encoding), p.Ours.Bytes, enc(p.Nginx.Encoding), p.Nginx.Bytes))
	}
	if len(r.Serve.Paths) == 0 {
		serve.add("n/a", r.Serve.Note)
	}
	out = append(out, serve)
	for _, p := range r.Serve.Profiles {
		t := table{title: fmt.Sprintf("perf profile of our server loaded on %s (%s): kernel %s of samples", p.Path, p.Accept, pct(p.KernelShare)),
			head: []string{"function (inclusive)", "share of samples"}}
		for _, f := range p.Functions {
			t.add(f.Name, pct(f.Share))
		}
		out = append(out, t)
	}
	tg := table{title: "Targets (reported, never enforced)", head: []string{"target", "want", "got", "", "notes"}}
	for _, t := range r.Targets {
		tg.add(t.Name, t.Want, t.Got, status(t), t.Notes)
	}
	out = append(out, tg)
	if len(r.Size.AboveFloor) > 0 {
		above := table{title: "Code above the floor, by package", head: []string{"package", "bytes above the floor"},
			note: fmt.Sprintf("(wasm function bodies; data segments: ours %s, floor %s)", mb(layoutData(r.Size.OursLayout)), mb(layoutData(r.Size.FloorLayout)))}
		for _, p := range r.Size.AboveFloor[:min(15, len(r.Size.AboveFloor))] {
			above.add(p.Package, strconv.Itoa(p.Bytes))
		}
		out = append(out, above)
	}
	return out
}

// floorNote names the floor's size, and ours against the floor built with
// go-app as released when that was measured: both builds of ours and of
// the floor leave out go-app's server half (cmd/wasmmod).
func floorNote(s SizeResult) string {
	note := "floor " + mb(s.Floor.Brotli)
	if b := s.ReleasedFloor.Brotli; b > 0 {
		note += fmt.Sprintf("; %s against the floor with go-app as released (%s)", times(Float(ratio(float64(s.Ours.Brotli), float64(b)))), mb(b))
	}
	return note
}

func sizeTable(r *Result) table {
	s := r.Size
	t := table{title: "Size", head: []string{"", "ours", "floor (hello-world go-app)", "ours/floor"}}
	for _, row := range []struct {
		name string
		a, b int
	}{{"app.wasm raw", s.Ours.Raw, s.Floor.Raw}, {"app.wasm gzip", s.Ours.Gzip, s.Floor.Gzip}, {"app.wasm brotli", s.Ours.Brotli, s.Floor.Brotli}} {
		t.add(row.name, mb(row.a), mb(row.b), times(Float(ratio(float64(row.a), float64(row.b)))))
	}
	wire := func(t Transfer) string {
		if t.Requests == 0 {
			return "n/a"
		}
		return fmt.Sprintf("%s (the page's %d requests: %s)", mb(t.Bytes), t.Requests, mb(t.PageBytes))
	}
	t.add("cold load of / (on the wire)", wire(s.OursCold), wire(s.FloorCold), times(s.ColdRatio))
	if b := s.ReleasedFloor.Brotli; b > 0 {
		t.add("app.wasm brotli, the floor with go-app as released", mb(s.Ours.Brotli), mb(b), times(Float(ratio(float64(s.Ours.Brotli), float64(b)))))
	}
	return t
}

func loadTable(r *Result) table {
	l := r.Load
	t := table{title: fmt.Sprintf("Load of / in headless Chromium (median of %d)", r.Settings.Runs),
		head: []string{"", "ours", "ours / floor's ready", "floor"}}
	none := Series{Median: NaN}
	fr := float64(l.FloorReady.Median)
	for _, row := range []struct {
		name        string
		ours, floor Series
		ratio       Float
	}{
		{"first contentful paint", l.FCP, l.FloorFCP, l.FCPRatio},
		{"ready (wasm running, rows on screen)", l.Ready, l.FloorReady, l.ReadyRatio},
		{"warm (second load, same profile)", l.Warm, l.FloorWarm, l.WarmRatio},
		{"offline (service worker, server stopped)", l.Offline, none, l.OfflineRatio},
		{"  of the cold load: app.wasm received", l.WasmDone, l.FloorWasmDone, Float(ratio(float64(l.WasmDone.Median), fr))},
		{"  of the cold load: report requested (Go running)", l.DataRequested, none, Float(ratio(float64(l.DataRequested.Median), fr))},
		{"  of the cold load: report received", l.DataDone, none, Float(ratio(float64(l.DataDone.Median), fr))},
	} {
		o := ms(row.ours.Median)
		if !row.ours.Median.OK() && row.ours.Note != "" {
			o = "n/a (" + row.ours.Note + ")"
		}
		t.add(row.name, o, times(row.ratio), ms(row.floor.Median))
	}
	return t
}

func interactTable(r *Result) table {
	t := table{title: "Interaction: event to updated DOM, in the page", head: []string{"", "rows (DOM elements)", "p50", "p95", "max", "DOM mutations per event", "samples"}}
	for _, in := range r.Interact {
		for _, a := range []struct {
			name string
			l    Latency
		}{{"search keystroke", in.Search}, {"facet click", in.Facet}} {
			n := fmt.Sprint(len(a.l.Samples))
			if a.l.Timeouts > 0 {
				n += fmt.Sprintf(" (+%d timed out)", a.l.Timeouts)
			}
			if len(a.l.Samples) == 0 && a.l.Note != "" {
				n = "0 (" + a.l.Note + ")"
			}
			t.add(fmt.Sprintf("%s %s %s", in.Data, in.Route, a.name),
				fmt.Sprintf("%d (%d)", in.Rows, in.Nodes), ms(a.l.P50), ms(a.l.P95), ms(a.l.Max), num(a.l.Mutations), n)
		}
	}
	return t
}

func profileTable(p CPUProfile) table {
	what := "while timing " + p.Data + " " + p.Route
	if p.ReadyMs.OK() && p.ReadyMs > 0 {
		what = fmt.Sprintf("of a load of %s, ready at %s", p.Route, ms(p.ReadyMs))
	}
	t := table{title: fmt.Sprintf("CPU profile %s (busy %s, idle %s)", what, ms(p.BusyMs), ms(p.IdleMs)),
		head: []string{"function (self time)", "ms", "share", "package (inclusive time)", "ms", "share"}}
	for i := range max(len(p.Functions), len(p.Packages)) {
		row := make([]string, 6)
		if i < len(p.Functions) {
			f := p.Functions[i]
			row[0], row[1], row[2] = f.Name, num(f.Ms), pct(f.Share)
		}
		if i < len(p.Packages) {
			f := p.Packages[i]
			row[3], row[4], row[5] = f.Name, num(f.Ms), pct(f.Share)
		}
		t.add(row...)
	}
	return t
}

func enc(e string) string {
	if e == "" {
		return "identity"
	}
	return e
}

// summary is the line that says where and how the run ran.
func summary(r *Result) string {
	m := r.Machine
	mode := r.Mode
	if mode != "" {
		mode = strings.ToUpper(mode[:1]) + mode[1:]
	}
	return fmt.Sprintf("%s run of %s on %d × %s, %d MiB, load %s at start and %s at end",
		mode, r.Time, m.CPUs, m.Model, m.MemoryMiB, m.LoadStart, m.LoadEnd)
}

// writeMarkdown writes the tables as Markdown, for the terminal and
// docs/performance.md, then what was skipped and what broke.
func writeMarkdown(w io.Writer, r *Result) {
	fmt.Fprintf(w, "%s.\n", summary(r))
	cell := func(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
	for _, t := range tables(r) {
		fmt.Fprintf(w, "\n**%s**%s\n\n", t.title, strings.TrimRight(" "+t.note, " "))
		for i, row := range append([][]string{t.head}, t.rows...) {
			cells := make([]string, len(t.head))
			for i := range cells {
				if i < len(row) {
					cells[i] = cell(row[i])
				}
			}
			fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
			if i == 0 {
				fmt.Fprintf(w, "|%s\n", strings.Repeat(" --- |", len(t.head)))
			}
		}
	}
	for _, l := range []struct {
		title string
		list  []string
	}{{"Skipped", r.Skipped}, {"Problems", r.Problems}} {
		if len(l.list) > 0 {
			fmt.Fprintf(w, "\n**%s**\n\n- %s\n", l.title, strings.Join(l.list, "\n- "))
		}
	}
}

func layoutData(l *WasmLayout) int {
	if l == nil {
		return 0
	}
	return l.Data
}
