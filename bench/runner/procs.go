package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// proc is a server the benchmark started: the explorer's bin/server or
// the floor's hello server, both of which announce their address with a
// first stdout line "serving http://HOST:PORT/ version V".
type proc struct {
	name string
	URL  string // without the trailing slash
	cmd  *exec.Cmd
	done chan struct{}
	log  *os.File
}

// startProc runs path with args in dir, its stderr (the access log) to
// logPath, and waits for the address line.
func startProc(ctx context.Context, name, dir, logPath, path string, args ...string) (*proc, error) {
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(path, args...)
	cmd.Dir = dir
	cmd.Stderr = logf
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		logf.Close()
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	p := &proc{name: name, cmd: cmd, done: make(chan struct{}), log: logf}
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		if sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
		io.Copy(io.Discard, stdout)
	}()
	go func() { cmd.Wait(); close(p.done) }()

	timer := time.NewTimer(60 * time.Second)
	defer timer.Stop()
	select {
	case line, ok := <-lines:
		rest, found := strings.CutPrefix(line, "serving ")
		if !ok || !found {
			p.stop()
			return nil, fmt.Errorf("%s did not announce its address (first line %q); see %s", name, line, logPath)
		}
		u, _, _ := strings.Cut(rest, " ")
		p.URL = strings.TrimSuffix(u, "/")
		return p, nil
	case <-timer.C:
		p.stop()
		return nil, fmt.Errorf("%s did not start within a minute; see %s", name, logPath)
	case <-ctx.Done():
		p.stop()
		return nil, ctx.Err()
	}
}

// stop ends the process, politely first, and waits for it.
func (p *proc) stop() {
	if p == nil || p.cmd.Process == nil {
		return
	}
	select {
	case <-p.done:
	default:
		p.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(5 * time.Second):
			p.cmd.Process.Kill()
			<-p.done
		}
	}
	p.log.Close()
}

// exited reports whether the process has ended.
func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// errSkipped marks a measurement that could not run on this machine.
var errSkipped = errors.New("skipped")
