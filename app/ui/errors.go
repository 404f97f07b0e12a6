package ui

import (
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
	ve, ok := errorAs[*report.ValidationError](err)
	if !ok {
		return nil
	}
	return ve.Lines()
}

// errorAs finds the first error in err's tree that is a T, as errors.As
// does. errors.As takes its target through reflection, which links
// internal/reflectlite into the wasm (29 KB); our error types need no
// As method, so a type switch serves.
func errorAs[T error](err error) (T, bool) {
	for err != nil {
		if t, ok := err.(T); ok {
			return t, true
		}
		switch u := err.(type) {
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				if t, ok := errorAs[T](e); ok {
					return t, true
				}
			}
			err = nil
		default:
			err = nil
		}
	}
	var zero T
	return zero, false
}
