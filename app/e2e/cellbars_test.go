package e2e

import (
	"fmt"
	"math"
	"testing"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/chromedp/cdproto/emulation"
)

// cellBar is what the page shows of one return cell's bar.
type cellBar struct {
	ID     string `json:"id"`
	Class  string `json:"class"`
	Color  string `json:"color"`  // the bar's colour
	Cell   string `json:"cell"`   // the cell's text colour
	Border string `json:"border"` // the bar's border-top width, which is the bar
	Shown  bool   `json:"shown"`
}

const cellBarsJS = `Array.from(document.querySelectorAll("#rows tr[id] td.col-return")).map(td => {
	const b = td.querySelector(".cellbar"), cs = b && getComputedStyle(b);
	return { id: td.parentElement.id, class: b ? b.className : "", color: cs ? cs.borderTopColor : "",
		cell: getComputedStyle(td).color, border: cs ? cs.borderTopWidth : "", shown: !!cs && cs.display !== "none" }; })`

// TestInCellBars checks the bar in every return cell of /movers: its
// length class is the return against the column's largest (from the
// report's table), its colour the cell's, which is red for a gain under
// colors=cn and green under colors=intl, lighter in the dark scheme, and
// it is still drawn when the page prints.
func TestInCellBars(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	tb := reportTables(t).Movers
	_, ci, _ := tb.Column(explore.ColReturn)
	scale := 0.0
	for _, r := range tb.Rows {
		scale = math.Max(scale, math.Abs(r.Cells[ci].Num))
	}
	tests := []struct {
		query, scheme, media string
		up, down             string // computed colours of gains and losses
	}{
		{"", "light", "screen", "rgb(198, 40, 40)", "rgb(27, 127, 58)"},
		{"?colors=intl", "light", "screen", "rgb(27, 127, 58)", "rgb(198, 40, 40)"},
		{"", "dark", "screen", "rgb(239, 83, 80)", "rgb(76, 175, 80)"},
		{"", "light", "print", "rgb(198, 40, 40)", "rgb(27, 127, 58)"},
	}
	for _, tt := range tests {
		t.Run(tt.query+" "+tt.scheme+" "+tt.media, func(t *testing.T) {
			run(t, ctx, "emulate", emulation.SetEmulatedMedia().WithMedia(tt.media).
				WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: tt.scheme}}))
			open(t, ctx, s.URL+"/movers"+tt.query, "td.col-return .cellbar")
			var bars []cellBar
			eval(t, ctx, cellBarsJS, &bars)
			if len(bars) != len(tb.Rows) {
				t.Fatalf("%d return cells; want %d", len(bars), len(tb.Rows))
			}
			for _, b := range bars {
				r, _ := tb.RowByID(b.ID)
				v := r.Cells[ci].Num
				n := int(math.Round(math.Abs(v) / scale * 20))
				if v != 0 && n == 0 {
					n = 1
				}
				want := map[bool]string{true: tt.up, false: tt.down}[v > 0]
				if b.Class != fmt.Sprintf("cellbar w%d", n) || !b.Shown || b.Border != "4px" {
					t.Errorf("%s (%v): bar %q shown %v border %s; want cellbar w%d, 4px", b.ID, v, b.Class, b.Shown, b.Border, n)
				}
				if b.Color != want || b.Cell != want {
					t.Errorf("%s (%v): bar %s in a cell of %s; want %s", b.ID, v, b.Color, b.Cell, want)
				}
			}
		})
	}
	run(t, ctx, "reset", emulation.SetEmulatedMedia().WithMedia("").WithFeatures(nil))
}
