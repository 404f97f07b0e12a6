package explore

import (
	"strings"
	"unicode/utf8"
)

//go:generate go run ../../cmd/pinyinkeys -o pinyin_keys.go ../../data/report.json ../../app/importer/curated.json

// textKey returns the key by which a text cell sorts: the text in lower
// case with each Han character replaced by its pinyin syllable and tone
// (科大讯飞 is ke1da4xun4fei1), so Chinese sorts as a dictionary orders
// it and Latin names fall among the syllables by their letters (GitHub
// between 广联达 and 谷歌). Ties, such as two homophones, are broken by
// the text itself, so the order is total and the same on the server and
// in the browser. A Han character the table lacks keeps its code point,
// after every letter. "" stays "", so an empty cell still sorts last.
func textKey(s string) string {
	if s == "" {
		return ""
	}
	low := strings.ToLower(s)
	var b strings.Builder
	b.Grow(3 * len(low))
	for _, r := range low {
		if k, ok := pinyinKey(r); ok {
			b.WriteString(k)
		} else {
			b.WriteRune(r)
		}
	}
	b.WriteByte(0)
	b.WriteString(s)
	return b.String()
}

// pinyinKey returns the pinyin key of r from the generated table: a binary
// search over its three-byte characters, which compare as their code
// points do.
func pinyinKey(r rune) (string, bool) {
	if utf8.RuneLen(r) != 3 {
		return "", false
	}
	var enc [3]byte
	utf8.EncodeRune(enc[:], r)
	c := string(enc[:])
	lo, hi := 0, len(pinyinHan)/3
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch at := pinyinHan[3*m : 3*m+3]; {
		case at == c:
			return strings.TrimRight(pinyinKeys[pinyinKeyWidth*m:pinyinKeyWidth*(m+1)], " "), true
		case at < c:
			lo = m + 1
		default:
			hi = m
		}
	}
	return "", false
}
