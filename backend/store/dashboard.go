package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/setubashi/setubashi/backend/talent"
)

// The goal dashboard's aggregates. Each is one SQL statement over the
// tables (GROUP BY, COUNT, window functions), so only grouped figures come
// back to Go. The SQL is the same in both dialects except where noted:
// dayText and wholeHours hide how they write dates and time differences.
// Bounds on DATE and timestamp columns are half-open ([from, to+1 day)), so
// that SQLite's text dates compare like PostgreSQL's dates.

type goalDefinitionRow struct {
	ID           int64 `gorm:"primaryKey;autoIncrement:false"`
	Target       int
	WindowStart  time.Time
	Deadline     time.Time
	CountedTypes []string `gorm:"serializer:json"`
	UpdatedBy    *int64
	UpdatedAt    time.Time `gorm:"autoUpdateTime:false"`
}

func (goalDefinitionRow) TableName() string { return "goal_definitions" }

type exportRow struct {
	ID         int64 `gorm:"primaryKey"`
	UserID     int64
	Format     string
	Tables     string
	PeriodFrom *time.Time
	PeriodTo   *time.Time
	CreatedAt  time.Time
}

func (exportRow) TableName() string { return "dashboard_exports" }

// GoalDefinition returns the saved goal definition; ErrNotFound if none.
func (d *DB) GoalDefinition(ctx context.Context) (talent.GoalDefinition, error) {
	var row goalDefinitionRow
	if err := d.conn(ctx).Take(&row, 1).Error; err != nil {
		return talent.GoalDefinition{}, classify(err, "find goal definition")
	}
	g := talent.GoalDefinition{Target: row.Target, WindowStart: talent.DateOf(row.WindowStart), Deadline: talent.DateOf(row.Deadline),
		CountedTypes: nonNil(row.CountedTypes), UpdatedAt: &row.UpdatedAt}
	if row.UpdatedBy != nil {
		g.UpdatedBy = *row.UpdatedBy
	}
	return g, nil
}

// SaveGoalDefinition inserts or replaces the one goal definition.
func (d *DB) SaveGoalDefinition(ctx context.Context, g talent.GoalDefinition) error {
	row := goalDefinitionRow{ID: 1, Target: g.Target, WindowStart: g.WindowStart.Time(), Deadline: g.Deadline.Time(),
		CountedTypes: nonNil(g.CountedTypes), UpdatedAt: time.Now().UTC()}
	if g.UpdatedAt != nil {
		row.UpdatedAt = g.UpdatedAt.UTC()
	}
	if g.UpdatedBy != 0 {
		row.UpdatedBy = &g.UpdatedBy
	}
	err := d.conn(ctx).Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "id"}}, UpdateAll: true}).Create(&row).Error
	return classify(err, "save goal definition")
}

// LogExport records who exported which tables, and when.
func (d *DB) LogExport(ctx context.Context, e *talent.ExportRecord) error {
	row := exportRow{UserID: e.UserID, Format: e.Format, Tables: strings.Join(e.Tables, ","),
		PeriodFrom: dateToTime(e.Period.From), PeriodTo: dateToTime(e.Period.To), CreatedAt: e.At.UTC()}
	if err := d.conn(ctx).Create(&row).Error; err != nil {
		return classify(err, "log export")
	}
	e.ID = row.ID
	return nil
}

// ProgressVersion fingerprints what the aggregates read: the newest
// application, stage move, placement, profile and role, the number of
// arrivals and the latest change to a profile or role. Each part is an
// index lookup.
func (d *DB) ProgressVersion(ctx context.Context) (string, error) {
	const q = `SELECT
		(SELECT COALESCE(MAX(id), 0) FROM applications),
		(SELECT COALESCE(MAX(id), 0) FROM application_events),
		(SELECT COALESCE(MAX(id), 0) FROM placements),
		(SELECT COUNT(arrived_on) FROM placements),
		(SELECT COALESCE(MAX(user_id), 0) FROM profiles),
		(SELECT MAX(updated_at) FROM profiles),
		(SELECT COALESCE(MAX(id), 0) FROM roles),
		(SELECT MAX(updated_at) FROM roles)`
	parts := make([]sql.NullString, 8)
	dest := make([]any, len(parts))
	for i := range parts {
		dest[i] = &parts[i]
	}
	if err := d.conn(ctx).Raw(q).Row().Scan(dest...); err != nil {
		return "", classify(err, "read progress version")
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p.String
	}
	return strings.Join(out, "|"), nil
}

// analyticWorkMem is the memory PostgreSQL may give each sort and hash of
// the dashboard's aggregates before spilling to disk (its default, 4 MB, is
// too little to group 300,000 applications by candidate in memory).
const analyticWorkMem = "64MB"

