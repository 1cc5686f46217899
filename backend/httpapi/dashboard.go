package httpapi

import (
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/progress"
	"github.com/setubashi/setubashi/backend/talent"
)

// goalDefinitionJSON is the goal definition as the API shows it.
type goalDefinitionJSON struct {
	Target       int         `json:"target"`
	WindowStart  talent.Date `json:"window_start"`
	Deadline     talent.Date `json:"deadline"`
	CountedTypes []string    `json:"counted_types"`
	UpdatedAt    *time.Time  `json:"updated_at"`
	UpdatedBy    *int64      `json:"updated_by"`
}

// goalDefinitionRequest is what an administrator sends to change the goal.
type goalDefinitionRequest struct {
	Target       int          `json:"target"`
	WindowStart  *talent.Date `json:"window_start"`
	Deadline     *talent.Date `json:"deadline"`
	CountedTypes []string     `json:"counted_types"`
}

func toGoalDefinitionJSON(g talent.GoalDefinition) goalDefinitionJSON {
	out := goalDefinitionJSON{Target: g.Target, WindowStart: g.WindowStart, Deadline: g.Deadline, CountedTypes: g.CountedTypes, UpdatedAt: g.UpdatedAt}
	if out.CountedTypes == nil {
		out.CountedTypes = []string{}
	}
	if g.UpdatedBy != 0 {
		out.UpdatedBy = &g.UpdatedBy
	}
	return out
}

func (r goalDefinitionRequest) toGoal() talent.GoalDefinition {
	g := talent.GoalDefinition{Target: r.Target, CountedTypes: r.CountedTypes}
	if r.WindowStart != nil {
		g.WindowStart = *r.WindowStart
	}
	if r.Deadline != nil {
		g.Deadline = *r.Deadline
	}
	return g
}

// paceJSON is the actual pace over the last full months.
type paceJSON struct {
	PerMonth float64     `json:"per_month"`
	Counted  int         `json:"counted"`
	Months   int         `json:"months"`
	From     talent.Date `json:"from"`
	To       talent.Date `json:"to"`
}

// monthJSON is one month of the goal's series, with internships beside it.
type monthJSON struct {
	Month                string  `json:"month"`
	Arrivals             *int    `json:"arrivals"`
	Cumulative           *int    `json:"cumulative"`
	Trajectory           float64 `json:"trajectory"`
	InternshipArrivals   *int    `json:"internship_arrivals"`
	InternshipCumulative *int    `json:"internship_cumulative"`
}

// funnelStepJSON is one stage of the funnel.
type funnelStepJSON struct {
	Stage      string   `json:"stage"`
	Label      string   `json:"label"`
	Reached    int      `json:"reached"`
	Conversion *float64 `json:"conversion"`
	MedianDays *float64 `json:"median_days"`
	Left       int      `json:"left"`
}

type internshipsJSON struct {
	Counted       int  `json:"counted"`
	CountedInGoal bool `json:"counted_in_goal"`
}

// goalResponse is the goal dashboard.
type goalResponse struct {
	Definition       goalDefinitionJSON `json:"definition"`
	AsOf             talent.Date        `json:"as_of"`
	Counted          int                `json:"counted"`
	Target           int                `json:"target"`
	Percent          float64            `json:"percent"`
	Remaining        int                `json:"remaining"`
	DaysLeft         int                `json:"days_left"`
	RequiredPerMonth *float64           `json:"required_per_month"`
	ActualPace       *paceJSON          `json:"actual_pace"`
	ExpectedToday    float64            `json:"expected_today"`
	ReachedOn        *talent.Date       `json:"reached_on"`
	ProjectedDate    *talent.Date       `json:"projected_date"`
	Status           string             `json:"status"`
	StatusLabel      string             `json:"status_label"`
	Monthly          []monthJSON        `json:"monthly"`
	Internships      internshipsJSON    `json:"internships"`
	Funnel           []funnelStepJSON   `json:"funnel"`
	Milestones       []milestoneJSON    `json:"milestones"`
	Forecast         forecastJSON       `json:"forecast"`
}

// forecastJSON is the pipeline forecast with its method and figures.
type forecastJSON struct {
	Method     string              `json:"method"`
	InPipeline float64             `json:"in_pipeline"`
	Projected  *talent.Date        `json:"projected_date"`
	Earliest   *talent.Date        `json:"earliest_date"`
	Latest     *talent.Date        `json:"latest_date"`
	Steps      []forecastStepJSON  `json:"steps"`
	Monthly    []forecastMonthJSON `json:"monthly"`
}

