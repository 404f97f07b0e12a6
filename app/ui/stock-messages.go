package ui

// stockMessages are the strings of the stock pages, kept apart from the
// page catalog (messages.go) so that each file stays readable; T looks
// them up after the catalog.
var stockMessages = map[lang]map[string]string{
	zh: {
		"stock.notfound":       "报告中没有名为「%s」的公司。",
		"stock.closest":        "您是否要找：",
		"stock.search":         "在这些页面中搜索「%s」：",
		"stock.title":          "个股",
		"stock.segment":        "产业链位置",
		"stock.notconstituent": "不在AI行业指数成分股中",
		"stock.movers":         "涨跌幅榜",
		"stock.picks":          "重点关注",
		"stock.events":         "相关事件与新闻",
		"stock.keypoints":      "报告要点中提及",
		"stock.events.all":     "在事件页筛选此公司",
		"stock.financings":     "融资",
		"stock.aliases":        "别名",
		"stock.none":           "无",
	},
	en: {
		"stock.notfound":       "The report names no company “%s”.",
		"stock.closest":        "Did you mean:",
		"stock.search":         "Search these pages for “%s”:",
		"stock.title":          "Stock",
		"stock.segment":        "Place in the chain",
		"stock.notconstituent": "Not an AI index constituent",
		"stock.movers":         "Movers",
		"stock.picks":          "Recommended in",
		"stock.events":         "Events and news",
		"stock.keypoints":      "Named in the key points",
		"stock.events.all":     "Filter the events by this company",
		"stock.financings":     "Financings",
		"stock.aliases":        "Also written",
		"stock.none":           "None",
	},
}
