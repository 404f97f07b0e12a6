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
	res, err := importer.ImportFile(path, *curated)
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
	if sum := res.WriteProblems(stderr, path, *skipped); sum != "" {
		fmt.Fprintf(stderr, "import: %s\n", sum)
		return 1
	}
	return 0
}
