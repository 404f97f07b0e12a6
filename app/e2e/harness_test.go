package e2e

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// root is the repository root; the tests run the real bin/server from it.
var root = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}()

var (
	browserOnce sync.Once
	browserCtx  context.Context
	browserErr  error
	stopBrowser func()
	buildOnce   sync.Once
	buildErr    error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if stopBrowser != nil {
		stopBrowser()
	}
	os.Exit(code)
}

// ensureBuilt builds web/app.wasm and bin/server once per run, so the
// tests also work when called without make.
func ensureBuilt(tb testing.TB) {
	tb.Helper()
	buildOnce.Do(func() {
		cmd := exec.Command("make", "build")
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("make build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		tb.Fatal(buildErr)
	}
}

// server is a running bin/server on a free loopback port.
type server struct {
	URL string
	cmd *exec.Cmd
	log *strings.Builder
}

// startServer runs bin/server on a free loopback port with extra flags and
// waits until it answers (startServerOn). It stops when the test ends.
func startServer(tb testing.TB, args ...string) *server {
	tb.Helper()
	return startServerOn(tb, freeAddr(tb), args...)
}

// Stop ends the server process and waits for it.
func (s *server) Stop() {
	if s.cmd.Process == nil || s.cmd.ProcessState != nil {
		return
	}
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
}

type syncWriter struct {
	mu sync.Mutex
	b  *strings.Builder
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func freeAddr(tb testing.TB) string {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// chromiumPath finds Debian's chromium.
func chromiumPath(tb testing.TB) string {
	tb.Helper()
	for _, p := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	tb.Fatal("no chromium on PATH: run `make browser-deps` (apt-get install chromium)")
	return ""
}

// newTab opens a fresh browser tab (its own profile context) for one test.
// Each tab shares one headless Chromium started on first use.
func newTab(tb testing.TB) context.Context {
	tb.Helper()
	browserOnce.Do(func() {
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(chromiumPath(tb)),
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.WindowSize(1280, 900),
		)
		actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, cancelB := chromedp.NewContext(actx)
		browserErr = chromedp.Run(bctx)
		browserCtx = bctx
		stopBrowser = func() { cancelB(); cancelA() }
	})
	if browserErr != nil {
		tb.Fatalf("start chromium: %v", browserErr)
	}
	ctx, cancel := chromedp.NewContext(browserCtx)
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	tb.Cleanup(func() { cancelT(); cancel() })
	return ctx
}

// live waits until the wasm has taken over the page and shows the report:
// the shell carries data-live once the browser, not the server, rendered it.
func live(sel string) chromedp.Tasks {
	return chromedp.Tasks{
		chromedp.WaitVisible(`.shell[data-live="1"]`, chromedp.ByQuery),
		chromedp.WaitVisible(sel, chromedp.ByQuery),
	}
}

// textOf returns the innerText of the first element matching sel.
func textOf(tb testing.TB, ctx context.Context, sel string) string {
	tb.Helper()
	var s string
	if err := chromedp.Run(ctx, chromedp.Text(sel, &s, chromedp.ByQuery, chromedp.NodeVisible)); err != nil {
		tb.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// open navigates to url and waits for the live page to show sel.
func open(tb testing.TB, ctx context.Context, url, sel string) {
	tb.Helper()
	if err := chromedp.Run(ctx, chromedp.Navigate(url), live(sel)); err != nil {
		tb.Fatalf("open %s: wait for %s: %v", url, sel, err)
	}
}
