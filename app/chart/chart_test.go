package chart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

var svgDir = flag.String("svgdir", "", "also write every chart the tests draw to this directory")

// chartCase is one chart drawn from the real report: draw returns the
// canvas, to inspect what was placed; svg the finished document.
type chartCase struct {
	name string
	draw func(o Options) (*canvas, error)
	svg  func(o Options) ([]byte, error)
}

func chartCases(tb testing.TB) []chartCase {
	tb.Helper()
	f := loadFixture(tb)
	moverCase := func(list string) chartCase {
		rows := f.movers[list]
		return chartCase{
			name: strings.ReplaceAll(list, "_", "-"),
			draw: func(o Options) (*canvas, error) { return bars(rows, o.normalized()) },
			svg:  func(o Options) ([]byte, error) { return Bars(rows, o) },
		}
	}
	withAxis := func(o Options) Options {
		o.Labels.Axis = f.axis
		return o
	}
	return []chartCase{
		{
			name: "index",
			draw: func(o Options) (*canvas, error) { return indexReturns(f.index, f.excess, o.normalized()) },
			svg:  func(o Options) ([]byte, error) { return IndexReturns(f.index, f.excess, o) },
		},
		moverCase("period_gainers"),
		moverCase("ytd_gainers"),
		moverCase("period_losers"),
		func() chartCase {
			// All three lists at once, gains and losses mixed, with a label
			// too long for the label column.
			var rows []Bar
			for _, list := range []string{"period_gainers", "period_losers", "ytd_gainers"} {
				rows = append(rows, f.movers[list]...)
			}
			rows = append(rows, Bar{Label: "结合AIGC智能搜索和总结的问答应用程序（Portrait Analytics）", Value: -0.004})
			return chartCase{
				name: "mixed",
				draw: func(o Options) (*canvas, error) { return bars(rows, o.normalized()) },
				svg:  func(o Options) ([]byte, error) { return Bars(rows, o) },
			}
		}(),
		{
			name: "counts",
			draw: func(o Options) (*canvas, error) { return counts(f.counts, o.normalized()) },
			svg:  func(o Options) ([]byte, error) { return Counts(f.counts, o) },
		},
		{
			name: "events",
			draw: func(o Options) (*canvas, error) { return eventsPerDay(f.days, o.normalized()) },
			svg:  func(o Options) ([]byte, error) { return EventsPerDay(f.days, o) },
		},
		{
			name: "amounts",
			draw: func(o Options) (*canvas, error) { return amounts(f.amounts, withAxis(o).normalized()) },
			svg:  func(o Options) ([]byte, error) { return Amounts(f.amounts, withAxis(o)) },
		},
	}
}

// variants are the options every chart is checked under.
var variants = []struct {
	name string
	o    Options
}{
	{"640", Options{}},
	{"375", Options{Width: 375}},
	{"375-dark-intl", Options{Width: 375, Dark: true, Colors: Intl}},
}

func TestGolden(t *testing.T) {
	for _, cc := range chartCases(t) {
		for _, v := range variants {
			name := cc.name + "-" + v.name
			t.Run(name, func(t *testing.T) {
				got, err := cc.svg(v.o)
				if err != nil {
					t.Fatalf("draw: %v", err)
				}
				golden := filepath.Join("testdata", name+".svg")
				if *svgDir != "" {
					writeFile(t, filepath.Join(*svgDir, name+".svg"), got)
				}
				if *update {
					writeFile(t, golden, got)
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("read golden (run go test -update): %v", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from %s; run go test ./app/chart/ -update and review the diff", name, golden)
				}
			})
		}
	}
}

func writeFile(tb testing.TB, name string, b []byte) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(name, b, 0o644); err != nil {
		tb.Fatal(err)
	}
}

// node is a decoded XML element with its children and text.
type node struct {
	name     string
	attrs    map[string]string
	children []*node
	text     string // character data directly inside
}

