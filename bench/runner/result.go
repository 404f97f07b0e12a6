package main

import (
	"encoding/json"
	"math"
	"strconv"
)

// Float is a measurement that may be missing (NaN), written to JSON as a
// number or null.
type Float float64

// NaN is a missing measurement.
var NaN = Float(math.NaN())

// OK reports whether f holds a measurement.
func (f Float) OK() bool { return !math.IsNaN(float64(f)) && !math.IsInf(float64(f), 0) }

// MarshalJSON writes f rounded to three decimals, or null when missing.
func (f Float) MarshalJSON() ([]byte, error) {
	if !f.OK() {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, math.Round(float64(f)*1000)/1000, 'f', -1, 64), nil
}

// UnmarshalJSON reads a number, or null as missing.
func (f *Float) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*f = NaN
		return nil
	}
	var v float64
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*f = Float(v)
	return nil
}

func floats(xs []Float) []float64 {
	out := make([]float64, 0, len(xs))
	for _, x := range xs {
		if x.OK() {
			out = append(out, float64(x))
		}
	}
	return out
}

// Series is repeated measurements of one quantity, in milliseconds unless
// said otherwise, with their median.
type Series struct {
	Samples []Float `json:"samples"`
	Median  Float   `json:"median"`
	// Note says why there are no samples, or what went wrong with some.
	Note string `json:"note,omitempty"`
}

func (s *Series) add(v Float) { s.Samples = append(s.Samples, v) }

// finish computes the median; with no sample it is missing.
func (s *Series) finish() { s.Median = Float(median(floats(s.Samples))) }

// Latency is interaction latencies in milliseconds with their p50 and p95.
type Latency struct {
	Samples []Float `json:"samples"`
	P50     Float   `json:"p50"`
	P95     Float   `json:"p95"`
	Max     Float   `json:"max"`
	// Mutations is the median number of DOM mutation records one event
	// caused until the new rows were there: how much of the page it
	// rebuilt.
	Mutations Float  `json:"mutations_median"`
	Timeouts  int    `json:"timeouts"`
	Note      string `json:"note,omitempty"`
}

func (l *Latency) finish() {
	xs := floats(l.Samples)
	l.P50, l.P95 = Float(percentile(xs, 50)), Float(percentile(xs, 95))
	l.Max = Float(percentile(xs, 100))
}

// Result is everything one run of the benchmark measured.
type Result struct {
	Format   int        `json:"format"`
	Time     string     `json:"time"`
	Mode     string     `json:"mode"` // full or smoke
	Machine  Machine    `json:"machine"`
	Settings Settings   `json:"settings"`
	Size     SizeResult `json:"size"`
	Load     LoadResult `json:"load"`
	// Throttled is cold loads over a slow link and on a slowed CPU.
	Throttled ThrottledResult `json:"throttled"`
	// Lighthouse is Lighthouse's mobile figures for each route and the
	// floor.
	Lighthouse LighthouseResult `json:"lighthouse"`
	Interact   []Interact       `json:"interaction"`
	Serve      ServeResult      `json:"serving"`
	Flood      FloodResult      `json:"flood"`
	Profiles   []CPUProfile     `json:"profiles,omitempty"`
	Targets    []Target         `json:"targets"`
	Problems   []string         `json:"problems,omitempty"`
	Skipped    []string         `json:"skipped,omitempty"`
	Phases     []PhaseTimer     `json:"phases"`
}

// Settings are the knobs of the run.
type Settings struct {
	Runs        int    `json:"runs"`
	Samples     int    `json:"samples"`
	LoadTool    string `json:"load_tool"`
	Threads     int    `json:"threads"`
	Conns       int    `json:"conns"`
	Duration    string `json:"duration"`
	Rounds      int    `json:"rounds"`
	StaticFrom  string `json:"static_from"`
	SynthRows   int    `json:"synth_rows"`
	SynthSeed   uint64 `json:"synth_seed"`
	SynthBytes  int    `json:"synth_bytes"`
	LoadPath    string `json:"load_path"`
	Interaction string `json:"interaction_routes"`
}

// PhaseTimer is how long a phase of the run took, in seconds.
type PhaseTimer struct {
	Phase   string `json:"phase"`
	Seconds Float  `json:"seconds"`
}

// WasmSize is a wasm binary's size raw and as each encoding sends it.
type WasmSize struct {
	Raw    int `json:"raw"`
	Gzip   int `json:"gzip"`
	Brotli int `json:"brotli"`
}

// Transfer is what a cold load moved over the wire, as Chromium counts
// it.
type Transfer struct {
	// Bytes is everything the load received: PageBytes and WorkerBytes.
	Bytes int `json:"bytes"`
	// Requests and PageBytes are the page's own requests and their
	// encoded lengths, headers included (CDP Network.loadingFinished
	// encodedDataLength); ByURL splits PageBytes.
	Requests  int            `json:"page_requests"`
	PageBytes int            `json:"page_bytes"`
	ByURL     map[string]int `json:"page_bytes_by_url,omitempty"`
	// WorkerRequests and WorkerBytes are what the service worker fetched
	// while it filled its cache, from its Resource Timing (transferSize:
	// the encoded body, and 300 bytes for the headers).
	WorkerRequests int `json:"worker_requests"`
	WorkerBytes    int `json:"worker_bytes"`
}

// PackageSize is the code a Go package contributes to a wasm binary: the
// bytes of its function bodies.
type PackageSize struct {
	Package string `json:"package"`
	Bytes   int    `json:"bytes"`
	Funcs   int    `json:"funcs"`
}

