package ui

import (
	"fmt"
	"math"
	"strconv"
	"sync/atomic"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A table view mounts a window of its rows: those a screen holds and a
// margin on either side (windowSize), so that a keystroke at 10,000 rows
// reconciles and mounts only those. Spacers above and below stand for the
// rows left out, at the rows' measured height, so the page keeps its
// length and the scroll bar its meaning; scrolling moves the window in
// steps of windowStep rows. Printing mounts every row (see watchPrint).
// A table of windowRows rows or fewer is mounted whole, and the server's
// page holds a window of windowRows.
const (
	windowRows   = 80
	windowMargin = 10
	windowStep   = 10
	// defaultRowHeight is the height a row is taken to have, in CSS
	// pixels, before one was measured.
	defaultRowHeight = 33
)

// windowShared is what the scroll listener reads outside the UI
// goroutine: the number of rows, the window's start as last set and a
// row's measured height in CSS pixels (float64 bits, 0 before it was
// measured).
type windowShared struct {
	nRows, shownStart atomic.Int64
	rowHeight         atomic.Uint64
	size              atomic.Int64 // the window's rows (measureWindow), 0 before
}

// windowSize is how many rows the window mounts: in the browser the rows
// its window holds, a margin on either side and a step, so that whatever
// is in view is mounted; windowRows on the server.
func (x *explorer) windowSize() int {
	if x.win != nil && app.IsClient {
		if n := int(x.win.size.Load()); n > 0 {
			return n
		}
		return x.measureWindow()
	}
	return windowRows
}

// measureWindow sets the window's size from the browser window's height.
// It follows that height alone, not the rows shown, so that a view's
// window is the same whatever view came before; a row is rarely lower
// than defaultRowHeight, and the margin covers one that is.
func (x *explorer) measureWindow() int {
	screen := int(math.Ceil(app.Window().Get("innerHeight").Float() / defaultRowHeight))
	n := max(screen, 1) + 2*windowMargin + windowStep
	x.win.size.Store(int64(n))
	return n
}

// window is the range of display positions, among n rows, that the tables
// mount: all of them up to windowRows, less the rows the first page's
// stages still hold back (staged.go).
func (x *explorer) window(n int) (start, end int) {
	start, end = x.fullWindow(n)
	if !x.printAll {
		end = x.stage.cut(start, end)
	}
	return start, end
}

// fullWindow is the window with every row it holds.
func (x *explorer) fullWindow(n int) (start, end int) {
	size := x.windowSize()
	if x.printAll || n <= windowRows || n <= size {
		return 0, n
	}
	start = min(max(x.winStart, 0), n-size)
	return start, start + size
}

// windowAt is the window's start for the current scroll position: the
// row at the top of the screen, less the margin, in steps of windowStep.
// It measures the rows' height and the window's size on the way (the
// window may have been resized).
func (x *explorer) windowAt(n int) int {
	el := app.Window().GetElementByID("rows")
	if !el.Truthy() || n <= windowRows {
		return 0
	}
	if h := measuredRowHeight(el); h > 0 {
		x.win.rowHeight.Store(math.Float64bits(h))
	}
	h := x.rowHeightOr()
	size := x.measureWindow()
	if n <= size {
		return 0
	}
	top := int(-el.Call("getBoundingClientRect").Get("top").Float() / h)
	start := max(top-windowMargin, 0) / windowStep * windowStep
	return min(start, n-size)
}

// measuredRowHeight is the mean height of the rows el holds, 0 with fewer
// than two.
func measuredRowHeight(el app.Value) float64 {
	rows := el.Call("querySelectorAll", "tbody tr")
	n := rows.Length()
	if n < 2 {
		return 0
	}
	first := rows.Index(0).Call("getBoundingClientRect").Get("top").Float()
	last := rows.Index(n - 1).Call("getBoundingClientRect").Get("bottom").Float()
	return (last - first) / float64(n)
}

// deferSpacers gives the spacers, once the update that follows is in the
// page, the height of the rows they stand for. It sets the style through
// the DOM: the page's Content-Security-Policy allows no style attribute.
func (x *explorer) deferSpacers(ctx app.Context) {
	if !app.IsClient {
		return
	}
	ctx.Defer(func(app.Context) {
		n := len(x.res.Rows)
		start, end := x.window(n)
		x.sizeSpacers(start, n-end)
	})
}

func (x *explorer) sizeSpacers(before, after int) {
	h := x.rowHeightOr()
	for id, n := range map[string]int{"rows-before": before, "rows-after": after} {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Get("style").Set("height", strconv.FormatFloat(float64(n)*h, 'f', 0, 64)+"px")
		}
	}
}