// parseSVG decodes b fully with encoding/xml and returns the root element.
func parseSVG(tb testing.TB, b []byte) *node {
	tb.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var root *node
	var stack []*node
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("decode svg: %v\n%s", err, b)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			if len(stack) == 0 {
				if root != nil {
					tb.Fatalf("decode svg: second root element <%s>", n.name)
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(tok)
			}
		}
	}
	if root == nil {
		tb.Fatal("decode svg: no root element")
	}
	return root
}

// walk calls fn on n and every element under it.
func (n *node) walk(fn func(*node)) {
	fn(n)
	for _, c := range n.children {
		c.walk(fn)
	}
}

// all returns the elements under n, n included, with the given name.
func (n *node) all(name string) []*node {
	var out []*node
	n.walk(func(m *node) {
		if m.name == name {
			out = append(out, m)
		}
	})
	return out
}

func TestDocument(t *testing.T) {
	for _, cc := range chartCases(t) {
		for _, v := range variants {
			t.Run(cc.name+"-"+v.name, func(t *testing.T) {
				o := v.o
				o.Title = "图表：" + cc.name
				b, err := cc.svg(o)
				if err != nil {
					t.Fatalf("draw: %v", err)
				}
				root := parseSVG(t, b)
				if root.name != "svg" {
					t.Fatalf("root = <%s>; want <svg>", root.name)
				}
				w := max(o.Width, 0)
				if w == 0 {
					w = defaultWidth
				}
				if got := root.attrs["width"]; got != fmt.Sprint(w) {
					t.Errorf("width = %q; want %d", got, w)
				}
				if root.attrs["height"] == "" {
					t.Error("no height")
				}
				if got, want := root.attrs["viewBox"], fmt.Sprintf("0 0 %d %s", w, root.attrs["height"]); got != want {
					t.Errorf("viewBox = %q; want %q", got, want)
				}
				if role := root.attrs["role"]; role != "img" && role != "group" {
					t.Errorf("role = %q; want img or group", role)
				}
				if got := root.attrs["aria-label"]; got != o.Title {
					t.Errorf("aria-label = %q; want %q", got, o.Title)
				}
				if len(root.children) == 0 || root.children[0].name != "title" {
					t.Fatalf("first child is not <title>")
				}
				if got := root.children[0].text; got != o.Title {
					t.Errorf("<title> = %q; want %q", got, o.Title)
				}
				if got, ok := root.attrs["aria-describedby"]; ok {
					t.Errorf("aria-describedby = %q without DescribedBy; want none", got)
				}
				// A page's Content-Security-Policy may refuse inline
				// styles: colours must be presentation attributes.
				root.walk(func(n *node) {
					if n.name == "style" {
						t.Errorf("<style> element: %q", n.text)
					}
					if st, ok := n.attrs["style"]; ok {
						t.Errorf("<%s style=%q>; want presentation attributes", n.name, st)
					}
				})
			})
		}
	}
}

func TestDescribedBy(t *testing.T) {
	for _, cc := range chartCases(t) {
		t.Run(cc.name, func(t *testing.T) {
			const id = `chart-note "1"`
			b, err := cc.svg(Options{DescribedBy: id})
			if err != nil {
				t.Fatalf("draw: %v", err)
			}
			if got := parseSVG(t, b).attrs["aria-describedby"]; got != id {
				t.Errorf("aria-describedby = %q; want %q", got, id)
			}
		})
	}
}

// widths are the layout widths the overlap check runs at, down to the
// narrowest allowed.
var widths = []int{100, 320, 360, 375, 414, 640, 800, 1200}

func TestLabelsDoNotOverlap(t *testing.T) {
	for _, cc := range chartCases(t) {
		for _, w := range widths {
			for _, hgt := range []int{0, 200, 600} {
				t.Run(fmt.Sprintf("%s-%dx%d", cc.name, w, hgt), func(t *testing.T) {
					c, err := cc.draw(Options{Width: w, Height: hgt})
					if err != nil {
						t.Fatalf("draw: %v", err)
					}
					checkLayout(t, c)
				})
			}
		}
	}
}

