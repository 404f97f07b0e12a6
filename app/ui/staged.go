package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The wasm's first render replaces the whole prerendered page (go-app
// mounts new nodes for all of it, see 8 in goapp.go), in one task that
// blocks the main thread for as long as the page is large. The shell of
// that first page mounts only the content the window shows, as the
// prerendered page laid it out; the content below it follows in later
// tasks, one top-level node each. What the reader sees is mounted at
// once, and nothing above or in the window moves: only nodes wholly below
// it wait, whatever the scroll position or the anchor the page opened at.

// prerendered is true in the browser until the first shell has looked at
// the prerendered page.
var prerendered = app.IsClient

// prerenderedWidths are the widths of the prerendered page's charts by
// figure id, read with its layout, so that each chart of the first page is
// drawn once at its width rather than at a guess and again once measured.
var prerenderedWidths map[string]int

// firstScreen returns how many of the prerendered page's top-level content
// nodes (the children of main .page) start above the bottom of the window,
// when some start below it; 0 means mount everything at once, as every
// later page does.
func firstScreen() int {
	if !prerendered {
		return 0
	}
	prerendered = false
	w := app.Window()
	page := w.Get("document").Call("querySelector", "main .page")
	if !page.Truthy() {
		return 0
	}
	figs := page.Call("querySelectorAll", "figure.chart[id]")
	prerenderedWidths = make(map[string]int, figs.Length())
	for i := range figs.Length() {
		f := figs.Index(i)
		prerenderedWidths[f.Get("id").String()] = f.Get("clientWidth").Int()
	}
	kids := page.Get("children")
	bottom := w.Get("innerHeight").Float()
	n, shown := kids.Length(), 0
	for i := range n {
		if kids.Index(i).Call("getBoundingClientRect").Get("top").Float() < bottom {
			shown = i + 1
		}
	}
	if shown == 0 || shown >= n {
		return 0
	}
	return shown
}

// stage shows one more of the shell's content nodes in a task of its own,
// until all are shown.
func (s *shell) stage(ctx app.Context) {
	inStages(ctx, func() bool { return s.shown != 0 }, func(app.Context) {
		s.shown++
		if s.shown >= s.total {
			s.shown = 0
		}
	})
}

// inStages calls step in a task of its own, once the frame the last step
// rendered is done, for as long as more reports that something waits. It
// waits with Yield rather than a timer: a timer already due when the last
// frame ends (it is, on a slow phone) would run the next step in the same
// task.
func inStages(ctx app.Context, more func() bool, step func(app.Context)) {
	if !more() {
		return
	}
	ctx.Async(func() {
		Yield()
		ctx.Dispatch(func(ctx app.Context) {
			if !more() {
				return
			}
			step(ctx)
			ctx.Defer(func(ctx app.Context) { inStages(ctx, more, step) })
		})
	})
}

// staged returns the part of content the shell shows now.
func (s *shell) staged(content []app.UI) []app.UI {
	s.total = len(content)
	if s.shown == 0 || s.shown >= len(content) {
		s.shown = 0
		return content
	}
	return content[:s.shown]
}

// liveFlag is the shell's data-live: "0" as prerendered, "staging" while
// the first page mounts in stages (its page's parts included), "1" once
// the wasm shows all of it. A page is only complete at "1", which tests
// and the benchmark wait for.
func (s *shell) liveFlag() string {
	if app.IsClient && (s.shown != 0 || s.Staging) {
		return "staging"
	}
	return liveFlag()
}

// An explorer's content is one node of the shell, and on the first page
// its parts out of sight wait too: the facet panel while folded away (a
// phone's "筛选" button) or below the window, and the rows below the
// window, which follow a stageRows in each later task. The chart, which
// the window shows, waits as the prerendered page drew it: its markup is
// mounted as it is, and the chart drawn at its width replaces it in the
// next task, so the first mount neither draws it nor compiles the code
// that does (the browser compiles the wasm's functions on first call).
// The rows held back keep their place in the page through the spacer
// below the window (as the rows a windowed table leaves out do), so the
// page keeps its length.

