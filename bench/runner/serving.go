package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"time"
)

// acceptEncoding is what the load generators send, as Chromium does; both
// servers answer it with brotli where they have it.
const acceptEncoding = "gzip, deflate, br"

// servePath is a path the serving benchmark loads, with the
// Accept-Encoding it sends.
type servePath struct{ path, accept string }

// servePaths are what the serving benchmark loads: the three of the issue
// as a browser asks for them, then / uncompressed, which tells how much of
// the page's cost is compressing it.
var servePaths = []servePath{
	{"/", acceptEncoding},
	{"/web/app.wasm", acceptEncoding},
	{"/data/report.json", acceptEncoding},
	{"/", "identity"},
}

// brotliModule is Debian's dynamic brotli_static module for nginx
// (libnginx-mod-http-brotli-static).
const brotliModule = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"

// nginxConf is the configuration the benchmark runs nginx with: the static
// export as root, precompressed variants served as they are, the same
// headers as the explorer's server, one access log line per request like
// the explorer's server, and keep-alive connections that last the run.
var nginxConf = template.Must(template.New("nginx").Parse(`# Written by bench/runner; rewritten on every run.
daemon off;
worker_processes {{.Workers}};
{{if .AsRoot}}user root;
{{end}}pid {{.Dir}}/nginx.pid;
error_log {{.Dir}}/error.log warn;
{{if .Brotli}}load_module {{.Brotli}};
{{end}}
events {
    worker_connections 1024;
}

http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {{.Dir}}/access.log;
    client_body_temp_path {{.Dir}}/tmp/body;
    proxy_temp_path {{.Dir}}/tmp/proxy;
    fastcgi_temp_path {{.Dir}}/tmp/fastcgi;
    uwsgi_temp_path {{.Dir}}/tmp/uwsgi;
    scgi_temp_path {{.Dir}}/tmp/scgi;

    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    open_file_cache max=1000 inactive=60s;
    server_tokens off;

    gzip_static on;
    gzip_vary on;
{{if .Brotli}}    brotli_static on;
{{end}}
    server {
        listen {{.Addr}};
        root {{.Root}};
        index index.html;
{{range .Headers}}        add_header {{.Name}} "{{.Value}}" always;
{{end}}
        location / {
            try_files $uri $uri.html $uri/index.html =404;
        }
        error_page 404 /404.html;
    }
}
`))

// header is one response header nginx adds.
type header struct{ Name, Value string }

// nginxConfig is what nginxConf is filled with.
type nginxConfig struct {
	Workers int
	AsRoot  bool
	Dir     string // for the pid file, logs and temporary files
	Brotli  string // the brotli_static module, or "" without it
	Addr    string
	Root    string // the static export
	Headers []header
}

// copiedHeaders are the explorer server's headers that nginx repeats, so
// that both send the same response headers.
var copiedHeaders = []string{"Cache-Control", "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
	"Referrer-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy"}