// forecastStepJSON is one step's conversion and median days, observed or
// the stated fallback.
type forecastStepJSON struct {
	Step             string  `json:"step"`
	Conversion       float64 `json:"conversion"`
	Low              float64 `json:"conversion_low"`
	High             float64 `json:"conversion_high"`
	MedianDays       int     `json:"median_days"`
	Sample           int     `json:"sample"`
	Observed         bool    `json:"observed"`
	DaysObserved     bool    `json:"days_observed"`
	StalledAfterDays int     `json:"stalled_after_days"`
}

// forecastMonthJSON is one month's expected arrivals and total, with ranges.
type forecastMonthJSON struct {
	Month          string  `json:"month"`
	Expected       float64 `json:"expected"`
	Low            float64 `json:"low"`
	High           float64 `json:"high"`
	Cumulative     float64 `json:"cumulative"`
	CumulativeLow  float64 `json:"cumulative_low"`
	CumulativeHigh float64 `json:"cumulative_high"`
}

// toForecastJSON shows the pipeline forecast.
func toForecastJSON(f progress.PipelineForecast) forecastJSON {
	out := forecastJSON{Method: talent.ForecastMethod, InPipeline: f.InPipeline, Projected: datePtr(f.Projected), Earliest: datePtr(f.Earliest),
		Latest: datePtr(f.Latest), Steps: make([]forecastStepJSON, len(f.Steps)), Monthly: make([]forecastMonthJSON, len(f.Monthly))}
	for i, s := range f.Steps {
		out.Steps[i] = forecastStepJSON{Step: s.Name, Conversion: s.Conversion, Low: s.Low, High: s.High, MedianDays: s.MedianDays,
			Sample: s.Sample, Observed: s.Observed, DaysObserved: s.DaysObserved, StalledAfterDays: s.StalledAfterDays}
	}
	for i, m := range f.Monthly {
		out.Monthly[i] = forecastMonthJSON{Month: m.Start.Format("2006-01"), Expected: m.Expected, Low: m.Low, High: m.High,
			Cumulative: m.Cumulative, CumulativeLow: m.CumulativeLow, CumulativeHigh: m.CumulativeHigh}
	}
	return out
}

// milestoneJSON is how many people the target implies by a day (the end of
// a year of the window).
type milestoneJSON struct {
	Year   int         `json:"year"`
	By     talent.Date `json:"by"`
	Target int         `json:"target"`
}

func datePtr(t *time.Time) *talent.Date {
	if t == nil {
		return nil
	}
	d := talent.DateOf(*t)
	return &d
}

func (s *Server) toGoalResponse(r talent.GoalReport, lang string) goalResponse {
	g := r.Goal
	out := goalResponse{
		Definition: toGoalDefinitionJSON(r.Definition), AsOf: r.Today,
		Counted: g.Counted, Target: g.Target, Percent: g.Percent, Remaining: g.Remaining, DaysLeft: g.DaysLeft,
		RequiredPerMonth: g.RequiredPerMonth, ExpectedToday: g.ExpectedToday,
		ReachedOn: datePtr(g.ReachedOn), ProjectedDate: datePtr(g.ProjectedDate),
		Status: string(g.Status), StatusLabel: s.catalog.Text(lang, "dashboard.status."+string(g.Status)),
		Internships: internshipsJSON{Counted: r.Internships.Counted, CountedInGoal: r.InternshipsCounted},
		Milestones:  make([]milestoneJSON, len(r.Milestones)), Forecast: toForecastJSON(r.Forecast),
		Monthly: make([]monthJSON, len(g.Monthly)), Funnel: make([]funnelStepJSON, len(r.Funnel)),
	}
	for i, m := range r.Milestones {
		out.Milestones[i] = milestoneJSON{Year: m.Year, By: talent.DateOf(m.By), Target: m.Target}
	}
	if p := g.Actual; p != nil {
		out.ActualPace = &paceJSON{PerMonth: p.PerMonth, Counted: p.Counted, Months: p.Months, From: talent.DateOf(p.From), To: talent.DateOf(p.To)}
	}
	for i, m := range g.Monthly {
		out.Monthly[i] = monthJSON{Month: m.Start.Format("2006-01"), Arrivals: m.Arrivals, Cumulative: m.Cumulative, Trajectory: m.Trajectory}
		if i < len(r.Internships.Monthly) {
			out.Monthly[i].InternshipArrivals, out.Monthly[i].InternshipCumulative = r.Internships.Monthly[i].Arrivals, r.Internships.Monthly[i].Cumulative
		}
	}
	for i, st := range r.Funnel {
		out.Funnel[i] = funnelStepJSON{Stage: st.Stage, Label: s.catalog.Text(lang, "stage."+st.Stage), Reached: st.Reached,
			Conversion: st.Conversion, MedianDays: st.MedianDays, Left: st.Left}
	}
	return out
}

