package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/airesearch/aiweekly/app/site"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first signal starts a graceful shutdown, a second one
	// kills the process at once.
	go func() { <-ctx.Done(); stop() }()

	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case err != nil:
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

// run runs the program with args until ctx is done, as main does.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	m := &Main{Stdout: stdout, Stderr: stderr}
	if err := m.ParseFlags(args); err != nil {
		return err
	}
	if err := m.Run(); err != nil || m.Server == nil {
		return err
	}
	select {
	case <-ctx.Done():
	case <-m.Server.Done():
	}
	return m.Close()
}

// Main is the program: its flags' values and, once running, the server.
type Main struct {
	Config      site.Config
	Precompress []string // -precompress: the paths to compress, then exit
	Export      string   // -export: the directory to write, then exit
	Server      *site.Server
	Stdout      io.Writer // the "serving" line, for whoever started the program
	Stderr      io.Writer // usage, the access log and other logs
}

// ParseFlags reads the command line into m. Usage and flag errors go to
// m.Stderr.
func (m *Main) ParseFlags(args []string) error {
	cfg := &m.Config
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.StringVar(&cfg.Addr, "addr", "127.0.0.1:8000", "TCP `address` to listen on (port 0 picks a free one)")
	fs.StringVar(&cfg.Root, "root", ".", "repository root `dir`ectory holding web/")
	fs.StringVar(&cfg.Data, "data", "data/report.json", "report data `file`, relative to -root unless absolute")
	fs.StringVar(&cfg.Weeks, "weeks", "data/weeks", "`dir`ectory of the earlier weeks, YYYY-MM-DD.json each, relative to -root unless absolute (tests pass app/testkit/testdata/weeks)")
	fs.BoolVar(&cfg.AllowInvalidData, "allow-invalid-data", false, "serve a data file that fails validation, or none, with a warning (for tests of the error state)")
	fs.DurationVar(&cfg.ShutdownTimeout, "shutdown-timeout", 15*time.Second, "how long a shutdown waits for requests in flight")
	fs.IntVar(&cfg.BrotliQuality, "brotli-quality", site.BestBrotli, "brotli `quality` (0-11) for -precompress and -export: 11 is smallest, 9 many times faster")
	fs.StringVar(&cfg.Prefix, "prefix", "", "URL `path` to serve the app under, e.g. /aiweekly (GitHub Pages serves a project under /REPO)")
	fs.StringVar(&cfg.BaseURL, "base-url", "", "public `URL` the site is served at, e.g. https://example.org/aiweekly (its path is -prefix): pages get their og:url; without it they have none")
	fs.StringVar(&m.Export, "export", "", "write the static site to `dir`ectory (every page prerendered, the files and their .br/.gz), then exit")
	pre := fs.Bool("precompress", false, "write .br and .gz variants of the compressible files among the arguments (files or directories), then exit")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: server [flags]\n       server -precompress path...   (e.g. server -precompress web data/report.json)\n       server -export dir [-prefix /path] [-base-url https://host/path]\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case *pre && fs.NArg() == 0:
		fs.Usage()
		return errors.New("-precompress needs the files or directories to compress")
	case *pre:
		m.Precompress = fs.Args()
	case cfg.BrotliQuality < 0 || cfg.BrotliQuality > site.BestBrotli:
		return fmt.Errorf("-brotli-quality %d: want 0 to %d", cfg.BrotliQuality, site.BestBrotli)
	case fs.NArg() > 0:
		fs.Usage()
		return fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	prefix, err := site.CleanPrefix(cfg.Prefix)
	if err != nil {
		return fmt.Errorf("-prefix: %w", err)
	}
	cfg.Prefix = prefix
	if _, err := site.CleanBaseURL(cfg.BaseURL, prefix); err != nil {
		return fmt.Errorf("-base-url: %w", err)
	}
	return nil
}

// Run precompresses or exports and returns, or loads the site and starts
// serving it, writes "serving http://HOST:PORT/ version V" to m.Stdout
// (which tells a test that picked port 0 where to connect) and returns
// with m.Server set. The logs go to m.Stderr as structured text.
func (m *Main) Run() error {
	logger := slog.New(slog.NewTextHandler(m.Stderr, nil))
	if len(m.Precompress) > 0 {
		return site.Precompress(m.Precompress, m.Config.BrotliQuality, logger)
	}
	s, err := site.New(m.Config, logger)
	if err != nil {
		return err
	}
	if m.Export != "" {
		if err := s.Export(m.Export); err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "exported version %s to %s for %s/\n", s.Version(), m.Export, m.Config.Prefix)
		return nil
	}
	if m.Server, err = s.Listen(); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "serving %s version %s\n", m.Server.URL(), s.Version())
	return nil
}

// Close shuts the server down gracefully, if it runs.
func (m *Main) Close() error {
	if m.Server == nil {
		return nil
	}
	return m.Server.Close()
}
