package ui

// lang is a language of the interface; the report's own text is never
// translated.
type lang string

const (
	zh lang = "zh"
	en lang = "en"
)

// current is the interface language.
var current = zh

// catalog holds every interface string, keyed by message id. A missing
// English string falls back to Chinese, a missing id shows the id, so a
// gap is visible rather than blank.
var catalog = map[lang]map[string]string{
	zh: {
		"app.name":              "AI行业周报浏览器",
		"nav.label":             "报告章节",
		"nav.overview":          "概览",
		"nav.index":             "指数表现",
		"nav.movers":            "涨跌幅榜",
		"nav.constituents":      "成分股",
		"nav.events":            "事件与新闻",
		"nav.financings":        "融资",
		"nav.picks":             "重点关注",
		"nav.about":             "评级与声明",
		"status.loading":        "正在加载报告数据…",
		"status.failed":         "无法显示报告：数据加载失败。",
		"status.reason":         "原因",
		"status.retry":          "重新加载",
		"notfound.title":        "页面不存在",
		"notfound.text":         "没有这个页面。请从导航栏选择一个章节。",
		"notfound.home":         "返回概览",
		"stock.notfound":        "报告中没有名为「%s」的公司。",
		"stock.closest":         "您是否要找：",
		"overview.rating":       "行业评级",
		"overview.keypoints":    "核心观点",
		"overview.counts":       "各章节条目",
		"overview.analyst":      "分析师",
		"overview.cert":         "证书编号",
		"overview.period":       "统计区间",
		"overview.date":         "报告日期",
		"overview.broker":       "研究机构",
		"index.title":           "指数表现",
		"index.series":          "指数",
		"index.period":          "本区间涨跌幅",
		"index.ytd":             "年初至今涨跌幅",
		"index.excess":          "年初至今超额收益",
		"index.pct":             "pct",
		"movers.title":          "涨跌幅榜",
		"movers.period-gainers": "本期涨幅前十",
		"movers.ytd-gainers":    "今年以来涨幅前十",
		"movers.period-losers":  "本期跌幅前十",
		"constituents.title":    "AI行业指数成分股",
		"events.title":          "事件与新闻",
		"events.company":        "公司事件",
		"events.domestic":       "国内新闻",
		"events.overseas":       "海外新闻",
		"events.view":           "我们认为",
		"events.nodate":         "未注明日期",
		"financings.title":      "创业公司融资",
		"financings.fx":         "汇率",
		"picks.title":           "重点关注标的",
		"about.title":           "评级与声明",
		"about.scale":           "行业投资评级",
		"about.risks":           "风险提示",
		"about.disclaimer":      "法律声明（摘要）",
		"about.source":          "来源",
		"col.rank":              "排名",
		"col.name":              "公司",
		"col.return":            "涨跌幅",
		"col.list":              "榜单",
		"col.link":              "产业链环节",
		"col.segment":           "细分赛道",
		"col.period":            "本期涨跌幅",
		"col.ytd":               "今年以来涨跌幅",
		"col.date":              "日期",
		"col.kind":              "类别",
		"col.title":             "标题",
		"col.companies":         "涉及公司",
		"col.source":            "来源",
		"col.amount":            "融资额",
		"col.amount_usd":        "折合美元",
		"col.currency":          "币种",
		"col.business":          "主营业务/产品",
		"col.highlights":        "应用场景/产品亮点",
		"col.layer":             "层级",
		"col.vertical":          "方向",
		"col.stocks":            "标的",
		"col.rating":            "评级",
		"col.definition":        "定义",
		"stock.title":           "个股",
		"stock.segment":         "产业链位置",
		"stock.notconstituent":  "不在AI行业指数成分股中",
		"stock.movers":          "涨跌幅榜",
		"stock.picks":           "重点关注",
		"stock.events":          "相关事件与新闻",
		"stock.financings":      "融资",
		"stock.aliases":         "别名",
		"stock.none":            "无",
		"kind.listed":           "上市公司",
		"kind.company":          "公司",
		"kind.startup":          "创业公司",
		"kind.institute":        "研究机构",
		"rows":                  "%d 条",
	},
	en: {},
}

// T returns the interface string for id in the current language.
func T(id string) string {
	if s, ok := catalog[current][id]; ok {
		return s
	}
	if s, ok := catalog[zh][id]; ok {
		return s
	}
	return id
}
