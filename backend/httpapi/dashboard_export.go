package httpapi

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
	"github.com/xuri/excelize/v2"

	"github.com/setubashi/setubashi/backend/talent"
)

// Media types of export files.
const (
	csvContentType  = "text/csv; charset=utf-8"
	xlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// exportTable is one table of an export file: a name for file names, a
// title (the sheet's name), a header row in the reader's language, and rows
// of cells (string, int, float64, or nil for an empty cell).
type exportTable struct {
	name   string
	title  string
	header []string
	rows   [][]any
}

// exportRequestOf reads ?format=, ?table= and ?by= (each may repeat),
// ?from= and ?to=.
func exportRequestOf(c *gin.Context) (talent.ExportRequest, error) {
	p, err := periodOf(c)
	return talent.ExportRequest{Format: c.Query("format"), Tables: c.QueryArray("table"), By: c.QueryArray("by"), Period: p}, err
}

// dashboardExport answers with the export as a file: CSV (one table, UTF-8
// with a byte-order mark so that spreadsheet programs read Japanese and
// Hindi correctly) or XLSX (a sheet per table). The service logs it.
func (s *Server) dashboardExport(c *gin.Context) {
	req, err := exportRequestOf(c)
	var ex talent.Export
	if err == nil {
		ex, err = s.Dashboard.Export(c.Request.Context(), actorOf(c), req)
	}
	if err != nil {
		s.respondError(c, err)
		return
	}
	tables := s.exportTables(ex, languageOf(c))
	day := ex.At.Format("2006-01-02")
	var body []byte
	var contentType, fileName string
	if ex.Format == talent.ExportCSV {
		body, err = csvFile(tables[0])
		contentType, fileName = csvContentType, "setubashi-"+tables[0].name+"-"+day+".csv"
	} else {
		body, err = xlsxFile(tables)
		contentType, fileName = xlsxContentType, "setubashi-dashboard-"+day+".xlsx"
	}
	if err != nil {
		s.respondError(c, fmt.Errorf("write %s export: %w", ex.Format, err))
		return
	}
	c.Header("Content-Disposition", `attachment; filename="`+fileName+`"`)
	c.Header("Cache-Control", "no-store")
	c.Data(http.StatusOK, contentType, body)
}

// exportTables lays out an export's tables in lang.
func (s *Server) exportTables(ex talent.Export, lang string) []exportTable {
	text := func(id string) string { return s.catalog.Text(lang, id) }
	var out []exportTable
	for _, t := range ex.Tables {
		switch t {
		case talent.TableSummary:
			out = append(out, s.summaryTable(ex.Goal, lang))
		case talent.TableMonthly:
			out = append(out, monthlyTable(ex.Goal, text))
		case talent.TableFunnel:
			out = append(out, funnelTable(ex.Goal, text))
		}
	}
	for _, b := range ex.Breakdowns {
		out = append(out, s.breakdownTable(b, lang))
	}
	return out
}

// orNil turns a missing value into an empty cell.
func orNil[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

func dateCell(d *talent.Date) any {
	if d == nil {
		return nil
	}
	return d.String()
}

func (s *Server) summaryTable(r talent.GoalReport, lang string) exportTable {
	text := func(id string) string { return s.catalog.Text(lang, id) }
	g := s.toGoalResponse(r, lang)
	types := make([]string, len(r.Definition.CountedTypes))
	for i, t := range r.Definition.CountedTypes {
		types[i] = text("role_type." + t)
	}
	var actual, months any
	if g.ActualPace != nil {
		actual, months = g.ActualPace.PerMonth, g.ActualPace.Months
	}
	rows := [][]any{
		{text("dashboard.figure.as_of"), g.AsOf.String()},
		{text("dashboard.figure.target"), g.Target},
		{text("dashboard.figure.counted"), g.Counted},
		{text("dashboard.figure.percent"), g.Percent},
		{text("dashboard.figure.remaining"), g.Remaining},
		{text("dashboard.figure.window_start"), g.Definition.WindowStart.String()},
		{text("dashboard.figure.deadline"), g.Definition.Deadline.String()},
		{text("dashboard.figure.days_left"), g.DaysLeft},
		{text("dashboard.figure.required_per_month"), orNil(g.RequiredPerMonth)},
		{text("dashboard.figure.actual_per_month"), actual},
		{text("dashboard.figure.pace_months"), months},
		{text("dashboard.figure.projected_date"), dateCell(g.ProjectedDate)},
		{text("dashboard.figure.status"), g.StatusLabel},
		{text("dashboard.figure.counted_types"), strings.Join(types, ", ")},
		{text("dashboard.figure.internships"), g.Internships.Counted},
		{text("dashboard.figure.forecast_method"), text("dashboard.figure.pipeline_method")},
		{text("dashboard.figure.in_pipeline"), g.Forecast.InPipeline},
		{text("dashboard.figure.pipeline_projected"), dateCell(g.Forecast.Projected)},
		{text("dashboard.figure.pipeline_earliest"), dateCell(g.Forecast.Earliest)},
		{text("dashboard.figure.pipeline_latest"), dateCell(g.Forecast.Latest)},
	}
	for _, m := range g.Milestones {
		rows = append(rows, []any{s.render(lang, "dashboard.figure.milestone", map[string]any{"Day": m.By}), m.Target})
	}
	return exportTable{name: talent.TableSummary, title: text("dashboard.sheet.summary"),
		header: []string{text("dashboard.column.figure"), text("dashboard.column.value")}, rows: rows}
}

func monthlyTable(r talent.GoalReport, text func(string) string) exportTable {
	t := exportTable{name: talent.TableMonthly, title: text("dashboard.sheet.monthly"), header: []string{
		text("dashboard.column.month"), text("dashboard.column.arrivals"), text("dashboard.column.cumulative"),
		text("dashboard.column.trajectory"), text("dashboard.column.internship_arrivals"), text("dashboard.column.internship_cumulative"),
	}}
	for i, m := range r.Goal.Monthly {
		row := []any{m.Start.Format("2006-01"), orNil(m.Arrivals), orNil(m.Cumulative), m.Trajectory, nil, nil}
		if i < len(r.Internships.Monthly) {
			row[4], row[5] = orNil(r.Internships.Monthly[i].Arrivals), orNil(r.Internships.Monthly[i].Cumulative)
		}
		t.rows = append(t.rows, row)
	}
	return t
}

func funnelTable(r talent.GoalReport, text func(string) string) exportTable {
	t := exportTable{name: talent.TableFunnel, title: text("dashboard.sheet.funnel"), header: []string{
		text("dashboard.column.stage"), text("dashboard.column.reached"), text("dashboard.column.conversion"),
		text("dashboard.column.median_days"), text("dashboard.column.left"),
	}}
	for _, st := range r.Funnel {
		var conversion any
		if st.Conversion != nil {
			conversion = math.Round(*st.Conversion*1000) / 10 // percent, one decimal
		}
		t.rows = append(t.rows, []any{text("stage." + st.Stage), st.Reached, conversion, orNil(st.MedianDays), st.Left})
	}
	return t
}

func (s *Server) breakdownTable(b talent.Breakdown, lang string) exportTable {
	text := func(id string) string { return s.catalog.Text(lang, id) }
	name := text("dashboard.dimension." + b.By)
	t := exportTable{name: talent.TableBreakdown + "-" + strings.ReplaceAll(b.By, "_", "-"), title: name,
		header: []string{text("dashboard.column.code"), name}}
	for _, m := range b.Measures {
		t.header = append(t.header, text("dashboard.measure."+m))
	}
	row := func(code, label string, r talent.BreakdownRow) []any {
		cells := []any{code, label}
		values := map[string]int{talent.MeasureCandidates: r.Candidates, talent.MeasureApplications: r.Applications,
			talent.MeasureOffers: r.Offers, talent.MeasurePlacements: r.Placements, talent.MeasureArrivals: r.Arrivals}
		for _, m := range b.Measures {
			cells = append(cells, values[m])
		}
		return cells
	}
	for _, r := range b.Rows {
		t.rows = append(t.rows, row(r.Key, s.groupLabel(lang, b.By, r.Key), r))
	}
	t.rows = append(t.rows, row("", text("dashboard.total"), b.Total))
	return t
}

// cellText writes a cell for CSV. Text that a spreadsheet would take for a
// formula (an institution's name is free text) is prefixed with an
// apostrophe.
func cellText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case string:
		if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
			return "'" + v
		}
		return v
	default:
		return fmt.Sprint(v)
	}
}

