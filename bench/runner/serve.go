package main

import (
	"bufio"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/template"
	"time"
)

// acceptEncoding is what the load generator sends, as Chromium does; both
// servers answer it with brotli where they have it.
const acceptEncoding = "gzip, deflate, br"

// servePaths are what the serving benchmark loads: the page, the data and the wasm
// as a browser asks for them, then / uncompressed, which tells how much of
// the page's cost is compressing it.
var servePaths = []struct{ path, accept string }{
	{"/", acceptEncoding},
	{"/web/app.wasm", acceptEncoding},
	{"/data/report.json", acceptEncoding},
	{"/", "identity"},
}

// brotliModule is Debian's dynamic brotli_static module for nginx
// (libnginx-mod-http-brotli-static).
const brotliModule = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"

//go:embed nginx.conf
var nginxConfText string

var nginxConf = template.Must(template.New("nginx.conf").Parse(nginxConfText))

// nginxConfig is what nginx.conf is filled with.
type nginxConfig struct {
	Workers int
	AsRoot  bool
	Dir     string // for the pid file, logs and temporary files
	Brotli  string // the brotli_static module, or "" without it
	Addr    string
	Root    string            // the static export
	Headers map[string]string // the explorer server's, repeated by nginx
}

// copiedHeaders are the explorer server's headers that nginx repeats, so
// that both send the same response headers.
var copiedHeaders = []string{"Cache-Control", "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
	"Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy"}

