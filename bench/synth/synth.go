// Package synth makes a synthetic report for the benchmark: the real
// report with its movers, constituents and events replaced by many
// generated ones, so that the explorer's search and facets can be timed at
// a scale the real weekly never reaches.
//
// The output is a report file in the format of data/report.json: it passes
// [report.Parse] and data/report.schema.json, and the same seed always
// gives the same bytes. Its title says it is synthetic, and the benchmark
// writes it under bench/out/ only: it is never the real data.
package synth

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/airesearch/aiweekly/app/report"
)

// DefaultSeed is the seed the benchmark uses, so that every run times the
// same rows.
const DefaultSeed = 20230416

// TitlePrefix starts the title of every synthetic report, so that nobody
// can take one for the real weekly.
const TitlePrefix = "【合成基准数据，非真实报告】"

// Options says how big a synthetic report is and which one of its kind.
type Options struct {
	// Seed picks the report: the same seed and sizes give the same bytes.
	Seed uint64
	// Movers is the number of entries of the three mover lists together.
	Movers int
	// Constituents is the number of index constituents.
	Constituents int
	// Events is the number of company events and news items together.
	Events int
}

// Default is the benchmark's synthetic report: 10,000 movers, 10,000
// constituents and 10,000 events.
func Default() Options {
	return Options{Seed: DefaultSeed, Movers: 10000, Constituents: 10000, Events: 10000}
}

// Generate returns a synthetic report built on base, the bytes of a valid
// report file: its header, index, financings and picks are kept, and its
// movers, constituents and events are replaced by generated ones, which
// refer to generated companies added after base's own. The result passes
// [report.Parse].
func Generate(base []byte, o Options) ([]byte, error) {
	if o.Movers < 3 || o.Constituents < 1 || o.Events < 3 {
		return nil, fmt.Errorf("synth: want at least 3 movers, 1 constituent and 3 events, got %d, %d and %d",
			o.Movers, o.Constituents, o.Events)
	}
	rep, err := report.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("synth: base report: %w", err)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(base, &doc); err != nil {
		return nil, fmt.Errorf("synth: base report: %w", err)
	}
	lo, hi, err := dateWindow(rep)
	if err != nil {
		return nil, err
	}

	g := &gen{rng: rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15)), lo: lo, hi: hi}
	// One company per constituent, and enough for the longest mover list,
	// each company at most once per list as the loader requires.
	n := max(o.Constituents, (o.Movers+2)/3)
	g.companies(n)

	var baseCompanies []json.RawMessage
	if err := json.Unmarshal(doc["companies"], &baseCompanies); err != nil {
		return nil, fmt.Errorf("synth: base companies: %w", err)
	}
	companies := make([]any, 0, len(baseCompanies)+len(g.cos))
	for _, c := range baseCompanies {
		companies = append(companies, c)
	}
	for _, c := range g.cos {
		companies = append(companies, c)
	}

	var meta map[string]json.RawMessage
	if err := json.Unmarshal(doc["meta"], &meta); err != nil {
		return nil, fmt.Errorf("synth: base meta: %w", err)
	}
	meta["title"] = mustJSON(TitlePrefix + rep.Meta.Title)

	doc["meta"] = mustJSON(meta)
	doc["companies"] = mustJSON(companies)
	doc["movers"] = mustJSON(g.movers(o.Movers))
	doc["constituents"] = mustJSON(g.constituents(o.Constituents))
	doc["events"] = mustJSON(g.events(o.Events))

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("synth: encode: %w", err)
	}
	out := buf.Bytes()
	if _, err := report.Parse(out); err != nil {
		// The generator's own bug, or a loader rule it does not know yet.
		return nil, fmt.Errorf("synth: generated report does not validate: %w", err)
	}
	return out, nil
}

// mustJSON encodes v, which is made of types that always encode, without
// escaping HTML characters.
func mustJSON(v any) json.RawMessage {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return bytes.TrimRight(buf.Bytes(), "\n")
}

// dateWindow is the range event dates are drawn from: the two months
// before the covered period up to the report date, inside the loader's
// window of a year before the period.
func dateWindow(r *report.Report) (lo, hi time.Time, err error) {
	from, err1 := time.Parse(time.DateOnly, r.Meta.Period.From)
	to, err2 := time.Parse(time.DateOnly, r.Meta.ReportDate)
	if err := errors.Join(err1, err2); err != nil {
		return lo, hi, fmt.Errorf("synth: base dates: %w", err)
	}
	return from.AddDate(0, -2, 0), to, nil
}

