package explore

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode"

	"github.com/airesearch/aiweekly/app/testkit"
)

// TestPinyinCoversData checks that the generated table has a key for every
// Han character of data/report.json: a new week's text needs `go generate
// ./app/explore` when it brings new characters.
func TestPinyinCoversData(t *testing.T) {
	for _, name := range []string{"data/report.json", "app/importer/curated.json"} {
		data, err := os.ReadFile(filepath.Join(testkit.Root, name))
		if err != nil {
			t.Fatal(err)
		}
		var missing []rune
		for _, r := range string(data) {
			if _, ok := pinyinKey(r); unicode.Is(unicode.Han, r) && !ok && !slices.Contains(missing, r) {
				missing = append(missing, r)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s: no pinyin key for %q; run go generate ./app/explore", name, string(missing))
		}
	}
}

// TestPinyinOrder sorts the report's Chinese text as a dictionary does,
// with Latin names among the syllables by their letters.
func TestPinyinOrder(t *testing.T) {
	ts := realTables(t)
	tests := []struct {
		route    Route
		raw, col string
		want     []string
	}{
		{RoutePicks, "sort=vertical&layer=应用层", ColVertical, []string{"AI+法律", "AI+工具", "AI+建筑", "AI+交通", "AI+教育",
			"AI+金融", "AI+网安", "AI+网安", "AI+医疗", "AI+医疗", "AI+政务", "AI+智慧城市"}},
		{RoutePicks, "sort=-name", ColName, []string{"拓尔思", "同花顺", "通达海", "奇安信", "罗普特", "科大讯飞", "科大讯飞",
			"久远银海", "金山办公", "佳都科技", "广联达", "创业慧康", "安恒信息", "360"}},
		{RouteConstituents, "sort=name&segment=AI芯片", ColName, []string{"长光华芯", "寒武纪-U", "澜起科技", "源杰科技"}},
		{RouteEvents, "sort=companies&kind=overseas", ColCompanies, []string{"GitHub", "谷歌", "OpenAI",
			"斯坦福大学", "UiPath、OpenAI", "微软", "微软", "微软、OpenAI", "浙大、微软"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.route)+"?"+tt.raw, func(t *testing.T) {
			tb := ts.For(tt.route)
			_, r := view(t, tb, tt.raw)
			if got := column(t, tb, r, tt.col); !slices.Equal(got, tt.want) {
				t.Errorf("%s = %q; want %q", tt.col, got, tt.want)
			}
		})
	}
}

func TestTextKey(t *testing.T) {
	if k := textKey(""); k != "" {
		t.Errorf(`textKey("") = %q; an empty cell must sort last`, k)
	}
	ordered := []string{"360", "AI+工具", "GitHub", "谷歌", "美团", "Meta", "微软", "浙大", "\u4e28"} // mei3 before meta; 丨 has no key: after letters
	for i := 1; i < len(ordered); i++ {
		if a, b := textKey(ordered[i-1]), textKey(ordered[i]); a >= b {
			t.Errorf("textKey(%q) = %q >= textKey(%q) = %q", ordered[i-1], a, ordered[i], b)
		}
	}
	if a, b := textKey("Meta"), textKey("meta"); a == b {
		t.Errorf("Meta and meta share the key %q; ties must break by the text", a)
	}
}