// WasmLayout is how a wasm binary's bytes divide: function bodies by
// package, the data segments (constants, tables, embedded files), and the
// name section (absent when linked with -s).
type WasmLayout struct {
	Total    int           `json:"total"`
	Code     int           `json:"code"`
	Data     int           `json:"data"`
	Names    int           `json:"names"`
	Packages []PackageSize `json:"packages"`
}

// SizeResult compares the explorer's size with the floor's.
type SizeResult struct {
	Ours  WasmSize `json:"ours"`
	Floor WasmSize `json:"floor"`
	// ReleasedFloor is the floor built with go-app as released, without
	// cmd/wasmmod's module file: the size of go-app as people ship it.
	ReleasedFloor WasmSize      `json:"released_floor"`
	BrotliRatio   Float         `json:"brotli_ratio"`
	OursCold      Transfer      `json:"ours_cold_load"`
	FloorCold     Transfer      `json:"floor_cold_load"`
	ColdRatio     Float         `json:"cold_load_ratio"`
	OursLayout    *WasmLayout   `json:"ours_layout,omitempty"`
	FloorLayout   *WasmLayout   `json:"floor_layout,omitempty"`
	AboveFloor    []PackageSize `json:"above_floor,omitempty"`
	Note          string        `json:"note,omitempty"`
}

// LoadResult is page-load timings of the floor and the explorer.
type LoadResult struct {
	FloorFCP   Series `json:"floor_fcp"`
	FloorReady Series `json:"floor_ready"`
	FloorWarm  Series `json:"floor_warm_ready"`
	FCP        Series `json:"fcp"`
	Ready      Series `json:"ready"`
	WarmFCP    Series `json:"warm_fcp"`
	Warm       Series `json:"warm_ready"`
	Offline    Series `json:"offline_ready"`
	// Where a cold load of ours spends its time, from the page's resource
	// timing: app.wasm received, the report requested (the Go program is
	// running and has rendered once) and received; then ready.
	WasmDone      Series `json:"wasm_received"`
	DataRequested Series `json:"report_requested"`
	DataDone      Series `json:"report_received"`
	FloorWasmDone Series `json:"floor_wasm_received"`
	// Ratios to the floor's median time to ready.
	FCPRatio     Float `json:"fcp_ratio"`
	ReadyRatio   Float `json:"ready_ratio"`
	WarmRatio    Float `json:"warm_ratio"`
	OfflineRatio Float `json:"offline_ratio"`
	// ServiceWorker says whether a service worker took control after the
	// first load in every run.
	ServiceWorker bool `json:"service_worker"`
}

// Interact is the interaction latencies on one route of one data set.
type Interact struct {
	Data   string  `json:"data"` // real or synthetic
	Route  string  `json:"route"`
	Rows   int     `json:"rows"`      // rows the route holds unfiltered
	Nodes  int     `json:"dom_nodes"` // elements on the page before the first event
	Ready  Float   `json:"ready_ms"`
	Search Latency `json:"search"`
	Facet  Latency `json:"facet"`
}

// ServeResult is the throughput of the explorer's server against nginx.
type ServeResult struct {
	Paths    []ServePath     `json:"paths"`
	Profiles []ServerProfile `json:"profiles,omitempty"`
	Note     string          `json:"note,omitempty"`
}

// ServePath compares the two servers on one path.
type ServePath struct {
	Path       string    `json:"path"`
	Accept     string    `json:"accept_encoding"`
	Ours       LoadStats `json:"ours"`
	Nginx      LoadStats `json:"nginx"`
	RPSRatio   Float     `json:"rps_ratio"`
	P99Ratio   Float     `json:"p99_ratio"`
	SameBodies bool      `json:"same_encoding"`
}

// LoadStats is one server's figures on one path, medians over the rounds.
type LoadStats struct {
	RPS      Float   `json:"rps"`
	P99      Float   `json:"p99_ms"`
	Rounds   []Float `json:"rps_rounds"`
	Errors   int     `json:"errors"`
	Encoding string  `json:"encoding"`
	Bytes    int     `json:"body_bytes"`
}

// Target is one of the targets, met or not; Pass is nil when the
// figure could not be measured.
type Target struct {
	Name  string `json:"name"`
	Want  string `json:"want"`
	Got   string `json:"got"`
	Pass  *bool  `json:"pass"`
	Notes string `json:"notes,omitempty"`
}

// finish computes the medians, percentiles and ratios from the samples.
func (r *Result) finish() {
	l := &r.Load
	for _, s := range []*Series{&l.FloorFCP, &l.FloorReady, &l.FloorWarm, &l.FCP, &l.Ready, &l.WarmFCP, &l.Warm, &l.Offline,
		&l.WasmDone, &l.DataRequested, &l.DataDone, &l.FloorWasmDone} {
		s.finish()
	}
	floorReady := float64(l.FloorReady.Median)
	l.FCPRatio = Float(ratio(float64(l.FCP.Median), floorReady))
	l.ReadyRatio = Float(ratio(float64(l.Ready.Median), floorReady))
	l.WarmRatio = Float(ratio(float64(l.Warm.Median), floorReady))
	l.OfflineRatio = Float(ratio(float64(l.Offline.Median), floorReady))
	for i := range r.Interact {
		r.Interact[i].Search.finish()
		r.Interact[i].Facet.finish()
	}
	r.Throttled.finish()
	s := &r.Size
	s.BrotliRatio = Float(ratio(float64(s.Ours.Brotli), float64(s.Floor.Brotli)))
	s.ColdRatio = Float(ratio(float64(s.OursCold.Bytes), float64(s.FloorCold.Bytes)))
}
