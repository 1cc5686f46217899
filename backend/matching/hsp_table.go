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

// hspPointsJSON is the versioned points tables: every row of the (i)(a) and
// (i)(b) tables, the age-dependent salary table they share, the thresholds,
// and the numbers of the J-Skip and J-Find rules, with their sources and
// effective dates. It is JSON rather than TOML so that this package needs
// nothing beyond the standard library.
//
//go:embed hsp_points.json
var hspPointsJSON []byte

// HSP categories: which points table an assessment uses.
const (
	// HSPSpecialisedTechnical is HSP (i)(b), advanced specialised/technical
	// activities: engineers, data scientists, applied researchers in
	// companies. It is the default.
	HSPSpecialisedTechnical = "specialised_technical"
	// HSPAcademicResearch is HSP (i)(a), advanced academic research
	// activities: research or teaching under contract with a university or
	// research body in Japan.
	HSPAcademicResearch = "academic_research"
)

// HSPCategories are the values of HSPInput.Category.
var HSPCategories = []string{HSPSpecialisedTechnical, HSPAcademicResearch}

// HSPSource says which points table an assessment used.
type HSPSource struct {
	Table         string      // what the table covers
	Source        string      // where its rules come from
	EffectiveFrom talent.Date // when the points table took effect
	// JSkipJFindEffectiveFrom is when the J-Skip and J-Find rules took effect.
	JSkipJFindEffectiveFrom talent.Date
}

// HSPTableSource returns the source and effective dates of the points table
// of category (one of HSPCategories; the default for ""), for showing
// beside an assessment.
func HSPTableSource(category string) HSPSource {
	t := hspTables()
	c := t.category(category)
	return HSPSource{Table: c.Table, Source: c.Source, EffectiveFrom: c.EffectiveFrom, JSkipJFindEffectiveFrom: t.JSkipJFindEffectiveFrom}
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

// salaryTable is the age-banded annual salary table both categories share.
type salaryTable struct {
	Item          string      `json:"item"`
	ColumnMaxAges []int       `json:"column_max_ages"`
	Rows          []salaryRow `json:"rows"`
}

// pointsTables is hsp_points.json: the shared salary table, one points
// table per category, and the J-Skip and J-Find rules.
type pointsTables struct {
	Source                  string                  `json:"source"`
	Notes                   []string                `json:"notes"`
	JSkipJFindEffectiveFrom talent.Date             `json:"j_skip_j_find_effective_from"`
	Salary                  salaryTable             `json:"salary"`
	Categories              map[string]*pointsTable `json:"categories"`
	JSkip                   struct {
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

// category returns the points table of category, the default's for "".
func (t *pointsTables) category(category string) *pointsTable {
	if category == "" {
		category = HSPSpecialisedTechnical
	}
	return t.Categories[category]
}

// pointsTable is one category's points table.
type pointsTable struct {
	Table         string      `json:"table"`
	Source        string      `json:"source"`
	EffectiveFrom talent.Date `json:"effective_from"`
	Thresholds    struct {
		Eligible       int   `json:"eligible"`
		FastTrack      int   `json:"fast_track"`
		SalaryFloorJPY int64 `json:"salary_floor_jpy"` // 0: no floor
	} `json:"thresholds"`
	Degree          []degreeAward `json:"degree"`
	MultipleDegrees struct {
		award
		MinDegree string `json:"min_degree"`
	} `json:"multiple_degrees"`
	Experience []yearsAward `json:"experience"`
	Age        []ageAward   `json:"age"`
	// ResearchAchievements are banded by how many kinds of achievement apply.
	ResearchAchievements      []countAward `json:"research_achievements"`
	Qualifications            []countAward `json:"qualifications"`
	EmployerInnovationSupport award        `json:"employer_innovation_support"`
	EmployerSME               award        `json:"employer_sme"`
	SMERDOver3Percent         award        `json:"sme_rd_over_3_percent"`
	ForeignQualification      award        `json:"foreign_qualification"`
	JapaneseUniversityDegree  award        `json:"japanese_university_degree"`
	JLPT                      []jlptAward  `json:"jlpt"`
	GrowthFieldProject        award        `json:"growth_field_project"`
	TopUniversity             award        `json:"top_university"`
	JICATraining              award        `json:"jica_training"`
	// Salary is the shared salary table, set when the file is read.
	Salary *salaryTable `json:"-"`
}

// hspTables returns the parsed points tables. The file is embedded and
// checked by the tests, so a broken one is a programming error and panics.
var hspTables = sync.OnceValue(func() *pointsTables {
	t, err := parsePointsTables(hspPointsJSON)
	if err != nil {
		panic(err)
	}
	return t
})

// parsePointsTables reads and checks the points tables.
func parsePointsTables(data []byte) (*pointsTables, error) {
	var t pointsTables
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

// check rejects tables whose bands are out of order, whose salary rows do
// not have a column per age band, or that lack a category, since the
// lookups rely on all three; it hands each category the salary table.
func (t *pointsTables) check() error {
	columns := len(t.Salary.ColumnMaxAges) + 1
	for i, row := range t.Salary.Rows {
		if len(row.Points) != columns {
			return fmt.Errorf("salary row %d has %d columns, want %d", i, len(row.Points), columns)
		}
		if i > 0 && row.MinJPY >= t.Salary.Rows[i-1].MinJPY {
			return fmt.Errorf("salary rows must go from the highest band down (row %d)", i)
		}
	}
	if !slices.IsSorted(t.Salary.ColumnMaxAges) {
		return fmt.Errorf("salary columns must go from the youngest up")
	}
	if len(t.Categories) != len(HSPCategories) {
		return fmt.Errorf("want the categories %v, have %d", HSPCategories, len(t.Categories))
	}
	for _, name := range HSPCategories {
		c, ok := t.Categories[name]
		if !ok {
			return fmt.Errorf("category %s missing", name)
		}
		if err := c.check(); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		c.Salary = &t.Salary
	}
	return nil
}

// check rejects a category's table whose bands are out of order.
func (c *pointsTable) check() error {
	descending := func(name string, n int, at func(int) int) error {
		for i := 1; i < n; i++ {
			if at(i) >= at(i-1) {
				return fmt.Errorf("%s bands must go from the highest down (row %d)", name, i)
			}
		}
		return nil
	}
	for _, b := range []struct {
		name string
		rows []countAward
	}{{"qualification", c.Qualifications}, {"research achievement", c.ResearchAchievements}} {
		if err := descending(b.name, len(b.rows), func(i int) int { return b.rows[i].MinCount }); err != nil {
			return err
		}
	}
	if err := descending("experience", len(c.Experience), func(i int) int { return c.Experience[i].MinYears }); err != nil {
		return err
	}
	if !slices.IsSortedFunc(c.Age, func(a, b ageAward) int { return a.MaxAge - b.MaxAge }) {
		return fmt.Errorf("age bands must go from the youngest up")
	}
	if c.Thresholds.Eligible <= 0 || c.Thresholds.FastTrack < c.Thresholds.Eligible {
		return fmt.Errorf("thresholds out of order")
	}
	return nil
}
