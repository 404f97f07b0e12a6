//go:build !wasm

package site

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

// Compression levels. Build-time variants take the best ratio whatever it
// costs; what the server compresses itself, at start for files lacking
// variants or per request for pages, favours speed.
const (
	// BestBrotli is the highest brotli quality, the default of
	// cmd/server's -brotli-quality.
	BestBrotli = brotli.BestCompression
	bestGzip   = gzip.BestCompression
	fastBrotli = 5
	fastGzip   = gzip.DefaultCompression
	// fastWindow is the brotli window of a page compressed per request:
	// 256 KB, which holds a whole page of the report.
	fastWindow = 18
)

// variantExt names the file holding each encoding's variant of a file.
var variantExt = map[string]string{"br": ".br", "gzip": ".gz"}

// isVariantName reports whether name is a precompressed variant file.
func isVariantName(name string) bool {
	return strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz")
}

// compress encodes b with enc ("br" or "gzip") at the given quality.
func compress(enc string, b []byte, quality int) []byte {
	return compressWindow(enc, b, quality, 24)
}

// compressWindow is compress with a brotli window of 1<<lgwin bytes. The
// encoder's memory grows with the window: 16 MB (lgwin 24) suits files
// compressed once at build time, not a page compressed per request.
func compressWindow(enc string, b []byte, quality, lgwin int) []byte {
	var buf bytes.Buffer
	var w io.WriteCloser
	switch enc {
	case "br":
		w = brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: quality, LGWin: lgwin})
	case "gzip":
		zw, err := gzip.NewWriterLevel(&buf, quality)
		if err != nil {
			panic(err) // quality is one of the constants above
		}
		w = zw
	default:
		panic("compress: unknown encoding " + enc)
	}
	// Writes to a bytes.Buffer do not fail.
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// decompress decodes b, encoded with enc.
func decompress(enc string, b []byte) ([]byte, error) {
	var r io.Reader
	switch enc {
	case "br":
		r = brotli.NewReader(bytes.NewReader(b))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		r = zr
	default:
		return nil, fmt.Errorf("unknown encoding %q", enc)
	}
	return io.ReadAll(r)
}

// isFresh reports whether variant decodes, with enc, to exactly orig: a
// variant left over from an older build is not.
func isFresh(enc string, variant, orig []byte) bool {
	got, err := decompress(enc, variant)
	return err == nil && bytes.Equal(got, orig)
}

// Precompress writes name.br and name.gz next to each compressible file
// among paths and below the directories among them, with gzip at its best
// and brotli at brotliQuality, for the server and for static hosts that serve
// precompressed files. A variant that is already fresh is kept, so a second
// run after an unchanged build is quick; a variant that would not be
// smaller than its file is not written (and a stale one is removed).
func Precompress(paths []string, brotliQuality int, logger *slog.Logger) error {
	for _, root := range paths {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.Type().IsRegular() || isVariantName(p) || !isCompressibleType(contentTypeOf(p)) {
				return nil
			}
			orig, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, enc := range []string{"br", "gzip"} {
				quality := bestGzip
				if enc == "br" {
					quality = brotliQuality
				}
				if err := writeVariant(p, enc, orig, quality, logger); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("precompress: %w", err)
		}
	}
	return nil
}

// writeVariant brings the enc variant of the file at p, whose content is
// orig, up to date, compressing at quality if it is not.
func writeVariant(p, enc string, orig []byte, quality int, logger *slog.Logger) error {
	vp := p + variantExt[enc]
	if old, err := os.ReadFile(vp); err == nil && isFresh(enc, old, orig) {
		logger.Info("precompress: up to date", "file", vp)
		return nil
	}
	b := compress(enc, orig, quality)
	if len(b) >= len(orig) {
		if err := os.Remove(vp); err != nil && !os.IsNotExist(err) {
			return err
		}
		logger.Info("precompress: not smaller, skipped", "file", vp)
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(vp)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), vp); err != nil {
		return err
	}
	logger.Info("precompress: wrote", "file", vp, "bytes", len(b), "of", len(orig))
	return nil
}

// compressFast compresses b at a speed fit for start-up and requests.
func compressFast(enc string, b []byte) []byte {
	if enc == "br" {
		return compressWindow(enc, b, fastBrotli, fastWindow)
	}
	return compress(enc, b, fastGzip)
}
