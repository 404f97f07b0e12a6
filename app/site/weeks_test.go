//go:build !wasm

package site

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/archive"
	"github.com/airesearch/aiweekly/app/site/sitetest"
	"github.com/airesearch/aiweekly/app/testkit"
)

// TestWeeksServed checks that the site serves the index of weeks and each
// earlier week as it is on disk, and that the weeks are part of the
// version.
func TestWeeksServed(t *testing.T) {
	cfg := config(sitetest.NewFixture(t, 1<<10))
	plain, plainSrv := startSite(t, cfg)
	cfg.Weeks = testkit.SyntheticWeeks
	s, srv := startSite(t, cfg)
	if s.Version() == plain.Version() {
		t.Errorf("the version is the same with and without the earlier weeks")
	}

	var ix archive.Index
	resp, body := sitetest.Fetch(t, "GET", srv.URL+"/data/weeks.json")
	if resp.StatusCode != 200 || json.Unmarshal(body, &ix) != nil || len(ix.Weeks) != 2 {
		t.Fatalf("GET /data/weeks.json: %d %s; want the index of two weeks", resp.StatusCode, body)
	}
	old := ix.Weeks[1]
	resp, body = sitetest.Fetch(t, "GET", srv.URL+"/"+old.File)
	want := sitetest.ReadFile(t, filepath.Join(testkit.SyntheticWeeks, old.Date+".json"))
	if resp.StatusCode != 200 || string(body) != string(want) || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Errorf("GET /%s: %d %q; want the file as it is on disk", old.File, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, p := range []string{"/data/weeks/" + ix.Weeks[0].Date + ".json", "/data/weeks/2000-01-01.json", "/data/weeks/"} {
		if resp, _ := sitetest.Fetch(t, "GET", srv.URL+p); resp.StatusCode != 404 {
			t.Errorf("GET %s: %d; want 404", p, resp.StatusCode)
		}
	}

	// Today's data alone: data/weeks does not exist, the index holds the
	// newest week only.
	_, body = sitetest.Fetch(t, "GET", plainSrv.URL+"/data/weeks.json")
	if err := json.Unmarshal(body, &ix); err != nil || len(ix.Weeks) != 1 || ix.Weeks[0].File != archive.NewestPath {
		t.Errorf("the index without earlier weeks: %s", body)
	}
}

// TestWeeksRefused checks that the server refuses to start on an earlier
// week that is misnamed, as a link to its date would show nothing.
func TestWeeksRefused(t *testing.T) {
	f := sitetest.NewFixture(t, 1<<10)
	dir := filepath.Join(f.Root, "data", "weeks")
	sitetest.Mkdir(t, dir)
	sitetest.WriteFile(t, filepath.Join(dir, "2023-04-02.json"), sitetest.ReadFile(t, filepath.Join(testkit.SyntheticWeeks, "2023-04-09.json")))
	_, err := New(config(f), sitetest.DiscardLogger())
	if err == nil || !strings.Contains(err.Error(), "2023-04-02.json") {
		t.Errorf("New = %v; want it to name the misnamed week", err)
	}
	if err := os.Rename(filepath.Join(dir, "2023-04-02.json"), filepath.Join(dir, "2023-04-09.json")); err != nil {
		t.Fatal(err)
	}
	cfg := config(f)
	cfg.BrotliQuality = 5 // the test is of the files, not their size
	s, err := New(cfg, sitetest.DiscardLogger())
	if err != nil {
		t.Fatalf("New with the default weeks directory: %v", err)
	}
	out := t.TempDir()
	if err := s.Export(out); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"data/weeks.json", "data/weeks/2023-04-09.json", "data/weeks/2023-04-09.json.br"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); err != nil {
			t.Errorf("the export lacks %s: %v", name, err)
		}
	}
}
