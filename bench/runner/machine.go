package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Machine is what the benchmark ran on: the figures only compare within
// one run, and this says how loaded the run was.
type Machine struct {
	CPUs      int    `json:"cpus"`
	Model     string `json:"model"`
	MemoryMiB int    `json:"memory_mib"`
	Kernel    string `json:"kernel"`
	LoadStart string `json:"load_start"` // /proc/loadavg: 1, 5 and 15 minutes
	LoadEnd   string `json:"load_end"`
	Go        string `json:"go"`
	Chromium  string `json:"chromium"`
	Nginx     string `json:"nginx"`
	Wrk       string `json:"wrk"`
}

// machine describes this machine now; what it cannot read stays empty.
func machine(ctx context.Context) Machine {
	m := Machine{
		CPUs:      runtime.NumCPU(),
		Model:     cpuModel(),
		MemoryMiB: memTotalMiB(),
		Kernel:    firstLine(readFile("/proc/sys/kernel/osrelease")),
		LoadStart: loadAvg(),
		Go:        firstLine(output(ctx, "go", "version")),
		Chromium:  lineWith(output(ctx, chromiumPath(), "--version"), "Chromium"),
		Nginx:     firstLine(output(ctx, "nginx", "-v")),
		Wrk:       firstLine(output(ctx, "wrk", "-v")),
	}
	return m
}

func cpuModel() string {
	for _, l := range strings.Split(readFile("/proc/cpuinfo"), "\n") {
		k, v, ok := strings.Cut(l, ":")
		if ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func memTotalMiB() int {
	sc := bufio.NewScanner(strings.NewReader(readFile("/proc/meminfo")))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 && f[0] == "MemTotal:" {
			kb, _ := strconv.Atoi(f[1])
			return kb / 1024
		}
	}
	return 0
}

// loadAvg is the 1, 5 and 15 minute load averages.
func loadAvg() string {
	f := strings.Fields(readFile("/proc/loadavg"))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

func readFile(name string) string {
	b, _ := os.ReadFile(name)
	return string(b)
}

// lineWith returns the first line of s that contains sub (Debian's
// chromium wrapper may print a warning first), or the first line.
func lineWith(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return strings.TrimSpace(l)
		}
	}
	return firstLine(s)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(s)
}

// output runs a command briefly and returns its stdout and stderr (nginx
// -v writes to stderr), or "" when it cannot run.
func output(ctx context.Context, name string, args ...string) string {
	if name == "" {
		return ""
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	var buf bytes.Buffer
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Run(); err != nil && buf.Len() == 0 {
		return ""
	}
	return buf.String()
}

// chromiumPath finds Debian's chromium, or returns "".
func chromiumPath() string {
	for _, p := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	return ""
}
