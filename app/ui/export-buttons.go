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

func (x *explorer) onExportCSV(ctx app.Context, e app.Event) {
	var b bytes.Buffer
	// Headers and enumerated values in the interface's words; the file
	// starts with a byte-order mark so spreadsheets read it as UTF-8.
	err := explore.WriteCSV(&b, x.table, x.res, x.T)
	x.download(b.Bytes(), err, "text/csv;charset=utf-8", x.st.FileName("csv"))
}

func (x *explorer) onExportJSON(ctx app.Context, e app.Event) {
	var b bytes.Buffer
	err := explore.WriteJSON(&b, x.table, x.res)
	x.download(b.Bytes(), err, "application/json", x.st.FileName("json"))
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
