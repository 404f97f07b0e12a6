// Package chart draws the report's charts as SVG: rows in, SVG bytes out.
//
// Each chart is a pure function of plain rows and [Options] ([IndexReturns],
// [Bars], [Counts], [EventsPerDay], [Amounts]); the package knows nothing
// of the report model or of go-app, and the UI mounts the bytes as they
// are. The documents are valid XML: every string from the data is escaped,
// link targets are limited to relative and http(s) URLs, and the root
// <svg> carries width, height and a viewBox (so CSS width:100% scales it),
// role="img" (role="group" for [Counts], whose links an img role would
// hide from assistive technology), an aria-label and a <title> as its first
// child. Values carry their sign and ▲ or ▼ as well as their colour, and
// [Scheme] picks whether red means a gain ([CN], the default) or a loss
// ([Intl]).
//
// # Drawing
//
// The package writes its SVG itself: rectangles and lines as <path>
// elements, text, and the <a> around a linked bar. It once drew shapes
// with go-chart's SVG renderer, whose markup it keeps so the documents
// did not change; go-chart is left to the tests (its Roboto checks the
// width table below), since importing it put its raster renderer,
// freetype and image/png into the wasm. go-chart's higher-level charts
// were never used: they lay text out with Roboto metrics and have no
// grouped or signed horizontal bars and no links, and its renderer
// neither escapes text nor sets text-anchor.
//
// Colours are presentation attributes (fill="#30a46c"), never style
// attributes or a <style> element. A page whose Content-Security-Policy
// allows no inline styles (style-src 'self', as the app's server sends)
// ignores inline styles, and every shape would be drawn black. For the same
// reason the hover and keyboard focus of [Counts]' links are left to the
// page's stylesheet, which can style the invisible hit area of each row
// (class aiw-hit). [Options.DescribedBy] names an element of the page,
// such as a note pointing to the table with the same data, as the chart's
// aria-describedby.
//
// Each chart is built in steps, a function each: it checks and sums its
// rows, lays them out (widths, scales, where labels go), then draws.
// hbar.go lays out every horizontal bar chart ([Bars], [Counts],
// [Amounts]) from one spec; index.go scales the plot of [IndexReturns],
// then draws its bars, their values and the excess; events.go sums
// [EventsPerDay]'s counts by day, then draws one stacked column a day.
// The three kinds of a [DayCount] stack in the report's order of event
// kinds (company, domestic, overseas); the package keeps its own plain
// fields for them rather than import the report's model.
//
// # Chinese labels
//
// go-chart measures text with its built-in Roboto, which has no CJK glyphs,
// so its widths for labels such as 云从科技-UW or AI算力及基础设施 are wrong.
// Here every label is measured by textWidth as an upper bound of what the
// browser will draw: one em for each East Asian wide or fullwidth rune
// (exact in every CJK font), one em for ambiguous-width symbols such as ▲
// and … and for any other non-ASCII rune (a bound), and for printable ASCII
// the larger of Roboto's and DejaVu Sans's advance (the widest common
// default sans-serif), from a 95-entry table generated from both fonts
// (widths.go; TestASCIIWidths checks it against them). No font is embedded.
// The layout then works from those widths:
//
//   - Horizontal bar charts reserve a label column as wide as the widest
//     label, up to 42% of the chart; a longer label is cut with "…" and
//     keeps its full text as a tooltip (<title>). Labels are set with
//     text-anchor="end" against the bars (or flush left for the indented
//     sub-tracks of [Counts]), so an overestimate only widens the gap. Room
//     for the value text is kept at both ends of the bars; the label column
//     narrows (to no less than a fifth of the width) before the bars get
//     under 30% of it, and [Amounts] drops a value's note where keeping it
//     would cut a label. Rows get 20 to 36 px each, so the chart grows with its rows rather
//     than overlapping them; past [Options.MaxRows] (default 50) rows are
//     left out with a note.
//   - Vertical charts reserve the tick column from the widest tick label.
//     Day labels under [EventsPerDay] go on one line if they fit, else
//     alternate between two lines, else every k-th label is shown.
//     Value labels of [IndexReturns] that would touch move a line further
//     out, with room added above the bars until they fit; the excess label
//     sits between the two YTD bars when there is room and under the legend
//     otherwise.
//
// The tests place every chart at widths from 320 to 1200 px, record each
// label's box and check that no two overlap, that none overlaps a bar and
// that all lie inside the viewBox; screenshots from headless Chromium with
// Noto Sans CJK confirmed the result.
package chart