func (s *Server) dashboardGoal(c *gin.Context) (any, error) {
	r, err := s.Dashboard.Goal(c.Request.Context(), actorOf(c))
	if err != nil {
		return nil, err
	}
	return s.toGoalResponse(r, languageOf(c)), nil
}

func (s *Server) getGoalDefinition(c *gin.Context) (any, error) {
	g, err := s.Dashboard.Definition(c.Request.Context(), actorOf(c))
	if err != nil {
		return nil, err
	}
	return toGoalDefinitionJSON(g), nil
}

func (s *Server) putGoalDefinition(c *gin.Context, req goalDefinitionRequest) (any, error) {
	g, err := s.Dashboard.SetDefinition(c.Request.Context(), actorOf(c), req.toGoal())
	if err != nil {
		return nil, err
	}
	return toGoalDefinitionJSON(g), nil
}

// breakdownRowJSON is one group of a breakdown; counts that do not apply
// to the dimension are null.
type breakdownRowJSON struct {
	Code         string `json:"code"`
	Label        string `json:"label"`
	Candidates   *int   `json:"candidates"`
	Applications *int   `json:"applications"`
	Offers       *int   `json:"offers"`
	Placements   *int   `json:"placements"`
	Arrivals     *int   `json:"arrivals"`
}

type breakdownResponse struct {
	By       string             `json:"by"`
	Label    string             `json:"label"`
	From     *talent.Date       `json:"from"`
	To       *talent.Date       `json:"to"`
	Measures []string           `json:"measures"`
	Rows     []breakdownRowJSON `json:"rows"`
	Total    breakdownRowJSON   `json:"total"`
}

// groupSections are the message sections that label each dimension's codes.
var groupSections = map[string]string{
	talent.ByIndianState: "state", talent.ByPrefecture: "prefecture", talent.ByOrganizationKind: "org_kind",
	talent.ByRoleType: "role_type", talent.BySkillDomain: "skill_domain", talent.ByVisaStatus: "visa", talent.ByJLPTLevel: "jlpt",
}

// groupLabel names a group of a dimension in lang: its reference label, an
// institution's name as written, or "not stated".
func (s *Server) groupLabel(lang, by, code string) string {
	section, ok := groupSections[by]
	switch {
	case code == "":
		return s.catalog.Text(lang, "dashboard.not_stated")
	case !ok:
		return code
	}
	return s.catalog.Text(lang, section+"."+code)
}

func measureValues(r talent.BreakdownRow, measures []string) breakdownRowJSON {
	out := breakdownRowJSON{Code: r.Key}
	values := map[string]int{talent.MeasureCandidates: r.Candidates, talent.MeasureApplications: r.Applications,
		talent.MeasureOffers: r.Offers, talent.MeasurePlacements: r.Placements, talent.MeasureArrivals: r.Arrivals}
	fields := map[string]**int{talent.MeasureCandidates: &out.Candidates, talent.MeasureApplications: &out.Applications,
		talent.MeasureOffers: &out.Offers, talent.MeasurePlacements: &out.Placements, talent.MeasureArrivals: &out.Arrivals}
	for _, m := range measures {
		v := values[m]
		*fields[m] = &v
	}
	return out
}

func (s *Server) toBreakdownResponse(b talent.Breakdown, lang string) breakdownResponse {
	out := breakdownResponse{By: b.By, Label: s.catalog.Text(lang, "dashboard.dimension."+b.By), From: b.Period.From, To: b.Period.To,
		Measures: b.Measures, Rows: make([]breakdownRowJSON, len(b.Rows))}
	for i, r := range b.Rows {
		out.Rows[i] = measureValues(r, b.Measures)
		out.Rows[i].Label = s.groupLabel(lang, b.By, r.Key)
	}
	out.Total = measureValues(b.Total, b.Measures)
	out.Total.Label = s.catalog.Text(lang, "dashboard.total")
	return out
}

