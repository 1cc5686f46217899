package talent

import (
	"context"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/setubashi/setubashi/backend/progress"
)

// ProgressStore computes the goal dashboard's aggregates in the database
// and keeps the goal definition and the log of exports.
type ProgressStore interface {
	// GoalDefinition returns the saved goal definition; ErrNotFound while
	// none was saved (the default applies).
	GoalDefinition(ctx context.Context) (GoalDefinition, error)
	// SaveGoalDefinition replaces the goal definition.
	SaveGoalDefinition(ctx context.Context, g GoalDefinition) error
	// ProgressVersion returns a fingerprint of the data the aggregates read:
	// it changes whenever an application, a stage move, a placement, an
	// arrival, a profile or a role is added or changed.
	ProgressVersion(ctx context.Context) (string, error)
	// CountedDays returns, per day, how many people count under rule: each
	// candidate with an arrival from rule.From to rule.To (included) through
	// a placement in a role of one of rule.Types counts once, on the day of
	// the first such arrival. Days are in order.
	CountedDays(ctx context.Context, rule CountRule) ([]DayCount, error)
	// CountedGroups returns the people counted under rule by their Indian
	// state and by the prefecture of the role they were counted through.
	CountedGroups(ctx context.Context, rule CountRule) (byState, byPrefecture []GroupCount, err error)
	// FunnelCounts returns, for the given pipeline stages, how many
	// applications got no further than each, and the histograms of whole
	// hours applications spent in each before leaving it.
	FunnelCounts(ctx context.Context, stages []Stage) (FunnelCounts, error)
	// BreakdownCounts returns the counts of the period grouped by a
	// BreakdownDimensions entry (or GroupBySkill for each candidate's
	// strongest skill), sorted by key, and the totals (with every candidate
	// counted once).
	BreakdownCounts(ctx context.Context, by string, p Period) ([]BreakdownRow, BreakdownRow, error)
	// LogExport records an export and sets e.ID.
	LogExport(ctx context.Context, e *ExportRecord) error
	// PipelineHistory reads the stretch from an accepted offer to arrival,
	// for roles of the given types, with the acceptances since a day.
	PipelineHistory(ctx context.Context, types []string, since time.Time) (PipelineHistory, error)
}

// PipelineHistory is what the platform's own history says of the stretch
// from an accepted offer to arrival: the hours from each acceptance to its
// placement, the acceptances that ended otherwise (withdrawn), the days
// from each placement to its arrival, when each case still on its way
// reached where it stands (accepted, or placed and not yet arrived), and how
// many offers were accepted since a day.
type PipelineHistory struct {
	AcceptedToPlacedHours []int
	AcceptedClosed        int
	PlacedToArrivedDays   []int
	OpenAccepted          []time.Time
	OpenPlaced            []time.Time
	AcceptedSince         int
}

// SkillDomains says which field of work a skill belongs to (the skills
// taxonomy implements it); "" for an unknown skill.
type SkillDomains interface {
	DomainOf(slug string) string
}

// CountRule is what a count of people reads: arrivals from From to To
// (both included) through placements in roles of the given types.
type CountRule struct {
	From, To Date
	Types    []string
}

// DayCount is how many people were counted on one day.
type DayCount struct {
	Day   Date
	Count int
}

// GroupCount is how many people or things one group holds.
type GroupCount struct {
	Key   string
	Count int
}

// StayCount is how many stays in a stage lasted Hours whole hours.
type StayCount struct {
	Hours int
	Count int
}

// FunnelCounts are the raw figures of the funnel: per stage, applications
// that got no further, and the histogram of completed stays.
type FunnelCounts struct {
	Furthest map[string]int
	Stays    map[string][]StayCount
}

// Breakdown dimensions: what the dashboard groups its counts by.
const (
	ByIndianState      = "indian_state"      // the candidate's home state
	ByInstitution      = "institution"       // where the candidate earned their highest degree
	ByPrefecture       = "prefecture"        // where the role is
	ByOrganizationKind = "organization_kind" // the kind of host organisation
	ByRoleType         = "role_type"         // internship, job or research
	BySkillDomain      = "skill_domain"      // the field of the candidate's strongest skill
	ByVisaStatus       = "visa_status"       // the placement's status of residence
	ByJLPTLevel        = "jlpt_level"        // the candidate's Japanese level
)

// BreakdownDimensions lists every breakdown dimension.
var BreakdownDimensions = []string{ByIndianState, ByInstitution, ByPrefecture, ByOrganizationKind, ByRoleType, BySkillDomain, ByVisaStatus, ByJLPTLevel}

// GroupBySkill asks BreakdownCounts to group by each candidate's strongest
// skill (highest proficiency, first listed on a tie); the service sums the
// skills into their domains.
const GroupBySkill = "skill"

