package e2e

import (
	"strings"
	"testing"
)

// TestReportPreloaded checks that the page starts downloading the report
// itself, while the wasm downloads, and that the wasm's own fetch takes
// that response: the page fetches the report once, and by a preload link.
func TestReportPreloaded(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	open(t, ctx, s.URL+"/movers", "main h1")
	var entries []struct {
		Name      string `json:"name"`
		Initiator string `json:"initiatorType"`
	}
	evalJS(t, ctx, `performance.getEntriesByType("resource")
		.filter((e) => new URL(e.name).pathname === "/data/report.json")
		.map((e) => ({name: e.name, initiatorType: e.initiatorType}))`, &entries)
	if len(entries) != 1 || entries[0].Initiator != "link" {
		t.Errorf("the page fetched the report %d times: %+v; want once, by its preload link", len(entries), entries)
	}
	var html string
	evalJS(t, ctx, `fetch("/movers").then((r) => r.text())`, &html)
	if !strings.Contains(html, `<link rel="preload" href="/data/report.json" as="fetch" crossorigin>`) {
		t.Errorf("the prerendered page has no preload link for the report")
	}
}
