package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRoutesShowReport opens every route in headless Chromium and checks
// figures and text from the seed report on the page the browser rendered.
func TestRoutesShowReport(t *testing.T) {
	tests := []struct {
		path, sel string
		want      []string
	}{
		{"/", "main", []string{"人工智能行业周报", "2023-04-16", "看好", "浙商证券", "刘雯蜀", "s1230523020002",
			"大厂密集发布AI领域最新成果", "−0.81% ▼", "+61.85% ▲", "+56.16", "源杰科技", "寒武纪-U", "当虹科技", "45"}},
		{"/index", "main table", []string{"AI概念指数", "沪深300指数", "−0.81% ▼", "+1.01% ▲", "+61.85% ▲", "+5.69% ▲", "+56.16 pct"}},
		{"/movers", "#ytd-gainers table", []string{"+63.81% ▲", "+257.40% ▲", "云从科技-UW", "+174.00% ▲", "百度集团-SW", "−13.04% ▼", "格灵深瞳-U", "−5.27% ▼", "商汤-W", "+10.98% ▲"}},
		{"/constituents", "main table", []string{"45 条", "新炬网络", "AI运维服务", "CPU、GPU", "海光信息", "百度-SW", "凤凰网", "同花顺", "AI算力及基础设施"}},
		{"/events", "#company", []string{"Meta公布最新研究AI模型SAM", "雪狐·海若", "雪湖·海若", "我们认为", "未注明日期", "人民政协网", "达观助手",
			"AutoGPT", "ChatGPT-Robot-Manipulation-Prompts", "2023-04-13", "同花顺财经"}},
		{"/financings", "main table", []string{"Perplexity", "25,600,000 USD", "Portrait Analytics", "3,000,000 USD", "宇宙奇点", "30,000,000 CNY", "6.8764"}},
		{"/picks", "main table", []string{"基础层", "大模型", "360", "科大讯飞", "应用层", "AI+智慧城市", "罗普特", "AI+网安", "奇安信"}},
		{"/about", "#scale", []string{"看好", "中性", "看淡", "行业指数相对于沪深300指数表现 + 10%以上", "AI 技术迭代不及预期的风险", "下游市场不确定性带来的风险", "浙商证券股份有限公司"}},
		{"/stocks/360", "main h1", []string{"三六零", "AI算法及数据 › AI大模型", "+137.00% ▲", "−8.01% ▼", "大模型"}},
		{"/stocks/%E4%BA%91%E4%BB%8E%E7%A7%91%E6%8A%80-UW", "main h1", []string{"云从科技", "AI算法", "+174.00% ▲"}},
		{"/stocks/商汤科技", "main h1", []string{"商汤-W", "日日新", "+10.98% ▲"}},
	}
	s := startServer(t)
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			ctx := newTab(t)
			open(t, ctx, s.URL+tt.path, tt.sel)
			got := textOf(t, ctx, "main")
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s: page text lacks %q; page:\n%s", tt.path, w, got)
				}
			}
		})
	}
}

// TestNavigationBar follows the navigation bar from the overview.
func TestNavigationBar(t *testing.T) {
	s := startServer(t)
	ctx := newTab(t)
	open(t, ctx, s.URL+"/", "main h1")
	clickNav(t, ctx, "/financings")
	if got := textOf(t, ctx, "main"); !strings.Contains(got, "Perplexity") {
		t.Errorf("after nav to /financings page lacks Perplexity:\n%s", got)
	}
}

// TestErrorStates serves a missing and a broken data file: the page says
// why instead of going blank.
func TestErrorStates(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.json")
	data, err := os.ReadFile(filepath.Join(root, "data", "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), `"return": 257.4`, `"return": "abc"`, 1)
	if bad == string(data) {
		t.Fatal("fixture edit did not apply")
	}
	if err := os.WriteFile(broken, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	notJSON := filepath.Join(dir, "notjson.json")
	if err := os.WriteFile(notJSON, []byte("{\"meta\": "), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data string
		want []string
	}{
		{"missing", filepath.Join(dir, "nope.json"), []string{"无法显示报告", "404"}},
		{"invalid", broken, []string{"无法显示报告", "movers.ytd_gainers[0].return"}},
		{"not json", notJSON, []string{"无法显示报告", "JSON"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startServer(t, "-data", tt.data, "-allow-invalid-data")
			ctx := newTab(t)
			open(t, ctx, s.URL+"/movers", ".status.failed")
			got := textOf(t, ctx, ".status.failed")
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("error state lacks %q; got:\n%s", w, got)
				}
			}
		})
	}
}