// Measures a breakdown counts, per group, in its period.
const (
	MeasureCandidates   = "candidates"   // people who applied
	MeasureApplications = "applications" // applications submitted
	MeasureOffers       = "offers"       // applications that reached the offer stage
	MeasurePlacements   = "placements"   // placements recorded
	MeasureArrivals     = "arrivals"     // placements whose candidate arrived in Japan
)

// Measures lists every measure in pipeline order.
var Measures = []string{MeasureCandidates, MeasureApplications, MeasureOffers, MeasurePlacements, MeasureArrivals}

// MeasuresOf returns the measures that apply to a dimension: a status of
// residence belongs to a placement, so visa statuses count placements and
// arrivals only.
func MeasuresOf(by string) []string {
	if by == ByVisaStatus {
		return []string{MeasurePlacements, MeasureArrivals}
	}
	return slices.Clone(Measures)
}

// Period is a span of days, both included; a nil end is open.
type Period struct {
	From, To *Date
}

// BreakdownRow is one group's counts. Key is a code of the dimension's
// reference list, an institution's name, or "" for "not stated".
type BreakdownRow struct {
	Key                                                    string
	Candidates, Applications, Offers, Placements, Arrivals int
}

// add sums o's counts into r.
func (r *BreakdownRow) add(o BreakdownRow) {
	r.Candidates += o.Candidates
	r.Applications += o.Applications
	r.Offers += o.Offers
	r.Placements += o.Placements
	r.Arrivals += o.Arrivals
}

// Breakdown is the counts of a period grouped by one dimension.
type Breakdown struct {
	By       string
	Period   Period
	Measures []string
	Rows     []BreakdownRow
	Total    BreakdownRow
}

// GoalReport is the goal dashboard on a day.
type GoalReport struct {
	Definition GoalDefinition
	Today      Date
	Goal       progress.Goal
	// Internships are counted as the goal counts people, beside it;
	// InternshipsCounted says whether they also count toward it.
	Internships        progress.Tally
	InternshipsCounted bool
	Funnel             []progress.Step
	// Milestones are how many people the target implies by the end of each
	// year of the window.
	Milestones []progress.Milestone
	// Forecast is the pipeline forecast (ForecastMethod), beside the run
	// rate's projected date in Goal.
	Forecast progress.PipelineForecast
}

// PublicBreakdown is a breakdown of counted people prepared for the public
// (see progress.Suppress).
type PublicBreakdown struct {
	Cells    []progress.PublicCell
	Withheld bool
}

// PublicProgress is what anyone may see of the goal: no personal data, and
// small groups hidden.
type PublicProgress struct {
	Target, Counted int
	Percent         float64
	Today           Date
	// PublishedThrough is the last day the figures cover: the end of the
	// latest month that ended progress.PublishLagDays or more ago.
	PublishedThrough Date
	Deadline         Date
	// Monthly runs from the window's first month to the current one.
	Monthly       []progress.Month
	ByPrefecture  PublicBreakdown
	ByIndianState PublicBreakdown
}

// DashboardCacheAge is the longest a computed aggregate is reused even
// though the data version says nothing changed (deletions do not change it).
const DashboardCacheAge = 5 * time.Minute

// Dashboard is the goal dashboard for ministry viewers and administrators,
// the goal definition administrators edit, exports, and the public figures.
// Aggregates are computed in the database and kept (see aggregateCache)
// until the data they read change.
type Dashboard struct {
	store   ProgressStore
	domains SkillDomains
	now     func() time.Time
	cache   *aggregateCache
}

// NewDashboard returns the dashboard service; domains maps skills to their
// fields of work for the skill_domain breakdown (nil: every skill is "").
func NewDashboard(store ProgressStore, domains SkillDomains) *Dashboard {
	return &Dashboard{store: store, domains: domains, now: time.Now, cache: newAggregateCache(DashboardCacheAge, 256)}
}

// viewerKinds may read the dashboard.
var viewerKinds = []AccountKind{AccountMinistry, AccountAdmin}

// Definition returns the goal definition to ministry viewers and
// administrators (the default until an administrator saves one). Anonymous
// callers: ErrUnauthenticated; other roles: ErrForbidden (wrong_role).
func (s *Dashboard) Definition(ctx context.Context, actor Actor) (GoalDefinition, error) {
	if err := requireKind(actor, viewerKinds...); err != nil {
		return GoalDefinition{}, err
	}
	return s.definition(ctx)
}

func (s *Dashboard) definition(ctx context.Context) (GoalDefinition, error) {
	g, err := s.store.GoalDefinition(ctx)
	if isNotFound(err) {
		return DefaultGoal(), nil
	}
	return g, err
}