// rowHeightOr is a row's measured height, or defaultRowHeight before one
// was measured.
func (x *explorer) rowHeightOr() float64 {
	if h := math.Float64frombits(x.win.rowHeight.Load()); h > 0 {
		return h
	}
	return defaultRowHeight
}

// OnMount follows the scroll position with the window and mounts every
// row while the page prints.
func (x *explorer) OnMount(ctx app.Context) {
	if x.win == nil {
		x.win = &windowShared{}
	}
	// The listener dispatches only when the window moves: a dispatch that
	// prevented its update would also cancel an update due in the same
	// frame (go-app counts them per component), a navigation's included.
	x.onScroll = app.FuncOf(func(app.Value, []app.Value) any {
		s := x.windowAt(int(x.win.nRows.Load()))
		if int64(s) == x.win.shownStart.Load() {
			return nil
		}
		x.win.shownStart.Store(int64(s))
		ctx.Dispatch(func(ctx app.Context) {
			x.winStart = s
			x.stage.rows = false // the window moved past what the stages knew
			keepRowFocus(ctx)
			x.deferSpacers(ctx)
		})
		return nil
	})
	app.Window().Call("addEventListener", "scroll", x.onScroll, map[string]any{"passive": true})
	x.watchPrint(ctx)
	x.watchRowCopies(ctx)
	x.deferSpacers(ctx)
	x.stageParts(ctx)
}

// watchPrint mounts every row for printing. Ctrl+P (⌘P) is taken over so
// that the page prints once every row is mounted; the browser's menu
// fires beforeprint, whose handler cannot wait for go-app's next frame,
// so there the rows follow as soon as they can. afterprint goes back to
// the window.
func (x *explorer) watchPrint(ctx app.Context) {
	setPrint := func(all, andPrint bool) {
		ctx.Dispatch(func(ctx app.Context) {
			x.printAll = all
			keepRowFocus(ctx)
			x.deferSpacers(ctx)
			if andPrint {
				ctx.Defer(func(app.Context) {
					app.Window().Call("setTimeout", app.Window().Get("print"), 0)
				})
			}
		})
	}
	x.onPrintKey = app.FuncOf(func(_ app.Value, args []app.Value) any {
		e := args[0]
		if (e.Get("ctrlKey").Truthy() || e.Get("metaKey").Truthy()) && e.Get("key").String() == "p" && !x.printAll {
			e.Call("preventDefault")
			setPrint(true, true)
		}
		return nil
	})
	x.onPrint = app.FuncOf(func(this app.Value, args []app.Value) any {
		setPrint(args[0].Get("type").String() == "beforeprint", false)
		return nil
	})
	w := app.Window()
	w.Call("addEventListener", "keydown", x.onPrintKey)
	w.Call("addEventListener", "beforeprint", x.onPrint)
	w.Call("addEventListener", "afterprint", x.onPrint)
}

// OnDismount removes the listeners OnMount added.
func (x *explorer) OnDismount() {
	x.unwatchRowCopies()
	w := app.Window()
	for ev, f := range map[string]app.Func{"scroll": x.onScroll, "keydown": x.onPrintKey, "beforeprint": x.onPrint, "afterprint": x.onPrint} {
		if f != nil {
			w.Call("removeEventListener", ev, f)
		}
	}
	for _, f := range []app.Func{x.onScroll, x.onPrintKey, x.onPrint} {
		if f != nil {
			f.Release()
		}
	}
	x.onScroll, x.onPrintKey, x.onPrint = nil, nil, nil
}

