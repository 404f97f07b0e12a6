package chart

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// fontFamily lists fonts with CJK glyphs per platform before the generic
// fallback, so that a label is set in one font rather than mixing
// fallbacks glyph by glyph.
const fontFamily = `-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', ` +
	`'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', ` +
	`'Source Han Sans SC', sans-serif`

// box is an axis-aligned rectangle in viewBox px.
type box struct{ x0, y0, x1, y1 float64 }

// overlaps reports whether b and o share any area.
func (b box) overlaps(o box) bool {
	return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1
}

// within reports whether b lies inside a w×h viewBox.
func (b box) within(w, h float64) bool {
	return b.x0 >= 0 && b.y0 >= 0 && b.x1 <= w && b.y1 <= h
}

// placed is a piece of text drawn on the canvas and the box it takes.
type placed struct {
	text string
	box  box
}

// shape is a filled rectangle drawn on the canvas, kept for tests.
type shape struct {
	box  box
	fill rgba
	role string // "bar", "segment", "swatch", "backdrop", "background"
}

// anchor is an SVG text-anchor.
type anchor int

const (
	start anchor = iota
	middle
	end
)

// textStyle is how one piece of text is set.
type textStyle struct {
	anchor anchor
	size   float64
	color  rgba
}

// canvas builds one SVG document: shapes, text, links and the document
// frame are written straight into its body, in the order they are drawn.
type canvas struct {
	w, h   int
	pal    palette
	body   bytes.Buffer
	texts  []placed
	shapes []shape
}

func newCanvas(w, h int, pal palette) *canvas {
	c := &canvas{w: w, h: h, pal: pal}
	c.rect(box{0, 0, float64(w), float64(h)}, pal.bg, "background")
	return c
}

func px(v float64) int { return int(math.Round(v)) }

