//go:build !wasm

package site

import (
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
)

// readDir reads every regular file below dir into memory, keyed by URL
// path (/web/...). Precompressed variants (*.br, *.gz) come back apart,
// keyed by the URL path of the file they encode plus their extension.
// Hidden files and symbolic links are skipped; reading goes through
// os.Root, so nothing outside dir is read.
func readDir(dir string, logger *slog.Logger) (files, variants map[string][]byte, err error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("open web directory: %w", err)
	}
	defer root.Close()
	fsys := root.FS()
	files, variants = map[string][]byte{}, map[string][]byte{}
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			logger.Warn("not serving a file that is not regular", "file", filepath.Join(dir, p))
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		urlPath := "/web/" + p
		if isVariantName(p) {
			variants[urlPath] = b
		} else {
			files[urlPath] = b
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read web directory: %w", err)
	}
	return files, variants, nil
}
