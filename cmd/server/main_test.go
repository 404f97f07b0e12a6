package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/airesearch/aiweekly/app/site/sitetest"
	"github.com/airesearch/aiweekly/app/testkit"
)

// running is a server started by Run in the background.
type running struct {
	url    string
	stderr *testkit.SyncBuffer
	cancel context.CancelFunc
	done   chan error
}

// startRun starts Run with args and waits for its "serving" line.
func startRun(tb testing.TB, args ...string) *running {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	r := &running{stderr: &testkit.SyncBuffer{}, cancel: cancel, done: make(chan error, 1)}
	go func() {
		err := run(ctx, args, pw, r.stderr)
		pw.CloseWithError(errors.New("run returned"))
		r.done <- err
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		cancel()
		tb.Fatalf("Run did not start: %v (run error: %v)\n%s", err, <-r.done, r.stderr)
	}
	go io.Copy(io.Discard, pr)
	fields := strings.Fields(line)
	if len(fields) != 4 || fields[0] != "serving" || fields[2] != "version" {
		tb.Fatalf("first stdout line = %q; want \"serving URL version V\"", line)
	}
	r.url = strings.TrimSuffix(fields[1], "/")
	tb.Cleanup(func() {
		cancel()
		select {
		case <-r.done:
		case <-time.After(10 * time.Second):
			tb.Error("Run did not return after cancel")
		}
	})
	return r
}

func TestRunServes(t *testing.T) {
	f := sitetest.NewFixture(t, 4096)
	r := startRun(t, "-addr", "127.0.0.1:0", "-root", f.Root)
	res, body := sitetest.Fetch(t, "GET", r.url+"/data/report.json", "Accept-Encoding: gzip")
	if res.StatusCode != 200 || !bytes.Equal(sitetest.Decode(t, res, body), f.Data) {
		t.Fatalf("GET /data/report.json: status %d; want 200 and the data file", res.StatusCode)
	}
	r.cancel()
	if err := <-r.done; err != nil {
		t.Fatalf("Run after cancel = %v; want nil", err)
	}
	r.done <- nil // for the cleanup
	if !strings.Contains(r.stderr.String(), "path=/data/report.json") {
		t.Errorf("stderr has no access log line for the request:\n%s", r.stderr)
	}
}

// TestOversizedHeaders checks that the running server answers headers past
// its limit with a 431 that carries the security headers, which net/http's
// own 431 would not, while a long URL still reaches the app.
func TestOversizedHeaders(t *testing.T) {
	f := sitetest.NewFixture(t, 4096)
	r := startRun(t, "-addr", "127.0.0.1:0", "-root", f.Root)
	res, _ := sitetest.Fetch(t, "GET", r.url+"/", "X-Big: "+strings.Repeat("a", 40<<10))
	if res.StatusCode != http.StatusRequestHeaderFieldsTooLarge || res.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("40 KB header: status %d, CSP %q; want 431 with the security headers", res.StatusCode, res.Header.Get("Content-Security-Policy"))
	}
	res, _ = sitetest.Fetch(t, "GET", r.url+"/movers?q="+strings.Repeat("a", 40<<10))
	if res.StatusCode != http.StatusOK {
		t.Errorf("40 KB URL: status %d; want 200", res.StatusCode)
	}
}

// TestGracefulShutdown cancels Run while a large response is half sent
// and checks that the client still gets all of it and Run then returns
// nil. The client's small receive buffer keeps the response in flight: the
// server cannot finish writing until the client reads.
func TestGracefulShutdown(t *testing.T) {
	f := sitetest.NewFixture(t, 1024)
	// A PNG, which the server does not compress, keeps the test quick.
	big := sitetest.FakeWasm(8 << 20)
	sitetest.WriteFile(t, filepath.Join(f.Root, "web", "big.png"), big)
	r := startRun(t, "-addr", "127.0.0.1:0", "-root", f.Root, "-shutdown-timeout", "20s")

	slow := &http.Client{Transport: &http.Transport{
		DisableCompression: true,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := (&net.Dialer{}).DialContext(ctx, network, addr)
			if err == nil {
				err = c.(*net.TCPConn).SetReadBuffer(16 << 10)
			}
			return c, err
		},
	}}
	res, err := slow.Get(r.url + "/web/big.png")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	head := make([]byte, 1<<10)
	if _, err := io.ReadFull(res.Body, head); err != nil {
		t.Fatal(err)
	}

	r.cancel() // as SIGTERM does through main's signal.NotifyContext
	select {
	case err := <-r.done:
		t.Fatalf("Run returned %v with a response in flight", err)
	case <-time.After(300 * time.Millisecond):
	}
	// New connections are refused once shutdown has begun.
	if _, err := http.Get(r.url + "/"); err == nil {
		t.Errorf("a new request succeeded during shutdown")
	}

	rest, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("reading the rest of the in-flight response: %v", err)
	}
	if got := append(head, rest...); !bytes.Equal(got, big) {
		t.Errorf("in-flight response: got %d bytes; want the %d of the file", len(got), len(big))
	}
	select {
	case err := <-r.done:
		if err != nil {
			t.Errorf("Run = %v; want nil after a graceful shutdown", err)
		}
		r.done <- nil
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after the in-flight request finished")
	}
}

