//go:build !wasm

package ui

import (
	"errors"

	"github.com/airesearch/aiweekly/app/archive"
	"github.com/airesearch/aiweekly/app/report"
)

// fetchReport outside the browser has nothing to fetch from: the server
// builds its site with [NewSite] from the report it loaded.
func fetchReport(url string) func() (*report.Report, error) {
	return func() (*report.Report, error) {
		return nil, &LoadError{URL: url, Kind: FailUnavailable, Err: errors.New("no report loaded on the server")}
	}
}

// Yield outside the browser has no page to yield to.
func Yield() {}

// OpenStorage outside the browser has no storage to open.
func OpenStorage() {}

// fetchIndex outside the browser has nothing to fetch either.
func fetchIndex(url string) func() (archive.Index, error) {
	return func() (archive.Index, error) {
		return archive.Index{}, &LoadError{URL: url, Kind: FailUnavailable, Err: errors.New("no index loaded on the server")}
	}
}