// csvFile writes one table as CSV, starting with a UTF-8 byte-order mark.
func csvFile(t exportTable) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	header := make([]string, len(t.header))
	for i, h := range t.header {
		header[i] = cellText(h)
	}
	if err := w.Write(header); err != nil {
		return nil, err
	}
	for _, row := range t.rows {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = cellText(v)
		}
		if err := w.Write(cells); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// sheetName makes a title a valid, unique sheet name: at most 31
// characters, none of : \ / ? * [ ].
func sheetName(title string, used map[string]bool) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(title))
	if utf8.RuneCountInString(name) > 31 {
		name = string([]rune(name)[:31])
	}
	if name == "" {
		name = "Sheet"
	}
	base := []rune(name)
	for n := 2; used[name]; n++ {
		suffix := " " + strconv.Itoa(n)
		name = string(base[:min(len(base), 31-len(suffix))]) + suffix
	}
	used[name] = true
	return name
}

// xlsxFile writes the tables as a workbook, a sheet each, with a bold,
// frozen header row. Text is written as text, never as formulas.
func xlsxFile(tables []exportTable) (_ []byte, err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	used := map[string]bool{}
	for i, t := range tables {
		name := sheetName(t.title, used)
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			return nil, err
		}
		header := make([]any, len(t.header))
		for j, h := range t.header {
			header[j] = h
		}
		if err := f.SetSheetRow(name, "A1", &header); err != nil {
			return nil, err
		}
		last, _ := excelize.ColumnNumberToName(max(1, len(t.header)))
		if err := f.SetCellStyle(name, "A1", last+"1", bold); err != nil {
			return nil, err
		}
		for j, row := range t.rows {
			if err := f.SetSheetRow(name, "A"+strconv.Itoa(j+2), &row); err != nil {
				return nil, err
			}
		}
		if err := f.SetColWidth(name, "A", last, 18); err != nil {
			return nil, err
		}
		if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
