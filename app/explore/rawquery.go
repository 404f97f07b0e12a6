package explore

import (
	"net/url"
	"strconv"
	"strings"
)

// MaxParams is how many parameters of a link apply. A view needs a few
// dozen at most; net/url refuses a query of more than 10,000 outright,
// which would drop the whole view without a word.
const MaxParams = 1000

// ParseRawQuery decodes a link's raw query as [url.ParseQuery] does, but
// never all or nothing: the first [MaxParams] parameters apply and a
// notice names the first of the rest (as written) and counts them, and a parameter whose percent-encoding is
// malformed (link=%ZZ) or holds a semicolon is dropped with a notice naming
// it while the others apply.
func ParseRawQuery(raw string) (url.Values, []Notice) {
	v := url.Values{}
	var ns []Notice
	n := 0
	for raw != "" {
		var part string
		part, raw, _ = strings.Cut(raw, "&")
		if part == "" {
			continue
		}
		if n == MaxParams {
			rest := 1 // this part, then those after it
			if raw != "" {
				rest += 1 + strings.Count(raw, "&")
			}
			first, _, _ := strings.Cut(part, "=")
			ns = append(ns, notice(first, strconv.Itoa(rest), ReasonTooMany))
			break
		}
		n++
		rk, rv, _ := strings.Cut(part, "=")
		key, err1 := url.QueryUnescape(rk)
		val, err2 := url.QueryUnescape(rv)
		if err1 != nil || err2 != nil || strings.Contains(part, ";") {
			ns = append(ns, notice(rk, rv, ReasonBadEscape))
			continue
		}
		v[key] = append(v[key], val)
	}
	return v, ns
}