// rect fills b.
func (c *canvas) rect(b box, fill rgba, role string) {
	c.shapes = append(c.shapes, shape{box: b, fill: fill, role: role})
	x0, y0, x1, y1 := px(b.x0), px(b.y0), px(b.x1), px(b.y1)
	c.path(false, 0, rgba{}, fill, [][2]int{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, true)
}

// line strokes a line 1 px wide, dashed if dash is set.
func (c *canvas) line(x0, y0, x1, y1 float64, color rgba, dash bool) {
	c.path(dash, 1, color, rgba{}, [][2]int{{px(x0), px(y0)}, {px(x1), px(y1)}}, false)
}

// path writes one <path> through pts, closed if closed is set, with
// presentation attributes (fill="#30a46c", never style="…": a page whose
// Content-Security-Policy has style-src without 'unsafe-inline' ignores
// style attributes, and the shapes would all be drawn black). A zero
// colour is "none"; an opacity below one gets its -opacity attribute. The
// markup is the one go-chart's SVG renderer wrote, rewritten as the
// package did when it drew with go-chart, so the documents stay the same.
func (c *canvas) path(dash bool, strokeWidth int, stroke, fill rgba, pts [][2]int, closed bool) {
	b := &c.body
	b.WriteString("<path ")
	if dash {
		b.WriteString(`stroke-dasharray="4.0, 3.0"`)
	}
	b.WriteString(` d="`)
	for i, p := range pts {
		if i > 0 {
			b.WriteString("\nL ")
		} else {
			b.WriteString("M ")
		}
		b.WriteString(strconv.Itoa(p[0]))
		b.WriteByte(' ')
		b.WriteString(strconv.Itoa(p[1]))
	}
	if closed {
		b.WriteString("\nZ")
	}
	b.WriteString(`" stroke-width="`)
	b.WriteString(strconv.Itoa(strokeWidth))
	b.WriteByte('"')
	paint(b, "stroke", stroke)
	paint(b, "fill", fill)
	b.WriteString("/>")
}

// paint writes the attribute name set to c ("none" for the zero colour),
// then its opacity when below one.
func paint(b *bytes.Buffer, name string, c rgba) {
	b.WriteString(" " + name + `="`)
	if c == (rgba{}) {
		b.WriteString(`none"`)
		return
	}
	b.WriteString(hex(c))
	b.WriteByte('"')
	if a := c.alpha(); a < 1 {
		b.WriteString(" " + name + `-opacity="` + strconv.FormatFloat(a, 'f', -1, 64) + `"`)
	}
}

// raw writes markup after the shapes drawn so far.
func (c *canvas) raw(s string) { c.body.WriteString(s) }

// text sets s with its vertical centre at y, records its box and returns
// it. A non-empty tip becomes a <title> child: the full text of a label cut
// to fit.
func (c *canvas) text(x, y float64, s string, st textStyle, tip string) box {
	w := textWidth(s, st.size)
	var b box
	switch st.anchor {
	case start:
		b = box{x, y - st.size*lineHeight/2, x + w, y + st.size*lineHeight/2}
	case middle:
		b = box{x - w/2, y - st.size*lineHeight/2, x + w/2, y + st.size*lineHeight/2}
	case end:
		b = box{x - w, y - st.size*lineHeight/2, x, y + st.size*lineHeight/2}
	}
	c.texts = append(c.texts, placed{text: s, box: b})

	// The baseline sits 0.35 em below the centre: the middle of the x-height
	// of Latin fonts and close to the centre of CJK ideographs.
	b2 := &c.body
	b2.WriteString(`<text x="`)
	b2.WriteString(num(x))
	b2.WriteString(`" y="`)
	b2.WriteString(num(y + 0.35*st.size))
	b2.WriteString(`"`)
	switch st.anchor {
	case middle:
		b2.WriteString(` text-anchor="middle"`)
	case end:
		b2.WriteString(` text-anchor="end"`)
	}
	b2.WriteString(` fill="`)
	b2.WriteString(hex(st.color))
	b2.WriteString(`"`)
	if st.size != fontSize {
		b2.WriteString(` font-size="`)
		b2.WriteString(num(st.size))
		b2.WriteString(`"`)
	}
	c.body.WriteString(">")
	if tip != "" {
		c.body.WriteString("<title>")
		escape(&c.body, tip)
		c.body.WriteString("</title>")
	}
	escape(&c.body, s)
	c.body.WriteString("</text>")
	return b
}

// openLink starts an <a> around what follows; name is its accessible
// name. It has no <title> tooltip: the page shows a hovered or focused
// bar's value under the chart, and a tooltip would be one more copy of
// the report's Chinese names in an English page's own words.
func (c *canvas) openLink(href, name string) {
	c.body.WriteString(`<a href="`)
	escape(&c.body, href)
	c.body.WriteString(`" aria-label="`)
	escape(&c.body, name)
	c.body.WriteString(`">`)
}

// closeLink ends the <a> openLink started.
func (c *canvas) closeLink() { c.raw("</a>") }

// hitArea draws an invisible rectangle that takes clicks. Its class,
// aiw-hit, lets the page's stylesheet show hover and the keyboard focus
// around the row: the document itself carries no <style>, which a page's
// Content-Security-Policy (style-src 'self') would refuse.
func (c *canvas) hitArea(b box) {
	fmt.Fprintf(&c.body, `<rect class="aiw-hit" x="%s" y="%s" width="%s" height="%s" fill="transparent"/>`,
		num(b.x0), num(b.y0), num(b.x1-b.x0), num(b.y1-b.y0))
}

// svg returns the finished document: the root <svg> with its size,
// viewBox and accessible name, <title> first, then desc, then the body.
// role is "img" for a picture and "group" for a chart holding links, whose
// children an img role would hide from assistive technology; describedBy,
// if set, is the id the root's aria-describedby names.
func (c *canvas) svg(title, desc, role, describedBy string) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(c.body.Len() + 1024)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="%s" aria-label="`,
		c.w, c.h, c.w, c.h, role)
	escape(&b, title)
	if describedBy != "" {
		b.WriteString(`" aria-describedby="`)
		escape(&b, describedBy)
	}
	fmt.Fprintf(&b, `" font-family="%s" font-size="%s">`, fontFamily, num(fontSize))
	b.WriteString("<title>")
	escape(&b, title)
	b.WriteString("</title>")
	if desc != "" {
		b.WriteString("<desc>")
		escape(&b, desc)
		b.WriteString("</desc>")
	}
	b.Write(c.body.Bytes())
	b.WriteString("</svg>")
	return b.Bytes(), nil
}

// escape writes s as XML character data, safe in text and in attribute
// values; runes XML cannot carry become U+FFFD. It writes what
// xml.EscapeText writes (TestEscape compares them), without linking
// encoding/xml into the wasm.
func escape(b *bytes.Buffer, s string) {
	if !strings.ContainsAny(s, "<>&'\"\t\n\r") && utf8.ValidString(s) && !hasControl(s) {
		b.WriteString(s)
		return
	}
	for _, r := range s { // invalid UTF-8 comes as U+FFFD
		switch r {
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\t':
			b.WriteString("&#x9;")
		case '\n':
			b.WriteString("&#xA;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			if r < 0x20 || r == 0xfffe || r == 0xffff {
				r = utf8.RuneError
			}
			b.WriteRune(r)
		}
	}
}

// hasControl reports whether s holds a rune XML 1.0 cannot carry.
func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 || (r >= 0xd800 && r <= 0xdfff) || r == 0xfffe || r == 0xffff {
			return true
		}
	}
	return false
}

// num formats a coordinate with at most one decimal.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}

// hex formats an opaque colour as #rrggbb.
func hex(c rgba) string {
	const digits = "0123456789abcdef"
	return string([]byte{'#',
		digits[c.R>>4], digits[c.R&15],
		digits[c.G>>4], digits[c.G&15],
		digits[c.B>>4], digits[c.B&15]})
}