// SetDefinition replaces the goal definition (administrators only; others
// ErrForbidden). Bad fields are ErrInvalid: a target from 1 to 1,000,000, a
// window between 2020 and 2100 whose deadline is after its start, and at
// least one role type, none twice.
func (s *Dashboard) SetDefinition(ctx context.Context, actor Actor, g GoalDefinition) (GoalDefinition, error) {
	if err := requireKind(actor, AccountAdmin); err != nil {
		return GoalDefinition{}, err
	}
	if err := validateGoal(g); err != nil {
		return GoalDefinition{}, err
	}
	at := s.now().UTC().Truncate(time.Microsecond)
	g.UpdatedAt, g.UpdatedBy = &at, actor.UserID
	g.CountedTypes = orderedTypes(g.CountedTypes)
	if err := s.store.SaveGoalDefinition(ctx, g); err != nil {
		return GoalDefinition{}, err
	}
	return g, nil
}

// orderedTypes returns role types in the order of RoleTypes.
func orderedTypes(types []string) []string {
	var out []string
	for _, t := range RoleTypes {
		if slices.Contains(types, t) {
			out = append(out, t)
		}
	}
	return out
}

// Goal returns the goal dashboard as of today to ministry viewers and
// administrators (others as Definition).
func (s *Dashboard) Goal(ctx context.Context, actor Actor) (GoalReport, error) {
	if err := requireKind(actor, viewerKinds...); err != nil {
		return GoalReport{}, err
	}
	version, err := s.store.ProgressVersion(ctx)
	if err != nil {
		return GoalReport{}, err
	}
	return s.goal(ctx, version)
}

func (s *Dashboard) goal(ctx context.Context, version string) (GoalReport, error) {
	def, err := s.definition(ctx)
	if err != nil {
		return GoalReport{}, err
	}
	today := DateOf(s.now())
	counted, err := s.countedDays(ctx, version, def, def.CountedTypes)
	if err != nil {
		return GoalReport{}, err
	}
	interns, err := s.countedDays(ctx, version, def, []string{"internship"})
	if err != nil {
		return GoalReport{}, err
	}
	funnel, err := cached(ctx, s.cache, "funnel", version, func(ctx context.Context) (FunnelCounts, error) {
		return s.store.FunnelCounts(ctx, PipelineStages)
	})
	if err != nil {
		return GoalReport{}, err
	}
	pdef := progressDefinition(def)
	goal := progress.Evaluate(pdef, counted, today.Time())
	forecast, err := s.pipelineForecast(ctx, version, def, goal.Counted, today)
	if err != nil {
		return GoalReport{}, err
	}
	return GoalReport{
		Definition: def, Today: today,
		Goal:               goal,
		Forecast:           forecast,
		Internships:        progress.Track(pdef, interns, today.Time()),
		InternshipsCounted: def.countsInternships(),
		Funnel:             progress.Funnel(Codes(PipelineStages), funnel.Furthest, stayHistograms(funnel.Stays)),
		Milestones:         progress.Milestones(pdef),
	}, nil
}

// countedDays returns the people counted per day through placements of the
// given types within def's window.
func (s *Dashboard) countedDays(ctx context.Context, version string, def GoalDefinition, types []string) ([]progress.DayCount, error) {
	rule := CountRule{From: def.WindowStart, To: def.Deadline, Types: types}
	days, err := cached(ctx, s.cache, "days:"+rule.key(), version, func(ctx context.Context) ([]DayCount, error) {
		return s.store.CountedDays(ctx, rule)
	})
	if err != nil {
		return nil, err
	}
	out := make([]progress.DayCount, len(days))
	for i, d := range days {
		out[i] = progress.DayCount{Day: d.Day.Time(), Count: d.Count}
	}
	return out, nil
}

// key identifies a count rule in the cache.
func (r CountRule) key() string {
	return r.From.String() + ".." + r.To.String() + ":" + strings.Join(r.Types, ",")
}

func progressDefinition(g GoalDefinition) progress.Definition {
	return progress.Definition{Target: g.Target, Start: g.WindowStart.Time(), Deadline: g.Deadline.Time()}
}

func stayHistograms(stays map[string][]StayCount) map[string][]progress.HourCount {
	out := make(map[string][]progress.HourCount, len(stays))
	for stage, hist := range stays {
		for _, h := range hist {
			out[stage] = append(out[stage], progress.HourCount{Hours: max(0, h.Hours), Count: h.Count})
		}
	}
	return out
}