// stageRows is how many more rows each later task mounts.
const stageRows = 5

// partsStage is what an explorer of the first page holds back while it
// mounts in stages; the zero value holds back nothing.
type partsStage struct {
	view   string // the view (st.Encode) it belongs to: another ends it
	chart  string // the prerendered chart's markup, shown while the chart waits
	facets bool   // the facet panel waits
	rows   bool   // rows wait: only display positions below rowsTo show
	rowsTo int
}

// active reports whether anything still waits.
func (p partsStage) active() bool { return p.chart != "" || p.facets || p.rows }

// next lets the next part in: the chart, then stageRows more rows while
// rows wait (end is where the window ends), then the facet panel.
func (p *partsStage) next(end int) {
	switch {
	case p.chart != "":
		p.chart = ""
	case p.rows:
		p.rowsTo += stageRows
		p.rows = p.rowsTo < end
	default:
		p.facets = false
	}
}

// cut is the end of the window [start, end) while rows wait: the rows from
// rowsTo on are held back, those above it never.
func (p partsStage) cut(start, end int) int {
	if !p.rows {
		return end
	}
	return max(min(end, p.rowsTo), start)
}

// prerenderedParts reads what of an explorer's content the window shows
// on the prerendered page: whether its facet panel is in sight, and how
// many of its rows, in display order, start above the window's bottom
// (the first row of a table whose caption does included, so a table in
// sight keeps a row), out of the rows it holds; and its chart's markup.
// The markup is the browser's own serialisation of what the server sent,
// parsed again in the same place: the chart's text was escaped by
// app/chart, and serialising escapes it again.
func prerenderedParts() (chart string, facets bool, rows, all int) {
	w := app.Window()
	doc := w.Get("document")
	bottom := w.Get("innerHeight").Float()
	inSight := func(el app.Value) bool {
		// Inside a closed <details> an element has no box to measure.
		if el.Get("checkVisibility").Truthy() && !el.Call("checkVisibility").Bool() {
			return false
		}
		r := el.Call("getBoundingClientRect")
		return r.Get("height").Float() > 0 && r.Get("top").Float() < bottom
	}
	if f := doc.Call("querySelector", "main .facets"); f.Truthy() {
		facets = inSight(f)
	}
	if fig := doc.Call("querySelector", "main .chart-slot > figure.chart"); fig.Truthy() {
		chart = fig.Get("outerHTML").String()
	}
	trs := doc.Call("querySelectorAll", "#rows tbody tr")
	all = trs.Length()
	for rows < all {
		tr := trs.Index(rows)
		top := tr.Call("getBoundingClientRect").Get("top").Float()
		if top >= bottom && (tr.Get("previousElementSibling").Truthy() ||
			tr.Call("closest", ".table-wrap").Call("getBoundingClientRect").Get("top").Float() >= bottom) {
			break
		}
		rows++
	}
	return chart, facets, rows, all
}

// firstParts decides, on the first page, what of the view the explorer
// holds back while it mounts: nothing on a later page, nor when the
// address names a row (the browser scrolled to it, and revealMarked will
// again).
func (x *explorer) firstParts() {
	x.stage = partsStage{}
	if !prerendered || x.marked != "" {
		return
	}
	chart, facets, rows, all := prerenderedParts()
	x.stage = partsStage{view: x.st.Encode(), chart: chart, facets: !facets, rows: rows < all, rowsTo: rows}
}

// stageParts lets the parts held back in, one per task, as the shell's
// stage does; once all are in, the shell is live (liveFlag).
func (x *explorer) stageParts(ctx app.Context) {
	inStages(ctx, func() bool { return x.stage.active() }, func(ctx app.Context) {
		_, end := x.fullWindow(len(x.res.Rows))
		x.stage.next(end)
		x.deferSpacers(ctx)
	})
}