// checkLayout asserts that no two pieces of text overlap, that none
// overlaps a bar, and that all lie inside the viewBox.
func checkLayout(tb testing.TB, c *canvas) {
	tb.Helper()
	if len(c.texts) == 0 {
		tb.Fatal("no text placed")
	}
	for i, a := range c.texts {
		if !a.box.within(float64(c.w), float64(c.h)) {
			tb.Errorf("%q at %+v runs outside the %dx%d viewBox", a.text, a.box, c.w, c.h)
		}
		if a.box.x1-a.box.x0 <= 0 && a.text != "" {
			tb.Errorf("%q has no width", a.text)
		}
		for _, b := range c.texts[i+1:] {
			if a.box.overlaps(b.box) {
				tb.Errorf("%q at %+v overlaps %q at %+v", a.text, a.box, b.text, b.box)
			}
		}
		for _, s := range c.shapes {
			if (s.role == "bar" || s.role == "segment") && a.box.overlaps(s.box) {
				tb.Errorf("%q at %+v overlaps a %s at %+v", a.text, a.box, s.role, s.box)
			}
		}
	}
}

func TestRealNamesFit(t *testing.T) {
	f := loadFixture(t)
	// The longest names of the report, drawn at the narrowest phone width.
	want := []string{"云从科技-UW", "格灵深瞳-U", "百度集团-SW", "AI算力及基础设施"}
	var rows []Bar
	for _, list := range f.movers {
		rows = append(rows, list...)
	}
	c, err := bars(rows, Options{Width: 375}.normalized())
	if err != nil {
		t.Fatal(err)
	}
	c2, err := counts(f.counts, Options{Width: 375}.normalized())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []*canvas{c, c2} {
		checkLayout(t, c)
	}
	for _, name := range want {
		found := false
		for _, c := range []*canvas{c, c2} {
			for _, p := range c.texts {
				if p.text == name {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("label %q not drawn in full at 375 px", name)
		}
	}
}

func TestEscaping(t *testing.T) {
	const evil = `<script>&"'`
	o := Options{Title: evil, Labels: Labels{Excess: evil, Period: evil, Company: evil, Undated: evil + "{n}", Axis: evil, Link: evil + "{label}", More: evil}, MaxRows: 1}
	tests := []struct {
		name string
		svg  func() ([]byte, error)
	}{
		{"index", func() ([]byte, error) { return IndexReturns([]IndexPoint{{evil, 1, 2}, {evil, -1, 1}}, 1, o) }},
		{"bars", func() ([]byte, error) {
			return Bars([]Bar{{Label: evil, Value: 1}, {Label: evil + "\x00\x1b\ufffe", Value: 2}}, o)
		}},
		{"counts", func() ([]byte, error) {
			return Counts([]CountBar{{Label: evil, Count: 2, Href: `/c?link=a&b="'<>`}}, o)
		}},
		{"events", func() ([]byte, error) {
			return EventsPerDay([]DayCount{{Date: "2023-04-01", Company: 1}, {Overseas: 1}}, o)
		}},
		{"amounts", func() ([]byte, error) { return Amounts([]Amount{{Label: evil, USD: 1e6, Note: evil}}, o) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.svg()
			if err != nil {
				t.Fatalf("draw: %v", err)
			}
			if bytes.Contains(b, []byte("<script")) {
				t.Errorf("output contains <script unescaped:\n%s", b)
			}
			root := parseSVG(t, b)
			var texts []string
			root.walk(func(n *node) { texts = append(texts, n.text) })
			if got := strings.Count(strings.Join(texts, "\n"), evil); got < 2 {
				t.Errorf("found %q %d times in the decoded text; want it back intact, at least in <title> and one label", evil, got)
			}
			if got := root.attrs["aria-label"]; got != evil {
				t.Errorf("aria-label = %q; want %q", got, evil)
			}
			for _, a := range root.all("a") {
				if got, want := a.attrs["href"], `/c?link=a&b="'<>`; got != want {
					t.Errorf("href = %q; want %q", got, want)
				}
			}
		})
	}
}

func TestSchemeSwapsFill(t *testing.T) {
	rows := []Bar{{Label: "源杰科技", Value: 63.81}, {Label: "当虹科技", Value: -18.09}, {Label: "平", Value: 0}}
	tests := []struct {
		name       string
		scheme     Scheme
		gain, loss string
	}{
		{"cn", CN, red.String(), green.String()},
		{"intl", Intl, green.String(), red.String()},
	}
	for _, tt := range tests {
		for _, dark := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s-dark=%v", tt.name, dark), func(t *testing.T) {
				o := Options{Colors: tt.scheme, Dark: dark}.normalized()
				c, err := bars(rows, o)
				if err != nil {
					t.Fatal(err)
				}
				var fills []string
				for _, s := range c.shapes {
					if s.role == "bar" {
						fills = append(fills, s.fill.String())
					}
				}
				if len(fills) != 3 {
					t.Fatalf("drew %d bars; want 3", len(fills))
				}
				if fills[0] != tt.gain || fills[1] != tt.loss {
					t.Errorf("fills = %v; want gain %s, loss %s", fills[:2], tt.gain, tt.loss)
				}
				if fills[2] == tt.gain || fills[2] == tt.loss {
					t.Errorf("zero bar fill = %s; want neither gain nor loss colour", fills[2])
				}
				b, err := Bars(rows, o)
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range fills[:2] {
					c := drawing.ParseColor(f)
					h := `fill="` + hex(rgba{c.R, c.G, c.B, c.A}) + `"`
					if !bytes.Contains(b, []byte(h)) {
						t.Errorf("svg has no path with %s", h)
					}
				}
			})
		}
	}
}

