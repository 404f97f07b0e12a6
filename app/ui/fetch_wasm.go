//go:build wasm

package ui

import (
	"encoding/json"
	"fmt"

	"github.com/airesearch/aiweekly/app/archive"
	"github.com/airesearch/aiweekly/app/report"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// fetchReport starts downloading the report with the browser's fetch and
// returns a func that blocks its goroutine (one of ctx.Async) until the
// report is downloaded and parsed. It avoids net/http, which would add
// megabytes to the wasm.
func fetchReport(url string) func() (*report.Report, error) {
	body := fetchBytes(url)
	return func() (*report.Report, error) {
		b, err := body()
		if err != nil {
			return nil, err
		}
		r, err := report.ParsePaused(b, Yield)
		if err != nil {
			return nil, parseError(url, err)
		}
		return r, nil
	}
}

// Yield lets the browser run its event loop (input, paint) between
// two stages of work: the goroutine waits for a message it posts to
// itself, so with every goroutine asleep Go's js/wasm scheduler returns to
// JavaScript, and the work goes on in a task of its own. A timer would
// not do: one that is due by the time the scheduler looks (1 ms is, on a
// slow phone) runs in the same task, without a break.
func Yield() {
	done := make(chan struct{})
	ch := app.Window().Get("MessageChannel").New()
	var wake app.Func
	wake = app.FuncOf(func(app.Value, []app.Value) any {
		ch.Get("port1").Call("close")
		wake.Release()
		close(done)
		return nil
	})
	ch.Get("port1").Set("onmessage", wake)
	ch.Get("port2").Call("postMessage", nil)
	<-done
}

// OpenStorage opens the page's local storage, which go-app's engine walks
// as it starts (goapp.go, 21): the browser loads it on first use while the
// page waits, and that wait would fall in the engine's first frame. A
// browser that refuses storage throws here; go-app then meets the same
// error itself.
func OpenStorage() {
	defer func() { _ = recover() }()
	app.Window().Get("localStorage").Get("length")
}

// fetchIndex starts downloading the index of weeks and returns a func
// that waits for it.
func fetchIndex(url string) func() (archive.Index, error) {
	body := fetchBytes(url)
	return func() (archive.Index, error) {
		var ix archive.Index
		b, err := body()
		if err != nil {
			return ix, err
		}
		if err := json.Unmarshal(b, &ix); err != nil {
			return archive.Index{}, &LoadError{URL: url, Kind: FailInvalid, Err: err}
		}
		return ix, nil
	}
}

// fetchBytes starts getting url's body and returns a func that waits for
// it. A rejected fetch (no network) is FailOffline, a 404 FailNotFound,
// any other HTTP error FailUnavailable.
func fetchBytes(url string) func() ([]byte, error) {
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	var onResp, onBody, onFail app.Func
	finish := func(b []byte, err error) {
		onResp.Release()
		onBody.Release()
		onFail.Release()
		done <- result{b, err}
	}
	onFail = app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := "network error"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		finish(nil, &LoadError{URL: url, Kind: FailOffline, Err: fmt.Errorf("fetch: %s", msg)})
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
			status := resp.Get("status").Int()
			kind := FailUnavailable
			if status == 404 {
				kind = FailNotFound
			}
			finish(nil, &LoadError{URL: url, Kind: kind,
				Err: fmt.Errorf("HTTP %d %s", status, resp.Get("statusText").String())})
			return nil
		}
		if err := otherVersion(url, resp); err != nil {
			finish(nil, err)
			return nil
		}
		resp.Call("arrayBuffer").Call("then", onBody, onFail)
		return nil
	})
	app.Window().Call("fetch", url).Call("then", onResp, onFail)
	return func() ([]byte, error) {
		r := <-done
		return r.b, r.err
	}
}

// versionHeader is the response header in which the Go server names its
// version (site.VersionHeader); a static host sends none.
const versionHeader = "X-App-Version"

// otherVersion returns an error when resp belongs to another version than
// the running code, as the data does when a deploy lands while the first
// visit still downloads it: the page must not show new data under old
// code. It announces an update, so the banner offers the reload that
// brings code and data of one version.
func otherVersion(url string, resp app.Value) error {
	v := resp.Get("headers").Call("get", versionHeader)
	if !v.Truthy() || v.String() == app.Getenv("GOAPP_VERSION") {
		return nil
	}
	app.Window().Call("goappOnUpdate")
	return &LoadError{URL: url, Kind: FailUnavailable,
		Err: fmt.Errorf("the file is of version %s, the app of %s: a new version was deployed", v.String(), app.Getenv("GOAPP_VERSION"))}
}
