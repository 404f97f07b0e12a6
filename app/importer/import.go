package importer

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/airesearch/aiweekly/app/report"
)

// Options are the inputs of [Import] besides the text.
type Options struct {
	// Document is the file name of the text, recorded as
	// meta.source.document.
	Document string
	// Curated holds what the text does not; nil means [DefaultCurated].
	Curated *Curated
}

// Result is what [Import] makes of a weekly's text.
type Result struct {
	// Draft is the report, complete as far as the text allows; it is
	// returned even when there are problems, so that they can be seen in
	// place.
	Draft *Draft
	// Problems lists, by line, every line that could not be placed, every
	// disagreement and every validation problem of the draft.
	Problems []Problem
	// Skipped lists the lines left out on purpose, with the reason.
	Skipped []Skip
	// Placed counts the non-blank lines that went into the draft, Unplaced
	// those listed in Problems as unplaced.
	Placed, Unplaced int
}

// importer holds the state of one import: the draft being built, the
// problems met, and the lines kept for the cross-checks at the end.
type importer struct {
	cur      *Curated
	names    []namedID
	d        *Draft
	problems []Problem
	skipped  []Skip
	unplaced int

	reportDate   time.Time // zero until the header gives it
	summaryRisks *line     // 风险提示：… in the summary
	topLines     []line    // the sentences naming the top five movers
}

// Import reads a weekly's text and returns the draft report with every
// problem found. The draft is validated with [report.Parse].
func Import(text string, opt Options) (*Result, error) {
	cur := opt.Curated
	if cur == nil {
		var err error
		if cur, err = DefaultCurated(); err != nil {
			return nil, err
		}
	}
	im := &importer{cur: cur, names: cur.names(), d: newDraft(opt.Document, cur)}
	ls := splitLines(text)
	for i, group := range im.split(ls) {
		sections[i].parse(im, group)
	}
	im.crossCheck()
	im.applyNotSubjects()
	im.assembleCompanies()
	if err := im.validate(); err != nil {
		return nil, err
	}
	sortProblems(im.problems)
	slices.SortStableFunc(im.skipped, func(a, b Skip) int { return a.Line - b.Line })
	return &Result{
		Draft:    im.d,
		Problems: im.problems,
		Skipped:  im.skipped,
		Placed:   len(nonBlank(ls)) - im.unplaced - len(im.skipped),
		Unplaced: im.unplaced,
	}, nil
}

// newDraft returns a draft holding what every report has, whatever its
// text: the file's conventions and the curated exchange rate. Slices may
// stay nil: the draft writes them as [].
func newDraft(document string, cur *Curated) *Draft {
	d := &Draft{Report: report.Report{
		SchemaVersion: 1,
		Units: report.Units{
			Return: "percent",
			Excess: "percentage points",
			Amount: "currency units (1 = one yuan or one dollar)",
		},
	}, lines: map[string]int{}}
	d.Meta.Source.Document = document
	d.Financings.FX = cur.FX
	return d
}

// complain records a problem at line n.
func (im *importer) complain(n int, format string, args ...any) {
	im.problems = append(im.problems, Problem{Line: n, Msg: fmt.Sprintf(format, args...)})
}

// unplace records a line that no reading of its section accepts.
func (im *importer) unplace(l line, where string) {
	im.unplaced++
	im.complain(l.n, "unplaced line in %s: %s", where, excerpt(l.raw))
}

// skip records a line left out on purpose.
func (im *importer) skip(l line, why string) {
	im.skipped = append(im.skipped, Skip{Line: l.n, Why: why})
}

// at records that the value at a JSON path came from line n, so that a
// validation problem there can name the line.
func (im *importer) at(path string, n int) { im.d.lines[path] = n }

// company resolves a name as printed to a company id, complaining at line
// n when the curated file does not know it. The id is then left empty,
// which validation reports too.
func (im *importer) company(name string, n int) string {
	id, ok := im.cur.resolve(name)
	if !ok {
		im.complain(n, "%q is not a name or alias of any company in the curated file", name)
	}
	return id
}

var dayRe = regexp.MustCompile(`^(\d{1,2})月(\d{1,2})日$`)

// date turns a day as printed (4月5日) into an ISO date in the report's
// year, or in the year before when that day would fall after the report
// date. It gives "" for anything else, and when the report date is
// unknown.
func (im *importer) date(printed string) string {
	m := dayRe.FindStringSubmatch(printed)
	if m == nil || im.reportDate.IsZero() {
		return ""
	}
	s := fmt.Sprintf("%04d-%s-%s", im.reportDate.Year(), pad(m[1]), pad(m[2]))
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return ""
	}
	if t.After(im.reportDate) {
		s = t.AddDate(-1, 0, 0).Format(time.DateOnly)
	}
	return s
}

// pad writes a one-digit month or day with a leading zero.
func pad(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// validate reads the draft back with report.Parse and adds its problems,
// each at the line its value came from.
func (im *importer) validate() error {
	data, err := im.d.JSON()
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	_, err = report.Parse(data)
	var ve *report.ValidationError
	switch {
	case err == nil:
	case errors.As(err, &ve):
		for _, p := range ve.Problems {
			im.complain(im.d.lineOf(p.Path), "invalid draft: %s", p)
		}
	default:
		return fmt.Errorf("import: %w", err)
	}
	return nil
}

// lineOf returns the line the value at a JSON path came from, or that of
// the nearest value containing it; 0 when none is known.
func (d *Draft) lineOf(path string) int {
	for p := path; p != ""; {
		if n, ok := d.lines[p]; ok {
			return n
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return 0
}