// Breakdown returns the counts of a period grouped by q.By (one of
// BreakdownDimensions) to ministry viewers and administrators (others as
// Definition). An unknown dimension or a period that ends before it starts
// is ErrInvalid.
func (s *Dashboard) Breakdown(ctx context.Context, actor Actor, by string, p Period) (Breakdown, error) {
	if err := requireKind(actor, viewerKinds...); err != nil {
		return Breakdown{}, err
	}
	var v Validator
	v.OneOf("by", by, BreakdownDimensions)
	validatePeriod(&v, p)
	if err := v.Err(); err != nil {
		return Breakdown{}, err
	}
	version, err := s.store.ProgressVersion(ctx)
	if err != nil {
		return Breakdown{}, err
	}
	return s.breakdown(ctx, version, by, p)
}

func validatePeriod(v *Validator, p Period) {
	v.Date("from", p.From, earliestGoalDay, latestGoalDay)
	v.Date("to", p.To, earliestGoalDay, latestGoalDay)
	if p.From != nil && p.To != nil && p.To.Before(*p.From) {
		v.Add("to", "date_order")
	}
}

func (s *Dashboard) breakdown(ctx context.Context, version, by string, p Period) (Breakdown, error) {
	group := by
	if by == BySkillDomain {
		group = GroupBySkill
	}
	type counts struct {
		rows  []BreakdownRow
		total BreakdownRow
	}
	key := "breakdown:" + group + ":" + dateKey(p.From) + ".." + dateKey(p.To)
	c, err := cached(ctx, s.cache, key, version, func(ctx context.Context) (counts, error) {
		rows, total, err := s.store.BreakdownCounts(ctx, group, p)
		return counts{rows, total}, err
	})
	if err != nil {
		return Breakdown{}, err
	}
	rows := c.rows
	if by == BySkillDomain {
		rows = s.byDomain(rows)
	}
	return Breakdown{By: by, Period: p, Measures: MeasuresOf(by), Rows: rows, Total: c.total}, nil
}

// byDomain sums rows keyed by skill into rows keyed by the skill's domain.
// Each candidate has one strongest skill, so the sums count nobody twice.
func (s *Dashboard) byDomain(rows []BreakdownRow) []BreakdownRow {
	sums := map[string]BreakdownRow{}
	for _, r := range rows {
		domain := ""
		if s.domains != nil && r.Key != "" {
			domain = s.domains.DomainOf(r.Key)
		}
		sum := sums[domain]
		sum.add(r)
		sum.Key = domain
		sums[domain] = sum
	}
	out := slices.Collect(maps.Values(sums))
	slices.SortFunc(out, func(a, b BreakdownRow) int { return strings.Compare(a.Key, b.Key) })
	return out
}

func dateKey(d *Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

// PublicProgress returns the open figures of the goal, to anyone, for closed
// months only (up to progress.PublishedThrough, so that an arrival never
// changes them on the day it happens): the count, the monthly cumulative
// series, and the people counted by prefecture and by Indian state with
// small groups hidden (progress.Suppress).
func (s *Dashboard) PublicProgress(ctx context.Context) (PublicProgress, error) {
	version, err := s.store.ProgressVersion(ctx)
	if err != nil {
		return PublicProgress{}, err
	}
	def, err := s.definition(ctx)
	if err != nil {
		return PublicProgress{}, err
	}
	today := DateOf(s.now())
	through := DateOf(progress.PublishedThrough(today.Time(), progress.PublishLagDays))
	days, err := s.countedDays(ctx, version, def, def.CountedTypes)
	if err != nil {
		return PublicProgress{}, err
	}
	rule := CountRule{From: def.WindowStart, To: minDate(def.Deadline, through), Types: def.CountedTypes}
	type groups struct{ states, prefectures []GroupCount }
	g, err := cached(ctx, s.cache, "groups:"+rule.key(), version, func(ctx context.Context) (groups, error) {
		states, prefectures, err := s.store.CountedGroups(ctx, rule)
		return groups{states, prefectures}, err
	})
	if err != nil {
		return PublicProgress{}, err
	}
	goal := progress.Evaluate(progressDefinition(def), days, through.Time())
	out := PublicProgress{Target: def.Target, Counted: goal.Counted, Percent: goal.Percent, Today: today, PublishedThrough: through, Deadline: def.Deadline,
		ByPrefecture: publicBreakdown(goal.Counted, g.prefectures), ByIndianState: publicBreakdown(goal.Counted, g.states)}
	for _, m := range goal.Monthly {
		if m.Cumulative != nil {
			out.Monthly = append(out.Monthly, m)
		}
	}
	return out, nil
}

func publicBreakdown(total int, groups []GroupCount) PublicBreakdown {
	cells := make([]progress.Cell, len(groups))
	for i, g := range groups {
		cells[i] = progress.Cell{Key: g.Key, Count: g.Count}
	}
	out, withheld := progress.Suppress(total, cells)
	return PublicBreakdown{Cells: out, Withheld: withheld}
}
