package main

import (
	"math"
	"testing"
)

func TestPercentile(t *testing.T) {
	tests := []struct {
		name string
		xs   []float64
		p    float64
		want float64
	}{
		{"none", nil, 50, math.NaN()},
		{"one", []float64{3}, 95, 3},
		{"odd median", []float64{5, 1, 3}, 50, 3},
		{"even median", []float64{4, 1, 3, 2}, 50, 2.5},
		{"p95 of 0..20", seq(21), 95, 19},
		{"p0", []float64{2, 1}, 0, 1},
		{"p100", []float64{2, 1}, 100, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := percentile(tt.xs, tt.p)
			if got != tt.want && !(math.IsNaN(got) && math.IsNaN(tt.want)) {
				t.Errorf("percentile(%v, %g) = %g; want %g", tt.xs, tt.p, got, tt.want)
			}
		})
	}
}

func TestRatio(t *testing.T) {
	tests := []struct {
		a, b, want float64
	}{
		{6, 3, 2},
		{1, 0, math.NaN()},
		{math.NaN(), 1, math.NaN()},
	}
	for _, tt := range tests {
		got := ratio(tt.a, tt.b)
		if got != tt.want && !(math.IsNaN(got) && math.IsNaN(tt.want)) {
			t.Errorf("ratio(%g, %g) = %g; want %g", tt.a, tt.b, got, tt.want)
		}
	}
}

func seq(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = float64(i)
	}
	return out
}
