// Command week puts a new weekly in place, from its text to the archive,
// as `make week WEEKLY=path/to/text` runs it:
//
//		go run ./cmd/week [-root .] [-curated FILE] WEEKLY.txt
//
//	 1. It imports the text (app/importer, as cmd/import does); any
//	    complaint stops it, listed as FILE:LINE: message.
//	 2. It validates the draft with the loader (app/report) and against
//	    data/report.schema.json.
//	 3. It puts the week in place. A week newer than data/report.json
//	    becomes data/report.json, and the week it replaces moves, unchanged,
//	    to data/weeks/YYYY-MM-DD.json; an older week goes to
//	    data/weeks/YYYY-MM-DD.json. A published week is never changed:
//	    importing it again is fine when the draft is the same bytes, and
//	    refused otherwise.
//	 4. It loads the archive as the server will (app/archive).
//
// Nothing is written unless every check passed. The exit status is 1 for
// a weekly that did not import or validate or would change a published
// week, 2 when a file cannot be read or written.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/airesearch/aiweekly/app/archive"
	"github.com/airesearch/aiweekly/app/importer"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// errRefused marks a weekly that is not put in place for what it holds,
// as opposed to a file that cannot be read or written.
var errRefused = errors.New("refused")

// run is the command without the process around it, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("week", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "repository root `dir`ectory holding data/")
	curated := fs.String("curated", "", "curated `file` (default: the one built in, app/importer/curated.json)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: go run ./cmd/week [-root DIR] [-curated FILE] WEEKLY.txt")
		fs.PrintDefaults()
	}
	switch err := fs.Parse(args); {
	case err != nil: // the flag package has said why
		return 2
	case fs.NArg() != 1:
		fs.Usage()
		return 2
	}
	msg, err := week(*root, fs.Arg(0), *curated, stderr)
	switch {
	case errors.Is(err, errRefused):
		fmt.Fprintf(stderr, "week: %v\n", err)
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "week: %v\n", err)
		return 2
	}
	fmt.Fprintln(stdout, msg)
	return 0
}

// week imports, validates and places the weekly at path in the archive
// below root, and says what it did.
func week(root, path, curated string, stderr io.Writer) (string, error) {
	res, err := importer.ImportFile(path, curated)
	if err != nil {
		return "", err
	}
	if sum := res.WriteProblems(stderr, path, false); sum != "" {
		return "", fmt.Errorf("%w: the import has %s; nothing was changed", errRefused, sum)
	}
	draft, err := res.Draft.JSON()
	if err != nil {
		return "", err
	}
	r, err := validate(root, draft)
	if err != nil {
		return "", err
	}
	moves, err := place(root, r.Meta.ReportDate, draft)
	if err != nil {
		return "", err
	}
	for _, m := range moves {
		if err := m.write(); err != nil {
			return "", err
		}
	}
	a, err := archive.Load(filepath.Join(root, archive.NewestPath), filepath.Join(root, filepath.FromSlash(archive.WeeksDir)))
	if err != nil {
		return "", fmt.Errorf("%w: the archive does not load: %v", errRefused, err)
	}
	if len(moves) == 0 {
		return fmt.Sprintf("week %s is in place already, unchanged; %d weeks, newest %s", r.Meta.ReportDate, len(a.Index().Weeks), a.Newest()), nil
	}
	out := fmt.Sprintf("week %s put in place; %d weeks, newest %s:", r.Meta.ReportDate, len(a.Index().Weeks), a.Newest())
	for _, m := range moves {
		out += "\n  wrote " + m.rel
	}
	return out, nil
}

// validate checks the draft with the loader and against the schema.
func validate(root string, draft []byte) (*report.Report, error) {
	r, err := report.Parse(draft)
	if err != nil {
		return nil, fmt.Errorf("%w: the draft does not load: %v", errRefused, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(filepath.Join(root, "data", "report.schema.json"))
	if err != nil {
		return nil, fmt.Errorf("compile the schema: %w", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(draft))
	if err != nil {
		return nil, fmt.Errorf("%w: the draft: %v", errRefused, err)
	}
	if err := sch.Validate(doc); err != nil {
		return nil, fmt.Errorf("%w: the draft does not validate against data/report.schema.json:\n%v", errRefused, err)
	}
	return r, nil
}

// move is one file to write: rel below root.
type move struct {
	root, rel string
	data      []byte
}

// write writes the file through a temporary one renamed over it, so a
// reader never sees half a week.
func (m move) write() error {
	full := filepath.Join(m.root, filepath.FromSlash(m.rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	tmp := full + ".tmp"
	if err := os.WriteFile(tmp, m.data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, full)
}

// place decides the files to write for week date with bytes draft: none
// when it is published already with these bytes.
func place(root, date string, draft []byte) ([]move, error) {
	newestPath := filepath.Join(root, archive.NewestPath)
	cur, err := os.ReadFile(newestPath)
	if errors.Is(err, os.ErrNotExist) { // the first week
		return []move{{root, archive.NewestPath, draft}}, nil
	}
	if err != nil {
		return nil, err
	}
	newest, err := report.Parse(cur)
	if err != nil {
		return nil, fmt.Errorf("%w: %s does not load, so the archive cannot be extended: %v", errRefused, archive.NewestPath, err)
	}
	n := newest.Meta.ReportDate
	switch {
	case date == n:
		return unchanged(archive.NewestPath, cur, draft, date)
	case date > n:
		old, err := kept(root, archive.WeekFile(n), cur, n)
		if err != nil {
			return nil, err
		}
		return append(old, move{root, archive.NewestPath, draft}), nil
	}
	return kept(root, archive.WeekFile(date), draft, date)
}

// kept is the move that keeps data as the published week date at rel:
// none when rel holds those bytes already; refused when it holds others.
func kept(root, rel string, data []byte, date string) ([]move, error) {
	have, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	switch {
	case errors.Is(err, os.ErrNotExist):
		return []move{{root, rel, data}}, nil
	case err != nil:
		return nil, err
	}
	return unchanged(rel, have, data, date)
}

// unchanged allows publishing week date again only with the same bytes.
func unchanged(rel string, have, want []byte, date string) ([]move, error) {
	if bytes.Equal(have, want) {
		return nil, nil
	}
	return nil, fmt.Errorf("%w: week %s is published as %s with other content; a published week never changes (links to it must keep their meaning)", errRefused, date, rel)
}
