// Package browser starts Debian's headless Chromium the same way for the
// browser tests and the benchmark.
package browser

import (
	"errors"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// ErrNoChromium is returned by [Path] when no Chromium is installed.
var ErrNoChromium = errors.New("no chromium on PATH: run `make browser-deps` (apt-get install chromium)")

// Path finds Debian's chromium, or another Chromium on PATH.
func Path() (string, error) {
	for _, p := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(p); err == nil {
			return path, nil
		}
	}
	return "", ErrNoChromium
}

// Options are the allocator options for a headless Chromium at path with a
// window of w×h CSS pixels. Background networking, component updates and
// sync are off: this machine reaches no outside host, and Chromium's
// attempts would only add refused connections to what is measured. The
// browser is a Chinese reader's (navigator.language and Accept-Language
// zh-CN): a page whose link asks for no language is in Chinese, as the
// report is; a test of English asks for it.
func Options(path string, w, h int) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("accept-lang", "zh-CN"),
		chromedp.WindowSize(w, h),
	)
}
