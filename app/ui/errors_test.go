package ui

import (
	"fmt"
	"slices"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
)

// TestProblemsListed checks what the error page lists for a file with more
// problems than it keeps: each kept one, then how many more there are.
func TestProblemsListed(t *testing.T) {
	ve := &report.ValidationError{Problems: []report.Problem{{Path: "meta.title", Message: "want a string"}}, Omitted: 39999}
	got := problems(fmt.Errorf("load: %w", ve))
	want := []string{"meta.title: want a string", "and 39999 more"}
	if !slices.Equal(got, want) {
		t.Errorf("problems = %q; want %q", got, want)
	}
	if got := problems(fmt.Errorf("offline")); got != nil {
		t.Errorf("problems(offline) = %q; want none", got)
	}
}
