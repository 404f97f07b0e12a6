package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"github.com/airesearch/aiweekly/app/ui"
)

// Config is what one server process serves and how.
type Config struct {
	// Addr is the TCP address to listen on; port 0 picks a free port.
	Addr string
	// Root is the repository root: the files served below /web/ are those
	// of Root/web.
	Root string
	// Data is the report file served at /data/report.json, relative to
	// Root unless absolute.
	Data string
	// AllowInvalidData serves a data file that fails validation, or none
	// at all, instead of refusing to start. It exists so that tests can
	// show the app's error state; never use it in production.
	AllowInvalidData bool
	// ShutdownTimeout bounds how long a shutdown waits for requests in
	// flight before closing their connections.
	ShutdownTimeout time.Duration
	// Precompress, when not empty, lists files and directories whose
	// compressible files get brotli and gzip variants written next to
	// them; Run then exits without serving.
	Precompress []string
	// BrotliQuality is the brotli quality (0-11) -precompress and -export
	// use: 11 gives the smallest files, 9 is many times faster.
	BrotliQuality int
	// Prefix is the URL path the app is served under: "" for the root,
	// otherwise like "/sub" (see ui.CleanPrefix). The server then answers
	// only below it; an export is made to be served below it.
	Prefix string
	// Export, when not empty, is a directory to write the static site to
	// (see export); Run then exits without serving.
	Export string
}

// Timeouts and limits of the HTTP server, so slow or hostile clients cannot
// hold connections open. WriteTimeout covers a whole response: it leaves a
// client on a slow line time to fetch the uncompressed wasm.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 2 * time.Minute
	idleTimeout       = 60 * time.Second
	maxHeaderBytes    = 32 << 10
)

// parseFlags reads the command line into a Config. Usage and flag errors
// go to stderr.
func parseFlags(args []string, stderr io.Writer) (Config, error) {
	var cfg Config
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.Addr, "addr", "127.0.0.1:8000", "TCP `address` to listen on (port 0 picks a free one)")
	fs.StringVar(&cfg.Root, "root", ".", "repository root `dir`ectory holding web/")
	fs.StringVar(&cfg.Data, "data", "data/report.json", "report data `file`, relative to -root unless absolute")
	fs.BoolVar(&cfg.AllowInvalidData, "allow-invalid-data", false, "serve a data file that fails validation, or none, with a warning (for tests of the error state)")
	fs.DurationVar(&cfg.ShutdownTimeout, "shutdown-timeout", 15*time.Second, "how long a shutdown waits for requests in flight")
	fs.IntVar(&cfg.BrotliQuality, "brotli-quality", bestBrotli, "brotli `quality` (0-11) for -precompress and -export: 11 is smallest, 9 many times faster")
	fs.StringVar(&cfg.Prefix, "prefix", "", "URL `path` to serve the app under, e.g. /aiweekly (GitHub Pages serves a project under /REPO)")
	fs.StringVar(&cfg.Export, "export", "", "write the static site to `dir`ectory (every page prerendered, the files and their .br/.gz), then exit")
	pre := fs.Bool("precompress", false, "write .br and .gz variants of the compressible files among the arguments (files or directories), then exit")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: server [flags]\n       server -precompress path...   (e.g. server -precompress web data/report.json)\n       server -export dir [-prefix /path]\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return Config{}, err
	}
	switch {
	case *pre && fs.NArg() == 0:
		fs.Usage()
		return Config{}, errors.New("-precompress needs the files or directories to compress")
	case *pre:
		cfg.Precompress = fs.Args()
	case cfg.BrotliQuality < 0 || cfg.BrotliQuality > bestBrotli:
		return Config{}, fmt.Errorf("-brotli-quality %d: want 0 to %d", cfg.BrotliQuality, bestBrotli)
	case fs.NArg() > 0:
		fs.Usage()
		return Config{}, fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	prefix, err := ui.CleanPrefix(cfg.Prefix)
	if err != nil {
		return Config{}, fmt.Errorf("-prefix: %w", err)
	}
	cfg.Prefix = prefix
	if !filepath.IsAbs(cfg.Data) {
		cfg.Data = filepath.Join(cfg.Root, cfg.Data)
	}
	return cfg, nil
}

// Run parses args, then either precompresses a directory or loads the files
// and serves them until ctx is done, when it shuts down gracefully. Once
// listening it writes one line "serving http://HOST:PORT/ version V" to
// stdout, which tells a test that picked port 0 where to connect. The access
// log and other logs go to stderr as structured text.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))

	if len(cfg.Precompress) > 0 {
		return precompress(cfg.Precompress, cfg.BrotliQuality, logger)
	}

	s, err := newSite(cfg, logger)
	if err != nil {
		return err
	}
	if cfg.Export != "" {
		if err := s.export(cfg.Export, cfg.BrotliQuality); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "exported version %s to %s for %s/\n", s.version, cfg.Export, cfg.Prefix)
		return nil
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	srv := newHTTPServer(s.handler(logger), logger)
	fmt.Fprintf(stdout, "serving http://%s%s/ version %s\n", ln.Addr(), cfg.Prefix, s.version)
	logger.Info("serving", "addr", ln.Addr().String(), "version", s.version, "data", cfg.Data)
	return serve(ctx, srv, ln, cfg.ShutdownTimeout, logger)
}

// newHTTPServer wraps h in an http.Server with the timeouts and limits above.
func newHTTPServer(h http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
}

// serve runs srv on ln until ctx is done, then stops accepting connections
// and waits up to timeout for the requests in flight to finish.
func serve(ctx context.Context, srv *http.Server, ln net.Listener, timeout time.Duration, logger *slog.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()

	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}

	logger.Info("shutting down", "timeout", timeout)
	sctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	logger.Info("stopped")
	return nil
}
