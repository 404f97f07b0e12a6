package e2e

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/testkit"
	"github.com/airesearch/aiweekly/app/ui"
	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// companyNames are the display names of the companies with ids, in order.
func companyNames(rep *report.Report, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		c, _ := rep.CompanyByID(id)
		out[i] = c.Name
	}
	return out
}

// TestRowPages opens the page of every event, news item and financing:
// its title, its companies linked to their stock pages and a link back to
// its row; an unknown id answers 404 with the not-found page.
func TestRowPages(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	rep := testkit.LoadReport(t)
	type record struct {
		path, title, back string
		companies         []string
		text              []string // shown somewhere on the page
	}
	var recs []record
	for it := range rep.Events.All() {
		recs = append(recs, record{"/events/" + it.ID, it.Title, "/events#" + it.ID,
			companyNames(rep, it.Companies), it.Body()})
	}
	for _, f := range rep.Financings.Items {
		recs = append(recs, record{"/financings/" + f.ID, f.Name, "/financings#" + f.ID,
			companyNames(rep, []string{f.Company}), []string{f.Amount.AsPrinted, f.Business, f.Highlights}})
	}
	for _, r := range recs {
		t.Run(r.path, func(t *testing.T) {
			if res, err := http.Get(s.URL + r.path); err != nil || res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %v %v", r.path, res.Status, err)
			}
			open(t, ctx, s.URL+r.path, "#record h1")
			var got struct {
				H1        string   `json:"h1"`
				Text      string   `json:"text"`
				Companies []string `json:"companies"`
				Hrefs     []string `json:"hrefs"`
				Back      string   `json:"back"`
			}
			eval(t, ctx, `(() => { const all = (s) => Array.from(document.querySelectorAll(s));
				return { h1: document.querySelector('#record h1').textContent,
					text: document.getElementById('record').innerText,
					companies: all('#record a.company').map(a => a.textContent),
					hrefs: all('#record a.company').map(a => decodeURIComponent(a.getAttribute('href'))),
					back: document.getElementById('record-in-table').getAttribute('href') }; })()`, &got)
			if got.H1 != r.title {
				t.Errorf("h1 = %q; want %q", got.H1, r.title)
			}
			if strings.Join(got.Companies, "|") != strings.Join(r.companies, "|") {
				t.Errorf("companies %q; want %q", got.Companies, r.companies)
			}
			for i, h := range got.Hrefs {
				if h != "/stocks/"+got.Companies[i] {
					t.Errorf("company link %q; want /stocks/%s", h, got.Companies[i])
				}
			}
			if got.Back != r.back {
				t.Errorf("link to the row %q; want %q", got.Back, r.back)
			}
			for _, want := range r.text {
				if !strings.Contains(got.Text, strings.TrimSpace(want)) {
					t.Errorf("the page lacks %q", want)
				}
			}
		})
	}
	t.Run("unknown id", func(t *testing.T) {
		for _, p := range []string{"/events/ce-99", "/financings/nope", "/events/ce-1/x"} {
			res, err := http.Get(s.URL + p)
			if err != nil || res.StatusCode != http.StatusNotFound {
				t.Errorf("GET %s: %v %v; want 404", p, res.Status, err)
			}
		}
		open(t, ctx, s.URL+"/events/ce-99", "main h1")
		if h := textOf(t, ctx, "main h1"); h != ui.Message(explore.LangZH, "notfound.title") {
			t.Errorf("h1 = %q; want the not-found title", h)
		}
		if txt := textOf(t, ctx, "main"); !strings.Contains(txt, "ce-99") {
			t.Errorf("the not-found page does not name the id:\n%s", txt)
		}
	})
}

// TestRowPermalinks opens a table at a row's fragment: once the wasm has
// rendered, the row is marked and in view; each row's link is its page, and
// "copy" puts that address on the clipboard.
func TestRowPermalinks(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	run(t, ctx, "grant clipboard", browser.GrantPermissions([]browser.PermissionType{
		browser.PermissionTypeClipboardReadWrite, browser.PermissionTypeClipboardSanitizedWrite}).WithOrigin(s.URL))
	rep := testkit.LoadReport(t)
	last := rep.Events.OverseasNews[len(rep.Events.OverseasNews)-1].ID
	open(t, ctx, s.URL+"/events#"+last, "tr.marked")
	var st struct {
		Marked []string `json:"marked"`
		InView bool     `json:"inView"`
		Link   string   `json:"link"`
	}
	run(t, ctx, "wait for the marked row in view", chromedp.Poll(`(() => {
		const m = Array.from(document.querySelectorAll('tr.marked')).map(r => r.id);
		const r = document.getElementById(`+"`"+last+"`"+`).getBoundingClientRect();
		const inView = r.top >= 0 && r.bottom <= innerHeight;
		if (!inView) return null;
		return { marked: m, inView, link: document.querySelector('tr[id="`+last+`"] a.permalink').getAttribute('href') };
	})()`, &st, chromedp.WithPollingTimeout(10*time.Second)))
	if len(st.Marked) != 1 || st.Marked[0] != last {
		t.Errorf("marked rows %q; want only %s", st.Marked, last)
	}
	if st.Link != "/events/"+last {
		t.Errorf("permalink %q; want /events/%s", st.Link, last)
	}
	// Another fragment on the same page moves the mark.
	first := rep.Events.CompanyEvents[0].ID
	run(t, ctx, "follow a fragment", chromedp.Evaluate(`location.hash = "`+first+`"`, nil))
	var marked []string
	run(t, ctx, "wait for the new mark", chromedp.Poll(`(() => { const m = Array.from(document.querySelectorAll('tr.marked')).map(r => r.id);
		return m.length === 1 && m[0] === "`+first+`" ? m : null; })()`, &marked, chromedp.WithPollingTimeout(10*time.Second)))

	open(t, ctx, s.URL+"/movers", "tr[id] .row-copy")
	var want string
	eval(t, ctx, `location.origin + document.querySelector('tbody tr[id] a.permalink').getAttribute('href')`, &want)
	if !strings.HasSuffix(want, "/movers#period-gainers/1") {
		t.Errorf("first mover's permalink %q; want /movers#period-gainers/1", want)
	}
	click(t, ctx, "tbody tr[id] .row-copy")
	var status string
	run(t, ctx, "wait for the row's confirmation", chromedp.Poll(`document.querySelector('tbody tr[id] .row-copy-status').textContent || null`,
		&status, chromedp.WithPollingTimeout(10*time.Second)))
	if status == ui.Message(explore.LangZH, "row.copied") {
		var clip string
		if err := chromedp.Run(ctx, chromedp.Evaluate(`navigator.clipboard.readText()`, &clip, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		})); err == nil && clip != want {
			t.Errorf("clipboard = %q; want %q", clip, want)
		}
	} else if status != ui.Message(explore.LangZH, "row.copy.failed") {
		t.Errorf("row copy status %q", status)
	}
}
