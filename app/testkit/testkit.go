// Package testkit holds what the tests of several packages share: the
// repository root and the real report, parsed once per test binary.
// Package [browser] beside it starts headless Chromium for the browser
// tests and the benchmark.
package testkit

import (
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
)

// Root is the repository root, found from this file's place in the tree
// so that tests work from any package directory.
var Root = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}()

// ReportPath is the real report snapshot.
var ReportPath = filepath.Join(Root, "data", "report.json")

var real struct {
	once sync.Once
	data []byte
	rep  *report.Report
	err  error
}

// ReportBytes returns the bytes of the real data/report.json.
func ReportBytes(tb testing.TB) []byte {
	tb.Helper()
	load()
	if real.data == nil {
		tb.Fatalf("read report: %v", real.err)
	}
	return real.data
}

// LoadReport returns the real data/report.json, parsed once for all the
// tests of a binary. Tests must not change it.
func LoadReport(tb testing.TB) *report.Report {
	tb.Helper()
	load()
	if real.err != nil {
		tb.Fatalf("load report: %v", real.err)
	}
	return real.rep
}

func load() {
	real.once.Do(func() {
		real.data, real.err = os.ReadFile(ReportPath)
		if real.err == nil {
			real.rep, real.err = report.Parse(real.data)
		}
	})
}

// SyntheticWeeks is the directory of the synthetic earlier week the tests
// serve beside the real one (see package synthweek); nothing publishes it.
var SyntheticWeeks = filepath.Join(Root, "app", "testkit", "testdata", "weeks")

// SeedText is the weekly's text the importer's tests and cmd/week's read,
// as extracted from its PDF.
var SeedText = filepath.Join(Root, "app", "importer", "testdata", "000_61edb88a8ba11f94.txt")
