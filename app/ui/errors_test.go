package ui

import (
	"errors"
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

// TestErrorAs checks errorAs against errors.As on the shapes of error
// trees the app builds: direct, wrapped once or twice, joined, absent.
func TestErrorAs(t *testing.T) {
	le := &LoadError{URL: "/data/report.json", Kind: FailInvalid, Err: errors.New("bad")}
	tests := []struct {
		name string
		err  error
		want *LoadError
	}{
		{"nil", nil, nil},
		{"direct", le, le},
		{"wrapped", fmt.Errorf("open: %w", le), le},
		{"wrapped twice", fmt.Errorf("a: %w", fmt.Errorf("b: %w", le)), le},
		{"joined", errors.Join(errors.New("other"), fmt.Errorf("c: %w", le)), le},
		{"two wrapped", fmt.Errorf("%w and %w", errors.New("other"), le), le},
		{"absent", fmt.Errorf("d: %w", errors.New("offline")), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := errorAs[*LoadError](tt.err)
			var std *LoadError
			stdOK := errors.As(tt.err, &std)
			if got != tt.want || ok != (tt.want != nil) {
				t.Errorf("errorAs(%v) = %v, %v; want %v, %v", tt.err, got, ok, tt.want, tt.want != nil)
			}
			if got != std || ok != stdOK {
				t.Errorf("errorAs(%v) = %v, %v; errors.As gives %v, %v", tt.err, got, ok, std, stdOK)
			}
		})
	}
}
