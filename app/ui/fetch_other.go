//go:build !wasm

package ui

import (
	"errors"

	"github.com/airesearch/aiweekly/app/report"
)

// fetchReport on the server reports that no report was set: the server
// calls [SetReport] before it prerenders any page.
func fetchReport(url string, done func(*report.Report, error)) {
	done(nil, &loadError{URL: url, Err: errors.New("no report loaded on the server")})
}
