package ui

import (
	"github.com/airesearch/aiweekly/app/explore"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// tableChart is the chart that follows a table's filters: the rows of res
// as the view s shows them. It returns nil where the view has no chart.
// The chart work (issue 4) fills this in; the explorer pages already call
// it so that charts appear wherever a table does.
func tableChart(t *explore.Table, res explore.Result, s explore.State) app.UI {
	return nil
}
