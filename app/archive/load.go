//go:build !wasm

package archive

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ReadDir reads the earlier weeks of dir: every *.json file in it, sorted
// by name, past the .br and .gz variants of the build. A directory that
// does not exist holds no weeks; any other file in it is an error, so that
// a misnamed week is not silently left out.
func ReadDir(dir string) ([]File, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read the weeks: %w", err)
	}
	var files []File
	for _, e := range entries {
		name := filepath.Join(dir, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), "."), strings.HasSuffix(e.Name(), ".json.br"), strings.HasSuffix(e.Name(), ".json.gz"):
			continue // hidden, or a variant the build precompressed
		case e.IsDir() || !strings.HasSuffix(e.Name(), ".json"):
			return nil, fmt.Errorf("%s: the weeks directory holds only YYYY-MM-DD.json files", name)
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read the weeks: %w", err)
		}
		files = append(files, File{Name: name, Data: b})
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	return files, nil
}

// Load reads and checks the archive of newest (data/report.json) and the
// earlier weeks in dir.
func Load(newest, dir string) (*Archive, error) {
	b, err := os.ReadFile(newest)
	if err != nil {
		return nil, fmt.Errorf("load data: %w", err)
	}
	older, err := ReadDir(dir)
	if err != nil {
		return nil, err
	}
	return New(File{Name: newest, Data: b}, older)
}