func TestRunStartupErrors(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, f sitetest.Fixture)
		args  []string
		want  []string // substrings of the error
	}{
		{
			name:  "data not JSON",
			setup: func(t *testing.T, f sitetest.Fixture) { sitetest.WriteFile(t, f.DataFile(), []byte(`{"meta": {`)) },
			want:  []string{"data/report.json", "not valid JSON"},
		},
		{
			name: "data invalid",
			setup: func(t *testing.T, f sitetest.Fixture) {
				sitetest.WriteFile(t, f.DataFile(), bytes.Replace(f.Data, []byte(`"report_date": "2023-04-16"`), []byte(`"report_date": 20230416`), 1))
			},
			want: []string{"data/report.json", "invalid report", "meta.report_date"},
		},
		{
			name:  "data missing",
			setup: func(t *testing.T, f sitetest.Fixture) { os.Remove(f.DataFile()) },
			want:  []string{"data/report.json", "no such file"},
		},
		{
			name:  "wasm missing",
			setup: func(t *testing.T, f sitetest.Fixture) { os.Remove(filepath.Join(f.Root, "web", "app.wasm")) },
			want:  []string{"app.wasm", "GOOS=js GOARCH=wasm go build"},
		},
		{
			name:  "web missing",
			setup: func(t *testing.T, f sitetest.Fixture) { os.RemoveAll(filepath.Join(f.Root, "web")) },
			want:  []string{"web"},
		},
		{name: "bad address", args: []string{"-addr", "256.0.0.1:1"}, want: []string{"listen"}},
		{name: "stray argument", args: []string{"extra"}, want: []string{"unexpected arguments"}},
		{name: "precompress without paths", args: []string{"-precompress"}, want: []string{"-precompress needs"}},
		{name: "brotli quality out of range", args: []string{"-brotli-quality", "12"}, want: []string{"-brotli-quality 12"}},
		{name: "unknown flag", args: []string{"-port", "80"}, want: []string{"flag provided but not defined"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := sitetest.NewFixture(t, 1024)
			if tt.setup != nil {
				tt.setup(t, f)
			}
			args := append([]string{"-addr", "127.0.0.1:0", "-root", f.Root}, tt.args...)
			var stdout, stderr bytes.Buffer
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			err := run(ctx, args, &stdout, &stderr)
			if err == nil {
				t.Fatalf("Run = nil; want an error")
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("Run = %q; want it to mention %q", err, want)
				}
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout = %q; want nothing when startup fails", stdout.String())
			}
		})
	}
}

func TestRunHelp(t *testing.T) {
	var stderr bytes.Buffer
	err := run(context.Background(), []string{"-h"}, io.Discard, &stderr)
	if !errors.Is(err, flag.ErrHelp) {
		t.Errorf("Run -h = %v; want flag.ErrHelp", err)
	}
	for _, want := range []string{"-addr", "-root", "-data", "-precompress", "-allow-invalid-data"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("usage lacks %s:\n%s", want, stderr.String())
		}
	}
}

func TestAllowInvalidData(t *testing.T) {
	t.Run("broken", func(t *testing.T) {
		f := sitetest.NewFixture(t, 1024)
		broken := []byte(`{"schema_version": 1, "meta": `)
		sitetest.WriteFile(t, f.DataFile(), broken)
		r := startRun(t, "-addr", "127.0.0.1:0", "-root", f.Root, "-allow-invalid-data")
		res, body := sitetest.Fetch(t, "GET", r.url+"/data/report.json")
		if res.StatusCode != 200 || !bytes.Equal(body, broken) {
			t.Errorf("GET /data/report.json = %d %q; want 200 and the file as is", res.StatusCode, body)
		}
		if !strings.Contains(r.stderr.String(), "level=WARN") || !strings.Contains(r.stderr.String(), "not valid JSON") {
			t.Errorf("stderr has no warning naming the problem:\n%s", r.stderr)
		}
		if res, _ := sitetest.Fetch(t, "GET", r.url+"/"); res.StatusCode != 200 {
			t.Errorf("GET / = %d; want the app's page with its error state", res.StatusCode)
		}
	})
	t.Run("missing", func(t *testing.T) {
		f := sitetest.NewFixture(t, 1024)
		os.Remove(f.DataFile())
		r := startRun(t, "-addr", "127.0.0.1:0", "-root", f.Root, "-allow-invalid-data")
		if res, _ := sitetest.Fetch(t, "GET", r.url+"/data/report.json"); res.StatusCode != 404 {
			t.Errorf("GET /data/report.json = %d; want 404", res.StatusCode)
		}
	})
}

