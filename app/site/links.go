//go:build !wasm

package site

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"strconv"
	"strings"
)

// CleanBaseURL checks the public address the site is served at, as
// https://host[:port]/prefix, against the prefix it is served under, and
// returns its origin ("https://host"), or "" when base is empty. The
// address may only differ from the prefix by a trailing slash: a proxy
// that strips a path would break the app's own links anyway.
func CleanBaseURL(base, prefix string) (string, error) {
	if base == "" {
		return "", nil
	}
	u, err := url.Parse(base)
	switch {
	case err != nil:
		return "", fmt.Errorf("base URL %q: %w", base, err)
	case u.Scheme != "https" && u.Scheme != "http":
		return "", fmt.Errorf("base URL %q: want an absolute http or https URL", base)
	case u.Host == "" || u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(base, "#"):
		return "", fmt.Errorf("base URL %q: want scheme, host and path only", base)
	case strings.TrimSuffix(u.EscapedPath(), "/") != prefix:
		return "", fmt.Errorf("base URL %q: its path must be the prefix %q", base, prefix+"/")
	}
	host := strings.ToLower(u.Hostname())
	for _, c := range host {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.ContainsRune("-.:[]", c)) {
			return "", fmt.Errorf("base URL %q: host %q: character %q not allowed", base, host, c)
		}
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port := u.Port(); port != "" {
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return "", fmt.Errorf("base URL %q: bad port %q", base, port)
		}
		host += ":" + port
	}
	return u.Scheme + "://" + host, nil
}

// ogURLStart opens the og:url element go-app writes into every page
// (pkg/app/http.go:672-674). Without a Domain in its handler it reads
// https:///path: an address with no host.
var ogURLStart = []byte(`<meta property="og:url" content="`)

// withOGURL replaces go-app's og:url in page, a page at the encoded path
// (prefix included): with the absolute address of the page below the base
// URL's origin for a page that exists, and with nothing otherwise, since
// an address with no host is wrong and a missing page has none.
func withOGURL(page []byte, origin, path string, status int) []byte {
	i := bytes.Index(page, ogURLStart)
	if i < 0 {
		return page
	}
	// The content is an encoded path (see servePage), which holds no
	// quote: the element ends at the first `">`.
	n := bytes.Index(page[i:], []byte(`">`))
	if n < 0 {
		return page
	}
	var repl []byte
	if origin != "" && status == 200 {
		repl = append(append([]byte(nil), ogURLStart...), html.EscapeString(origin+path)...)
		repl = append(repl, `">`...)
	}
	out := make([]byte, 0, len(page)-n-2+len(repl))
	out = append(out, page[:i]...)
	out = append(out, repl...)
	return append(out, page[i+n+2:]...)
}

// stockSegment returns the escaped name of a stock page, the single
// segment of esc (an escaped request path) below prefix+"/stocks/", and
// whether esc is one.
func stockSegment(esc, prefix string) (string, bool) {
	rest, ok := strings.CutPrefix(esc, prefix+"/stocks/")
	if !ok || rest == "" || strings.Contains(rest, "/") {
		return "", false
	}
	return rest, true
}

// safeStockName reports whether the escaped segment seg, a stock page's
// name, is one the site looks up: it decodes, holds no NUL, and the parts
// its slashes and backslashes separate are no dot segments, so that no
// file server or proxy behind or in front of this one could take it for a
// traversal.
func safeStockName(seg string) bool {
	name, err := url.PathUnescape(seg)
	if err != nil || strings.ContainsRune(name, 0) {
		return false
	}
	for _, part := range strings.FieldsFunc(name, func(r rune) bool { return r == '/' || r == '\\' }) {
		if part == "." || part == ".." {
			return false
		}
	}
	return true
}
