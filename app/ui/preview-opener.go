package ui

import (
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// previewOpener is "打开报告文件": a file picker, and a drop onto any page
// (see dropListener), that parse and validate a report file in the browser
// and, when it is valid, show it on every page as a local preview. An
// invalid file gets its problems, by JSON path with line and column.
type previewOpener struct {
	app.Compo
	Site  *Site
	Prefs prefs

	problems []string // of the last file that did not open
	name     string   // that file's name
	reading  bool
}

func (o *previewOpener) OnMount(ctx app.Context) {
	// The shell of any page hands this opener the files dropped onto the
	// page; one dropped on another page waits here for it.
	o.Site.setDropTarget(func(file app.Value) { ctx.Dispatch(func(ctx app.Context) { o.read(ctx, file) }) })
	if file, ok := o.Site.takeDropped(); ok {
		o.read(ctx, file)
	}
}

func (o *previewOpener) OnDismount() { o.Site.setDropTarget(nil) }

func (o *previewOpener) Render() app.UI {
	return app.Section().ID("preview").Class("preview").Body(
		app.H2().Text(o.Prefs.T("preview.title")),
		app.P().Class("note").Text(o.Prefs.T("preview.intro")),
		app.Label().For("preview-file").Class("preview-label").Text(o.Prefs.T("preview.open")),
		app.Input().Type("file").ID("preview-file").
			Accept(".json,application/json").OnChange(o.onPick),
		app.P().ID("preview-status").Role("status").Text(o.status()),
		app.If(len(o.problems) > 0, func() app.UI {
			return app.Ul().Class("problems").ID("preview-problems").Body(app.Range(o.problems).Slice(func(i int) app.UI {
				return app.Li().Text(o.problems[i])
			}))
		}),
	)
}

// status says where reading the last file got.
func (o *previewOpener) status() string {
	switch {
	case o.reading:
		return o.Prefs.T("preview.reading")
	case len(o.problems) > 0:
		return o.Prefs.T("preview.invalid") + " " + o.name
	}
	return ""
}

func (o *previewOpener) onPick(ctx app.Context, e app.Event) {
	files := e.Get("target").Get("files")
	if files.Truthy() && files.Length() > 0 {
		o.read(ctx, files.Index(0))
	}
}

// read reads file (a File of the page), parses it and, when it is a valid
// report, shows it everywhere from the overview on.
func (o *previewOpener) read(ctx app.Context, file app.Value) {
	o.name, o.problems = file.Get("name").String(), nil
	if size := file.Get("size").Int(); size > maxPreviewBytes {
		o.problems = []string{o.Prefs.T("preview.toobig")}
		return
	}
	o.reading = true
	var onBody, onFail app.Func
	done := func() { onBody.Release(); onFail.Release() }
	onBody = app.FuncOf(func(this app.Value, args []app.Value) any {
		arr := app.Window().Get("Uint8Array").New(args[0])
		b := make([]byte, arr.Length())
		app.CopyBytesToGo(b, arr)
		done()
		ctx.Async(func() {
			r, err := report.Parse(b)
			ctx.Dispatch(func(ctx app.Context) { o.opened(ctx, r, err) })
		})
		return nil
	})
	onFail = app.FuncOf(func(this app.Value, args []app.Value) any {
		done()
		ctx.Dispatch(func(ctx app.Context) {
			o.reading, o.problems = false, []string{o.Prefs.T("preview.unreadable")}
		})
		return nil
	})
	file.Call("arrayBuffer").Call("then", onBody, onFail)
}

// opened shows r, or the problems of err.
func (o *previewOpener) opened(ctx app.Context, r *report.Report, err error) {
	o.reading = false
	if err != nil {
		o.problems = o.Prefs.previewProblems(err)
		return
	}
	o.Site.startPreview(o.name, newContent(r))
	ctx.Navigate(o.Prefs.inWeek("").link("/"))
}