// analytic runs fn, on PostgreSQL in a read-only transaction with
// analyticWorkMem for its sorts and hashes.
func (d *DB) analytic(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if d.dialect != Postgres {
		return fn(d.conn(ctx))
	}
	return d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec("SET TRANSACTION READ ONLY").Error; err != nil {
			return err
		}
		if err := tx.Exec("SET LOCAL work_mem = '" + analyticWorkMem + "'").Error; err != nil {
			return err
		}
		return fn(tx)
	})
}

// dayText returns SQL that writes a date column as YYYY-MM-DD: PostgreSQL
// formats its DATE; SQLite stores dates as text starting with that.
func (d *DB) dayText(col string) string {
	if d.dialect == SQLite {
		return "substr(" + col + ", 1, 10)"
	}
	return "to_char(" + col + ", 'YYYY-MM-DD')"
}

// wholeHours returns SQL for the whole hours from one timestamp column to a
// later one: PostgreSQL subtracts timestamps; SQLite subtracts Unix seconds.
func (d *DB) wholeHours(from, to string) string {
	if d.dialect == SQLite {
		return "((CAST(strftime('%s', " + to + ") AS INTEGER) - CAST(strftime('%s', " + from + ") AS INTEGER)) / 3600)"
	}
	return "CAST(FLOOR(EXTRACT(EPOCH FROM (" + to + " - " + from + ")) / 3600) AS BIGINT)"
}

// countedPlacements is the CTE "counted" of the placements through which
// people count under a rule: each candidate's first arrival (lowest id on
// the same day) in the window, in a role of one of the types. Its
// arguments are the window's bounds and the types.
const countedPlacements = `ranked AS (
		SELECT p.candidate_id, p.role_id, p.arrived_on,
			ROW_NUMBER() OVER (PARTITION BY p.candidate_id ORDER BY p.arrived_on, p.id) AS rn
		FROM placements p JOIN roles r ON r.id = p.role_id
		WHERE p.arrived_on >= ? AND p.arrived_on < ? AND r.type IN ?),
	counted AS (SELECT candidate_id, role_id, arrived_on FROM ranked WHERE rn = 1)`

func countArgs(rule talent.CountRule) []any {
	return []any{rule.From.Time(), rule.To.AddDays(1).Time(), rule.Types}
}

// CountedDays returns the people counted under rule per day, in order.
func (d *DB) CountedDays(ctx context.Context, rule talent.CountRule) ([]talent.DayCount, error) {
	if len(rule.Types) == 0 {
		return nil, nil
	}
	q := `WITH ` + countedPlacements + `
		SELECT ` + d.dayText("arrived_on") + ` AS day, COUNT(*) AS n FROM counted GROUP BY arrived_on ORDER BY arrived_on`
	var rows []struct {
		Day string
		N   int
	}
	if err := d.conn(ctx).Raw(q, countArgs(rule)...).Scan(&rows).Error; err != nil {
		return nil, classify(err, "count arrivals")
	}
	out := make([]talent.DayCount, len(rows))
	for i, r := range rows {
		day, err := talent.ParseDate(r.Day)
		if err != nil {
			return nil, err
		}
		out[i] = talent.DayCount{Day: day, Count: r.N}
	}
	return out, nil
}

// CountedGroups returns the people counted under rule by Indian state ("" if
// the profile names none) and by the prefecture of the role they were
// counted through, each sorted by key.
func (d *DB) CountedGroups(ctx context.Context, rule talent.CountRule) (byState, byPrefecture []talent.GroupCount, err error) {
	if len(rule.Types) == 0 {
		return nil, nil, nil
	}
	q := `WITH ` + countedPlacements + `
		SELECT 'state' AS dim, COALESCE(pr.indian_state, '') AS k, COUNT(*) AS n
			FROM counted c LEFT JOIN profiles pr ON pr.user_id = c.candidate_id GROUP BY COALESCE(pr.indian_state, '')
		UNION ALL
		SELECT 'prefecture', r.prefecture, COUNT(*) FROM counted c JOIN roles r ON r.id = c.role_id GROUP BY r.prefecture
		ORDER BY 1, 2`
	var rows []struct {
		Dim, K string
		N      int
	}
	if err := d.conn(ctx).Raw(q, countArgs(rule)...).Scan(&rows).Error; err != nil {
		return nil, nil, classify(err, "count arrivals by group")
	}
	for _, r := range rows {
		g := talent.GroupCount{Key: r.K, Count: r.N}
		if r.Dim == "state" {
			byState = append(byState, g)
		} else {
			byPrefecture = append(byPrefecture, g)
		}
	}
	return byState, byPrefecture, nil
}

