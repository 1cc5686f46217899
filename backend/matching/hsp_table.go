package matching

import (
	"bytes"
	_ "embed" // the points table is an embedded data file
	"encoding/json"
	"fmt"
	"slices"
	"sync"

	"github.com/setubashi/setubashi/backend/talent"
)

// hspPointsJSON is the versioned points table: every row of the (i)(b)
// table, the age-dependent salary table, the thresholds, and the numbers of
// the J-Skip and J-Find rules, with their source and effective dates. It is
// JSON rather than TOML so that this package needs nothing beyond the
// standard library.
//
//go:embed hsp_points.json
var hspPointsJSON []byte

// HSPSource says which points table an assessment used.
type HSPSource struct {
	Table         string      // what the table covers
	Source        string      // where its rules come from
	EffectiveFrom talent.Date // when the points table took effect
	// JSkipJFindEffectiveFrom is when the J-Skip and J-Find rules took effect.
	JSkipJFindEffectiveFrom talent.Date
}

// HSPTableSource returns the source and effective dates of the points table
// in use, for showing beside an assessment.
func HSPTableSource() HSPSource {
	t := hspTable()
	return HSPSource{Table: t.Table, Source: t.Source, EffectiveFrom: t.EffectiveFrom, JSkipJFindEffectiveFrom: t.JSkipJFindEffectiveFrom}
}

// award is a number of points for one item of the table.
type award struct {
	Item   string `json:"item"`
	Points int    `json:"points"`
}

// Rows of the table's banded items.
type (
	degreeAward struct {
		Degree string `json:"degree"`
		award
	}
	yearsAward struct {
		MinYears int `json:"min_years"`
		award
	}
	ageAward struct {
		MaxAge int `json:"max_age"`
		award
	}
	countAward struct {
		MinCount int `json:"min_count"`
		award
	}
	jlptAward struct {
		Level string `json:"level"`
		award
		WithJapaneseUniversityDegree bool `json:"with_japanese_university_degree"`
	}
	salaryRow struct {
		MinJPY int64 `json:"min_jpy"`
		Points []int `json:"points"` // one per age column, youngest first
	}
)

// pointsTable is hsp_points.json.
type pointsTable struct {
	Table                   string      `json:"table"`
	Source                  string      `json:"source"`
	EffectiveFrom           talent.Date `json:"effective_from"`
	JSkipJFindEffectiveFrom talent.Date `json:"j_skip_j_find_effective_from"`
	Notes                   []string    `json:"notes"`
	Thresholds              struct {
		Eligible       int   `json:"eligible"`
		FastTrack      int   `json:"fast_track"`
		SalaryFloorJPY int64 `json:"salary_floor_jpy"`
	} `json:"thresholds"`
	Degree          []degreeAward `json:"degree"`
	MultipleDegrees struct {
		award
		MinDegree string `json:"min_degree"`
	} `json:"multiple_degrees"`
	Experience []yearsAward `json:"experience"`
	Age        []ageAward   `json:"age"`
	Salary     struct {
		Item          string      `json:"item"`
		ColumnMaxAges []int       `json:"column_max_ages"`
		Rows          []salaryRow `json:"rows"`
	} `json:"salary"`
	ResearchAchievements      award        `json:"research_achievements"`
	Qualifications            []countAward `json:"qualifications"`
	EmployerInnovationSupport award        `json:"employer_innovation_support"`
	EmployerSME               award        `json:"employer_sme"`
	SMERDOver3Percent         award        `json:"sme_rd_over_3_percent"`
	ForeignQualification      award        `json:"foreign_qualification"`
	JapaneseUniversityDegree  award        `json:"japanese_university_degree"`
	JLPT                      []jlptAward  `json:"jlpt"`
	GrowthFieldProject        award        `json:"growth_field_project"`
	TopUniversity             award        `json:"top_university"`
	JSkip                     struct {
		Degrees            []string `json:"degrees"`
		MinExperienceYears int      `json:"min_experience_years"`
		MinSalaryJPY       int64    `json:"min_salary_jpy"`
	} `json:"j_skip"`
	JFind struct {
		MinDegree               string `json:"min_degree"`
		RankingTop              int    `json:"ranking_top"`
		MinRankings             int    `json:"min_rankings"`
		MaxYearsSinceGraduation int    `json:"max_years_since_graduation"`
		MinSavingsJPY           int64  `json:"min_savings_jpy"`
	} `json:"j_find"`
}

// hspTable returns the parsed points table. The file is embedded and checked
// by the tests, so a broken one is a programming error and panics.
var hspTable = sync.OnceValue(func() *pointsTable {
	t, err := parsePointsTable(hspPointsJSON)
	if err != nil {
		panic(err)
	}
	return t
})

// parsePointsTable reads and checks a points table.
func parsePointsTable(data []byte) (*pointsTable, error) {
	var t pointsTable
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("hsp_points.json: %w", err)
	}
	if err := t.check(); err != nil {
		return nil, fmt.Errorf("hsp_points.json: %w", err)
	}
	return &t, nil
}

// check rejects a table whose bands are out of order or whose salary rows do
// not have a column per age band, since the lookups rely on both.
func (t *pointsTable) check() error {
	columns := len(t.Salary.ColumnMaxAges) + 1
	for i, row := range t.Salary.Rows {
		if len(row.Points) != columns {
			return fmt.Errorf("salary row %d has %d columns, want %d", i, len(row.Points), columns)
		}
		if i > 0 && row.MinJPY >= t.Salary.Rows[i-1].MinJPY {
			return fmt.Errorf("salary rows must go from the highest band down (row %d)", i)
		}
	}
	descending := func(name string, n int, at func(int) int) error {
		for i := 1; i < n; i++ {
			if at(i) >= at(i-1) {
				return fmt.Errorf("%s bands must go from the highest down (row %d)", name, i)
			}
		}
		return nil
	}
	if err := descending("experience", len(t.Experience), func(i int) int { return t.Experience[i].MinYears }); err != nil {
		return err
	}
	if err := descending("qualification", len(t.Qualifications), func(i int) int { return t.Qualifications[i].MinCount }); err != nil {
		return err
	}
	if !slices.IsSorted(t.Salary.ColumnMaxAges) || !slices.IsSortedFunc(t.Age, func(a, b ageAward) int { return a.MaxAge - b.MaxAge }) {
		return fmt.Errorf("age bands must go from the youngest up")
	}
	if t.Thresholds.Eligible <= 0 || t.Thresholds.FastTrack < t.Thresholds.Eligible {
		return fmt.Errorf("thresholds out of order")
	}
	return nil
}
