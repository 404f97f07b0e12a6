package ui

import (
	"errors"
	"fmt"

	"github.com/airesearch/aiweekly/app/report"
)

// FailKind says what a person can do about a report that did not load.
type FailKind string

// The kinds of failure. Each has a sentence in the catalog,
// "status.kind."+kind, that the error page shows.
const (
	// FailOffline: the fetch did not reach the server; retrying may help.
	FailOffline FailKind = "offline"
	// FailNotFound: the server has no data file at the address.
	FailNotFound FailKind = "notfound"
	// FailInvalid: the file is not a valid report; the page lists the
	// JSON paths of its problems.
	FailInvalid FailKind = "invalid"
	// FailUnavailable: any other failure (a server error, no report on the
	// server).
	FailUnavailable FailKind = "unavailable"
)

// LoadError is why the report could not be shown. Its message is the
// developer's detail; the page shows a plain sentence for its Kind above it.
type LoadError struct {
	URL  string
	Kind FailKind
	Err  error
}

func (e *LoadError) Error() string { return fmt.Sprintf("load %s: %v", e.URL, e.Err) }

func (e *LoadError) Unwrap() error { return e.Err }

// parseError is the LoadError of data at url that did not parse.
func parseError(url string, err error) *LoadError {
	return &LoadError{URL: url, Kind: FailInvalid, Err: err}
}

// problems lists the validation problems of err, one a line, the first
// report.MaxProblems and then "and N more", or nil when err is not a
// validation error.
func problems(err error) []string {
	var ve *report.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	return ve.Lines()
}
