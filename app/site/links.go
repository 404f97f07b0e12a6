//go:build !wasm

package site

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
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

// withOGURL replaces the og:url element go-app writes into every page
// (pkg/app/http.go:672-674), which without a Domain in its handler reads
// https:///path, an address with no host. A page that exists, at the
// encoded path (prefix included), gets its absolute address below origin
// instead; other pages, and every page when origin is unknown, get none.
// og:image, which reads https:// when the app has no image, is dropped.
func withOGURL(page []byte, origin, path string, status int) []byte {
	var repl []byte
	if origin != "" && status == http.StatusOK {
		repl = []byte(`<meta property="og:url" content="` + html.EscapeString(origin+path) + `">`)
	}
	page = replaceMeta(page, `property="og:url"`, "", repl)
	return replaceMeta(page, `property="og:image"`, `content="https://"`, nil)
}

// replaceMeta replaces the first <meta> element of page that holds attr,
// and also holds and when it is not empty, with repl. go-app writes a
// meta element's attributes in either order, quoted with strconv.Quote;
// the values it writes there (an encoded path, an empty image) hold no
// '>', and a value from the data or a link that did would be escaped, so
// the element ends at the first '>'.
func replaceMeta(page []byte, attr, and string, repl []byte) []byte {
	i := bytes.Index(page, []byte(attr))
	if i < 0 {
		return page
	}
	start := bytes.LastIndex(page[:i], []byte("<meta "))
	n := bytes.IndexByte(page[i:], '>')
	if start < 0 || n < 0 || bytes.IndexByte(page[start:i], '>') >= 0 {
		return page
	}
	end := i + n + 1
	if and != "" && !bytes.Contains(page[start:end], []byte(and)) {
		return page
	}
	out := make([]byte, 0, len(page)-(end-start)+len(repl))
	out = append(out, page[:start]...)
	out = append(out, repl...)
	return append(out, page[end:]...)
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