func TestDataFlag(t *testing.T) {
	f := sitetest.NewFixture(t, 1024)
	other := filepath.Join(t.TempDir(), "week.json")
	changed := append(append([]byte{}, f.Data...), '\n')
	sitetest.WriteFile(t, other, changed)
	r := startRun(t, "-addr", "127.0.0.1:0", "-root", f.Root, "-data", other)
	if _, body := sitetest.Fetch(t, "GET", r.url+"/data/report.json"); !bytes.Equal(body, changed) {
		t.Errorf("-data %s: served another file", other)
	}
}

// TestExportCommand runs the -export flag end to end.
func TestExportCommand(t *testing.T) {
	f := sitetest.NewFixture(t, 4096)
	dir := filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	if err := run(t.Context(), []string{"-root", f.Root, "-export", dir, "-brotli-quality", "5"}, &stdout, &stderr); err != nil {
		t.Fatalf("Run: %v\n%s", err, &stderr)
	}
	if !strings.HasPrefix(stdout.String(), "exported version ") {
		t.Errorf("stdout %q", stdout.String())
	}
	page := string(sitetest.ReadFile(t, filepath.Join(dir, "movers.html")))
	if !strings.Contains(page, `src="/app.js"`) || !strings.Contains(page, `href="/financings"`) {
		t.Error("an export for the root has links that are not at the root")
	}
	var m struct {
		StartURL string `json:"start_url"`
		Scope    string `json:"scope"`
	}
	if err := json.Unmarshal(sitetest.ReadFile(t, filepath.Join(dir, "manifest.webmanifest")), &m); err != nil {
		t.Fatal(err)
	}
	if m.StartURL != "/" || m.Scope != "/" {
		t.Errorf("manifest start_url %q, scope %q; want /", m.StartURL, m.Scope)
	}
}

func TestPrefixFlag(t *testing.T) {
	// A prefix that is accepted, with its cleaned form; then one refused,
	// with a part of the error.
	valid := map[string]string{"": "", "/": "", "sub": "/sub", "/sub/": "/sub", "/a/b-c_d.e~f": "/a/b-c_d.e~f", "/webby": "/webby"}
	invalid := map[string]string{
		"/web": "holds the app's files", "/data/x": "holds the app's files",
		"/a b": "not allowed", "/%2e": "not allowed", "/报告": "not allowed",
		"/a/../b": "dot segment", "/a//b": "empty or dot segment",
	}
	parse := func(arg string) (string, error) {
		m := &Main{Stderr: &bytes.Buffer{}}
		err := m.ParseFlags([]string{"-prefix", arg})
		return m.Config.Prefix, err
	}
	for arg, want := range valid {
		if got, err := parse(arg); err != nil || got != want {
			t.Errorf("-prefix %q = %q, %v; want %q", arg, got, err, want)
		}
	}
	for arg, want := range invalid {
		if _, err := parse(arg); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("-prefix %q: error %v; want one mentioning %q", arg, err, want)
		}
	}
}

func TestBaseURLFlag(t *testing.T) {
	parse := func(args ...string) error {
		return (&Main{Stderr: &bytes.Buffer{}}).ParseFlags(args)
	}
	for _, args := range [][]string{
		{"-base-url", "https://example.org"},
		{"-base-url", "https://example.org/aiweekly", "-prefix", "/aiweekly"},
		{"-base-url", "http://127.0.0.1:8000/", "-export", "dist"},
	} {
		if err := parse(args...); err != nil {
			t.Errorf("%q: %v", args, err)
		}
	}
	for _, args := range [][]string{
		{"-base-url", "example.org"},
		{"-base-url", "https://example.org/aiweekly"},
		{"-base-url", "https://example.org", "-prefix", "/aiweekly"},
		{"-base-url", "https://example.org/?x=1"},
	} {
		if err := parse(args...); err == nil || !strings.Contains(err.Error(), "-base-url") {
			t.Errorf("%q: error %v; want one naming -base-url", args, err)
		}
	}
}

// TestPrecompressCommand runs the -precompress flag end to end: each
// compressible file named, or below a directory named, gets its variants.
func TestPrecompressCommand(t *testing.T) {
	f := sitetest.NewFixture(t, 4096)
	var log bytes.Buffer
	if err := run(t.Context(), []string{"-precompress", filepath.Join(f.Root, "web"), f.DataFile()}, &log, &log); err != nil {
		t.Fatalf("run -precompress: %v", err)
	}
	for _, name := range []string{"web/app.wasm.br", "web/app.wasm.gz", "web/app.css.br", "data/report.json.gz"} {
		if _, err := os.Stat(filepath.Join(f.Root, name)); err != nil {
			t.Errorf("no %s: %v", name, err)
		}
	}
}
