package ui

import (
	"bytes"
	"fmt"

	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// exportButtons are the CSV and JSON download buttons, with why the last
// export failed when failed is set. The explorer's handlers download the
// rows the page shows, filtered and sorted (all of them, not only those
// rendered so far), in a file named after the view (movers-ytd-gainers.csv).
func (p prefs) exportButtons(failed string, onCSV, onJSON app.EventHandler) app.UI {
	return app.Div().Class("export").Role("group").Aria("label", p.T("explore.export")).Body(
		app.Button().Type("button").ID("export-csv").Text(p.T("explore.export.csv")).OnClick(onCSV),
		app.Button().Type("button").ID("export-json").Text(p.T("explore.export.json")).OnClick(onJSON),
		app.If(failed != "", func() app.UI {
			return app.Span().Class("export-error").Role("alert").Text(fmt.Sprintf(p.T("explore.export.failed"), failed))
		}),
	)
}

// groupExportButtons export one table of a page that splits its rows
// (one mover list, one kind of events); the handlers read the group from
// data-key.
func (p prefs) groupExportButtons(group, caption string, onCSV, onJSON app.EventHandler) app.UI {
	return app.Div().Class("export export-table").Role("group").
		Aria("label", attr(fmt.Sprintf(p.T("explore.export.table"), caption))).Body(
		app.Button().Type("button").ID(attr("export-csv-"+group)).DataSet("key", attr(group)).Text(p.T("explore.export.table.csv")).OnClick(onCSV),
		app.Button().Type("button").ID(attr("export-json-"+group)).DataSet("key", attr(group)).Text(p.T("explore.export.table.json")).OnClick(onJSON),
	)
}

func (x *explorer) onExportCSV(ctx app.Context, e app.Event) {
	x.exportCSV(x.res, x.st)
}

func (x *explorer) onExportJSON(ctx app.Context, e app.Event) {
	x.exportJSON(x.res, x.st)
}

// onExportGroupCSV and onExportGroupJSON export the table of the group in
// the button's data-key (one handler for every group: goapp.go).
func (x *explorer) onExportGroupCSV(ctx app.Context, e app.Event) {
	x.exportCSV(x.groupResult(dataKey(ctx)))
}

func (x *explorer) onExportGroupJSON(ctx app.Context, e app.Event) {
	x.exportJSON(x.groupResult(dataKey(ctx)))
}

// groupResult is the view's result cut to the rows of one group, and the
// state naming it, whose file name then names the group
// (movers-ytd-gainers.csv).
func (x *explorer) groupResult(group string) (explore.Result, explore.State) {
	res := x.res
	res.Rows = nil
	for _, g := range x.groups(x.res.Rows) {
		if g.value == group {
			res.Rows = g.rows
		}
	}
	st := x.st
	for _, v := range x.st.Facets[x.spec.groupBy] {
		st = st.Toggle(x.spec.groupBy, v)
	}
	st = st.Toggle(x.spec.groupBy, group)
	return res, st
}

func (x *explorer) exportCSV(res explore.Result, st explore.State) {
	var b bytes.Buffer
	// Headers and enumerated values in the interface's words; the file
	// starts with a byte-order mark so spreadsheets read it as UTF-8.
	err := explore.WriteCSV(&b, x.table, res, x.T)
	x.download(b.Bytes(), err, "text/csv;charset=utf-8", st.FileName("csv"))
}

func (x *explorer) exportJSON(res explore.Result, st explore.State) {
	var b bytes.Buffer
	err := explore.WriteJSON(&b, x.table, res)
	x.download(b.Bytes(), err, "application/json", st.FileName("json"))
}

// download hands data to the browser as a file: a Blob, an object URL, and
// a click on a detached link with a download attribute.
func (x *explorer) download(data []byte, err error, mime, name string) {
	if err != nil {
		x.exportErr = err.Error()
		return
	}
	x.exportErr = ""
	if !app.IsClient {
		return
	}
	w := app.Window()
	arr := w.Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(arr, data)
	parts := w.Get("Array").New()
	parts.Call("push", arr)
	opts := w.Get("Object").New()
	opts.Set("type", mime)
	blob := w.Get("Blob").New(parts, opts)
	u := w.Get("URL").Call("createObjectURL", blob)
	a := w.Get("document").Call("createElement", "a")
	a.Set("href", u)
	a.Set("download", name)
	a.Call("click")
	// Revoke once the download has started; revoking at once can cancel it.
	var revoke app.Func
	revoke = app.FuncOf(func(this app.Value, args []app.Value) any {
		w.Get("URL").Call("revokeObjectURL", u)
		revoke.Release()
		return nil
	})
	w.Call("setTimeout", revoke, 60000)
}
