package chart

import "strconv"

// rgba is a colour with 8 bits a channel; the zero value is no colour.
// The package draws its shapes itself, so it needs no more of a colour
// than this (go-chart's drawing.Color would bring in its raster renderer,
// freetype and image/png).
type rgba struct{ R, G, B, A uint8 }

// colorFromHex reads an opaque colour written rrggbb; the palette's
// literals are its only input.
func colorFromHex(s string) rgba {
	n, err := strconv.ParseUint(s, 16, 32)
	if err != nil || len(s) != 6 {
		panic("chart: bad colour literal " + s)
	}
	return rgba{R: uint8(n >> 16), G: uint8(n >> 8), B: uint8(n), A: 255}
}

// WithAlpha returns c with the alpha a.
func (c rgba) WithAlpha(a uint8) rgba {
	c.A = a
	return c
}

// alpha is c's opacity rounded to a tenth, as go-chart's colours printed it.
func (c rgba) alpha() float64 {
	a, _ := strconv.ParseFloat(strconv.FormatFloat(float64(c.A)/255, 'f', 1, 64), 64)
	return a
}

// String writes c as rgba(r,g,b,a), the alpha rounded to a tenth.
func (c rgba) String() string {
	return "rgba(" + strconv.Itoa(int(c.R)) + "," + strconv.Itoa(int(c.G)) + "," + strconv.Itoa(int(c.B)) + "," +
		strconv.FormatFloat(float64(c.A)/255, 'f', 1, 64) + ")"
}
