package explore

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bom is the UTF-8 byte-order mark that makes spreadsheet programs read a
// CSV file as UTF-8.
const bom = "\uFEFF"

// exportColumn is one column of an export: a column the table shows, or
// one that only exports carry (Table.Exports: an event's text, an amount
// in US dollars).
type exportColumn struct {
	Column
	at    int  // index into Row.Cells, or into Row.Extra when extra
	extra bool // an export-only column
}

// exportColumns returns the columns an export of t writes: the shown ones,
// then the export-only ones.
func exportColumns(t *Table) []exportColumn {
	out := make([]exportColumn, 0, len(t.Columns)+len(t.Exports))
	for i, c := range t.Columns {
		out = append(out, exportColumn{Column: c, at: i})
	}
	for i, c := range t.Exports {
		out = append(out, exportColumn{Column: c, at: i, extra: true})
	}
	return out
}

// cell returns the column's cell in row r; a row without export-only
// cells has them missing.
func (c exportColumn) cell(r *Row) Cell {
	switch {
	case !c.extra:
		return r.Cells[c.at]
	case c.at < len(r.Extra):
		return r.Extra[c.at]
	}
	return Cell{Missing: true}
}

// header is the column's CSV header: its label through msg (its key when
// msg is nil), then its unit in brackets: 涨跌幅(%).
func (c exportColumn) header(msg func(string) string) string {
	h := c.Key
	if msg != nil {
		h = msg(c.Label)
	}
	if c.Unit != "" {
		h += "(" + c.Unit + ")"
	}
	return h
}

