//go:build wasm

package ui

import (
	"fmt"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// fetchReport downloads and parses the report with the browser's fetch.
// It avoids net/http, which would add megabytes to the wasm.
func fetchReport(url string, done func(*report.Report, error)) {
	fetchBytes(url, func(b []byte, err error) {
		if err != nil {
			done(nil, &loadError{URL: url, Err: err})
			return
		}
		r, err := report.Parse(b)
		if err != nil {
			done(nil, &loadError{URL: url, Err: err})
			return
		}
		done(r, nil)
	})
}

func fetchBytes(url string, done func([]byte, error)) {
	var onResp, onBody, onFail app.Func
	finish := func(b []byte, err error) {
		onResp.Release()
		onBody.Release()
		onFail.Release()
		done(b, err)
	}
	onFail = app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := "network error"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		finish(nil, fmt.Errorf("fetch: %s", msg))
		return nil
	})
	onBody = app.FuncOf(func(this app.Value, args []app.Value) any {
		arr := app.Window().Get("Uint8Array").New(args[0])
		b := make([]byte, arr.Length())
		app.CopyBytesToGo(b, arr)
		finish(b, nil)
		return nil
	})
	onResp = app.FuncOf(func(this app.Value, args []app.Value) any {
		resp := args[0]
		if !resp.Get("ok").Bool() {
			finish(nil, fmt.Errorf("HTTP %d %s", resp.Get("status").Int(), resp.Get("statusText").String()))
			return nil
		}
		resp.Call("arrayBuffer").Call("then", onBody, onFail)
		return nil
	})
	app.Window().Call("fetch", url).Call("then", onResp, onFail)
}
