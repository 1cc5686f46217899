package talent

import (
	"context"
	"slices"
	"time"
)

// Export file formats.
const (
	ExportCSV  = "csv"
	ExportXLSX = "xlsx"
)

// ExportFormats lists the export file formats.
var ExportFormats = []string{ExportCSV, ExportXLSX}

// Tables an export can hold.
const (
	TableSummary   = "summary"   // the goal's figures, one per row
	TableMonthly   = "monthly"   // the monthly series with the trajectory and internships
	TableFunnel    = "funnel"    // the funnel's stages
	TableBreakdown = "breakdown" // a breakdown, one table per dimension
)

// ExportTables lists the tables in the order an export holds them.
var ExportTables = []string{TableSummary, TableMonthly, TableFunnel, TableBreakdown}

// ExportRequest is what a ministry viewer or administrator asks to export:
// a format, the tables (none: every table, for XLSX), the breakdown
// dimensions (none: every dimension, for XLSX) and the breakdowns' period.
type ExportRequest struct {
	Format string
	Tables []string
	By     []string
	Period Period
}

// Export is what an export file holds: the tables asked for, in
// ExportTables order, the goal dashboard (when a goal table is asked for)
// and the breakdowns, as logged under ID at At.
type Export struct {
	ID         int64
	Format     string
	Tables     []string
	Goal       GoalReport
	Breakdowns []Breakdown
	At         time.Time
}

// ExportRecord is one entry of the export log: who exported what, when.
// Tables names each table, breakdowns as "breakdown:<dimension>".
type ExportRecord struct {
	ID     int64
	UserID int64
	Format string
	Tables []string
	Period Period
	At     time.Time
}

// Export gathers the tables of an export for ministry viewers and
// administrators (others as Definition) and logs who asked for what. A CSV
// file holds one table (field code one_table) and one breakdown
// (one_dimension); unknown formats, tables and dimensions and a bad period
// are ErrInvalid.
func (s *Dashboard) Export(ctx context.Context, actor Actor, req ExportRequest) (Export, error) {
	if err := requireKind(actor, viewerKinds...); err != nil {
		return Export{}, err
	}
	tables, by, err := validateExport(req)
	if err != nil {
		return Export{}, err
	}
	version, err := s.store.ProgressVersion(ctx)
	if err != nil {
		return Export{}, err
	}
	out := Export{Format: req.Format, Tables: tables}
	logged := slices.DeleteFunc(slices.Clone(tables), func(t string) bool { return t == TableBreakdown })
	if len(logged) > 0 {
		if out.Goal, err = s.goal(ctx, version); err != nil {
			return Export{}, err
		}
	}
	for _, dim := range by {
		b, err := s.breakdown(ctx, version, dim, req.Period)
		if err != nil {
			return Export{}, err
		}
		out.Breakdowns = append(out.Breakdowns, b)
		logged = append(logged, TableBreakdown+":"+dim)
	}
	rec := ExportRecord{UserID: actor.UserID, Format: req.Format, Tables: logged, Period: req.Period, At: s.now().UTC().Truncate(time.Microsecond)}
	if err := s.store.LogExport(ctx, &rec); err != nil {
		return Export{}, err
	}
	out.ID, out.At = rec.ID, rec.At
	return out, nil
}

// validateExport checks an export request and returns the tables and
// breakdown dimensions it asks for, defaults filled in, in list order.
func validateExport(req ExportRequest) (tables, by []string, err error) {
	var v Validator
	v.OneOf("format", req.Format, ExportFormats)
	csv := req.Format == ExportCSV
	tables = distinctOf(&v, "table", req.Tables, ExportTables)
	by = distinctOf(&v, "by", req.By, BreakdownDimensions)
	switch {
	case len(req.Tables) == 0 && csv:
		v.Add("table", "required")
	case len(req.Tables) == 0:
		tables = slices.Clone(ExportTables)
	case csv && len(req.Tables) > 1:
		v.Add("table", "one_table")
	}
	if !slices.Contains(tables, TableBreakdown) {
		by = nil
	} else {
		switch {
		case len(req.By) == 0 && csv:
			v.Add("by", "required")
		case len(req.By) == 0:
			by = slices.Clone(BreakdownDimensions)
		case csv && len(req.By) > 1:
			v.Add("by", "one_dimension")
		}
	}
	validatePeriod(&v, req.Period)
	if err := v.Err(); err != nil {
		return nil, nil, err
	}
	return tables, by, nil
}

// distinctOf checks that every value is one of allowed and none repeats,
// and returns the valid values in allowed's order.
func distinctOf(v *Validator, field string, values, allowed []string) []string {
	for i, x := range values {
		switch {
		case !slices.Contains(allowed, x):
			v.OneOf(field, x, allowed)
		case slices.Index(values, x) != i:
			v.Add(field, "duplicate")
		}
	}
	var out []string
	for _, a := range allowed {
		if slices.Contains(values, a) {
			out = append(out, a)
		}
	}
	return out
}
