package ui

import (
	"os"
	"sync"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
)

var (
	realOnce sync.Once
	realRep  *report.Report
	realErr  error
)

// loadReport parses the real data/report.json once for all tests.
func loadReport(tb testing.TB) *report.Report {
	tb.Helper()
	realOnce.Do(func() {
		data, err := os.ReadFile("../../data/report.json")
		if err != nil {
			realErr = err
			return
		}
		realRep, realErr = report.Parse(data)
	})
	if realErr != nil {
		tb.Fatalf("load report: %v", realErr)
	}
	return realRep
}
