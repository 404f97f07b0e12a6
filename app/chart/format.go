package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// minus is U+2212, the minus sign, so that a negative figure does not read
// as the hyphen in a name such as 云从科技-UW.
const minus = "−"

// signed formats v with its sign and the given decimals: +1.01, −0.81, 0.00.
func signed(v float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	switch {
	case s == strconv.FormatFloat(0, 'f', decimals, 64):
		return s
	case v > 0:
		return "+" + s
	default:
		return minus + s
	}
}

// arrow returns ▲ for a gain, ▼ for a loss and nothing for zero at the
// shown precision.
func arrow(v float64, decimals int) string {
	switch signed(v, decimals)[0] {
	case '+':
		return "▲"
	case '0':
		return ""
	default:
		return "▼"
	}
}

// change formats a signed figure with its unit and arrow: "+63.81% ▲".
func change(v float64, unit string) string {
	s := signed(v, 2) + unit
	if a := arrow(v, 2); a != "" {
		s += " " + a
	}
	return s
}

// sign returns +1, −1 or 0 as v shows at two decimals, so that a bar's
// colour always agrees with its label.
func sign(v float64) int {
	switch arrow(v, 2) {
	case "▲":
		return 1
	case "▼":
		return -1
	}
	return 0
}

// usd formats a dollar amount compactly: $25.6M, $300K, $1.2B.
func usd(v float64) string {
	units := []struct {
		div    float64
		suffix string
	}{{1e9, "B"}, {1e6, "M"}, {1e3, "K"}, {1, ""}}
	for _, u := range units {
		if v >= u.div || u.div == 1 {
			q := v / u.div
			d := 1
			if q >= 100 || q == math.Trunc(q) {
				d = 0
			}
			return "$" + strconv.FormatFloat(q, 'f', d, 64) + u.suffix
		}
	}
	return "$0"
}

// tickLabel formats a tick value with the fewest decimals its step needs.
func tickLabel(v, step float64, unit string) string {
	d := 0
	for step*math.Pow(10, float64(d)) != math.Trunc(step*math.Pow(10, float64(d))) && d < 4 {
		d++
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', d, 64)
	if v < 0 && strings.Trim(s, "0.") != "" {
		s = minus + s
	}
	return s + unit
}

// niceStep returns a step of 1, 2, 2.5 or 5 times a power of ten that cuts
// span into at most n parts.
func niceStep(span float64, n int) float64 {
	if span <= 0 || n < 1 {
		return 1
	}
	raw := span / float64(n)
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// ticks returns the multiples of step in [lo, hi].
func ticks(lo, hi, step float64) []float64 {
	var out []float64
	for k := math.Ceil(lo/step - 1e-9); k*step <= hi+step*1e-9; k++ {
		out = append(out, k*step+0) // +0 turns −0 into 0
	}
	return out
}

// finite checks that v is a number a chart can place.
func finite(v float64, what string) error {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return fmt.Errorf("%s: want a finite number, got %v", what, v)
	}
	return nil
}
