package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// proc is a server the benchmark started.
type proc struct {
	name string
	URL  string // without the trailing slash
	cmd  *exec.Cmd
	done chan struct{}
	log  *os.File
}

// startCmd starts cmd with its output, unless already set, to logPath.
func startCmd(cmd *exec.Cmd, name, logPath string) (*proc, error) {
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	if cmd.Stdout == nil {
		cmd.Stdout = logf
	}
	cmd.Stderr = logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	p := &proc{name: name, cmd: cmd, done: make(chan struct{}), log: logf}
	go func() { cmd.Wait(); close(p.done) }()
	return p, nil
}

// startServer runs the explorer's bin/server or the floor's hello server
// with args in dir, on a port of its choosing, its stderr (the access log)
// to logPath, and waits for the first stdout line in which both announce
// their address: "serving http://HOST:PORT/ version V".
func startServer(ctx context.Context, name, dir, logPath, path string, args ...string) (*proc, error) {
	cmd := exec.Command(path, append([]string{"-addr", "127.0.0.1:0"}, args...)...)
	cmd.Dir = dir
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	p, err := startCmd(cmd, name, logPath)
	if err != nil {
		return nil, err
	}
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		if sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
		io.Copy(io.Discard, stdout)
	}()
	select {
	case line := <-lines:
		if rest, ok := strings.CutPrefix(line, "serving "); ok {
			u, _, _ := strings.Cut(rest, " ")
			p.URL = strings.TrimSuffix(u, "/")
			return p, nil
		}
		err = fmt.Errorf("%s did not announce its address (first line %q); see %s", name, line, logPath)
	case <-time.After(time.Minute):
		err = fmt.Errorf("%s did not start within a minute; see %s", name, logPath)
	case <-ctx.Done():
		err = ctx.Err()
	}
	p.stop()
	return nil, err
}

// stop ends the process, politely first, and waits for it.
func (p *proc) stop() {
	if p == nil {
		return
	}
	if !p.exited() {
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

func copyFile(src, dst string, mode os.FileMode) error {
	b, err := os.ReadFile(src)
	if err == nil {
		err = os.MkdirAll(filepath.Dir(dst), 0o755)
	}
	if err == nil {
		err = os.WriteFile(dst, b, mode)
	}
	return err
}
