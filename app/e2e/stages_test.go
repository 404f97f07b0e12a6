package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// stagesProbeJS runs before the page's own scripts and records every
// state the page passes through: the shell's data-live, the table rows in
// the page and whether the facet panel is. A MutationObserver's callback
// runs in the task of the mutation, so each stage's state is seen before
// the next stage's task.
const stagesProbeJS = `(() => {
  window.__stages = [];
  const look = () => {
    const sh = document.querySelector('.shell');
    if (!sh) return;
    const s = {live: sh.dataset.live, rows: document.querySelectorAll('#rows tbody tr').length,
      facets: !!document.querySelector('main .facets'), loading: !!document.querySelector('.status.loading')};
    const last = window.__stages[window.__stages.length - 1];
    if (!last || last.live !== s.live || last.rows !== s.rows || last.facets !== s.facets || last.loading !== s.loading) {
      window.__stages.push(s);
    }
  };
  new MutationObserver(look).observe(document, {subtree: true, childList: true, attributes: true});
  document.addEventListener('DOMContentLoaded', look);
})()`

// stageState is one state stagesProbeJS recorded.
type stageState struct {
	Live    string `json:"live"`
	Rows    int    `json:"rows"`
	Facets  bool   `json:"facets"`
	Loading bool   `json:"loading"` // the loading state
}

// TestFirstPageStages loads table pages cold on a phone's screen, where
// the rows start below the window and the facet panel is folded away: the
// wasm's first render must mount neither (the page is "staging" then),
// and once the page is live every row the server sent is there, with the
// facet panel.
func TestFirstPageStages(t *testing.T) {
	s := startServer(t)
	for _, path := range []string{"/movers", "/constituents"} {
		t.Run(pathName(path), func(t *testing.T) {
			ctx := newIsolatedTab(t)
			run(t, ctx, "emulate a phone", chromedp.EmulateViewport(412, 823, chromedp.EmulateScale(1.75), chromedp.EmulateMobile),
				chromedp.ActionFunc(func(ctx context.Context) error {
					_, err := page.AddScriptToEvaluateOnNewDocument(stagesProbeJS).Do(ctx)
					return err
				}))
			open(t, ctx, s.URL+path, "main table tbody tr")
			var got []stageState
			eval(t, ctx, `window.__stages`, &got)
			t.Logf("states: %+v", got)
			// The prerendered page is the last state before the wasm's (the
			// ones before it are the page being parsed).
			pre := -1
			for i, st := range got {
				if st.Live == "0" {
					pre = i
				}
			}
			if pre < 0 || pre+2 >= len(got) || got[pre].Rows == 0 {
				t.Fatalf("states %+v: want the prerendered page with its rows, then the wasm's stages", got)
			}
			all, first, last := got[pre].Rows, got[pre+1], got[len(got)-1]
			switch {
			case first.Loading:
				// A busy machine: the report came after cmd/wasm's wait, the
				// first render was the loading state, and the page that
				// followed was not the prerendered one, so nothing waits.
				t.Logf("the first render was the loading state; only the page once live is checked")
			case first.Live != "staging" || first.Rows >= all || first.Facets:
				t.Errorf("the wasm's first render: %+v; want live %q with fewer rows than the %d prerendered and no facet panel",
					first, "staging", all)
			}
			if last.Live != "1" || last.Rows != all || !last.Facets {
				t.Errorf("the page once live: %+v; want live %q, the %d rows the server sent and the facet panel", last, "1", all)
			}
		})
	}
}