// FunnelCounts returns how many applications got no further than each
// stage — their stage while in the pipeline, the stage they left for
// rejected or withdrawn otherwise — and the whole hours they spent in each
// stage before moving on: the time from the move into a stage to the move
// out of it (an application enters each stage at most once, so the move
// out is the one whose from_stage is that stage).
func (d *DB) FunnelCounts(ctx context.Context, pipeline []talent.Stage) (talent.FunnelCounts, error) {
	stages := talent.Codes(pipeline)
	out := talent.FunnelCounts{Furthest: map[string]int{}, Stays: map[string][]talent.StayCount{}}
	if len(stages) == 0 {
		return out, nil
	}
	var furthest []struct {
		Stage string
		N     int
	}
	var stays []struct {
		Stage string
		Hours int
		N     int
	}
	err := d.analytic(ctx, func(db *gorm.DB) error {
		err := db.Raw(`SELECT stage, COUNT(*) AS n FROM applications WHERE stage IN ? GROUP BY stage
			UNION ALL
			SELECT from_stage, COUNT(*) FROM application_events WHERE to_stage IN ? AND from_stage IN ? GROUP BY from_stage`,
			stages, talent.Codes(talent.EarlyEnds), stages).Scan(&furthest).Error
		if err != nil {
			return err
		}
		return db.Raw(`SELECT e1.to_stage AS stage, `+d.wholeHours("e1.created_at", "e2.created_at")+` AS hours, COUNT(*) AS n
			FROM application_events e2
			JOIN application_events e1 ON e1.application_id = e2.application_id AND e1.to_stage = e2.from_stage
			WHERE e2.from_stage IN ?
			GROUP BY 1, 2`, stages).Scan(&stays).Error
	})
	if err != nil {
		return out, classify(err, "count the funnel")
	}
	for _, f := range furthest {
		out.Furthest[f.Stage] += f.N
	}
	for _, s := range stays {
		out.Stays[s.Stage] = append(out.Stays[s.Stage], talent.StayCount{Hours: s.Hours, Count: s.N})
	}
	return out, nil
}

// breakdownGroup says how a dimension groups things. join joins the group
// to the row a candidate id or role id (the %s) belongs to, as alias g
// (candidates) or r and o (roles); key is the group's SQL expression.
type breakdownGroup struct {
	with      string // a CTE the join needs
	join, key string
	ofRole    bool // the group is the role's, not the candidate's
	visa      bool // the group is the placement's status of residence
}

// educationRank orders degree levels in SQL as talent.EducationRank does.
func educationRank() string {
	var b strings.Builder
	b.WriteString("CASE level")
	for i, level := range talent.EducationLevels {
		b.WriteString(" WHEN '" + level + "' THEN " + strconv.Itoa(i+1))
	}
	b.WriteString(" ELSE 0 END")
	return b.String()
}

func breakdownGroupOf(by string) (breakdownGroup, bool) {
	// derived groups by a value the CTE g_src derives per candidate (user_id, k).
	derived := func(cte string) breakdownGroup {
		return breakdownGroup{with: "g_src AS (" + cte + "),", join: "LEFT JOIN g_src g ON g.user_id = %s", key: "COALESCE(g.k, '')"}
	}
	switch by {
	case talent.ByIndianState, talent.ByJLPTLevel:
		return breakdownGroup{join: "LEFT JOIN profiles g ON g.user_id = %s", key: "COALESCE(g." + by + ", '')"}, true
	case talent.ByInstitution:
		// The institution of the highest degree; the latest on a tie, then the first listed.
		return derived(`SELECT user_id, k FROM (
			SELECT user_id, TRIM(institution) AS k,
				ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ` + educationRank() + ` DESC, year DESC, position) AS rn
			FROM educations) x WHERE rn = 1`), true
	case talent.GroupBySkill:
		// The strongest skill; the first listed on a tie.
		return derived(`SELECT user_id, k FROM (
			SELECT user_id, skill AS k, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY proficiency DESC, position) AS rn
			FROM candidate_skills) x WHERE rn = 1`), true
	case talent.ByPrefecture:
		return breakdownGroup{join: "JOIN roles r ON r.id = %s", key: "r.prefecture", ofRole: true}, true
	case talent.ByRoleType:
		return breakdownGroup{join: "JOIN roles r ON r.id = %s", key: "r.type", ofRole: true}, true
	case talent.ByOrganizationKind:
		return breakdownGroup{join: "JOIN roles r ON r.id = %s JOIN organizations o ON o.id = r.organization_id", key: "o.kind", ofRole: true}, true
	case talent.ByVisaStatus:
		return breakdownGroup{key: "p.visa_status", visa: true}, true
	}
	return breakdownGroup{}, false
}

// joinOn returns the group's join on the candidate or role of alias t (a
// for applications, p for placements).
func (g breakdownGroup) joinOn(t string) string {
	if g.visa {
		return ""
	}
	col := t + ".candidate_id"
	if g.ofRole {
		col = t + ".role_id"
	}
	return strings.ReplaceAll(g.join, "%s", col)
}

