// Command import turns a weekly's text, as extracted from its PDF, into a
// draft of data/report.json.
//
//	go run ./cmd/import WEEKLY.txt > draft.json
//
// The draft goes to standard output, complaints to standard error, one a
// line as FILE:LINE: message: every line that could not be placed, every
// figure printed twice that disagrees, every name the curated file does
// not know, and every problem app/report's loader finds in the draft. The
// exit status is 1 when there is any, 2 when the text or the curated file
// cannot be read. The draft is written either way, so that it can be
// looked at.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/airesearch/aiweekly/app/importer"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the command without the process around it, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	curated := fs.String("curated", "", "curated file (default: the one built in, app/importer/curated.json)")
	skipped := fs.Bool("skipped", false, "also list the lines skipped on purpose")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: go run ./cmd/import [-curated FILE] [-skipped] WEEKLY.txt > draft.json")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	path := fs.Arg(0)
	res, err := load(path, *curated)
	if err != nil {
		fmt.Fprintf(stderr, "import: %v\n", err)
		return 2
	}
	out, err := res.Draft.JSON()
	if err != nil {
		fmt.Fprintf(stderr, "import: %v\n", err)
		return 2
	}
	if _, err := stdout.Write(out); err != nil {
		fmt.Fprintf(stderr, "import: %v\n", err)
		return 2
	}
	for _, p := range res.Problems {
		if p.Line == 0 {
			fmt.Fprintf(stderr, "%s: %s\n", path, p.Msg)
			continue
		}
		fmt.Fprintf(stderr, "%s:%d: %s\n", path, p.Line, p.Msg)
	}
	if *skipped {
		for _, s := range res.Skipped {
			fmt.Fprintf(stderr, "%s:%d: skipped: %s\n", path, s.Line, s.Why)
		}
	}
	if len(res.Problems) > 0 {
		noun := "problems"
		if len(res.Problems) == 1 {
			noun = "problem"
		}
		fmt.Fprintf(stderr, "import: %d %s; %d lines placed, %d skipped on purpose, %d unplaced\n",
			len(res.Problems), noun, res.Placed, len(res.Skipped), res.Unplaced)
		return 1
	}
	return 0
}

// load reads the text and the curated file and imports.
func load(path, curatedPath string) (*importer.Result, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	opt := importer.Options{Document: filepath.Base(path)}
	if curatedPath != "" {
		data, err := os.ReadFile(curatedPath)
		if err != nil {
			return nil, err
		}
		if opt.Curated, err = importer.ParseCurated(data); err != nil {
			return nil, err
		}
	}
	return importer.Import(string(text), opt)
}