// The JSON shapes of the generated parts, as data/report.schema.json has
// them.
type (
	company struct {
		ID      string   `json:"id"`
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
		Kind    string   `json:"kind"`
	}
	mover struct {
		Rank    int     `json:"rank"`
		Name    string  `json:"name"`
		Company string  `json:"company"`
		Return  float64 `json:"return"`
	}
	movers struct {
		PeriodGainers []mover `json:"period_gainers"`
		YTDGainers    []mover `json:"ytd_gainers"`
		PeriodLosers  []mover `json:"period_losers"`
	}
	constituent struct {
		ID      string  `json:"id"`
		Company string  `json:"company"`
		Name    string  `json:"name"`
		Link    string  `json:"link"`
		Segment *string `json:"segment"`
	}
	// event is a company event or a news item: the one has details and
	// views, the other text and a source.
	event struct {
		ID            string   `json:"id"`
		Number        int      `json:"number"`
		Date          *string  `json:"date"`
		DateAsPrinted string   `json:"date_as_printed"`
		Title         string   `json:"title"`
		Text          string   `json:"text,omitempty"`
		Source        string   `json:"source,omitempty"`
		Companies     []string `json:"companies"`
		Details       []string `json:"details,omitempty"`
		Views         []string `json:"views,omitempty"`
	}
	events struct {
		CompanyEvents []event `json:"company_events"`
		DomesticNews  []event `json:"domestic_news"`
		OverseasNews  []event `json:"overseas_news"`
	}
)

// Word lists the generated text is made of: Chinese as the report writes,
// with some Latin names, so that searches meet both.
var (
	namePrefixes = []string{"星河", "天枢", "灵犀", "海纳", "鸿鹄", "数智", "光合", "芯原", "博睿", "云图",
		"深算", "智谱", "极光", "凌云", "启明", "九章", "青松", "长风", "蓝海", "磐石", "Nova", "Astra", "Deep", "Open"}
	nameSuffixes = []string{"科技", "信息", "软件", "智能", "数据", "网络", "电子", "股份", "AI", "Labs"}
	segments     = []string{"AI芯片", "AI服务器", "CPU、GPU", "光模块", "AI大模型", "AI算法", "AI数据", "AI运维服务", "AI+办公", "AI+医疗"}
	products     = []string{"大模型", "智能助手", "多模态模型", "算力平台", "AI芯片", "行业模型", "代码助手", "数字人", "向量数据库", "推理服务器"}
	actions      = []string{"正式发布", "开放测试", "完成升级", "宣布开源", "签署合作", "推出新版", "实现量产", "接入应用"}
	sources      = []string{"公司公告", "证券时报", "财联社", "新浪科技", "36氪", "TechCrunch", "The Verge", "官方公众号"}
	views        = []string{"我们认为，该产品有望提升公司在行业中的竞争力；", "我们认为，算力需求将持续增长，相关产业链有望受益；",
		"我们认为，应用落地加速，商业化前景可期；", "我们认为，开源生态将降低开发门槛；"}
)

// gen draws the generated parts from one random source, in a fixed order.
type gen struct {
	rng    *rand.Rand
	lo, hi time.Time
	cos    []company
}

