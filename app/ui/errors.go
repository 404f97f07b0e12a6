package ui

import (
	"errors"
	"fmt"

	"github.com/airesearch/aiweekly/app/report"
)

// loadError is why the report could not be shown: the fetch failed or the
// file did not validate. Its message is the developer's detail; the page
// shows a plain sentence above it.
type loadError struct {
	URL string
	Err error
}

func (e *loadError) Error() string { return fmt.Sprintf("load %s: %v", e.URL, e.Err) }

func (e *loadError) Unwrap() error { return e.Err }

// problems lists the validation problems of err, one a line, or nil when
// err is not a validation error.
func problems(err error) []string {
	var ve *report.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	out := make([]string, 0, len(ve.Problems))
	for _, p := range ve.Problems {
		out = append(out, p.Path+": "+p.Message)
	}
	return out
}
