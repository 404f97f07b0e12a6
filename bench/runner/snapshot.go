package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// snapshot copies the build the run measures, bin/server, web/ and data/,
// into dir, which it empties first.
func snapshot(root, dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := copyFile(filepath.Join(root, "bin", "server"), filepath.Join(dir, "bin", "server"), 0o755); err != nil {
		return err
	}
	for _, sub := range []string{"web", "data"} {
		src := filepath.Join(root, sub)
		err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if !d.Type().IsRegular() {
				return nil
			}
			r, err := filepath.Rel(src, p)
			if err != nil {
				return err
			}
			return copyFile(p, filepath.Join(dir, sub, r), 0o644)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func copyFile(src, dst string, mode os.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copy %s: %w", src, err)
	}
	return out.Close()
}