func (g *gen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// companies makes n listed companies with distinct names; every fifth has
// an alias with the suffix -U, which lists then print.
func (g *gen) companies(n int) {
	g.cos = make([]company, n)
	for i := range g.cos {
		name := g.pick(namePrefixes) + g.pick(nameSuffixes) + strconv.Itoa(i+1)
		c := company{ID: fmt.Sprintf("syn-%05d", i+1), Name: name, Aliases: []string{}, Kind: "listed"}
		if i%5 == 0 {
			c.Aliases = append(c.Aliases, name+"-U")
		}
		g.cos[i] = c
	}
}

// printed is how a list prints company i: its name or, now and then, its
// alias.
func (g *gen) printed(i int) string {
	c := g.cos[i]
	if len(c.Aliases) > 0 && g.rng.IntN(2) == 0 {
		return c.Aliases[0]
	}
	return c.Name
}

// movers splits n entries over the three lists, each ranked from 1 with
// returns that follow the ranks.
func (g *gen) movers(n int) movers {
	sizes := [3]int{(n + 2) / 3, (n + 1) / 3, n / 3}
	list := func(size, offset int, losers bool) []mover {
		rets := make([]float64, size)
		for i := range rets {
			if losers {
				rets[i] = round2(-g.rng.Float64() * 60)
			} else {
				rets[i] = round2(g.rng.ExpFloat64() * 40)
			}
		}
		slices.Sort(rets)
		if !losers {
			slices.Reverse(rets)
		}
		ms := make([]mover, size)
		for i := range ms {
			ci := (offset + i) % len(g.cos)
			ms[i] = mover{Rank: i + 1, Name: g.printed(ci), Company: g.cos[ci].ID, Return: rets[i]}
		}
		return ms
	}
	third := len(g.cos) / 3
	return movers{
		PeriodGainers: list(sizes[0], 0, false),
		YTDGainers:    list(sizes[1], third, false),
		PeriodLosers:  list(sizes[2], 2*third, true),
	}
}

// constituents makes n constituents, one per company, over the four chain
// links; one in eight has no sub-track, as in the report.
func (g *gen) constituents(n int) []constituent {
	links := report.ChainLinks()
	out := make([]constituent, n)
	for i := range out {
		c := constituent{ID: fmt.Sprintf("sk-%05d", i+1), Company: g.cos[i].ID, Name: g.printed(i), Link: g.pick(links)}
		if g.rng.IntN(8) != 0 {
			s := g.pick(segments)
			c.Segment = &s
		}
		out[i] = c
	}
	return out
}

// events makes n events: a tenth company events, the rest news split
// between domestic and overseas; one news item in ten is undated.
func (g *gen) events(n int) events {
	nce := max(1, n/10)
	ndn := (n - nce + 1) / 2
	nov := n - nce - ndn
	var ev events
	for i := range nce {
		cs := g.someCompanies(1 + g.rng.IntN(2))
		date, printed := g.date()
		first := g.cos[cs[0]]
		e := event{
			ID: fmt.Sprintf("sce-%d", i+1), Number: i%20 + 1, Date: &date, DateAsPrinted: printed,
			Title:     fmt.Sprintf("%s，%s%s%s。", printed, first.Name, g.pick(actions), g.pick(products)),
			Companies: ids(g.cos, cs),
			Details:   g.sentences(1+g.rng.IntN(3), cs),
			Views:     []string{g.pick(views)},
		}
		ev.CompanyEvents = append(ev.CompanyEvents, e)
	}
	news := func(prefix string, count int) []event {
		out := make([]event, count)
		for i := range out {
			cs := g.someCompanies(g.rng.IntN(3))
			it := event{ID: fmt.Sprintf("%s-%d", prefix, i+1), Number: i%20 + 1, Source: g.pick(sources), Companies: ids(g.cos, cs)}
			if g.rng.IntN(10) == 0 {
				it.DateAsPrinted = "近期"
			} else {
				d, p := g.date()
				it.Date, it.DateAsPrinted = &d, p
			}
			who := "业内厂商"
			if len(cs) > 0 {
				who = g.cos[cs[0]].Name
			}
			it.Title = fmt.Sprintf("%s，%s%s%s。", it.DateAsPrinted, who, g.pick(actions), g.pick(products))
			it.Text = g.sentences(2, cs)[0] + g.sentences(1, cs)[0]
			out[i] = it
		}
		return out
	}
	ev.DomesticNews = news("sdn", ndn)
	ev.OverseasNews = news("son", nov)
	return ev
}

// someCompanies draws k distinct company indexes.
func (g *gen) someCompanies(k int) []int {
	var out []int
	for len(out) < k {
		i := g.rng.IntN(len(g.cos))
		if !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	return out
}

// sentences makes k sentences about the companies cs.
func (g *gen) sentences(k int, cs []int) []string {
	out := make([]string, k)
	for i := range out {
		who := "该公司"
		if len(cs) > 0 {
			who = g.cos[cs[g.rng.IntN(len(cs))]].Name
		}
		out[i] = fmt.Sprintf("%s表示，新一代%s的性能较上一代提升%d%%，已在%d家客户中%s。",
			who, g.pick(products), 10+g.rng.IntN(290), 1+g.rng.IntN(500), g.pick(actions))
	}
	return out
}

// date draws a date in the window, ISO and as the report prints it.
func (g *gen) date() (iso, printed string) {
	days := int(g.hi.Sub(g.lo).Hours() / 24)
	d := g.lo.AddDate(0, 0, g.rng.IntN(days+1))
	return d.Format(time.DateOnly), fmt.Sprintf("%d月%d日", d.Month(), d.Day())
}

func ids(cos []company, idx []int) []string {
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = cos[j].ID
	}
	return out
}

func round2(f float64) float64 {
	return float64(int64(f*100)) / 100
}
