package e2e

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/airesearch/aiweekly/app/testkit"
)

// hostileData is a report whose every string a person reads carries
// markup, formula prefixes, quotes, RTL marks, emoji and, for names,
// 2,000 characters (app/report/testdata/hostile.json).
var hostileData = filepath.Join("app", "report", "testdata", "hostile.json")

// TestFloodOfUniqueQueries sends what once took the server from 77 MB to
// 11 GB: many clients at once, each asking for /events with a query of its
// own, 6 KB of junk that the page ignores, accepting brotli, for a page
// over 64 KB. Loopback only,
// bounded in count and time. The server's peak memory stays under 300 MB
// and every request is answered. (The cached page's latency under this
// load is the benchmark's to report, not a test's.)
func TestFloodOfUniqueQueries(t *testing.T) {
	// The hostile report's pages are the largest: its /events is 1 MB,
	// the real one's 53 KB.
	s := startServer(t, "-data", hostileData)
	const (
		workers  = 64
		requests = 3000
		limit    = 6 * time.Second
		maxRSS   = 300 << 20
	)
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: workers, DisableCompression: true},
	}
	var sent, failed atomic.Int64
	var firstErr atomic.Value
	deadline := time.Now().Add(limit)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w), 2023))
			junk := make([]byte, 3000)
			for time.Now().Before(deadline) && sent.Add(1) <= requests {
				for i := range junk {
					junk[i] = byte(rng.IntN(256))
				}
				req, _ := http.NewRequest("GET", s.URL+"/events?z="+fmt.Sprintf("%x", junk), nil)
				req.Header.Set("Accept-Encoding", "br")
				res, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if err == nil && res.StatusCode != http.StatusOK {
						err = fmt.Errorf("status %d", res.StatusCode)
					}
				}
				if err != nil {
					failed.Add(1)
					firstErr.CompareAndSwap(nil, err)
				}
			}
		}()
	}
	wg.Wait()
	if n := failed.Load(); n > 0 {
		t.Errorf("%d requests failed, the first with %v", n, firstErr.Load())
	}
	peak, err := testkit.PeakRSS(s.cmd.Process.Pid)
	if err != nil {
		t.Skipf("cannot read the server's memory: %v", err)
	}
	t.Logf("%d requests from %d clients; server peak RSS %d MB", min(sent.Load(), requests), workers, peak>>20)
	if peak > maxRSS {
		t.Errorf("server peak RSS %d MB; want under %d MB", peak>>20, maxRSS>>20)
	}
	res, err := client.Get(s.URL + "/")
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("GET / after the flood: %v, %v", res, err)
	}
	res.Body.Close()
}