func TestSignsAndArrows(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{63.81, "+63.81% ▲"},
		{-18.09, "−18.09% ▼"},
		{-0.81, "−0.81% ▼"},
		{0, "0.00%"},
		{-0.001, "0.00%"},
		{257.4, "+257.40% ▲"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.v), func(t *testing.T) {
			if got := change(tt.v, "%"); got != tt.want {
				t.Errorf("change(%v) = %q; want %q", tt.v, got, tt.want)
			}
			c, err := bars([]Bar{{Label: "x", Value: tt.v}}, Options{}.normalized())
			if err != nil {
				t.Fatal(err)
			}
			if !hasText(c, tt.want) {
				t.Errorf("Bars drew no label %q", tt.want)
			}
		})
	}
	// The index chart labels every bar and the excess with sign and arrow.
	f := loadFixture(t)
	c, err := indexReturns(f.index, f.excess, Options{}.normalized())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"−0.81% ▼", "+1.01% ▲", "+61.85% ▲", "+5.69% ▲", "+56.16 pct ▲"} {
		if !hasText(c, want) {
			t.Errorf("IndexReturns drew no label %q", want)
		}
	}
}

func hasText(c *canvas, s string) bool {
	for _, p := range c.texts {
		if p.text == s {
			return true
		}
	}
	return false
}

