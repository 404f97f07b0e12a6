package explore

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, rewriting it under -update.
func golden(tb testing.TB, name string, got []byte) {
	tb.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatalf("update golden: %v", err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s differs from golden file %s:\n%s\nwant:\n%s", name, path, got, want)
	}
}

// testMsg stands in for the UI's catalog: it marks keys so the test sees
// which strings went through it.
func testMsg(key string) string { return "«" + key + "»" }

func TestWriteCSV(t *testing.T) {
	ts := realTables(t)
	tests := []struct {
		golden string
		route  Route
		raw    string
		msg    func(string) string // the catalog; nil for raw keys
		rows   int
	}{
		{"movers-ytd-gainers.csv", RouteMovers, "list=ytd-gainers&sort=-return", testMsg, 10},
		{"financings-raw.csv", RouteFinancings, "sort=-amount", nil, 3},
		{"events-company.csv", RouteEvents, "kind=company&kind=domestic&sort=-date", testMsg, 9},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			tb := ts.For(tt.route)
			_, r := view(t, tb, tt.raw)
			var buf bytes.Buffer
			if err := WriteCSV(&buf, tb, r, tt.msg); err != nil {
				t.Fatalf("WriteCSV: %v", err)
			}
			out := buf.Bytes()
			if !bytes.HasPrefix(out, []byte("\xEF\xBB\xBF")) {
				t.Fatalf("CSV starts %q; want the UTF-8 byte-order mark", out[:min(8, len(out))])
			}
			recs, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
			if err != nil {
				t.Fatalf("read back CSV: %v", err)
			}
			if len(recs) != tt.rows+1 {
				t.Fatalf("CSV has %d records; want header and %d rows", len(recs), tt.rows)
			}
			if n := bytes.Count(out, []byte("\r\n")); n < len(recs) {
				t.Errorf("%d CRLF in the file; want each of the %d records to end in one", n, len(recs))
			}
			for i, c := range slices.Concat(tb.Columns, tb.Exports) {
				want := c.Key
				if tt.msg != nil {
					want = tt.msg(c.Label)
				}
				if c.Unit != "" {
					want += "(" + c.Unit + ")"
				}
				if recs[0][i] != want {
					t.Errorf("header[%d] = %q; want %q", i, recs[0][i], want)
				}
			}
			for i, row := range r.Rows {
				_, ni, _ := tb.Column(ColName)
				if ni >= 0 && recs[i+1][ni] != row.Cells[ni].Text {
					t.Errorf("record %d name = %q; want %q (rows in result order)", i+1, recs[i+1][ni], row.Cells[ni].Text)
				}
			}
			golden(t, tt.golden, out)
		})
	}

	t.Run("first row", func(t *testing.T) {
		_, r := view(t, ts.Movers, "list=ytd-gainers&sort=-return")
		var buf bytes.Buffer
		if err := WriteCSV(&buf, ts.Movers, r, nil); err != nil {
			t.Fatalf("WriteCSV: %v", err)
		}
		lines := strings.Split(buf.String(), "\r\n")
		if got, want := lines[0], bom+"rank,name,return(%),list,link,segment"; got != want {
			t.Errorf("CSV header = %q; want %q", got, want)
		}
		if got, want := lines[1], "1,寒武纪-U,257.4,ytd-gainers,AI算力及基础设施,AI芯片"; got != want {
			t.Errorf("CSV first row = %q; want %q", got, want)
		}
	})

	t.Run("markup stays text", func(t *testing.T) {
		tb, err := NewTable("/x", []Column{{Key: "t", Label: "col.t"}}, nil,
			[]Row{{ID: "1", Cells: []Cell{TextCell(`<script>alert("x")</script>, "quoted"` + "\nline")}}})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteCSV(&buf, tb, Apply(tb, State{Route: "/x"}), nil); err != nil {
			t.Fatalf("WriteCSV: %v", err)
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), bom))).ReadAll()
		if err != nil || len(recs) != 2 || recs[1][0] != tb.Rows[0].Cells[0].Text {
			t.Errorf("read back %q, %v; want the cell text unchanged", recs, err)
		}
	})
}

