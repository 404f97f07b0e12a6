package chart

import "unicode"

// textWidth returns an upper estimate of the advance width, in pixels, of s
// set at size pixels in whichever sans-serif font the browser picks.
//
// Printable ASCII comes from asciiWidths, the larger of Roboto's (go-chart's
// font) and DejaVu Sans's advance for each character; DejaVu Sans is the
// widest common default sans-serif, so the estimate holds for Arial,
// Helvetica, Noto Sans and the Latin glyphs of the CJK fonts too. Every other
// rune counts as one em: that is exact for East Asian wide and fullwidth
// runes (汉字, 、, （）) in every CJK font, an upper bound for the East Asian
// ambiguous ones (▲, ▼, …, −) that CJK fonts set one em wide and Latin fonts
// narrower, and a safe bound for the rest. Combining marks and format
// characters count as nothing.
func textWidth(s string, size float64) float64 {
	var milli int
	for _, r := range s {
		milli += runeWidth(r)
	}
	return float64(milli) * size / 1000
}

// runeWidth returns the width of r in thousandths of an em.
func runeWidth(r rune) int {
	if r >= 0x20 && r < 0x7f {
		return int(asciiWidths[r-0x20])
	}
	if r < 0x20 || r == 0x7f || unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	return 1000 // wide, fullwidth, ambiguous, and the rest as a safe bound
}

// truncate returns s cut to fit max pixels at size, ending in "…" when cut,
// and whether it was cut. It never returns less than the first rune and the
// ellipsis.
func truncate(s string, size, max float64) (string, bool) {
	if textWidth(s, size) <= max {
		return s, false
	}
	const ell = "…"
	budget := max - textWidth(ell, size)
	var w float64
	rs := []rune(s)
	n := 0
	for n < len(rs) {
		rw := float64(runeWidth(rs[n])) * size / 1000
		if w+rw > budget && n > 0 {
			break
		}
		w += rw
		n++
	}
	return string(rs[:n]) + ell, true
}
