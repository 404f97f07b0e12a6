package importer

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ImportFile imports the weekly's text in the file at path, with the
// curated file at curatedPath ("" for the one built in), as cmd/import
// and cmd/week do.
func ImportFile(path, curatedPath string) (*Result, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	opt := Options{Document: filepath.Base(path)}
	if curatedPath != "" {
		data, err := os.ReadFile(curatedPath)
		if err != nil {
			return nil, err
		}
		if opt.Curated, err = ParseCurated(data); err != nil {
			return nil, err
		}
	}
	return Import(string(text), opt)
}

// WriteProblems writes each problem to w as FILE:LINE: message, the file
// being path, and with skipped the lines left out on purpose too. It
// returns the summary line to print after them, "" when there is no
// problem.
func (r *Result) WriteProblems(w io.Writer, path string, skipped bool) string {
	for _, p := range r.Problems {
		if p.Line == 0 {
			fmt.Fprintf(w, "%s: %s\n", path, p.Msg)
			continue
		}
		fmt.Fprintf(w, "%s:%d: %s\n", path, p.Line, p.Msg)
	}
	if skipped {
		for _, s := range r.Skipped {
			fmt.Fprintf(w, "%s:%d: skipped: %s\n", path, s.Line, s.Why)
		}
	}
	if len(r.Problems) == 0 {
		return ""
	}
	noun := "problems"
	if len(r.Problems) == 1 {
		noun = "problem"
	}
	return fmt.Sprintf("%d %s; %d lines placed, %d skipped on purpose, %d unplaced",
		len(r.Problems), noun, r.Placed, len(r.Skipped), r.Unplaced)
}