// headersOf returns the copiedHeaders the server at url sends on /.
func headersOf(ctx context.Context, url string) ([]header, error) {
	resp, err := get(ctx, url+"/", acceptEncoding)
	if err != nil {
		return nil, err
	}
	var hs []header
	for _, name := range copiedHeaders {
		if v := resp.Header.Get(name); v != "" && !strings.ContainsAny(v, `"\`) {
			hs = append(hs, header{name, v})
		}
	}
	return hs, nil
}

// startNginx writes the configuration under dir and runs nginx on a free
// loopback port, serving root.
func startNginx(ctx context.Context, dir, root string, headers []header) (*proc, error) {
	if _, err := exec.LookPath("nginx"); err != nil {
		return nil, fmt.Errorf("%w: no nginx on PATH (apt-get install nginx)", errSkipped)
	}
	for _, d := range []string{"body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		if err := os.MkdirAll(filepath.Join(dir, "tmp", d), 0o755); err != nil {
			return nil, err
		}
	}
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	cfg := nginxConfig{
		Workers: runtime.NumCPU(), AsRoot: os.Geteuid() == 0, Dir: dir,
		Addr: addr, Root: root, Headers: headers,
	}
	if _, err := os.Stat(brotliModule); err == nil {
		cfg.Brotli = brotliModule
	}
	var conf bytes.Buffer
	if err := nginxConf.Execute(&conf, cfg); err != nil {
		return nil, err
	}
	confPath := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confPath, conf.Bytes(), 0o644); err != nil {
		return nil, err
	}
	logf, err := os.Create(filepath.Join(dir, "stderr.log"))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command("nginx", "-p", dir, "-c", confPath)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, fmt.Errorf("start nginx: %w", err)
	}
	p := &proc{name: "nginx", URL: "http://" + addr, cmd: cmd, done: make(chan struct{}), log: logf}
	go func() { cmd.Wait(); close(p.done) }()
	deadline := time.Now().Add(20 * time.Second)
	for {
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
		time.Sleep(100 * time.Millisecond)
	}
}

// freeAddr returns a loopback address with a port free right now.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// response is what one GET returned, body read.
type response struct {
	StatusCode int
	Header     http.Header
	Body       []byte
}

// get fetches url as a browser would ask for it, without decoding the body.
func get(ctx context.Context, url, accept string) (*response, error) {
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
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return &response{StatusCode: resp.StatusCode, Header: resp.Header, Body: b}, nil
}

// loadRun is the outcome of one bounded load on one URL.
type loadRun struct {
	RPS    float64
	P99    float64 // milliseconds
	Errors int     // non-2xx/3xx responses and socket errors
}

// loader puts a bounded load on a URL.
type loader interface {
	name() string
	run(ctx context.Context, url, accept string) (loadRun, error)
}

// wrkLoader runs wrk.
type wrkLoader struct {
	threads, conns int
	duration       time.Duration
}

func (w wrkLoader) name() string {
	return fmt.Sprintf("wrk -t%d -c%d -d%s", w.threads, w.conns, w.duration)
}

func (w wrkLoader) run(ctx context.Context, url, accept string) (loadRun, error) {
	secs := max(1, int(w.duration.Round(time.Second)/time.Second))
	cmd := exec.CommandContext(ctx, "wrk", "-t"+strconv.Itoa(w.threads), "-c"+strconv.Itoa(w.conns),
		"-d"+strconv.Itoa(secs)+"s", "--latency", "-H", "Accept-Encoding: "+accept, url)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return loadRun{}, fmt.Errorf("wrk %s: %v\n%s", url, err, out)
	}
	return parseWrk(string(out))
}

var (
	wrkRPS    = regexp.MustCompile(`(?m)^Requests/sec:\s+([0-9.]+)`)
	wrkP99    = regexp.MustCompile(`(?m)^\s+99%\s+([0-9.]+)(us|ms|s)\s*$`)
	wrkNon2xx = regexp.MustCompile(`(?m)Non-2xx or 3xx responses:\s+(\d+)`)
	wrkSocket = regexp.MustCompile(`(?m)Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)`)
)

// parseWrk reads wrk --latency's report.
func parseWrk(out string) (loadRun, error) {
	var r loadRun
	m := wrkRPS.FindStringSubmatch(out)
	if m == nil {
		return r, fmt.Errorf("wrk: no Requests/sec in its output:\n%s", out)
	}
	r.RPS, _ = strconv.ParseFloat(m[1], 64)
	m = wrkP99.FindStringSubmatch(out)
	if m == nil {
		return r, fmt.Errorf("wrk: no 99%% latency in its output (run with --latency):\n%s", out)
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	r.P99 = v * map[string]float64{"us": 0.001, "ms": 1, "s": 1000}[m[2]]
	if m := wrkNon2xx.FindStringSubmatch(out); m != nil {
		n, _ := strconv.Atoi(m[1])
		r.Errors += n
	}
	if m := wrkSocket.FindStringSubmatch(out); m != nil {
		for _, s := range m[1:] {
			n, _ := strconv.Atoi(s)
			r.Errors += n
		}
	}
	return r, nil
}

// goLoader is the fallback when wrk is missing: conns goroutines, each
// with its keep-alive connection, requesting the URL back to back.
type goLoader struct {
	conns    int
	duration time.Duration
}

func (g goLoader) name() string {
	return fmt.Sprintf("Go load generator, %d connections, %s", g.conns, g.duration)
}

func (g goLoader) run(ctx context.Context, url, accept string) (loadRun, error) {
	tr := &http.Transport{MaxIdleConnsPerHost: g.conns, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	ctx, cancel := context.WithTimeout(ctx, g.duration)
	defer cancel()
	var (
		mu    sync.Mutex
		lats  []float64
		nerrs int
		wg    sync.WaitGroup
	)
	start := time.Now()
	for range g.conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []float64
			errs := 0
			for ctx.Err() == nil {
				t0 := time.Now()
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
				req.Header.Set("Accept-Encoding", accept)
				resp, err := client.Do(req)
				if err != nil {
					if ctx.Err() == nil {
						errs++
					}
					continue
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err != nil && ctx.Err() != nil {
					break
				}
				if err != nil || resp.StatusCode >= 400 {
					errs++
				}
				mine = append(mine, float64(time.Since(t0))/float64(time.Millisecond))
			}
			mu.Lock()
			lats = append(lats, mine...)
			nerrs += errs
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start).Seconds()
	if len(lats) == 0 {
		return loadRun{}, errors.New("no request completed")
	}
	return loadRun{RPS: float64(len(lats)) / elapsed, P99: percentile(lats, 99), Errors: nerrs}, nil
}

// serveBench loads each path on both servers, rounds times, alternating
// which goes first, and compares the medians.
func serveBench(ctx context.Context, ld loader, ours, nginx *proc, rounds int) ([]ServePath, error) {
	var out []ServePath
	for _, sp0 := range servePaths {
		path := sp0.path
		sp := ServePath{Path: path, Accept: sp0.accept}
		type side struct {
			p     *proc
			stats *LoadStats
			p99s  []float64
		}
		sides := []*side{{p: ours, stats: &sp.Ours}, {p: nginx, stats: &sp.Nginx}}
		for _, s := range sides {
			resp, err := get(ctx, s.p.URL+path, sp0.accept)
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", s.p.name, path, err)
			}
			if resp.StatusCode != http.StatusOK {
				return nil, fmt.Errorf("%s %s: status %d", s.p.name, path, resp.StatusCode)
			}
			s.stats.Encoding = resp.Header.Get("Content-Encoding")
			s.stats.Bytes = len(resp.Body)
		}
		sp.SameBodies = sp.Ours.Encoding == sp.Nginx.Encoding
		for r := range rounds {
			order := slices.Clone(sides)
			if r%2 == 1 {
				slices.Reverse(order)
			}
			for _, s := range order {
				res, err := ld.run(ctx, s.p.URL+path, sp0.accept)
				if err != nil {
					return nil, fmt.Errorf("%s %s: %w", s.p.name, path, err)
				}
				s.stats.Rounds = append(s.stats.Rounds, Float(res.RPS))
				s.p99s = append(s.p99s, res.P99)
				s.stats.Errors += res.Errors
			}
		}
		for _, s := range sides {
			s.stats.RPS = Float(median(floats(s.stats.Rounds)))
			s.stats.P99 = Float(median(s.p99s))
		}
		sp.RPSRatio = Float(ratio(float64(sp.Ours.RPS), float64(sp.Nginx.RPS)))
		sp.P99Ratio = Float(ratio(float64(sp.Ours.P99), float64(sp.Nginx.P99)))
		out = append(out, sp)
	}
	return out, nil
}
