package explore

import (
	"fmt"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Kind is how a column's values sort.
type Kind int

// The column kinds.
const (
	Text   Kind = iota // by Cell.Text, in pinyin order (see textKey)
	Number             // by Cell.Key
	Date               // by Cell.Date (YYYY-MM-DD)
)

// Column is one column of a [Table].
type Column struct {
	Key   string // sort key and JSON key, e.g. "return"
	Label string // message key of the header, e.g. "col.return"
	Kind  Kind
	// ValueMsg, when set, marks an enumerated column: a cell's Text is a
	// value key (ytd-gainers) that the UI shows as message ValueMsg+Text
	// (list.ytd-gainers). Such cells are left out of the search text, since
	// what the page shows for them is the UI's translation.
	ValueMsg string
	// Unit is the unit of a Number column's figures, which an export's
	// header names: "%" for returns. Empty for counts, ranks, and
	// amounts, whose currency is a column of its own.
	Unit string
	// List marks a column whose cell names several values (the companies
	// of an event): a JSON export writes an array.
	List bool
}

// Ref is a company named in a cell, to link to its stock page.
type Ref struct {
	Text string // as printed in the cell
	ID   string // company id
	Name string // the company's display name; StockPath(Name) is its page
}

// Cell is one value of a row.
type Cell struct {
	Text string  // what the table shows and CSV exports for Text and Date columns
	Num  float64 // Number columns: the figure, exported to CSV and JSON
	Key  float64 // Number columns: what sorting compares; Num unless converted (amounts: USD)
	Date string  // Date columns: YYYY-MM-DD, "" when undated
	// Missing marks a Number cell without a figure. Missing figures, empty
	// texts and undated dates sort last in both directions.
	Missing bool
	Refs    []Ref // companies this cell names, in order
	// Link, when set, is the app path (query and fragment included) that
	// shows what the cell counts: /events?company=微软 for a company's
	// events on /stocks.
	Link string
}

// TextCell returns a cell holding s.
func TextCell(s string) Cell { return Cell{Text: s} }

// NumberCell returns a cell holding v, shown as text.
func NumberCell(v float64, text string) Cell { return Cell{Text: text, Num: v, Key: v} }

// MissingCell returns a Number cell without a figure.
func MissingCell() Cell { return Cell{Missing: true} }

// DateCell returns a cell for date (YYYY-MM-DD, or "" when undated) shown
// as text.
func DateCell(date, text string) Cell { return Cell{Text: text, Date: date} }

// Row is one row of a [Table].
type Row struct {
	ID     string              // the report record's id, stable across states
	Cells  []Cell              // one per column
	Facets map[string][]string // facet key -> the row's values, labels as printed
	// Source is the report record the row shows (a report.Mover, a
	// report.Financing, a report.Item for an event or news item, ...), set
	// by the builders, so that a page can
	// show more of it without looking it up by ID.
	Source any
	// Extra holds the cells of the table's export-only columns
	// (Table.Exports), in order.
	Extra []Cell

	more   []string  // text shown with the row but in no column (an event's body); searched, not exported
	names  []string  // every name and alias of the companies the row names; searched only
	search string    // lower-cased visible text, joined by "\n"
	sortBy []string  // per column: textKey of the text (Text) or date (Date)
	vals   [][]int32 // per table facet: indexes into Facet.Values
}

// Facet is one facet of a [Table].
type Facet struct {
	Key      string   // query parameter name
	Label    string   // message key, e.g. "facet.link"
	ValueMsg string   // when set, values are keys shown as message ValueMsg+value
	Single   bool     // at most one value may be selected
	Values   []string // every value, in display (report) order
	// None, when set, is the value of the rows that have none (NoSegment:
	// the constituents the report gives no sub-track); the UI shows it as
	// message Label+".none".
	None string
	// Aliases maps other spellings of a value, folded (see foldValue), to
	// the value: a company's aliases and id (商汤科技, sensetime) to the
	// name the facet lists (商汤-W). [Table.Check] canonicalises them.
	Aliases map[string]string
}

// Table is one route's rows with the indexes [Apply] needs, built once per
// report. It is read-only after [NewTable].
type Table struct {
	Route   Route
	Columns []Column
	Facets  []Facet
	Rows    []Row
	// Exports are columns that only exports carry, after the shown ones:
	// an event's text and the analysts' view, the date as printed, an
	// amount as printed and in US dollars.
	Exports []Column

	colAt   map[string]int   // column key -> index
	facetAt map[string]int   // facet key -> index
	valueAt []map[string]int // per facet: value -> index in Values
	foldAt  []map[string]int // per facet: folded value or alias -> index in Values
	dateCol int              // the column from/to filter on, -1 if none
}

// NewTable checks and indexes rows for route. Facet values that rows carry
// but facets do not list are appended in row order, so facets may leave
// Values empty. The table takes ownership of its arguments. It fails when
// a row's cells do not match the columns, a row names a facet the table
// lacks, or keys repeat.
func NewTable(route Route, columns []Column, facets []Facet, rows []Row) (*Table, error) {
	seen := map[string]bool{}
	for _, c := range columns {
		if c.Key == "" || seen[c.Key] {
			return nil, fmt.Errorf("new table %s: column key %q empty or repeated", route, c.Key)
		}
		seen[c.Key] = true
	}
	fk := map[string]bool{}
	for _, f := range facets {
		if f.Key == "" || fk[f.Key] {
			return nil, fmt.Errorf("new table %s: facet key %q empty or repeated", route, f.Key)
		}
		fk[f.Key] = true
	}
	ids := map[string]bool{}
	for i, r := range rows {
		if len(r.Cells) != len(columns) {
			return nil, fmt.Errorf("new table %s: row %d (%s): %d cells, want %d", route, i, r.ID, len(r.Cells), len(columns))
		}
		if ids[r.ID] {
			return nil, fmt.Errorf("new table %s: row %d: id %q repeated", route, i, r.ID)
		}
		ids[r.ID] = true
		for k := range r.Facets {
			if !fk[k] {
				return nil, fmt.Errorf("new table %s: row %d (%s): unknown facet %q", route, i, r.ID, k)
			}
		}
	}
	return build(route, columns, facets, rows), nil
}

// build indexes a table whose consistency the caller guarantees.
func build(route Route, columns []Column, facets []Facet, rows []Row) *Table {
	t := &Table{Route: route, Columns: columns, Facets: facets, Rows: rows,
		colAt: map[string]int{}, facetAt: map[string]int{}, dateCol: -1}
	for i, c := range columns {
		t.colAt[c.Key] = i
		if c.Kind == Date && t.dateCol < 0 {
			t.dateCol = i
		}
	}
	t.valueAt = make([]map[string]int, len(facets))
	for i := range facets {
		f := &facets[i]
		t.facetAt[f.Key] = i
		f.Values = slices.Clone(f.Values)
		t.valueAt[i] = make(map[string]int, len(f.Values))
		for j, v := range f.Values {
			if _, dup := t.valueAt[i][v]; !dup {
				t.valueAt[i][v] = j
			}
		}
	}
	// Collect every facet value first, so that value indexes are final
	// before the enumerated columns' sort keys use them.
	t.collectValues()
	t.indexFolded()
	t.indexText()
	return t
}

// collectValues gives each row the indexes of its facet values, appending
// to a facet the values that only rows carry.
func (t *Table) collectValues() {
	for ri := range t.Rows {
		r := &t.Rows[ri]
		r.vals = make([][]int32, len(t.Facets))
		for fi := range t.Facets {
			f := &t.Facets[fi]
			for _, v := range r.Facets[f.Key] {
				j, ok := t.valueAt[fi][v]
				if !ok {
					j = len(f.Values)
					f.Values = append(f.Values, v)
					t.valueAt[fi][v] = j
				}
				if !slices.Contains(r.vals[fi], int32(j)) {
					r.vals[fi] = append(r.vals[fi], int32(j))
				}
			}
		}
	}
}

// indexText gives each row its sort keys and its search text.
func (t *Table) indexText() {
	// An enumerated column sorts in its facet's value order (the report's
	// order: period gainers, YTD gainers, period losers), not by key.
	enumRank := make([]map[string]int, len(t.Columns))
	for ci, c := range t.Columns {
		if fi, ok := t.facetAt[c.Key]; ok && c.ValueMsg != "" {
			enumRank[ci] = t.valueAt[fi]
		}
	}
	var sb strings.Builder
	for ri := range t.Rows {
		r := &t.Rows[ri]
		sb.Reset()
		r.sortBy = make([]string, len(t.Columns))
		for ci, c := range t.Columns {
			cell := r.Cells[ci]
			switch {
			case enumRank[ci] != nil:
				if j, ok := enumRank[ci][cell.Text]; ok {
					r.sortBy[ci] = fmt.Sprintf("%08d", j)
				} else if cell.Text != "" {
					r.sortBy[ci] = "~" + cell.Text // unlisted values after listed ones
				}
			case c.Kind == Text:
				r.sortBy[ci] = textKey(cell.Text)
			case c.Kind == Date:
				r.sortBy[ci] = cell.Date
			}
			if c.ValueMsg == "" && cell.Text != "" {
				if sb.Len() > 0 {
					sb.WriteByte('\n')
				}
				sb.WriteString(cell.Text)
			}
		}
		for _, m := range slices.Concat(r.more, r.names) {
			if m != "" {
				sb.WriteByte('\n')
				sb.WriteString(m)
			}
		}
		r.search = strings.ToLower(sb.String())
	}
}

// Column returns the column with key, and its index.
func (t *Table) Column(key string) (Column, int, bool) {
	i, ok := t.colAt[key]
	if !ok {
		return Column{}, -1, false
	}
	return t.Columns[i], i, true
}

// Facet returns the facet with key.
func (t *Table) Facet(key string) (Facet, bool) {
	i, ok := t.facetAt[key]
	if !ok {
		return Facet{}, false
	}
	return t.Facets[i], true
}

// SearchText returns the lower-cased text that q is matched against in
// row i: every visible cell's text, then any text the page shows with the
// row outside the columns (an event's details, view and news text), joined
// by newlines.
func (t *Table) SearchText(i int) string { return t.Rows[i].search }

// StockPath returns the path of a company's stock page.
func StockPath(name string) string {
	return "/stocks/" + url.PathEscape(name)
}

// formatNum renders a figure for CSV: the shortest exact decimal.
func formatNum(c Cell) string {
	if c.Missing || math.IsNaN(c.Num) || math.IsInf(c.Num, 0) {
		return ""
	}
	return strconv.FormatFloat(c.Num, 'f', -1, 64)
}
