package ui

import (
	"net/url"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// copiedFor is how long the "copied" confirmation stays.
const copiedFor = 4 * time.Second

// copyLink copies the address bar, which holds the whole view, to the
// clipboard, naming the week shown when the address does not, so that the
// link keeps its meaning once a newer weekly is published; and says so. Where the clipboard is unavailable (no
// permission, an insecure origin, an old browser) it shows the link in a
// selected read-only field to copy by hand.
type copyLink struct {
	app.Compo
	// Prefs gives the language of its words.
	Prefs prefs
	// Week is the report date of the week the page shows.
	Week   string
	copied bool
	failed bool
	url    string // the link shown when copying failed
	seq    int    // which click the pending confirmation timer belongs to
}

func (c *copyLink) Render() app.UI {
	status := c.Prefs.copyStatus(c.copied, c.failed, "explore.copied", "explore.copy.failed")
	return app.Div().Class("copy").Body(
		app.Button().Type("button").ID("copy-link").Text(c.Prefs.T("explore.copy")).OnClick(c.onCopy),
		app.Span().Class("copy-status").ID("copy-status").Role("status").Text(status),
		app.If(c.failed, func() app.UI {
			return app.Input().Type("text").ID("copy-url").Class("copy-url").ReadOnly(true).
				Aria("label", c.Prefs.T("explore.copy.field")).Value(attr(c.url))
		}),
	)
}

func (c *copyLink) onCopy(ctx app.Context, e app.Event) {
	href := withWeek(app.Window().Get("location").Get("href").String(), c.Week)
	c.seq++
	c.copied, c.failed, c.url = false, false, href
	writeClipboard(ctx, href, func(ctx app.Context, copied bool) {
		if copied {
			c.confirm(ctx)
		} else {
			c.fail(ctx)
		}
	})
}

// writeClipboard puts text on the clipboard and then calls done on the UI
// goroutine, saying whether it could.
func writeClipboard(ctx app.Context, text string, done func(ctx app.Context, ok bool)) {
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() || !clip.Get("writeText").Truthy() {
		done(ctx, false)
		return
	}
	var ok, bad app.Func
	settle := func(copied bool) {
		ok.Release()
		bad.Release()
		ctx.Dispatch(func(ctx app.Context) { done(ctx, copied) })
	}
	ok = app.FuncOf(func(this app.Value, args []app.Value) any { settle(true); return nil })
	bad = app.FuncOf(func(this app.Value, args []app.Value) any { settle(false); return nil })
	clip.Call("writeText", text).Call("then", ok, bad)
}

// confirm shows "copied" for copiedFor, unless another click came since.
func (c *copyLink) confirm(ctx app.Context) {
	c.copied = true
	seq := c.seq
	ctx.After(copiedFor, func(ctx app.Context) {
		if c.seq == seq {
			c.copied = false
		}
	})
}

// fail shows the link in a field and selects it for a manual copy.
func (c *copyLink) fail(ctx app.Context) {
	c.failed = true
	ctx.Defer(func(ctx app.Context) {
		if f := app.Window().Get("document").Call("getElementById", "copy-url"); f.Truthy() {
			f.Call("focus")
			f.Call("select")
		}
	})
}

// withWeek is the address href naming week date, unless it names one.
func withWeek(href, date string) string {
	u, err := url.Parse(href)
	if err != nil || date == "" || u.Query().Has(paramWeek) {
		return href
	}
	if u.RawQuery != "" {
		u.RawQuery += "&"
	}
	u.RawQuery += paramWeek + "=" + date
	return u.String()
}

// copyStatus says how the last copy went: message copiedID once it
// worked, failedID when it did not, nothing before.
func (p prefs) copyStatus(copied, failed bool, copiedID, failedID string) string {
	switch {
	case copied:
		return p.T(copiedID)
	case failed:
		return p.T(failedID)
	}
	return ""
}
