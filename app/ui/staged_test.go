package ui

import (
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
