package ui

import (
	"fmt"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TestStaged checks what a shell shows of its content while the first
// page mounts in stages: the first nodes while staging, everything once
// the stages reach the end or when there is no staging, and the count of
// nodes the stages run to.
func TestStaged(t *testing.T) {
	content := []app.UI{app.H1(), app.Section(), app.Section(), app.Section()}
	for _, tt := range []struct {
		shown, want, after int
	}{
		{shown: 0, want: 4, after: 0},
		{shown: 1, want: 1, after: 1},
		{shown: 3, want: 3, after: 3},
		{shown: 4, want: 4, after: 0},
		{shown: 9, want: 4, after: 0},
	} {
		s := &shell{shown: tt.shown}
		got := s.staged(content)
		if len(got) != tt.want || s.shown != tt.after || s.total != len(content) {
			t.Errorf("shown %d: %d nodes, shown %d, total %d; want %d nodes, shown %d, total %d",
				tt.shown, len(got), s.shown, s.total, tt.want, tt.after, len(content))
		}
	}
	if n := firstScreen(); n != 0 {
		t.Errorf("firstScreen() = %d outside the browser; want 0 (mount everything)", n)
	}
}

// TestPartsStage follows an explorer's stages on a first page whose
// window shows the chart and rows 0 and 1 of 12, not the facet panel: the
// drawn chart first, then the rows below stageRows at a time, the facet
// panel last; and a window that starts below what the stages let in does
// not end before it starts.
func TestPartsStage(t *testing.T) {
	want := []int{2} // where the window ends at each stage: the chart's first
	for end := 2; end < 12; end += stageRows {
		want = append(want, end)
	}
	want = append(want, 12) // every row, the facet panel still held
	p := partsStage{chart: "<figure></figure>", facets: true, rows: true, rowsTo: 2}
	var ends []int
	for steps := 0; p.active(); steps++ {
		if steps > 12 {
			t.Fatal("the stages never end")
		}
		if (p.chart != "") != (steps == 0) {
			t.Errorf("stage %d: chart held %v; want held in the first stage only", steps, p.chart != "")
		}
		if !p.facets {
			t.Errorf("stage %d: the facet panel came before the rows", steps)
		}
		ends = append(ends, p.cut(0, 12))
		p.next(12)
	}
	if fmt.Sprint(ends) != fmt.Sprint(want) {
		t.Errorf("the window ends at %v over the stages; want %v", ends, want)
	}
	if got := p.cut(0, 12); got != 12 {
		t.Errorf("after the stages the window ends at %d; want 12", got)
	}
	if got := (partsStage{rows: true, rowsTo: 2}).cut(5, 40); got != 5 {
		t.Errorf("a window from 5 while rows up to 2 are in ends at %d; want 5 (empty, not before its start)", got)
	}
	if (partsStage{}).active() {
		t.Error("the zero stage holds something back")
	}
}