func TestWriteJSON(t *testing.T) {
	ts := realTables(t)
	_, r := view(t, ts.Constituents, "segment=AI芯片&sort=-ytd")
	var buf bytes.Buffer
	if err := WriteJSON(&buf, ts.Constituents, r); err != nil {
		t.Fatalf("WriteJSON: %v", err)
	}
	golden(t, "constituents-ai-chips.json", buf.Bytes())
	var got []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("WriteJSON output is not JSON: %v", err)
	}
	if len(got) != 4 {
		t.Fatalf("WriteJSON wrote %d objects; want 4", len(got))
	}
	if got[0]["name"] != "寒武纪-U" || got[0]["ytd"] != 257.4 || got[0]["period"] != nil {
		t.Errorf("first object = %v; want name 寒武纪-U, ytd 257.4 as a number, period null", got[0])
	}

	_, fr := view(t, ts.Financings, "sort=amount")
	fin := jsonRows(t, ts.Financings, fr)
	var amounts []any
	for _, o := range fin {
		amounts = append(amounts, o["amount"], o["currency"])
	}
	if want := []any{3e6, "USD", 3e7, "CNY", 2.56e7, "USD"}; !slices.Equal(amounts, want) {
		t.Errorf("financings amounts = %v; want %v", amounts, want)
	}

	if o := fin[1]; o["amount_as_printed"] != "3000万人民币" || o["amount_usd"] != 4362747.95 {
		t.Errorf("宇宙奇点 = %v; want its amount as printed and 3000万 at 6.8764 CNY per USD", o)
	}
	if o := fin[2]; o["amount_as_printed"] != "2560万美元" || o["amount_usd"] != 2.56e7 {
		t.Errorf("Perplexity = %v; want its amount as printed and in USD", o)
	}

	_, er := view(t, ts.Events, "kind=company&kind=domestic&sort=-date")
	ev := jsonRows(t, ts.Events, er)
	last := ev[len(ev)-1] // dn-1, undated, last by date
	if last["date"] != nil || last["date_as_printed"] != "近期" || last["view"] != nil {
		t.Errorf("undated news = %v; want date null, 近期 as printed, no view", last)
	}
	if cs, ok := last["companies"].([]any); !ok || !slices.Equal(cs, []any{"智源研究院", "浪潮信息"}) {
		t.Errorf("companies = %#v; want an array of the two names", last["companies"])
	}
	if s, _ := last["text"].(string); !strings.HasPrefix(s, "北京智源人工智能研究院") {
		t.Errorf("text = %q; want the news text", s)
	}
	if s, _ := ev[1]["view"].(string); ev[1]["date"] != "2023-04-11" || !strings.HasPrefix(s, "多模态AI作为未来大模型发展的核心趋势") {
		t.Errorf("company event = %v; want the analysts' view", ev[1])
	}

	buf.Reset()
	if err := WriteJSON(&buf, ts.Financings, Result{}); err != nil || buf.String() != "[]\n" {
		t.Errorf("WriteJSON(no rows) = %q, %v; want \"[]\\n\"", buf.String(), err)
	}
}

// jsonRows writes r as JSON and reads the objects back.
func jsonRows(tb testing.TB, t *Table, r Result) []map[string]any {
	tb.Helper()
	var buf bytes.Buffer
	if err := WriteJSON(&buf, t, r); err != nil {
		tb.Fatalf("WriteJSON: %v", err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rows); err != nil {
		tb.Fatalf("WriteJSON output is not JSON: %v", err)
	}
	return rows
}

func TestFileName(t *testing.T) {
	tests := []struct {
		route          Route
		raw, ext, want string
	}{
		{RouteMovers, "", "csv", "movers.csv"},
		{RouteMovers, "list=ytd-gainers&sort=-return", "csv", "movers-ytd-gainers.csv"},
		{RouteMovers, "list=ytd-gainers&list=period-losers", "json", "movers-period-losers-ytd-gainers.json"},
		{RouteConstituents, "link=AI工具", "csv", "constituents-filtered.csv"},
		{RouteEvents, "kind=company&q=GPT", "csv", "events-company-filtered.csv"},
		{RouteFinancings, "currency=USD", "csv", "financings-usd.csv"},
		{RoutePicks, "layer=基础层", "json", "picks-filtered.json"},
		{RouteEvents, "from=2023-04-05", "CSV", "events-filtered.csv"},
		{"/", "", "csv", "report.csv"},
		{RouteMovers, "list=ytd-gainers&week=2023-04-09", "csv", "movers-ytd-gainers-2023-04-09.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			s, _ := ParseQuery(tt.route, query(t, tt.raw))
			if got := s.FileName(tt.ext); got != tt.want {
				t.Errorf("FileName(%q) for %s?%s = %q; want %q", tt.ext, tt.route, tt.raw, got, tt.want)
			}
		})
	}
	s := State{Route: RouteFinancings}
	for i := range 30 {
		s = s.Toggle(FacetCurrency, "C"+strings.Repeat("x", i))
	}
	if got := s.FileName("csv"); len(got) > 84 || strings.Contains(got, "-.") {
		t.Errorf("FileName with many values = %q; want at most 84 bytes, no dangling dash", got)
	}
}

// TestWriteRecord checks writeRecord against encoding/csv's Writer, which
// it stands in for, with the record's final "\n" as "\r\n": quoting,
// doubled quotes, line breaks kept inside a field, leading spaces, `\.`.
func TestWriteRecord(t *testing.T) {
	recs := [][]string{
		{}, {""}, {"", ""}, {"a", "b,c"}, {`say "hi"`, "x"}, {"two\nlines", "cr\rlf\r\n"},
		{" lead", "\ttab", "\u3000全角", "trail "}, {`\.`, `\..`}, {"三六零", "-18.09", "'=1+1"},
	}
	for _, rec := range recs {
		var got, want bytes.Buffer
		writeRecord(&got, rec)
		cw := csv.NewWriter(&want)
		if err := cw.Write(rec); err != nil {
			t.Fatal(err)
		}
		cw.Flush()
		w := strings.TrimSuffix(want.String(), "\n") + "\r\n"
		if got.String() != w {
			t.Errorf("writeRecord(%q) = %q; want %q", rec, got.String(), w)
		}
	}
}
