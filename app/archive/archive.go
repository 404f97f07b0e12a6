package archive

import (
	"errors"
	"fmt"
	"slices"

	"github.com/airesearch/aiweekly/app/report"
)

// NewestPath is the file of the newest week, below the app's root; the
// layout the app was designed with, so that links to the data keep working.
const NewestPath = "data/report.json"

// WeeksDir is the directory of the earlier weeks, below the app's root.
const WeeksDir = "data/weeks"

// IndexPath is the index of weeks the server derives from the archive.
const IndexPath = "data/weeks.json"

// ValidDate reports whether s has the form of a week's date, the report
// date: YYYY-MM-DD with a month of 01-12 and a day of 01-31
// (^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$). It is the only
// check a week named in a link needs before it is looked up in the index:
// the file of a week is always named by the app, never taken from a link.
// It is written out rather than a regexp compiled when the package starts,
// which in the browser is main-thread time before the first render.
func ValidDate(s string) bool {
	if len(s) != len("2006-01-02") || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range []byte(s) {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	month := int(s[5]-'0')*10 + int(s[6]-'0')
	day := int(s[8]-'0')*10 + int(s[9]-'0')
	return month >= 1 && month <= 12 && day >= 1 && day <= 31
}

// WeekFile is the path, below the app's root, of the earlier week date.
func WeekFile(date string) string { return WeeksDir + "/" + date + ".json" }

// Week is one weekly as the index lists it.
type Week struct {
	Date   string `json:"date"` // the report date, YYYY-MM-DD
	Title  string `json:"title"`
	Rating string `json:"rating"`
	// Period is the covered range as printed.
	Period string `json:"period"`
	// Index holds the headline figures: each index's period and
	// year-to-date return, in percent, and the year-to-date excess.
	Index     []Figure `json:"index"`
	YTDExcess float64  `json:"ytd_excess"`
	// File is where the week's report is, below the app's root.
	File string `json:"file"`
}

// Figure is one index's returns in a week, in percent.
type Figure struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	Period float64 `json:"period_return"`
	YTD    float64 `json:"ytd_return"`
}

// Index lists the weeks, newest first.
type Index struct {
	Weeks []Week `json:"weeks"`
}

// Newest is the date of the newest week, "" for an empty index.
func (ix Index) Newest() string {
	if len(ix.Weeks) == 0 {
		return ""
	}
	return ix.Weeks[0].Date
}

// Find returns the week of date.
func (ix Index) Find(date string) (Week, bool) {
	for _, w := range ix.Weeks {
		if w.Date == date {
			return w, true
		}
	}
	return Week{}, false
}

// Previous returns the week published before date, if the index has one.
func (ix Index) Previous(date string) (Week, bool) {
	for i, w := range ix.Weeks {
		if w.Date == date && i+1 < len(ix.Weeks) {
			return ix.Weeks[i+1], true
		}
	}
	return Week{}, false
}

// Summary is the index entry of r, kept in file.
func Summary(r *report.Report, file string) Week {
	w := Week{
		Date:      r.Meta.ReportDate,
		Title:     r.Meta.Title,
		Rating:    r.Meta.Rating,
		Period:    r.Meta.Period.AsPrinted,
		YTDExcess: r.IndexReturns.YTDExcess,
		File:      file,
	}
	for _, s := range r.IndexReturns.Series {
		w.Index = append(w.Index, Figure{ID: s.ID, Name: s.Name, Period: s.PeriodReturn, YTD: s.YTDReturn})
	}
	return w
}

// Archive is the weeks a server serves, each parsed and validated, with
// the bytes it serves for each.
type Archive struct {
	index   Index
	reports map[string]*report.Report
	data    map[string][]byte
}

// File is one week's file as read, before it is checked.
type File struct {
	Name string // where it was read, for messages
	Data []byte
}

// New builds the archive of newest, the file of data/report.json, and
// older, the files of the earlier weeks, each named YYYY-MM-DD.json after
// its report date. Every file must be a valid report; the earlier ones
// must be older than the newest and have distinct dates. The error names
// every file at fault.
func New(newest File, older []File) (*Archive, error) {
	a := &Archive{reports: map[string]*report.Report{}, data: map[string][]byte{}}
	r, err := report.Parse(newest.Data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", newest.Name, err)
	}
	a.add(r, newest.Data, NewestPath)
	var errs []error
	for _, f := range older {
		r, err := report.Parse(f.Data)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", f.Name, err))
			continue
		}
		if err := a.checkOlder(f.Name, r); err != nil {
			errs = append(errs, err)
			continue
		}
		a.add(r, f.Data, WeekFile(r.Meta.ReportDate))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	slices.SortFunc(a.index.Weeks, func(x, y Week) int {
		switch {
		case x.Date > y.Date:
			return -1
		case x.Date < y.Date:
			return 1
		}
		return 0
	})
	return a, nil
}

// checkOlder checks that r, read from name, can be an earlier week.
func (a *Archive) checkOlder(name string, r *report.Report) error {
	date, newest := r.Meta.ReportDate, a.index.Weeks[0].Date
	switch {
	case baseName(name) != date+".json":
		return fmt.Errorf("%s: the file of a week is named after its report date: want %s.json", name, date)
	case a.reports[date] != nil && date == newest:
		return fmt.Errorf("%s: week %s is the newest, data/report.json; an earlier week is older than it", name, date)
	case a.reports[date] != nil:
		return fmt.Errorf("%s: week %s is in the archive twice", name, date)
	case date > newest:
		return fmt.Errorf("%s: week %s is newer than data/report.json (%s): the newest week belongs in data/report.json", name, date, newest)
	}
	return nil
}

func (a *Archive) add(r *report.Report, data []byte, file string) {
	date := r.Meta.ReportDate
	a.reports[date], a.data[date] = r, data
	a.index.Weeks = append(a.index.Weeks, Summary(r, file))
}

// Index lists the weeks, newest first.
func (a *Archive) Index() Index { return a.index }

// Newest is the newest week's date.
func (a *Archive) Newest() string { return a.index.Newest() }

// Report returns the report of week date.
func (a *Archive) Report(date string) (*report.Report, bool) {
	r, ok := a.reports[date]
	return r, ok
}

// Data returns the bytes of week date's file, as served.
func (a *Archive) Data(date string) []byte { return a.data[date] }

func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' || p[i] == '\\' {
			return p[i+1:]
		}
	}
	return p
}
