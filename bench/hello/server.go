//go:build !wasm

package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/airesearch/aiweekly/app/report"
	"github.com/airesearch/aiweekly/app/site"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "TCP `address` to listen on (port 0 picks a free one)")
	web := flag.String("web", "bench/out/hello/web", "`dir`ectory holding app.wasm and its .br and .gz variants")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := serve(ctx, config(*addr, *web), os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "hello:", err)
		os.Exit(1)
	}
}

// serve serves the app with the explorer's server, package site, until
// ctx is done: the same compression, caching and headers, so that the
// benchmark compares the apps and not two servers. Like the explorer's
// server it writes "serving http://HOST:PORT/ version V" to stdout once
// listening, and its access log to stderr.
func serve(ctx context.Context, cfg site.Config, stdout, stderr io.Writer) error {
	s, err := site.New(cfg, slog.New(slog.NewTextHandler(stderr, nil)))
	if err != nil {
		return err
	}
	sv, err := s.Listen()
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "serving %s version %s\n", sv.URL(), s.Version())
	select {
	case <-ctx.Done():
	case <-sv.Done():
	}
	return sv.Close()
}

// config is the site serving the hello app from web on addr: no report,
// and the icons made in memory.
func config(addr, web string) site.Config {
	return site.Config{
		Addr:            addr,
		Web:             web,
		Files:           map[string][]byte{"icon.png": iconPNG(), "icon.svg": iconSVG},
		ShutdownTimeout: 5 * time.Second,
		BrotliQuality:   site.BestBrotli,
		App: site.App{
			Routes:  func(*report.Report) { routesOnce() },
			Handler: handler,
			IsPage:  func(_ *report.Report, path string) bool { return path == "/" },
			Pages:   func(*report.Report) []string { return []string{"/"} },
		},
	}
}

// routesOnce registers the app's route the first time it is called.
var routesOnce = sync.OnceFunc(routes)

// handler is go-app's handler for the app.
func handler(version, _ string) *app.Handler {
	return &app.Handler{
		Name:  "Hello",
		Title: "Hello",
		// Local icons: go-app's default ones live on another host.
		Icon: app.Icon{
			Default:  "/web/icon.png",
			Large:    "/web/icon.png",
			Maskable: "/web/icon.png",
			SVG:      "/web/icon.svg",
		},
		Version: version,
	}
}

// iconSVG is a square in the explorer's theme colour.
var iconSVG = []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" fill="#b71c1c"/></svg>`)

// iconPNG is a 192×192 square in the explorer's theme colour.
func iconPNG() []byte {
	img := image.NewRGBA(image.Rect(0, 0, 192, 192))
	c := color.RGBA{0xb7, 0x1c, 0x1c, 0xff}
	for y := range 192 {
		for x := range 192 {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}
