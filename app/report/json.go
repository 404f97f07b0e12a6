package report

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// The document is read into a tree of values in one pass, which also
// checks that it is JSON (RFC 8259); the reader, the text checks and the
// sorting of problems then walk the tree. A path library (gjson, before)
// walked the text again at every level, finding the end of each nested
// value once per level, which made the browser's load of the report
// several times slower, and it added 175 KB of code to the wasm.

// jsonType is the type of a JSON value; the zero value is no value at all
// (a key the document does not have).
type jsonType uint8

const (
	jsonAbsent jsonType = iota
	jsonNull
	jsonFalse
	jsonTrue
	jsonNumber
	jsonString
	jsonArray
	jsonObject
)

// jsonValue is one value of the document.
type jsonValue struct {
	Type jsonType
	// Raw is the value's text as it stands in the document, Index where.
	Raw   string
	Index int
	// Str is a string's decoded text, Num a number's value (±Inf when it
	// is out of range, as strconv.ParseFloat returns it).
	Str string
	Num float64
	// keys are an object's keys (string values, in document order, repeats
	// included) and elems its values, or an array's elements.
	keys, elems []jsonValue
}

// Exists reports whether v is a value of the document.
func (v jsonValue) Exists() bool { return v.Type != jsonAbsent }

// IsObject reports whether v is an object.
func (v jsonValue) IsObject() bool { return v.Type == jsonObject }

// IsArray reports whether v is an array.
func (v jsonValue) IsArray() bool { return v.Type == jsonArray }

// Array returns an array's elements.
func (v jsonValue) Array() []jsonValue { return v.elems }

// ForEach calls fn with each key and value of an object in order (repeats
// included), or with the zero key and each element of an array, until fn
// returns false.
func (v jsonValue) ForEach(fn func(key, val jsonValue) bool) {
	for i, el := range v.elems {
		var k jsonValue
		if v.Type == jsonObject {
			k = v.keys[i]
		}
		if !fn(k, el) {
			return
		}
	}
}

// String is a string's decoded text, else the value's raw text.
func (v jsonValue) String() string {
	if v.Type == jsonString {
		return v.Str
	}
	return v.Raw
}

// compact returns the raw text of v without the spaces between tokens.
func (v jsonValue) compact() string {
	var b bytes.Buffer
	if json.Compact(&b, []byte(v.Raw)) != nil {
		return v.Raw
	}
	return b.String()
}

// parseJSON reads data as one JSON value, which checkBytes has found to
// nest no deeper than maxDepth; ok is false when data is not JSON.
func parseJSON(data []byte) (v jsonValue, ok bool) {
	p := jsonParser{s: string(data)}
	p.space()
	v, ok = p.value()
	p.space()
	return v, ok && p.i == len(p.s)
}

// jsonParser reads s from i on.
type jsonParser struct {
	s string
	i int
}

func (p *jsonParser) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// value reads the value at i, which follows any space.
func (p *jsonParser) value() (jsonValue, bool) {
	if p.i >= len(p.s) {
		return jsonValue{}, false
	}
	start := p.i
	var v jsonValue
	ok := true
	switch c := p.s[p.i]; {
	case c == '{':
		v.Type = jsonObject
		ok = p.members(&v, '}')
	case c == '[':
		v.Type = jsonArray
		ok = p.members(&v, ']')
	case c == '"':
		v.Type = jsonString
		v.Str, ok = p.str()
	case c == '-' || c >= '0' && c <= '9':
		v.Type = jsonNumber
		ok = p.number()
		v.Num, _ = strconv.ParseFloat(p.s[start:p.i], 64)
	default:
		v.Type, ok = p.literal()
	}
	v.Raw, v.Index = p.s[start:p.i], start
	return v, ok
}

// members reads an object's members or an array's elements into v, from
// the opening bracket at i to the closing one.
func (p *jsonParser) members(v *jsonValue, closer byte) bool {
	p.i++
	p.space()
	if p.i < len(p.s) && p.s[p.i] == closer {
		p.i++
		return true
	}
	for {
		if closer == '}' {
			if p.i >= len(p.s) || p.s[p.i] != '"' {
				return false
			}
			k, ok := p.value()
			if !ok {
				return false
			}
			v.keys = append(v.keys, k)
			p.space()
			if p.i >= len(p.s) || p.s[p.i] != ':' {
				return false
			}
			p.i++
			p.space()
		}
		el, ok := p.value()
		if !ok {
			return false
		}
		v.elems = append(v.elems, el)
		p.space()
		if p.i >= len(p.s) {
			return false
		}
		switch p.s[p.i] {
		case ',':
			p.i++
			p.space()
		case closer:
			p.i++
			return true
		default:
			return false
		}
	}
}

// str reads the string at i, its quotes included, and returns its text.
// Bytes that are not UTF-8 pass as they are, for textProblems to report.
func (p *jsonParser) str() (string, bool) {
	p.i++
	start, escaped := p.i, false
	for ; p.i < len(p.s); p.i++ {
		switch c := p.s[p.i]; {
		case c < ' ':
			return "", false
		case c == '"':
			text := p.s[start:p.i]
			p.i++
			if escaped {
				return unescape(text), true
			}
			return text, true
		case c == '\\':
			escaped = true
			p.i++
			if p.i >= len(p.s) {
				return "", false
			}
			switch p.s[p.i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if _, ok := hex4(p.s, p.i+1); !ok {
					return "", false
				}
				p.i += 4
			default:
				return "", false
			}
		}
	}
	return "", false
}

// unescape decodes the escapes of a string's text, which str has checked;
// a surrogate that is not half of a pair becomes U+FFFD.
func unescape(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b = append(b, s[i])
			continue
		}
		i++
		switch c := s[i]; c {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, _ := hex4(s, i+1)
			i += 4
			if utf16.IsSurrogate(rune(r)) && i+6 < len(s) && s[i+1] == '\\' && s[i+2] == 'u' {
				if lo, ok := hex4(s, i+3); ok {
					if pair := utf16.DecodeRune(rune(r), rune(lo)); pair != utf8.RuneError {
						b = utf8.AppendRune(b, pair)
						i += 6
						continue
					}
				}
			}
			b = utf8.AppendRune(b, rune(r)) // a lone surrogate appends U+FFFD
		default: // " \ /
			b = append(b, c)
		}
	}
	return string(b)
}

// number reads the number at i.
func (p *jsonParser) number() bool {
	if p.s[p.i] == '-' {
		p.i++
	}
	switch {
	case p.i < len(p.s) && p.s[p.i] == '0':
		p.i++
	case !p.digits():
		return false
	}
	if p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		if !p.digits() {
			return false
		}
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		if !p.digits() {
			return false
		}
	}
	return true
}

// digits reads one or more decimal digits.
func (p *jsonParser) digits() bool {
	start := p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	return p.i > start
}

// literal reads true, false or null.
func (p *jsonParser) literal() (jsonType, bool) {
	for _, l := range [...]struct {
		text string
		t    jsonType
	}{{"true", jsonTrue}, {"false", jsonFalse}, {"null", jsonNull}} {
		if len(p.s)-p.i >= len(l.text) && p.s[p.i:p.i+len(l.text)] == l.text {
			p.i += len(l.text)
			return l.t, true
		}
	}
	return jsonAbsent, false
}
