package explore

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// bom is the UTF-8 byte-order mark that makes spreadsheet programs read a
// CSV file as UTF-8.
const bom = "\uFEFF"

// WriteCSV writes r's rows in r's order as CSV: a UTF-8 byte-order mark, a
// header row of column labels, then one record per row. msg maps a message
// key (a column's Label, or an enumerated column's ValueMsg+value) to the
// text to write; nil writes column keys and raw values. Number columns are
// written as plain decimals (the figure in its own unit; amounts in their
// currency), text and dates as shown.
func WriteCSV(w io.Writer, t *Table, r Result, msg func(key string) string) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(bom); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	cw := csv.NewWriter(bw)
	rec := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		rec[i] = c.Key
		if msg != nil {
			rec[i] = msg(c.Label)
		}
	}
	if err := cw.Write(rec); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	for _, row := range r.Rows {
		for i, c := range t.Columns {
			cell := row.Cells[i]
			switch {
			case c.Kind == Number:
				rec[i] = formatNum(cell)
			case c.ValueMsg != "" && msg != nil && cell.Text != "":
				rec[i] = inertCell(msg(c.ValueMsg + cell.Text))
			default:
				rec[i] = inertCell(cell.Text)
			}
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
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
// per row, keyed by column key in column order. Numbers are JSON numbers
// (null when missing), everything else the text shown; enumerated columns
// hold their value key (ytd-gainers).
func WriteJSON(w io.Writer, t *Table, r Result) error {
	bw := bufio.NewWriter(w)
	keys := make([][]byte, len(t.Columns))
	for i, c := range t.Columns {
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
		for i, c := range t.Columns {
			if i > 0 {
				bw.WriteString(", ")
			}
			bw.Write(keys[i])
			bw.WriteString(": ")
			cell := row.Cells[i]
			var v any = cell.Text
			if c.Kind == Number {
				v = cell.Num
				if cell.Missing || math.IsNaN(cell.Num) || math.IsInf(cell.Num, 0) {
					v = nil
				}
			}
			b, err := json.Marshal(v)
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
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
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
