package ui

import "github.com/airesearch/aiweekly/app/chart"

// chartLabels are the strings the charts draw.
func (p prefs) chartLabels() chart.Labels {
	return chart.Labels{
		Period:   p.chartMsg("chart.index.period"),
		YTD:      p.chartMsg("chart.index.ytd"),
		Excess:   p.chartMsg("chart.index.excess"),
		Points:   p.T("index.pct"),
		Company:  p.T("kind.company"),
		Domestic: p.T("kind.domestic"),
		Overseas: p.T("kind.overseas"),
		Undated:  p.chartMsg("chart.events.undated"),
		Day:      "1/2",
		Axis:     "USD",
		Link:     p.chartMsg("chart.counts.link"),
		More:     p.chartMsg("chart.more"),
		Empty:    p.chartMsg("chart.empty"),
	}
}

// chartMessages are the strings of the charts, kept apart from the page
// catalog (messages.go) because the charts are a separate piece of work;
// chartMsg looks them up like T.
var chartMessages = map[lang]map[string]string{
	zh: {
		"chart.failed":                        "图表无法绘制；数据见下方表格。",
		"chart.empty":                         "无数据",
		"chart.more":                          "仅显示前 {shown} 项，共 {total} 项",
		"chart.index.title":                   "AI概念指数与沪深300指数涨跌幅：本区间与年初至今",
		"chart.index.note":                    "图表的数据即下表；年初至今超额收益标注在图中。",
		"chart.index.period":                  "本区间",
		"chart.index.ytd":                     "年初至今",
		"chart.index.excess":                  "超额收益",
		"chart.movers.title":                  "涨跌幅：当前显示的 %d 行",
		"chart.movers.note":                   "图中 %d 条即下方表格所列各行，按当前排序。",
		"chart.movers.horizon.period-gainers": "本期",
		"chart.movers.horizon.ytd-gainers":    "今年以来",
		"chart.movers.horizon.period-losers":  "本期",
		"chart.movers.tag.period-gainers":     "本期",
		"chart.movers.tag.ytd-gainers":        "年内",
		"chart.movers.tag.period-losers":      "本期",
		"chart.counts.title":                  "各产业链环节与细分赛道的成分股数量（当前 %d 只）",
		"chart.counts.note":                   "按环节与细分赛道统计下方表格的 %d 行；点击条形即按该项筛选，再次点击取消。",
		"chart.counts.link":                   "筛选：{label} {n}",
		"chart.counts.clear":                  "取消筛选：%s %d",
		"chart.events.title":                  "每日事件与新闻数量，按类别（%s 至 %s）",
		"chart.events.note":                   "按日期与类别统计下方表格的 %d 条。",
		"chart.events.undated":                "另有 {n} 条未注明日期",
		"chart.amounts.title":                 "融资金额（折合%s）",
		"chart.amounts.axis":                  "%s（1 %s = %s %s，%s 数据所存汇率）",
		"chart.amounts.note":                  "图中 %d 笔即下方表格所列融资，括号内为报告原文金额；%s 金额按数据中存储的 %s 汇率折算为 %s，报告本身未给出汇率。",
		"chart.amounts.skipped":               "另有 %d 笔的币种无法折算为 %s，未画出。",
	},
	en: {
		"chart.failed":                        "The chart could not be drawn; the table below holds its data.",
		"chart.empty":                         "No data",
		"chart.more":                          "First {shown} of {total} shown",
		"chart.index.title":                   "AI concept index and CSI 300 returns: period and year to date",
		"chart.index.note":                    "The table below holds the chart's data; the YTD excess return is labelled in the chart.",
		"chart.index.period":                  "Period",
		"chart.index.ytd":                     "YTD",
		"chart.index.excess":                  "Excess",
		"chart.movers.title":                  "Returns of the %d rows shown",
		"chart.movers.note":                   "The %d bars are the rows of the table below, in the current order.",
		"chart.movers.horizon.period-gainers": "period",
		"chart.movers.horizon.ytd-gainers":    "YTD",
		"chart.movers.horizon.period-losers":  "period",
		"chart.movers.tag.period-gainers":     "period",
		"chart.movers.tag.ytd-gainers":        "YTD",
		"chart.movers.tag.period-losers":      "period",
		"chart.counts.title":                  "Constituents per chain link and sub-track (%d shown)",
		"chart.counts.note":                   "Counts of the %d rows of the table below; click a bar to filter by it, again to clear.",
		"chart.counts.link":                   "Filter: {label} {n}",
		"chart.counts.clear":                  "Clear filter: %s %d",
		"chart.events.title":                  "Events and news per day, by kind (%s to %s)",
		"chart.events.note":                   "Counts of the %d rows of the table below by date and kind.",
		"chart.events.undated":                "{n} more undated",
		"chart.amounts.title":                 "Financing amounts in %s",
		"chart.amounts.axis":                  "%s (1 %s = %s %s, rate stored with the data for %s)",
		"chart.amounts.note":                  "The %d bars are the financings of the table below, each with its amount as printed; %s amounts are converted at the rate stored with the data for %s into %s (the report gives none).",
		"chart.amounts.skipped":               " %d more in a currency not convertible to %s are left out.",
	},
}

// chartMsg returns the chart string id in the render's language.
func (p prefs) chartMsg(id string) string { return lookup(chartMessages, p.lang, id) }