// periodOf reads ?from= and ?to= (YYYY-MM-DD); a bad date is a field error.
func periodOf(c *gin.Context) (talent.Period, error) {
	var p talent.Period
	var v talent.Validator
	for _, f := range []struct {
		name string
		dst  **talent.Date
	}{{"from", &p.From}, {"to", &p.To}} {
		raw, ok := c.GetQuery(f.name)
		if !ok {
			continue
		}
		d, err := talent.ParseDate(raw)
		if err != nil {
			v.Add(f.name, "invalid_date")
			continue
		}
		*f.dst = &d
	}
	return p, v.Err()
}

func (s *Server) dashboardBreakdown(c *gin.Context) (any, error) {
	p, err := periodOf(c)
	if err != nil {
		return nil, err
	}
	b, err := s.Dashboard.Breakdown(c.Request.Context(), actorOf(c), c.Query("by"), p)
	if err != nil {
		return nil, err
	}
	return s.toBreakdownResponse(b, languageOf(c)), nil
}

// publicGroupJSON is one group of a public breakdown: count is a number,
// "<5" (1 to 4 people) or "5+" (withheld so that a small group cannot be
// worked out).
type publicGroupJSON struct {
	Code  string `json:"code"`
	Label string `json:"label"`
	Count any    `json:"count"`
}

type publicBreakdownJSON struct {
	Withheld bool              `json:"withheld"`
	Groups   []publicGroupJSON `json:"groups"`
}

type publicMonthJSON struct {
	Month      string  `json:"month"`
	Cumulative int     `json:"cumulative"`
	Trajectory float64 `json:"trajectory"`
}

type publicProgressResponse struct {
	AsOf             talent.Date         `json:"as_of"`
	PublishedThrough talent.Date         `json:"published_through"`
	Counted          int                 `json:"counted"`
	Target           int                 `json:"target"`
	Percent          float64             `json:"percent"`
	Deadline         talent.Date         `json:"deadline"`
	Monthly          []publicMonthJSON   `json:"monthly"`
	ByPrefecture     publicBreakdownJSON `json:"by_prefecture"`
	ByIndianState    publicBreakdownJSON `json:"by_indian_state"`
	Threshold        int                 `json:"threshold"`
}

func (s *Server) toPublicBreakdown(b talent.PublicBreakdown, by, lang string) publicBreakdownJSON {
	out := publicBreakdownJSON{Withheld: b.Withheld, Groups: make([]publicGroupJSON, len(b.Cells))}
	for i, cell := range b.Cells {
		var count any = cell.Count
		switch cell.Shown {
		case progress.ShownUnder:
			count = "<5"
		case progress.ShownAtLeast:
			count = "5+"
		}
		out.Groups[i] = publicGroupJSON{Code: cell.Key, Label: s.groupLabel(lang, by, cell.Key), Count: count}
	}
	return out
}

// publicProgress answers anyone, and may be cached by browsers and proxies
// for a minute.
func (s *Server) publicProgress(c *gin.Context) (any, error) {
	p, err := s.Dashboard.PublicProgress(c.Request.Context())
	if err != nil {
		return nil, err
	}
	lang := languageOf(c)
	out := publicProgressResponse{AsOf: p.Today, PublishedThrough: p.PublishedThrough, Counted: p.Counted, Target: p.Target, Percent: p.Percent, Deadline: p.Deadline,
		Monthly:       make([]publicMonthJSON, len(p.Monthly)),
		ByPrefecture:  s.toPublicBreakdown(p.ByPrefecture, talent.ByPrefecture, lang),
		ByIndianState: s.toPublicBreakdown(p.ByIndianState, talent.ByIndianState, lang),
		Threshold:     progress.Threshold}
	for i, m := range p.Monthly {
		out.Monthly[i] = publicMonthJSON{Month: m.Start.Format("2006-01"), Cumulative: *m.Cumulative, Trajectory: m.Trajectory}
	}
	c.Header("Cache-Control", "public, max-age=60")
	return out, nil
}
