package main

import (
	"context"
	"os"
	"os/exec"
	"regexp"
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
	Wabt      string `json:"wabt,omitempty"`
}

// machine describes this machine now; what it cannot read stays empty.
func machine(ctx context.Context, chromium string) Machine {
	model := regexp.MustCompile(`(?m)^model name\s*:\s*(.*)$`).FindStringSubmatch(readFile("/proc/cpuinfo"))
	mem := regexp.MustCompile(`(?m)^MemTotal:\s*(\d+)`).FindStringSubmatch(readFile("/proc/meminfo"))
	m := Machine{
		CPUs:      runtime.NumCPU(),
		Model:     runtime.GOARCH,
		Kernel:    firstLine(readFile("/proc/sys/kernel/osrelease"), ""),
		LoadStart: loadAvg(),
		Go:        firstLine(output(ctx, "go", "version"), ""),
		// Debian's chromium wrapper may print a warning first.
		Chromium: firstLine(output(ctx, chromium, "--version"), "Chromium"),
		Nginx:    firstLine(output(ctx, "nginx", "-v"), ""),
		Wrk:      firstLine(output(ctx, "wrk", "-v"), ""),
		Wabt:     firstLine(output(ctx, "wasm-objdump", "--version"), ""),
	}
	if model != nil {
		m.Model = strings.TrimSpace(model[1])
	}
	if mem != nil {
		kb, _ := strconv.Atoi(mem[1])
		m.MemoryMiB = kb / 1024
	}
	return m
}

// loadAvg is the 1, 5 and 15 minute load averages.
func loadAvg() string {
	f := strings.Fields(readFile("/proc/loadavg"))
	return strings.Join(f[:min(3, len(f))], " ")
}

func readFile(name string) string {
	b, _ := os.ReadFile(name)
	return string(b)
}

// firstLine returns the first line of s that contains sub, or the first
// line.
func firstLine(s, sub string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for _, l := range lines {
		if sub != "" && strings.Contains(l, sub) {
			return strings.TrimSpace(l)
		}
	}
	return strings.TrimSpace(lines[0])
}

// output runs a command briefly and returns its stdout and stderr (nginx
// -v writes to stderr), or "" when it cannot run.
func output(ctx context.Context, name string, args ...string) string {
	if name == "" {
		return ""
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	b, _ := exec.CommandContext(ctx, name, args...).CombinedOutput()
	return string(b)
}