// within returns a condition that col lies in the period (half-open at the
// end) and appends its arguments.
func within(col string, p talent.Period, args *[]any) string {
	var conds []string
	if p.From != nil {
		conds = append(conds, col+" >= ?")
		*args = append(*args, p.From.Time())
	}
	if p.To != nil {
		conds = append(conds, col+" < ?")
		*args = append(*args, p.To.AddDays(1).Time())
	}
	if len(conds) == 0 {
		return "1 = 1"
	}
	return strings.Join(conds, " AND ")
}

// BreakdownCounts returns, per group of the dimension, in the period:
// candidates who applied and applications submitted, applications moved to
// offer, placements recorded and arrivals. Totals count each candidate once.
//
// Applications are first counted per (group, candidate) in the CTE apps —
// per candidate before the join when the group is the candidate's — so
// that candidates are counted by grouping rather than COUNT(DISTINCT),
// which would sort every application.
func (d *DB) BreakdownCounts(ctx context.Context, by string, p talent.Period) ([]talent.BreakdownRow, talent.BreakdownRow, error) {
	g, ok := breakdownGroupOf(by)
	if !ok {
		return nil, talent.BreakdownRow{}, errors.New("store: unknown breakdown dimension " + by)
	}
	var args []any
	var with string
	var parts []string
	if !g.visa {
		var apps string
		if g.ofRole {
			apps = `SELECT a.candidate_id, ` + g.key + ` AS k, COUNT(*) AS n FROM applications a ` + g.joinOn("a") +
				` WHERE ` + within("a.created_at", p, &args) + ` GROUP BY ` + g.key + `, a.candidate_id`
		} else {
			apps = `SELECT a.candidate_id, ` + g.key + ` AS k, a.n FROM (
				SELECT candidate_id, COUNT(*) AS n FROM applications WHERE ` + within("created_at", p, &args) + ` GROUP BY candidate_id) a ` + g.joinOn("a")
		}
		with = "WITH " + g.with + " apps AS (" + apps + ")\n"
		parts = append(parts,
			`SELECT 'applications' AS measure, k, CAST(SUM(n) AS BIGINT) AS n, COUNT(*) AS people FROM apps GROUP BY k`,
			`SELECT 'offers' AS measure, `+g.key+` AS k, COUNT(*) AS n, 0 AS people
			FROM application_events e JOIN applications a ON a.id = e.application_id `+g.joinOn("a")+`
			WHERE e.to_stage = 'offer' AND `+within("e.created_at", p, &args)+` GROUP BY `+g.key)
	}
	parts = append(parts,
		`SELECT 'placements' AS measure, `+g.key+` AS k, COUNT(*) AS n, 0 AS people FROM placements p `+g.joinOn("p")+`
		WHERE `+within("p.created_at", p, &args)+` GROUP BY `+g.key,
		`SELECT 'arrivals' AS measure, `+g.key+` AS k, COUNT(*) AS n, 0 AS people FROM placements p `+g.joinOn("p")+`
		WHERE p.arrived_on IS NOT NULL AND `+within("p.arrived_on", p, &args)+` GROUP BY `+g.key)
	if !g.visa {
		parts = append(parts, `SELECT 'total' AS measure, '' AS k, CAST(COALESCE(SUM(n), 0) AS BIGINT) AS n,
			(SELECT COUNT(*) FROM (SELECT candidate_id FROM apps GROUP BY candidate_id) c) AS people FROM apps`)
	}
	q := with + strings.Join(parts, "\nUNION ALL\n")
	var rows []struct {
		Measure, K string
		N, People  int
	}
	err := d.analytic(ctx, func(db *gorm.DB) error { return db.Raw(q, args...).Scan(&rows).Error })
	if err != nil {
		return nil, talent.BreakdownRow{}, classify(err, "count breakdown")
	}
	groups := map[string]*talent.BreakdownRow{}
	var total talent.BreakdownRow
	for _, r := range rows {
		if r.Measure == "total" {
			total.Applications, total.Candidates = r.N, r.People
			continue
		}
		row, ok := groups[r.K]
		if !ok {
			row = &talent.BreakdownRow{Key: r.K}
			groups[r.K] = row
		}
		switch r.Measure {
		case "applications":
			row.Applications, row.Candidates = r.N, r.People
		case "offers":
			row.Offers, total.Offers = r.N, total.Offers+r.N
		case "placements":
			row.Placements, total.Placements = r.N, total.Placements+r.N
		case "arrivals":
			row.Arrivals, total.Arrivals = r.N, total.Arrivals+r.N
		}
	}
	out := make([]talent.BreakdownRow, 0, len(groups))
	for _, row := range groups {
		out = append(out, *row)
	}
	slices.SortFunc(out, func(a, b talent.BreakdownRow) int { return strings.Compare(a.Key, b.Key) })
	return out, total, nil
}