func TestCountsLinks(t *testing.T) {
	f := loadFixture(t)
	b, err := Counts(f.counts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	root := parseSVG(t, b)
	if got := root.attrs["role"]; got != "group" {
		t.Errorf("role = %q; want group, so the links stay reachable", got)
	}
	links := root.all("a")
	if len(links) != len(f.counts) {
		t.Fatalf("%d links; want %d", len(links), len(f.counts))
	}
	for i, a := range links {
		g := f.counts[i]
		if a.attrs["href"] != g.Href {
			t.Errorf("link %d href = %q; want %q", i, a.attrs["href"], g.Href)
		}
		if name := a.attrs["aria-label"]; !strings.Contains(name, g.Label) || !strings.Contains(name, fmt.Sprint(g.Count)) {
			t.Errorf("link %d aria-label = %q; want it to name %q and %d", i, name, g.Label, g.Count)
		}
		if len(a.all("path")) == 0 {
			t.Errorf("link %d wraps no bar", i)
		}
		var texts []string
		for _, tx := range a.all("text") {
			texts = append(texts, tx.text)
		}
		if !slicesContains(texts, g.Label) {
			t.Errorf("link %d texts = %q; want the label %q", i, texts, g.Label)
		}
	}
	named := []CountBar{{Label: "AI工具", Count: 3, Href: "/constituents", Name: "取消筛选：AI工具"}, {Label: "AI应用", Count: 2, Href: "/constituents?link=AI%E5%BA%94%E7%94%A8"}}
	b, err = Counts(named, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range parseSVG(t, b).all("a") {
		want := []string{"取消筛选：AI工具", "筛选：AI应用（2）"}[i]
		if got := a.attrs["aria-label"]; got != want {
			t.Errorf("link %d aria-label = %q; want %q", i, got, want)
		}
		if got := a.all("title")[0].text; got != want {
			t.Errorf("link %d <title> = %q; want %q", i, got, want)
		}
	}
	if _, err := Counts([]CountBar{{Label: "x", Count: 1, Href: "javascript:alert(1)"}}, Options{}); err == nil {
		t.Error("Counts with a javascript: href: no error")
	}
}

func slicesContains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestCap(t *testing.T) {
	rows := make([]Bar, 120)
	for i := range rows {
		rows[i] = Bar{Label: fmt.Sprintf("公司%03d-SW", i), Value: float64(60 - i)}
	}
	c, err := bars(rows, Options{Width: 375}.normalized())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range c.shapes {
		if s.role == "bar" {
			n++
		}
	}
	if n != defaultRows {
		t.Errorf("drew %d bars; want %d", n, defaultRows)
	}
	if !hasText(c, "仅显示前 50 项，共 120 项") {
		t.Error("no note on the rows left out")
	}
	checkLayout(t, c)
}

func TestEmpty(t *testing.T) {
	o := Options{Width: 375}
	tests := []struct {
		name string
		svg  func() ([]byte, error)
	}{
		{"bars", func() ([]byte, error) { return Bars(nil, o) }},
		{"counts", func() ([]byte, error) { return Counts(nil, o) }},
		{"events", func() ([]byte, error) { return EventsPerDay(nil, o) }},
		{"amounts", func() ([]byte, error) { return Amounts(nil, o) }},
		{"index", func() ([]byte, error) { return IndexReturns(nil, 0, o) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.svg()
			if err != nil {
				t.Fatalf("draw: %v", err)
			}
			parseSVG(t, b)
		})
	}
}

func TestErrors(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		err  func() error
	}{
		{"bars NaN", func() error { _, err := Bars([]Bar{{Label: "a", Value: nan}}, Options{}); return err }},
		{"index Inf", func() error { _, err := IndexReturns([]IndexPoint{{"a", math.Inf(1), 0}}, 0, Options{}); return err }},
		{"amount negative", func() error { _, err := Amounts([]Amount{{Label: "a", USD: -1}}, Options{}); return err }},
		{"count negative", func() error { _, err := Counts([]CountBar{{Label: "a", Count: -1}}, Options{}); return err }},
		{"bad date", func() error {
			_, err := EventsPerDay([]DayCount{{Date: "4月1日", Company: 1}}, Options{})
			return err
		}},
		{"negative day", func() error {
			_, err := EventsPerDay([]DayCount{{Date: "2023-04-01", Company: -1}}, Options{})
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.err(); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestEventsAxis(t *testing.T) {
	f := loadFixture(t)
	c, err := eventsPerDay(f.days, Options{}.normalized())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"4/1", "4/14", "另有 1 条未注明日期"} {
		if !hasText(c, want) {
			t.Errorf("no label %q", want)
		}
	}
	// The column totals (numbers drawn right of the tick labels, over the
	// bars) add up to the dated items: 4 company events, 4 dated domestic
	// and 9 overseas news items.
	plotX0 := math.Inf(1)
	segments := 0
	for _, s := range c.shapes {
		if s.role == "segment" {
			plotX0 = math.Min(plotX0, s.box.x0)
			segments++
		}
	}
	if segments == 0 {
		t.Fatal("no stacked segments drawn")
	}
	total := 0
	for _, p := range c.texts {
		n, err := strconv.Atoi(p.text)
		if err == nil && p.box.x0 >= plotX0-1 {
			total += n
		}
	}
	if total != 17 {
		t.Errorf("column totals add up to %d; want 17", total)
	}
}

func TestXLabelPlan(t *testing.T) {
	labels := []string{"4/1", "4/2", "4/10", "4/14"}
	tests := []struct {
		colW        float64
		wantEvery   int
		wantStagger bool
	}{
		{40, 1, false},
		{20, 1, true},
		{25, 1, true},
		{10, 2, true},
		{5, 3, true},
		{0, 1, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.colW), func(t *testing.T) {
			every, stagger := xLabelPlan(labels, tt.colW, smallSize)
			if every != tt.wantEvery || stagger != tt.wantStagger {
				t.Errorf("xLabelPlan(%v) = %d, %v; want %d, %v", tt.colW, every, stagger, tt.wantEvery, tt.wantStagger)
			}
		})
	}
}

func TestTextWidth(t *testing.T) {
	tests := []struct {
		s    string
		want float64 // em
	}{
		{"云从科技", 4},
		{"AI算力及基础设施", 7 + float64(asciiWidths['A'-0x20]+asciiWidths['I'-0x20])/1000},
		{"▲", 1},
		{"", 0},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			if got := textWidth(tt.s, 10); math.Abs(got-tt.want*10) > 1e-9 {
				t.Errorf("textWidth(%q, 10) = %v; want %v", tt.s, got, tt.want*10)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		s       string
		max     float64
		want    string
		wantCut bool
	}{
		{"云从科技-UW", 200, "云从科技-UW", false},
		{"结合AIGC智能搜索和总结的问答应用程序", 96, "结合AIGC智能…", true},
		{"云从科技", 5, "云…", true},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			got, cut := truncate(tt.s, 12, tt.max)
			if got != tt.want || cut != tt.wantCut {
				t.Errorf("truncate(%q, 12, %v) = %q, %v; want %q, %v", tt.s, tt.max, got, cut, tt.want, tt.wantCut)
			}
			if len([]rune(got)) > 2 && textWidth(got, 12) > tt.max {
				t.Errorf("truncate(%q) = %q is %v px wide; want at most %v", tt.s, got, textWidth(got, 12), tt.max)
			}
		})
	}
}

func BenchmarkBars(b *testing.B) {
	f := loadFixture(b)
	var all []Bar
	for len(all) < 50 {
		for _, list := range []string{"period_gainers", "ytd_gainers", "period_losers"} {
			all = append(all, f.movers[list]...)
		}
	}
	for _, n := range []int{10, 50} {
		rows := all[:n]
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Bars(rows, Options{Width: 375}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestPathAttrs checks the markup of shapes: colours as presentation
// attributes, an opacity below one as its own attribute, none for no
// colour, the dash pattern, and a closed path for a rectangle.
func TestPathAttrs(t *testing.T) {
	blue := colorFromHex("3e63dd")
	tests := []struct {
		name string
		draw func(c *canvas)
		want string
	}{
		{"fill", func(c *canvas) { c.rect(box{0, 0, 2, 3}, colorFromHex("30a46c"), "bar") },
			"<path  d=\"M 0 0\nL 2 0\nL 2 3\nL 0 3\nZ\" stroke-width=\"0\" stroke=\"none\" fill=\"#30a46c\"/>"},
		{"stroke with alpha", func(c *canvas) { c.line(0, 0, 1.4, 1.6, blue.WithAlpha(150), false) },
			"<path  d=\"M 0 0\nL 1 2\" stroke-width=\"1\" stroke=\"#3e63dd\" stroke-opacity=\"0.6\" fill=\"none\"/>"},
		{"dashed", func(c *canvas) { c.line(1, 1, 1, 5, colorFromHex("010203"), true) },
			"<path stroke-dasharray=\"4.0, 3.0\" d=\"M 1 1\nL 1 5\" stroke-width=\"1\" stroke=\"#010203\" fill=\"none\"/>"},
	}
	for _, tt := range tests {
		c := &canvas{w: 10, h: 10}
		tt.draw(c)
		if got := c.body.String(); got != tt.want {
			t.Errorf("%s: %q; want %q", tt.name, got, tt.want)
		}
	}
}
