package importer

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/airesearch/aiweekly/app/report"
)

// curatedJSON is the curated file kept beside this package; the README
// says how to add a company or update the rate.
//
//go:embed curated.json
var curatedJSON []byte

// Curated is what the weekly's text does not hold. It is read from
// curated.json by [DefaultCurated], or from another file by
// [ParseCurated]. Companies are the identities a weekly's names resolve
// to, in data/report.json's form; a draft lists those its text refers to,
// in the order of first reference. Indexes give an id to each index the
// index section compares, in the order the draft lists them. FX is the
// rate used to compare financings across currencies, copied into the
// draft as financings.fx. NotSubjects are mentions that name a company in
// an event or news item that is not about it.
type Curated struct {
	About       string           `json:"about"` // what the file is for; not read
	Companies   []report.Company `json:"companies"`
	Indexes     []Index          `json:"indexes"`
	FX          report.FX        `json:"fx"`
	NotSubjects []NotSubject     `json:"not_subjects"`
}

// Index names one index of the index section.
type Index struct {
	ID   string `json:"id"`
	Name string `json:"name"` // as printed, e.g. 沪深300指数
}

// NotSubject drops Company from the companies of every item whose title
// contains TitleContains. Why is for the reader of the file.
type NotSubject struct {
	TitleContains string `json:"title_contains"`
	Company       string `json:"company"`
	Why           string `json:"why"`
}

// DefaultCurated returns the curated file embedded in the package.
func DefaultCurated() (*Curated, error) { return ParseCurated(curatedJSON) }

// ParseCurated reads a curated file and checks it: known keys only, ids
// unique, every name and alias belonging to one company, kinds from
// [report.Kinds], and not-subject entries naming known companies.
func ParseCurated(data []byte) (*Curated, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var c Curated
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("curated file: %w", err)
	}
	var errs []string
	ids := map[string]bool{}
	owner := map[string]string{}
	for i, co := range c.Companies {
		at := fmt.Sprintf("companies[%d]", i)
		if co.ID == "" || ids[co.ID] {
			errs = append(errs, fmt.Sprintf("%s: empty or repeated id %q", at, co.ID))
		}
		ids[co.ID] = true
		if !slices.Contains(report.Kinds(), co.Kind) {
			errs = append(errs, fmt.Sprintf("%s: kind %q is not one of %s", at, co.Kind, strings.Join(report.Kinds(), ", ")))
		}
		for _, n := range append([]string{co.Name}, co.Aliases...) {
			if o, taken := owner[n]; taken || n == "" {
				errs = append(errs, fmt.Sprintf("%s: name %q is empty or already names %q", at, n, o))
			}
			owner[n] = co.ID
		}
	}
	for i, ns := range c.NotSubjects {
		if !ids[ns.Company] || ns.TitleContains == "" {
			errs = append(errs, fmt.Sprintf("not_subjects[%d]: want a title_contains and a known company, got %q", i, ns.Company))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("curated file: %s", strings.Join(errs, "; "))
	}
	return &c, nil
}

// company returns the curated company with the given id.
func (c *Curated) company(id string) (report.Company, bool) {
	i := slices.IndexFunc(c.Companies, func(co report.Company) bool { return co.ID == id })
	if i < 0 {
		return report.Company{}, false
	}
	return c.Companies[i], true
}

// names lists every name and alias with its company id, longest first, so
// that a scan prefers 智源研究院 to 智源 at the same place.
func (c *Curated) names() []namedID {
	var out []namedID
	for _, co := range c.Companies {
		for _, n := range append([]string{co.Name}, co.Aliases...) {
			out = append(out, namedID{n, co.ID})
		}
	}
	slices.SortStableFunc(out, func(a, b namedID) int { return len(b.name) - len(a.name) })
	return out
}

type namedID struct{ name, id string }

// resolve returns the id of the company that name names exactly.
func (c *Curated) resolve(name string) (string, bool) {
	for _, co := range c.Companies {
		if co.Name == name || slices.Contains(co.Aliases, name) {
			return co.ID, true
		}
	}
	return "", false
}

// mentions returns the companies that text names, in the order of their
// first mention. A name made of ASCII letters or digits counts only as a
// whole word, so that 360 is not found in 3600 nor Meta in Metaverse.
func mentions(names []namedID, text string) []string {
	out := []string{}
	for i := 0; i < len(text); {
		n := matchAt(names, text, i)
		if n.name == "" {
			i++
			continue
		}
		if !slices.Contains(out, n.id) {
			out = append(out, n.id)
		}
		i += len(n.name)
	}
	return out
}

// matchAt returns the longest name that occurs in text at byte offset i as
// a whole word, or a zero namedID.
func matchAt(names []namedID, text string, i int) namedID {
	if i > 0 && isWord(text[i-1]) && isWord(text[i]) {
		return namedID{}
	}
	for _, n := range names {
		if !strings.HasPrefix(text[i:], n.name) {
			continue
		}
		end := i + len(n.name)
		if end < len(text) && isWord(text[end-1]) && isWord(text[end]) {
			continue
		}
		return n
	}
	return namedID{}
}

// isWord reports whether b is an ASCII letter or digit. The bytes of
// Chinese characters are all above 0x7f, so they never are.
func isWord(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}
