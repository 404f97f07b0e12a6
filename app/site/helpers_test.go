//go:build !wasm

package site

import (
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/site/sitetest"
	"github.com/airesearch/aiweekly/app/ui"
)

// routes are the explorer's fixed routes.
var routes = Explorer().Pages(nil)

// notFoundTitle is the heading of the explorer's not-found page.
var notFoundTitle = ui.Message(explore.LangZH, "notfound.title")

// config returns the configuration serving the fixture.
func config(f sitetest.Fixture) Config {
	return Config{Addr: "127.0.0.1:0", Root: f.Root, Data: filepath.Join(f.Root, "data", "report.json"), BrotliQuality: BestBrotli}
}

// startSite loads cfg and serves it on a loopback port until the test ends.
func startSite(tb testing.TB, cfg Config) (*Site, *httptest.Server) {
	tb.Helper()
	s, err := New(cfg, sitetest.DiscardLogger())
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	srv := httptest.NewServer(s)
	tb.Cleanup(srv.Close)
	return s, srv
}

// contains reports whether the header values list holds the token s.
func contains(list []string, s string) bool {
	for _, v := range list {
		for _, part := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(part), s) {
				return true
			}
		}
	}
	return false
}
