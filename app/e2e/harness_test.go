package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/airesearch/aiweekly/app/testkit"
	"github.com/airesearch/aiweekly/app/testkit/browser"
	"github.com/chromedp/chromedp"
)

// root is the repository root; the tests run the real bin/server from it.
var root = testkit.Root

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

// server is a running bin/server on a loopback port.
type server struct {
	URL string // http://HOST:PORT, without a trailing slash
	cmd *exec.Cmd
	log *testkit.SyncBuffer // its stdout and stderr
}

// startServer runs bin/server with extra flags on a port the system picks
// and waits until it announces the address. It stops when the test ends.
func startServer(tb testing.TB, args ...string) *server {
	tb.Helper()
	return startServerOn(tb, "127.0.0.1:0", args...)
}

// startServerOn is startServer on a given address, so that a new build can
// be served on the same origin as an old one (the address a first server
// bound on port 0).
func startServerOn(tb testing.TB, addr string, args ...string) *server {
	tb.Helper()
	ensureBuilt(tb)
	cmd := exec.Command(filepath.Join(root, "bin", "server"), append([]string{"-addr", addr}, args...)...)
	s := &server{cmd: cmd, log: startProc(tb, cmd)}
	m := waitLine(tb, s.log, servingLine)
	s.URL = m[1]
	return s
}

// servingLine is the line bin/server writes to stdout once it listens.
var servingLine = regexp.MustCompile(`(?m)^serving (http://\S+?)/? version (\w+)$`)

// logText is what the server has written so far.
func (s *server) logText() string { return s.log.String() }

// Stop ends the server process and waits for it.
func (s *server) Stop() {
	if s.cmd.Process == nil || s.cmd.ProcessState != nil {
		return
	}
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
}

// startProc starts cmd in the repository root, collecting its stdout and
// stderr, and kills it when the test ends.
func startProc(tb testing.TB, cmd *exec.Cmd) *testkit.SyncBuffer {
	tb.Helper()
	out := &testkit.SyncBuffer{}
	cmd.Dir = root
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		tb.Fatalf("start %s: %v", cmd.Path, err)
	}
	tb.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	return out
}

// waitLine waits up to 20 seconds for a process to write a line matching
// re, which is how it tells the address it bound, and returns the
// submatches.
func waitLine(tb testing.TB, out *testkit.SyncBuffer, re *regexp.Regexp) []string {
	tb.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			return m
		}
		if time.Now().After(deadline) {
			tb.Fatalf("no line matching %s within 20s; output:\n%s", re, out)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// newTab opens a fresh browser tab (its own profile context) for one test.
// Each tab shares one headless Chromium started on first use.
func newTab(tb testing.TB) context.Context {
	tb.Helper()
	browserOnce.Do(func() {
		path, err := browser.Path()
		if err != nil {
			browserErr = err
			return
		}
		actx, cancelA := chromedp.NewExecAllocator(context.Background(), browser.Options(path, 1280, 900)...)
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
// the shell carries data-live once the browser, not the server, rendered
// it, and no loading state is left (on a busy machine the report can
// arrive after cmd/wasm's wait, and the live page then says it is loading).
func live(sel string) chromedp.Tasks {
	return chromedp.Tasks{
		chromedp.Poll(`!!document.querySelector('.shell[data-live="1"]') && !document.querySelector('.status.loading')`, nil,
			chromedp.WithPollingInterval(50*time.Millisecond)),
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

// clickNav follows the top bar's link to href and waits until the bar
// marks it as the current page.
func clickNav(tb testing.TB, ctx context.Context, href string) {
	tb.Helper()
	if err := chromedp.Run(ctx,
		chromedp.Click(`nav a[href="`+href+`"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`nav a[aria-current="page"][href="`+href+`"]`, chromedp.ByQuery),
	); err != nil {
		tb.Fatalf("click the nav link to %s: %v", href, err)
	}
}
