package explore

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
)

// csvRecords exports res as CSV with column keys and reads it back as a
// spreadsheet would, with encoding/csv and, where it is installed, with
// Python's csv module, which must agree.
func csvRecords(tb testing.TB, t *Table, res Result) [][]string {
	tb.Helper()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, t, res, nil); err != nil {
		tb.Fatalf("WriteCSV: %v", err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), bom))).ReadAll()
	if err != nil {
		tb.Fatalf("read CSV back: %v", err)
	}
	if py := pythonCSV(tb, buf.Bytes()); py != nil && !reflect.DeepEqual(py, recs) {
		tb.Fatalf("Python's csv module reads %d records, encoding/csv %d: the two disagree", len(py), len(recs))
	}
	return recs
}

// pythonCSV reads CSV bytes back with Python's csv module, as a second
// reader independent of encoding/csv; nil when there is no python3.
func pythonCSV(tb testing.TB, data []byte) [][]string {
	tb.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		return nil
	}
	cmd := exec.Command("python3", "-c", `import csv, io, json, sys
print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode("utf-8-sig"), newline="")))))`)
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("python3 csv: %v", err)
	}
	var recs [][]string
	if err := json.Unmarshal(out, &recs); err != nil {
		tb.Fatalf("python3 csv output: %v", err)
	}
	return recs
}

// TestWriteCSVFormulaCells reads an export back as a spreadsheet would:
// text cells that start with a formula character carry a leading
// apostrophe, and returns stay numbers, negative ones included.
func TestWriteCSVFormulaCells(t *testing.T) {
	names := map[string]string{ // as printed in the report → as a hostile file has it
		"当虹科技": `=HYPERLINK("https://example.invalid","x")`,
		"海天瑞声": "+1+cmd|' /C calc'!A0",
		"三六零":  "-2+3",
		"源杰科技": "@SUM(1,1)",
		"拓尔思":  "\tTAB",
		"景嘉微":  "\rCR",
	}
	data := string(testkit.ReportBytes(t))
	for from, to := range names {
		q := strconv.Quote(to)
		data = strings.ReplaceAll(data, `"name": "`+from+`"`, `"name": `+q)
	}
	r, err := report.Parse([]byte(data))
	if err != nil {
		t.Fatalf("Parse(hostile names): %v", err)
	}
	tb := BuildTables(r).For(RouteMovers)
	res := Apply(tb, State{Route: RouteMovers})
	recs := csvRecords(t, tb, res)
	nameCol, retCol := -1, -1
	for i, k := range recs[0] {
		switch k {
		case "name":
			nameCol = i
		case "return(%)":
			retCol = i
		}
	}
	if nameCol < 0 || retCol < 0 {
		t.Fatalf("header %q: want name and return columns", recs[0])
	}
	seen := map[string]bool{}
	for _, rec := range recs[1:] {
		name, ret := rec[nameCol], rec[retCol]
		if strings.ContainsAny(name[:1], "=+-@\t\r") {
			t.Errorf("name cell %q starts with a formula character", name)
		}
		for _, hostile := range names {
			if name == "'"+hostile {
				seen[hostile] = true
			}
		}
		if _, err := strconv.ParseFloat(ret, 64); err != nil {
			t.Errorf("return cell %q of %q is not a number", ret, name)
		}
		if name == "'"+names["当虹科技"] && ret != "-18.09" {
			t.Errorf("return of the period's biggest loser = %q; want -18.09", ret)
		}
	}
	for _, hostile := range names {
		if !seen[hostile] {
			t.Errorf("no name cell %q in the export", "'"+hostile)
		}
	}
}

// TestExportsOfHostileReport writes every table of the hostile report
// (markup, formula prefixes, quotes, RTL marks, emoji, 2,000-character
// names) as CSV and JSON and reads each back: every text cell that could
// start a formula is neutralised, numbers stay numbers, and JSON holds
// the text as it is.
func TestExportsOfHostileReport(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testkit.Root, "app", "report", "testdata", "hostile.json"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	ts := BuildTables(r)
	for _, route := range TableRoutes {
		t.Run(string(route), func(t *testing.T) {
			tb := ts.For(route)
			res := Apply(tb, State{Route: route})
			recs := csvRecords(t, tb, res)
			if len(recs) != len(res.Rows)+1 {
				t.Fatalf("CSV has %d records; want %d rows and a header", len(recs), len(res.Rows))
			}
			for i, row := range res.Rows {
				for j, c := range tb.Columns {
					got := recs[i+1][j]
					if c.Kind == Number {
						if _, err := strconv.ParseFloat(got, 64); err != nil && !row.Cells[j].Missing {
							t.Errorf("row %s %s = %q; want a number", row.ID, c.Key, got)
						}
						continue
					}
					if got != "" && strings.ContainsRune("=+-@\t\r", rune(got[0])) {
						t.Errorf("row %s %s = %.40q…; starts a formula", row.ID, c.Key, got)
					}
				}
			}
			var buf bytes.Buffer
			if err := WriteJSON(&buf, tb, res); err != nil {
				t.Fatalf("WriteJSON: %v", err)
			}
			var objs []map[string]any
			if err := json.Unmarshal(buf.Bytes(), &objs); err != nil || len(objs) != len(res.Rows) {
				t.Fatalf("JSON: %d objects, %v; want %d", len(objs), err, len(res.Rows))
			}
			for i, row := range res.Rows {
				for j, c := range tb.Columns {
					if s, ok := objs[i][c.Key].(string); ok && s != row.Cells[j].Text {
						t.Errorf("JSON row %s %s = %.40q…; want the text as it is", row.ID, c.Key, s)
					}
				}
			}
		})
	}
}
