package main

import (
	"context"
	"fmt"
	"os/exec"
)

var execLookPath = exec.LookPath

// runCmd runs a command in dir and returns its output with the error.
func runCmd(ctx context.Context, dir, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s %v: %v\n%s", name, args, err, out)
	}
	return nil
}
