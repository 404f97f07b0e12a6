package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// indexPage is "/index": the AI concept index against the CSI 300.
type indexPage struct{ reportView }

func (p *indexPage) Render() app.UI { return p.frame(p.body) }

// body is the page once the report is ready.
func (p *indexPage) body() []app.UI {
	ir := p.rep.IndexReturns
	return []app.UI{
		app.H1().Text(p.T("index.title")),
		asPrinted(p.prefs, app.P()).Class("lead").Text(ir.SectionTitle),
		p.indexTable(p.rep),
		asPrinted(p.prefs, app.P()).Class("pre").Text(ir.Commentary),
	}
}