// windowed is one group's part of the window: its rows in the window, the
// position of the first among the group's and how many the group has.
type windowed struct {
	group
	first, total int
}

// windowGroups cuts the groups, in display order, to the window
// [start, end) of their concatenation, dropping those left out whole.
func windowGroups(gs []group, start, end int) []windowed {
	var out []windowed
	at := 0
	for _, g := range gs {
		lo, hi := max(start-at, 0), min(end-at, len(g.rows))
		if lo < hi {
			out = append(out, windowed{group: group{value: g.value, rows: g.rows[lo:hi]}, first: lo, total: len(g.rows)})
		}
		at += len(g.rows)
	}
	return out
}

// followChart lets the chart show the view once the browser has painted
// the table's update: the chart is drawn in a later task, so a keystroke
// waits for the rows only.
func (x *explorer) followChart(ctx app.Context) {
	if !app.IsClient {
		x.chartRes, x.chartSt = x.res, x.st
		return
	}
	var f app.Func
	f = app.FuncOf(func(app.Value, []app.Value) any {
		f.Release()
		ctx.Dispatch(func(app.Context) { x.chartRes, x.chartSt = x.res, x.st })
		return nil
	})
	app.Window().Call("setTimeout", f, 0)
}

// chartState is "current" when the chart shows the table's view, and
// "behind" while it still shows the one before.
func (x *explorer) chartState() string {
	if x.chartSt.Route == "" || x.chartSt.Encode() == x.st.Encode() {
		return "current"
	}
	return "behind"
}

// chart is the chart of the view the chart follows. Its props are made
// again only when that view, the table or the language changed: the page
// renders on every keystroke, and the props of a chart of 10,000 rows
// (every bar's label and link, the rows' ids) cost more than the rest of
// the render.
func (x *explorer) chart() app.UI {
	if x.chartSt.Route == "" {
		x.chartRes, x.chartSt = x.res, x.st
	}
	key := fmt.Sprintf("%p|%p|%s|%s", x.table, x.rep, x.lang, x.chartSt.Encode())
	if key != x.chartFor {
		x.chartFor = key
		x.chartProps, _ = x.tableChart(x.table, x.chartRes, x.chartSt, x.rep).(*chartView)
	}
	if x.chartProps == nil {
		return nil
	}
	return x.chartProps.props()
}

// chartOrHeld is the chart, or while the first page's stages hold it
// back the prerendered chart's markup (staged.go).
func (x *explorer) chartOrHeld() app.UI {
	if x.stage.chart != "" {
		return app.Raw(x.stage.chart)
	}
	return x.chart()
}

// rowsLayoutOf is the layout every row of x's tables shares, made again
// only for another table.
func (x *explorer) rowsLayoutOf() *rowLayout {
	if x.rowsLayout == nil || x.rowsFor != x.table {
		x.rowsLayout, x.rowsFor = &rowLayout{columns: x.table.Columns, cols: x.columns(),
			scales: columnScales(x.table.Columns, x.table.Rows), route: x.spec.route, pages: x.spec.rowPages}, x.table
	}
	return x.rowsLayout
}

// revealMarked brings the row the address names (/events#ce-2) into the
// window and, once it is in the page, scrolls it to the middle of the
// screen: go-app scrolls to a fragment only after an in-app navigation,
// and before the wasm rendered, only the prerendered page's row was there.
func (x *explorer) revealMarked(ctx app.Context) {
	if x.marked == "" || !app.IsClient {
		return
	}
	p := explore.Position(x.res.Rows, x.marked)
	if p < 0 {
		return
	}
	if start, end := x.window(len(x.res.Rows)); p < start || p >= end {
		x.winStart = max(p-windowMargin, 0) / windowStep * windowStep
		x.win.shownStart.Store(int64(x.winStart))
	}
	id := x.marked
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("scrollIntoView", map[string]any{"block": "center"})
		}
	})
}
