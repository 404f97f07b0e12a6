package main

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// median returns the middle value of xs (the mean of the two middle ones
// for an even count), or NaN for none.
func median(xs []float64) float64 { return percentile(xs, 50) }

// percentile returns the p-th percentile of xs by linear interpolation
// between closest ranks, or NaN for none.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	pos := p / 100 * float64(len(s)-1)
	lo := int(math.Floor(pos))
	hi := int(math.Ceil(pos))
	return s[lo] + (s[hi]-s[lo])*(pos-float64(lo))
}

// ratio is a/b, or NaN when either is missing or b is zero.
func ratio(a, b float64) float64 {
	if math.IsNaN(a) || math.IsNaN(b) || b == 0 {
		return math.NaN()
	}
	return a / b
}

// largestFirst sorts xs by size, largest first, then by name.
func largestFirst[T any, N cmp.Ordered](xs []T, key func(T) (N, string)) []T {
	slices.SortFunc(xs, func(a, b T) int {
		na, sa := key(a)
		nb, sb := key(b)
		return cmp.Or(cmp.Compare(nb, na), strings.Compare(sa, sb))
	})
	return xs
}