// WriteCSV writes r's rows in r's order as CSV after RFC 4180 (records
// end in CRLF): a UTF-8 byte-order mark, a header row of column labels
// with their units (涨跌幅(%)), then one record per row, the columns the
// table shows followed by those only exports carry (Table.Exports). msg
// maps a message key (a column's Label, or an enumerated column's
// ValueMsg+value) to the text to write; nil writes column keys and raw
// values. Number columns are written as plain decimals (the figure in its
// own unit; amounts in their currency), dates as YYYY-MM-DD (empty when
// undated: the date as printed has its own column), text as shown.
func WriteCSV(w io.Writer, t *Table, r Result, msg func(key string) string) error {
	// The file is made in memory and written at once: the callers keep
	// it in memory anyway (a download), and bufio and encoding/csv would
	// add 10 KB to the wasm.
	var b bytes.Buffer
	b.WriteString(bom)
	cols := exportColumns(t)
	rec := make([]string, len(cols))
	for i, c := range cols {
		rec[i] = c.header(msg)
	}
	writeRecord(&b, rec)
	for _, row := range r.Rows {
		for i, c := range cols {
			rec[i] = csvValue(c.Column, c.cell(row), msg)
		}
		writeRecord(&b, rec)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// writeRecord writes one CSV record ending in CRLF, each field quoted
// when encoding/csv's Writer would quote it (a comma, a quote or a line
// break in it, a space first, or `\.`; TestWriteRecord compares them). A
// line break inside a quoted field stays as the text has it: csv.Writer's
// UseCRLF would turn those into CRLF too, which readers then disagree on
// (encoding/csv reads "\n" back, Python's csv "\r\n").
func writeRecord(b *bytes.Buffer, rec []string) {
	for i, f := range rec {
		if i > 0 {
			b.WriteByte(',')
		}
		first, _ := utf8.DecodeRuneInString(f)
		if f != "" && (f == `\.` || strings.ContainsAny(f, ",\"\r\n") || unicode.IsSpace(first)) {
			b.WriteByte('"')
			b.WriteString(strings.ReplaceAll(f, `"`, `""`))
			b.WriteByte('"')
		} else {
			b.WriteString(f)
		}
	}
	b.WriteString("\r\n")
}

// csvValue is one CSV field.
func csvValue(c Column, cell Cell, msg func(string) string) string {
	switch {
	case c.Kind == Number:
		return formatNum(cell)
	case c.Kind == Date:
		return cell.Date
	case c.ValueMsg != "" && msg != nil && cell.Text != "":
		return inertCell(msg(c.ValueMsg + cell.Text))
	}
	return inertCell(cell.Text)
}

// inertCell keeps a text cell from being read as a formula: spreadsheet
// programs evaluate a cell that starts with =, +, -, @, a tab or a carriage
// return (=HYPERLINK(…) becomes a live link), so such a cell gets a leading
// apostrophe, as OWASP recommends for CSV injection. Number columns never
// come here: a return of -18.09 stays a number.
func inertCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteJSON writes r's rows in r's order as a JSON array of objects, one
// per row, keyed by column key in column order, the export-only columns
// last. Values are typed: figures are JSON numbers, a list column
// (companies) an array of the names as shown, and a missing value (no
// figure, no date, an empty text) null; enumerated columns hold their
// value key (ytd-gainers), dates YYYY-MM-DD.
func WriteJSON(w io.Writer, t *Table, r Result) error {
	var bw bytes.Buffer // written at once, as WriteCSV's file
	cols := exportColumns(t)
	keys := make([][]byte, len(cols))
	for i, c := range cols {
		k, err := json.Marshal(c.Key)
		if err != nil {
			return fmt.Errorf("write json: %w", err)
		}
		keys[i] = k
	}
	bw.WriteString("[")
	for ri, row := range r.Rows {
		if ri > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n  {")
		for i, c := range cols {
			if i > 0 {
				bw.WriteString(", ")
			}
			bw.Write(keys[i])
			bw.WriteString(": ")
			b, err := json.Marshal(jsonValue(c.Column, c.cell(row)))
			if err != nil {
				return fmt.Errorf("write json: row %s: %w", row.ID, err)
			}
			bw.Write(b)
		}
		bw.WriteString("}")
	}
	if len(r.Rows) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	if _, err := w.Write(bw.Bytes()); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// jsonValue is one value of a JSON export.
func jsonValue(c Column, cell Cell) any {
	switch {
	case c.Kind == Number:
		if cell.Missing || math.IsNaN(cell.Num) || math.IsInf(cell.Num, 0) {
			return nil
		}
		return cell.Num
	case c.Kind == Date:
		if cell.Date == "" {
			return nil
		}
		return cell.Date
	case c.List:
		names := make([]string, 0, len(cell.Refs))
		for _, ref := range cell.Refs {
			names = append(names, ref.Text)
		}
		if len(cell.Refs) == 0 && cell.Text != "" {
			names = append(names, cell.Text)
		}
		return names
	case cell.Text == "":
		return nil
	}
	return cell.Text
}

// FileName returns an ASCII file name for an export of the view s shows,
// with extension ext ("csv", "json"): the route, then each selected facet
// value that is plain ASCII (movers-ytd-gainers.csv), then "filtered" when
// some other filter is active (a Chinese label, q or dates), and the week
// when the view names one (movers-ytd-gainers-2023-04-09.csv).
func (s State) FileName(ext string) string {
	parts := []string{slug(strings.TrimPrefix(string(s.Route), "/"))}
	if parts[0] == "" {
		parts[0] = "report"
	}
	other := s.Q != "" || s.From != "" || s.To != ""
	keys := FacetKeys(s.Route)
	n := len(keys)
	for k := range s.Facets { // facets outside the contract, in a stable order
		if !slices.Contains(keys[:n], k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys[n:])
	for _, k := range keys {
		for _, v := range s.Facets[k] {
			if sl := slug(v); sl != "" && isASCII(v) {
				parts = append(parts, sl)
			} else {
				other = true
			}
		}
	}
	if other {
		parts = append(parts, "filtered")
	}
	name := strings.Join(parts, "-")
	if len(name) > 80 {
		name = strings.TrimRight(name[:80], "-")
	}
	if s.Week != "" { // the file names the week its link names
		name += "-" + s.Week
	}
	return name + "." + slug(ext)
}

// slug lower-cases the ASCII letters and digits of s and turns every other
// run of characters into one "-", trimmed at both ends.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		default:
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
