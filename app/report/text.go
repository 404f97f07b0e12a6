package report

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// maxDepth is how deeply arrays and objects may nest. A report needs fewer
// than 10 levels; parseJSON recurses once per level, so a document of
// nothing but "[" would otherwise exhaust the stack (a fatal
// error in Go, not a panic that could be recovered) on the server and in
// the browser alike.
const maxDepth = 64

// checkBytes rejects, before parseJSON sees them, the documents it cannot
// read safely or would misread: a byte-order mark or UTF-16, which a
// person fixes by saving the file again, and nesting deeper than maxDepth.
// It scans data once.
func checkBytes(data []byte) error {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return &SyntaxError{Line: 1, Column: 1, Msg: "the file starts with a UTF-8 byte-order mark; save it without"}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}),
		len(data) >= 2 && (data[0] == 0 || data[1] == 0):
		return &SyntaxError{Line: 1, Column: 1, Msg: "the file is UTF-16; save it as UTF-8"}
	}
	depth, line, lineStart := 0, 1, 0
	inString, escaped := false, false
	for i, c := range data {
		switch {
		case c == '\n':
			line, lineStart = line+1, i+1
		case inString && escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			depth++
			if depth > maxDepth {
				return &SyntaxError{
					Offset: int64(i), Line: line, Column: utf8.RuneCount(data[lineStart:i]) + 1,
					Msg: fmt.Sprintf("arrays and objects nest deeper than %d levels (a report needs fewer than 10)", maxDepth),
				}
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return nil
}

// textProblems lists every key and string value in v that is not valid
// text: raw bytes that are not UTF-8, the escape \u0000, and a UTF-16
// surrogate escape that is not one half of a pair. parseJSON would pass
// them on, replaced or as they are, to pages and exports. v is at most maxDepth
// deep, which checkBytes made sure of.
func textProblems(v jsonValue, path string, out []Problem) []Problem {
	switch {
	case v.Type == jsonString:
		if msg := badText(v.Raw); msg != "" {
			out = append(out, Problem{Path: orRoot(path), Message: msg})
		}
	case v.IsArray():
		i := 0
		v.ForEach(func(_, el jsonValue) bool {
			out = textProblems(el, path+"["+strconv.Itoa(i)+"]", out)
			i++
			return true
		})
	case v.IsObject():
		v.ForEach(func(k, el jsonValue) bool {
			p := k.String()
			if path != "" {
				p = path + "." + p
			}
			if msg := badText(k.Raw); msg != "" {
				out = append(out, Problem{Path: p, Message: "key: " + msg})
			}
			out = textProblems(el, p, out)
			return true
		})
	}
	return out
}

func orRoot(path string) string {
	if path == "" {
		return "(root)"
	}
	return path
}

// badText says what is wrong with the raw JSON string raw (quotes
// included), or "" when it is valid text.
func badText(raw string) string {
	if !utf8.ValidString(raw) {
		return "not valid UTF-8 text"
	}
	for i := 0; i < len(raw); i++ {
		if raw[i] != '\\' {
			continue
		}
		i++
		if i >= len(raw) || raw[i] != 'u' {
			continue
		}
		r, ok := hex4(raw, i+1)
		if !ok {
			continue // parseJSON validated the escape; unreachable
		}
		i += 4
		switch {
		case r == 0:
			return `holds the character \u0000`
		case r >= 0xDC00 && r <= 0xDFFF:
			return fmt.Sprintf(`holds a lone surrogate \u%04x`, r)
		case r >= 0xD800 && r <= 0xDBFF:
			lo, ok := -1, false
			if i+2 < len(raw) && raw[i+1] == '\\' && raw[i+2] == 'u' {
				lo, ok = hex4(raw, i+3)
			}
			if !ok || lo < 0xDC00 || lo > 0xDFFF {
				return fmt.Sprintf(`holds a lone surrogate \u%04x`, r)
			}
			i += 6
		}
	}
	return ""
}

// hex4 reads four hex digits of s at i.
func hex4(s string, i int) (int, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	n, err := strconv.ParseUint(s[i:i+4], 16, 32)
	return int(n), err == nil
}