// startNginx writes the configuration under dir and runs nginx on a free
// loopback port, serving root with the copiedHeaders that ours sends.
func startNginx(ctx context.Context, dir, root string, ours *http.Response) (*proc, error) {
	if _, err := exec.LookPath("nginx"); err != nil {
		return nil, fmt.Errorf("%w: no nginx on PATH (apt-get install nginx)", errSkipped)
	}
	for _, d := range []string{"body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		if err := os.MkdirAll(filepath.Join(dir, "tmp", d), 0o755); err != nil {
			return nil, err
		}
	}
	// nginx cannot listen on port 0 and say which port it got: take a free
	// one and hand it over, a small race on a machine with little else
	// listening on loopback.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := l.Addr().String()
	l.Close()
	cfg := nginxConfig{Workers: runtime.NumCPU(), AsRoot: os.Geteuid() == 0, Dir: dir, Addr: addr, Root: root, Headers: map[string]string{}}
	if _, err := os.Stat(brotliModule); err == nil {
		cfg.Brotli = brotliModule
	}
	for _, name := range copiedHeaders {
		if v := ours.Header.Get(name); v != "" && !strings.ContainsAny(v, `"\`) {
			cfg.Headers[name] = v
		}
	}
	confPath := filepath.Join(dir, "nginx.conf")
	f, err := os.Create(confPath)
	if err != nil {
		return nil, err
	}
	err = nginxConf.Execute(f, cfg)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	p, err := startCmd(exec.Command("nginx", "-p", dir, "-c", confPath), "nginx", filepath.Join(dir, "stderr.log"))
	if err != nil {
		return nil, err
	}
	p.URL = "http://" + addr
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		resp, err := get(ctx, p.URL+"/", acceptEncoding)
		if err == nil && resp.StatusCode == http.StatusOK {
			return p, nil
		}
		if p.exited() || time.Now().After(deadline) {
			p.stop()
			log, _ := os.ReadFile(filepath.Join(dir, "stderr.log"))
			elog, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			return nil, fmt.Errorf("nginx did not serve %s: %v\n%s%s", p.URL, err, log, elog)
		}
	}
}

// get fetches url as a browser would ask for it and returns the response
// with the length of its body, not decoded, in ContentLength.
func get(ctx context.Context, url, accept string) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept-Encoding", accept)
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	resp.ContentLength, err = io.Copy(io.Discard, resp.Body)
	return resp, err
}

//go:embed wrk-done.lua
var wrkDone []byte

// wrkRun is the JSON line wrk-done.lua prints.
type wrkRun struct {
	Requests     int     `json:"requests"`
	DurationUs   float64 `json:"duration_us"`
	SocketErrors int     `json:"socket_errors"`
	StatusErrors int     `json:"status_errors"`
	P50Us        float64 `json:"p50_us"`
	P99Us        float64 `json:"p99_us"`
}

// wrk puts a bounded load on one URL with wrk.
type wrk struct {
	threads, conns int
	duration       time.Duration
	script         string // wrk-done.lua, written out
}

func (w wrk) name() string {
	return fmt.Sprintf("wrk -t%d -c%d -d%s", w.threads, w.conns, w.duration)
}

// run loads url and returns the requests per second, the 99th percentile
// latency in milliseconds and the errors (socket errors and statuses of
// 400 and above), as wrk measured them.
func (w wrk) run(ctx context.Context, url, accept string) (rps, p99 float64, errs int, err error) {
	r, err := w.runFull(ctx, url, accept)
	rps, p99, errs = r.figures()
	return rps, p99, errs, err
}

// figures are a run's requests per second, 99th percentile latency in
// milliseconds and errors; zero for a run that did not finish.
func (r wrkRun) figures() (rps, p99 float64, errs int) {
	if r.DurationUs <= 0 {
		return 0, 0, 0
	}
	return float64(r.Requests) / (r.DurationUs / 1e6), r.P99Us / 1000, r.SocketErrors + r.StatusErrors
}

// runFull loads url and returns wrk's summary line.
func (w wrk) runFull(ctx context.Context, url, accept string) (wrkRun, error) {
	secs := max(1, int(w.duration.Round(time.Second)/time.Second))
	out, err := exec.CommandContext(ctx, "wrk", "-t"+strconv.Itoa(w.threads), "-c"+strconv.Itoa(w.conns),
		"-d"+strconv.Itoa(secs)+"s", "-s", w.script, "-H", "Accept-Encoding: "+accept, url).CombinedOutput()
	if err != nil {
		return wrkRun{}, fmt.Errorf("wrk %s: %v\n%s", url, err, out)
	}
	return parseWrkRun(string(out))
}

// parseWrk reads the line wrk-done.lua adds to wrk's report.
func parseWrk(out string) (rps, p99 float64, errs int, err error) {
	r, err := parseWrkRun(out)
	rps, p99, errs = r.figures()
	return rps, p99, errs, err
}

// parseWrkRun reads the line wrk-done.lua adds to wrk's report.
func parseWrkRun(out string) (wrkRun, error) {
	i := strings.LastIndex(out, `{"requests":`)
	var r wrkRun
	if i < 0 {
		return r, fmt.Errorf("wrk: no summary line from wrk-done.lua in its output:\n%s", out)
	}
	if err := json.NewDecoder(strings.NewReader(out[i:])).Decode(&r); err != nil || r.DurationUs <= 0 {
		return r, fmt.Errorf("wrk: bad summary line (%v):\n%s", err, out)
	}
	return r, nil
}

// serveBench loads each path on both servers, rounds times, alternating
// which goes first, and compares the medians.
func serveBench(ctx context.Context, ld wrk, ours, nginx *proc, rounds int) ([]ServePath, error) {
	var out []ServePath
	for _, sp0 := range servePaths {
		sp := ServePath{Path: sp0.path, Accept: sp0.accept}
		type side struct {
			p     *proc
			stats *LoadStats
			p99s  []float64
		}
		sides := []*side{{p: ours, stats: &sp.Ours}, {p: nginx, stats: &sp.Nginx}}
		for _, s := range sides {
			resp, err := get(ctx, s.p.URL+sp.Path, sp.Accept)
			if err == nil && resp.StatusCode != http.StatusOK {
				err = fmt.Errorf("status %d", resp.StatusCode)
			}
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", s.p.name, sp.Path, err)
			}
			s.stats.Encoding, s.stats.Bytes = resp.Header.Get("Content-Encoding"), int(resp.ContentLength)
		}
		sp.SameBodies = sp.Ours.Encoding == sp.Nginx.Encoding
		for r := range rounds {
			order := slices.Clone(sides)
			if r%2 == 1 {
				slices.Reverse(order)
			}
			for _, s := range order {
				rps, p99, errs, err := ld.run(ctx, s.p.URL+sp.Path, sp.Accept)
				if err != nil {
					return nil, fmt.Errorf("%s %s: %w", s.p.name, sp.Path, err)
				}
				s.stats.Rounds = append(s.stats.Rounds, Float(rps))
				s.p99s = append(s.p99s, p99)
				s.stats.Errors += errs
			}
		}
		for _, s := range sides {
			s.stats.RPS, s.stats.P99 = Float(median(floats(s.stats.Rounds))), Float(median(s.p99s))
		}
		sp.RPSRatio = Float(ratio(float64(sp.Ours.RPS), float64(sp.Nginx.RPS)))
		sp.P99Ratio = Float(ratio(float64(sp.Ours.P99), float64(sp.Nginx.P99)))
		out = append(out, sp)
	}
	return out, nil
}

// proc is a server the benchmark started.
type proc struct {
	name string
	URL  string // without the trailing slash
	cmd  *exec.Cmd
	done chan struct{}
	log  *os.File
}

// startCmd starts cmd with its output, unless already set, to logPath.
func startCmd(cmd *exec.Cmd, name, logPath string) (*proc, error) {
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	if cmd.Stdout == nil {
		cmd.Stdout = logf
	}
	cmd.Stderr = logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	p := &proc{name: name, cmd: cmd, done: make(chan struct{}), log: logf}
	go func() { cmd.Wait(); close(p.done) }()
	return p, nil
}

// startServer runs the explorer's bin/server or the floor's hello server
// with args in dir, on a port of its choosing, its stderr (the access log)
// to logPath, and waits for the first stdout line in which both announce
// their address: "serving http://HOST:PORT/ version V".
func startServer(ctx context.Context, name, dir, logPath, path string, args ...string) (*proc, error) {
	cmd := exec.Command(path, append([]string{"-addr", "127.0.0.1:0"}, args...)...)
	cmd.Dir = dir
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	p, err := startCmd(cmd, name, logPath)
	if err != nil {
		return nil, err
	}
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		if sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
		io.Copy(io.Discard, stdout)
	}()
	select {
	case line := <-lines:
		if rest, ok := strings.CutPrefix(line, "serving "); ok {
			u, _, _ := strings.Cut(rest, " ")
			p.URL = strings.TrimSuffix(u, "/")
			return p, nil
		}
		err = fmt.Errorf("%s did not announce its address (first line %q); see %s", name, line, logPath)
	case <-time.After(time.Minute):
		err = fmt.Errorf("%s did not start within a minute; see %s", name, logPath)
	case <-ctx.Done():
		err = ctx.Err()
	}
	p.stop()
	return nil, err
}

// stop ends the process, politely first, and waits for it.
func (p *proc) stop() {
	if p == nil {
		return
	}
	if !p.exited() {
		p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(5 * time.Second):
			p.cmd.Process.Kill()
			<-p.done
		}
	}
	p.log.Close()
}

// exited reports whether the process has ended.
func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// errSkipped marks a measurement that could not run on this machine.
var errSkipped = errors.New("skipped")
