package ui

import (
	"strconv"
	"sync/atomic"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// chartView mounts one SVG chart drawn by app/chart. The parent passes a
// pure drawing function and a key naming what it draws; chartView measures
// its own width, follows the colour scheme of the system (light or dark)
// and redraws only when the key, the width or the scheme changed, so that
// a re-render of the page that leaves the chart's rows alone (a keystroke
// that matches the same rows, a sort of another column's ties) costs a
// string comparison rather than a drawing.
//
// The SVG is mounted with app.Raw. That is safe because it comes only from
// app/chart, which escapes every string from the data and allows only
// relative and http(s) link targets.
type chartView struct {
	app.Compo

	// ID names the figure; its note, the chart's accessible description,
	// is ID+"-note".
	ID string
	// Key identifies what Draw draws (the rows, the colour convention, the
	// labels): equal keys must draw equal charts at equal widths.
	Key string
	// Draw draws the chart width px wide, light or dark. It must not
	// touch the DOM.
	Draw func(width int, dark bool) ([]byte, error)
	// Note is the caption under the chart, naming its data alternative.
	Note string
	// Failed says, in the page's language, that the chart could not be
	// drawn.
	Failed string
	// Rows holds, for each link of the chart in the order it draws them,
	// the ids of the table rows it stands for, joined by spaces: hovering
	// or focusing a link marks its rows, and a row its link (chart-link.go).
	Rows []string

	width  int          // the figure's width as last measured, a guess before
	dark   bool         // the system's colour scheme
	drawn  string       // the key, width and scheme svg was drawn for
	svg    string       // the chart as drawn, mounted raw
	err    error        // why the last drawing failed
	seen   atomic.Int64 // the width the resize observer saw last
	ro     app.Value    // ResizeObserver on the figure
	mq     app.Value    // matchMedia("(prefers-color-scheme: dark)")
	onSize app.Func
	onDark app.Func
	links  chartLinks // what the hover listener reads
}

// props is a new chartView with c's props, for a parent that keeps them
// between renders: go-app takes each chartView it is given as a node.
func (c *chartView) props() *chartView {
	return &chartView{ID: c.ID, Key: c.Key, Draw: c.Draw, Note: c.Note, Failed: c.Failed, Rows: c.Rows}
}

// defaultChartWidth is the width a chart is drawn at before it can be
// measured: on the server, which has no layout, and in the browser until
// the figure is mounted.
const defaultChartWidth = 640

// lastChartWidth remembers the width the last chart measured, so that a
// chart mounted on the next page is drawn at once at about its width.
var lastChartWidth atomic.Int64

// OnInit draws the chart before its first render, so the server's page
// already holds it; in the browser it starts from the scheme in use and
// the width of the chart it replaces on the prerendered page, else the
// width charts had last.
func (c *chartView) OnInit() {
	c.width = defaultChartWidth
	if app.IsClient {
		if w := int(lastChartWidth.Load()); w > 0 {
			c.width = w
		}
		if w := prerenderedWidths[c.ID]; w > 0 {
			c.width = w
			c.seen.Store(int64(w))
		}
		c.dark = prefersDark()
	}
	c.redraw()
}

// OnMount measures the figure and starts listening for changes of its size
// and of the colour scheme.
func (c *chartView) OnMount(ctx app.Context) {
	c.links.rows.Store(&c.Rows)
	c.watchLinks(ctx)
	c.onSize = app.FuncOf(func(this app.Value, args []app.Value) any {
		// A ResizeObserver also reports height changes, which redrawing
		// causes itself; only a new width is worth an update.
		if len(args) > 0 && args[0].Length() > 0 {
			w := int64(args[0].Index(0).Get("contentRect").Get("width").Float() + 0.5)
			if w == c.seen.Load() {
				return nil
			}
			c.seen.Store(w)
		}
		ctx.Dispatch(c.measure)
		return nil
	})
	c.onDark = app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(func(ctx app.Context) {
			c.dark = prefersDark()
			c.redraw()
		})
		return nil
	})
	if mq := darkQuery(); mq.Truthy() {
		c.mq = mq
		c.mq.Call("addEventListener", "change", c.onDark)
	}
	c.dark = prefersDark()
	// A resize observer reports the figure's size once it is laid out,
	// in a task of its own; measuring here would force the layout of the
	// whole page being mounted and redraw the chart inside that task.
	if ro := app.Window().Get("ResizeObserver"); ro.Truthy() {
		c.ro = ro.New(c.onSize)
		c.ro.Call("observe", ctx.JSSrc())
		return
	}
	c.measure(ctx)
}

