package e2e

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// TestChartTableLinks clicks the charts' bars into what they stand for
// (a mover's company, a day of events as from and to, a financing's row)
// and checks that a bar and its rows follow each other: focusing a bar
// marks its rows and shows its value under the chart, focusing a row's
// link marks its bar.
func TestChartTableLinks(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	ts := reportTables(t)

	t.Run("movers bar opens the company", func(t *testing.T) {
		first := explore.Apply(ts.Movers, explore.State{Route: explore.RouteMovers}).Rows[0]
		open(t, ctx, s.URL+"/movers", "#chart-movers svg a")
		click(t, ctx, "#chart-movers svg a")
		var path string
		run(t, ctx, "wait for the stock page", chromedp.Poll(`location.pathname.startsWith("/stocks/") && document.querySelector("main h1") ? decodeURIComponent(location.pathname) : null`,
			&path, chromedp.WithPollingTimeout(10*time.Second)))
		if want := "/stocks/" + first.Cells[1].Refs[0].Name; path != want {
			t.Errorf("the first bar opened %s; want %s", path, want)
		}
	})

	t.Run("events day sets from and to", func(t *testing.T) {
		all := explore.Apply(ts.Events, explore.State{Route: explore.RouteEvents})
		day := ""
		for _, r := range all.Rows {
			if d := r.Cells[0].Date; d != "" && (day == "" || d < day) {
				day = d
			}
		}
		open(t, ctx, s.URL+"/events", "#chart-events svg a")
		run(t, ctx, "click the first day", chromedp.Evaluate(`document.querySelector("#chart-events svg a").dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true}))`, nil))
		v := waitView(t, ctx, "/events", url.Values{"from": {day}, "to": {day}})
		for _, id := range v.ids() {
			if r, _ := ts.Events.RowByID(id); r.Cells[0].Date != day {
				t.Errorf("after clicking %s the table shows %s of %s", day, id, r.Cells[0].Date)
			}
		}
		if len(v.ids()) == 0 {
			t.Errorf("the day %s shows no rows", day)
		}
	})

	t.Run("dragging across days sets a range", func(t *testing.T) {
		open(t, ctx, s.URL+"/events", "#chart-events svg a")
		var pts []struct {
			X, Y float64
			Day  string
		}
		eval(t, ctx, `Array.from(document.querySelectorAll("#chart-events svg a")).map(a => {
			const r = a.querySelector(".aiw-hit").getBoundingClientRect();
			return { x: r.left + r.width / 2, y: r.top + r.height / 2, day: new URL(a.getAttribute("href"), location.href).searchParams.get("from") }; })`, &pts)
		if len(pts) < 3 {
			t.Fatalf("%d days with events; want 3 or more", len(pts))
		}
		a, b := pts[2], pts[0] // right to left: the range is ordered all the same
		run(t, ctx, "drag", input.DispatchMouseEvent(input.MousePressed, a.X, a.Y).WithButton(input.Left).WithClickCount(1),
			input.DispatchMouseEvent(input.MouseMoved, (a.X+b.X)/2, b.Y).WithButton(input.Left),
			input.DispatchMouseEvent(input.MouseMoved, b.X, b.Y).WithButton(input.Left),
			input.DispatchMouseEvent(input.MouseReleased, b.X, b.Y).WithButton(input.Left).WithClickCount(1))
		v := waitView(t, ctx, "/events", url.Values{"from": {b.Day}, "to": {a.Day}})
		for _, id := range v.ids() {
			if r, _ := ts.Events.RowByID(id); r.Cells[0].Date < b.Day || r.Cells[0].Date > a.Day {
				t.Errorf("the range %s to %s shows %s of %s", b.Day, a.Day, id, r.Cells[0].Date)
			}
		}
	})

	t.Run("financings bar marks its row", func(t *testing.T) {
		rows := explore.Apply(ts.Financings, explore.State{Route: explore.RouteFinancings}).Rows
		want := rows[1].ID
		open(t, ctx, s.URL+"/financings", "#chart-financings svg a")
		run(t, ctx, "click the second bar", chromedp.Evaluate(`document.querySelectorAll("#chart-financings svg a")[1].dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true}))`, nil))
		var marked string
		run(t, ctx, "wait for the marked row", chromedp.Poll(`(() => { const m = document.querySelectorAll("tr.marked");
			return m.length === 1 && location.hash === "#" + m[0].id ? m[0].id : null; })()`, &marked, chromedp.WithPollingTimeout(10*time.Second)))
		if marked != want {
			t.Errorf("marked row %s; want %s", marked, want)
		}
	})

	t.Run("bar and row follow each other", func(t *testing.T) {
		rows := explore.Apply(ts.Movers, explore.State{Route: explore.RouteMovers}).Rows
		open(t, ctx, s.URL+"/movers", "#chart-movers svg a")
		run(t, ctx, "focus the third bar", chromedp.Evaluate(`document.querySelectorAll("#chart-movers svg a")[2].focus()`, nil))
		var got struct {
			Rows    []string `json:"rows"`
			Readout string   `json:"readout"`
			Label   string   `json:"label"`
		}
		run(t, ctx, "wait for the row's mark", chromedp.Poll(`(() => { const r = Array.from(document.querySelectorAll("#rows tr.hl")).map(t => t.id);
			const out = document.getElementById("chart-movers-readout").textContent;
			return r.length ? { rows: r, readout: out, label: document.querySelectorAll("#chart-movers svg a")[2].getAttribute("aria-label") } : null; })()`,
			&got, chromedp.WithPollingTimeout(10*time.Second)))
		if len(got.Rows) != 1 || got.Rows[0] != rows[2].ID {
			t.Errorf("focusing the third bar marks rows %q; want %s", got.Rows, rows[2].ID)
		}
		value := strings.TrimSpace(strings.Fields(rows[2].Cells[2].Text)[0])
		if got.Readout != got.Label || !strings.Contains(got.Readout, value) {
			t.Errorf("readout %q (bar %q); want the bar's name with its value %s", got.Readout, got.Label, value)
		}
		var bar int
		run(t, ctx, "focus the fifth row", chromedp.Evaluate(`document.getElementById(`+jsString(rows[4].ID)+`).querySelector("a").focus()`, nil))
		run(t, ctx, "wait for the bar's mark", chromedp.Poll(`(() => { const l = Array.from(document.querySelectorAll("#chart-movers svg a"));
			const i = l.findIndex(a => a.classList.contains("hl")); return i >= 0 ? i : null; })()`, &bar, chromedp.WithPollingTimeout(10*time.Second)))
		if bar != 4 {
			t.Errorf("focusing the fifth row marks bar %d; want 4", bar)
		}
	})
}
