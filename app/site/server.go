//go:build !wasm

package site

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Timeouts and limits of the HTTP server, so slow or hostile clients cannot
// hold connections open. WriteTimeout covers a whole response: it leaves a
// client on a slow line time to fetch the uncompressed wasm.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 2 * time.Minute
	idleTimeout       = 60 * time.Second
	// maxHeaderBytes is net/http's own limit on the request line and the
	// headers, past which it answers 431 itself, without the security
	// headers. The site's handler refuses headers past maxFieldBytes with
	// its own 431 first; the URL may use the rest (a link to a view is
	// long where names are).
	maxHeaderBytes = 1 << 20
)

// Server is a [Site] served on a TCP listener, with the timeouts and
// limits above.
type Server struct {
	srv     *http.Server
	addr    string
	url     string
	timeout time.Duration
	log     *slog.Logger
	done    chan struct{}
	err     error // what srv.Serve returned; set before done is closed
}

// Listen binds the Config's Addr and serves the site on it in the
// background until [Server.Close].
func (s *Site) Listen() (*Server, error) {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	sv := &Server{
		srv: &http.Server{
			Handler:           s,
			ReadHeaderTimeout: readHeaderTimeout,
			ReadTimeout:       readTimeout,
			WriteTimeout:      writeTimeout,
			IdleTimeout:       idleTimeout,
			MaxHeaderBytes:    maxHeaderBytes,
			ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		},
		addr:    ln.Addr().String(),
		url:     "http://" + ln.Addr().String() + s.cfg.Prefix + "/",
		timeout: s.cfg.ShutdownTimeout,
		log:     s.log,
		done:    make(chan struct{}),
	}
	s.log.Info("serving", "addr", sv.addr, "version", s.version, "data", s.cfg.Data)
	go func() {
		sv.err = sv.srv.Serve(ln)
		close(sv.done)
	}()
	return sv, nil
}

// Addr is the address the server bound, as host:port: with port 0 in the
// Config, the port the system picked.
func (sv *Server) Addr() string { return sv.addr }

// URL is the site's address: http://host:port, the prefix and a trailing
// slash.
func (sv *Server) URL() string { return sv.url }

// Done is closed when the server stopped serving, after [Server.Close] or
// on an error of its listener, which Close then returns.
func (sv *Server) Done() <-chan struct{} { return sv.done }

// Close stops accepting connections and waits up to the Config's
// ShutdownTimeout for the requests in flight to finish, then closes what
// is left.
func (sv *Server) Close() error {
	select {
	case <-sv.done:
		if errors.Is(sv.err, http.ErrServerClosed) {
			return nil
		}
		return fmt.Errorf("serve: %w", sv.err)
	default:
	}
	sv.log.Info("shutting down", "timeout", sv.timeout)
	ctx, cancel := context.WithTimeout(context.Background(), sv.timeout)
	defer cancel()
	if err := sv.srv.Shutdown(ctx); err != nil {
		sv.srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	<-sv.done
	if !errors.Is(sv.err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", sv.err)
	}
	sv.log.Info("stopped")
	return nil
}