// OnResize measures again when the window changes size; the resize
// observer covers other layout changes.
func (c *chartView) OnResize(ctx app.Context) { c.measure(ctx) }

// OnUpdate redraws when the parent passed a chart with another key.
func (c *chartView) OnUpdate(ctx app.Context) {
	c.links.rows.Store(&c.Rows)
	c.redraw()
}

// OnDismount stops the listeners OnMount started.
func (c *chartView) OnDismount() {
	c.unwatchLinks()
	if c.ro != nil {
		c.ro.Call("disconnect")
		c.ro = nil
	}
	if c.mq != nil {
		c.mq.Call("removeEventListener", "change", c.onDark)
		c.mq = nil
	}
	for _, f := range []app.Func{c.onSize, c.onDark} {
		if f != nil {
			f.Release()
		}
	}
	c.onSize, c.onDark = nil, nil
}

// measure reads the figure's width and redraws if it changed. A figure not
// laid out yet (width 0) keeps the width it has; the resize observer calls
// again once it is.
func (c *chartView) measure(ctx app.Context) {
	el := ctx.JSSrc()
	if el == nil || !el.Truthy() {
		return
	}
	w := el.Get("clientWidth").Int()
	if w <= 0 {
		return
	}
	c.seen.Store(int64(w))
	lastChartWidth.Store(int64(w))
	c.width = w
	c.redraw()
}

// redraw draws the chart unless what it would draw is what it shows.
func (c *chartView) redraw() {
	if c.Draw == nil {
		return
	}
	key := c.Key + "\x00" + strconv.Itoa(c.width) + "\x00" + strconv.FormatBool(c.dark)
	if key == c.drawn {
		return
	}
	start := now()
	b, err := c.Draw(c.width, c.dark)
	c.drawn, c.svg, c.err = key, markChinese(string(b)), err
	if err != nil {
		app.Log("draw chart", c.ID+":", err)
	}
	measureSince("chart "+c.ID, start)
}

// now is the browser's high-resolution time in ms, 0 outside it.
func now() float64 {
	if !app.IsClient {
		return 0
	}
	return app.Window().Get("performance").Call("now").Float()
}

// measureSince records a User Timing measure named name from start to now,
// replacing the previous one of that name so that they do not pile up.
// DevTools' performance panel shows it, and a PerformanceObserver (as the
// browser tests use) sees every one.
func measureSince(name string, start float64) {
	if !app.IsClient {
		return
	}
	perf := app.Window().Get("performance")
	perf.Call("clearMeasures", name)
	perf.Call("measure", name, map[string]any{"start": start, "end": perf.Call("now").Float()})
}

func (c *chartView) Render() app.UI {
	class := "chart"
	if c.err != nil {
		class += " failed"
	}
	// data-width is the width the chart was drawn for, which tests compare
	// with the figure's (a chart may draw itself wider and be scaled).
	return app.Figure().ID(c.ID).Class(class).DataSet("width", attr(strconv.Itoa(c.width))).Body(
		app.Div().Class("chart-box").OnClick(followSVGLink).Body(c.picture()),
		// What the bar under the pointer or the focus stands for, with its
		// value: screen readers hear the link's own name instead.
		app.P().ID(c.ID+"-readout").Class("chart-readout").Aria("hidden", "true"),
		app.FigCaption().ID(c.ID+"-note").Class("chart-note").Text(c.Note),
	)
}

// picture is the SVG, or a note when it could not be drawn.
func (c *chartView) picture() app.UI {
	switch {
	case c.err != nil:
		return app.P().Class("chart-error").Role("status").Text(c.Failed)
	case c.svg == "":
		return app.Div().Class("chart-empty")
	}
	return app.Raw(c.svg)
}

// darkQuery is the media query list of the dark colour scheme, or a
// falsy value outside the browser.
func darkQuery() app.Value {
	if !app.IsClient {
		return app.Null()
	}
	return app.Window().Call("matchMedia", "(prefers-color-scheme: dark)")
}

// prefersDark reports whether the system asks for dark colours.
func prefersDark() bool {
	mq := darkQuery()
	return mq.Truthy() && mq.Get("matches").Bool()
}
