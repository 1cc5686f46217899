package matching_test

import (
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/matching"
	"github.com/setubashi/setubashi/backend/talent"
)

// baseProfile and baseRole fit each other fairly well; tests change one
// thing at a time.
func baseProfile() talent.Profile {
	return talent.Profile{
		UserID: 7, Name: "Asha",
		Education: []talent.Education{
			{Level: "bachelor", Institution: "IIT Madras", Field: "CS", Year: 2019},
			{Level: "master", Institution: "IISc", Field: "AI", Year: 2021},
		},
		ExperienceYears: 4,
		Skills: []talent.SkillLevel{
			{Skill: "python", Proficiency: 4}, {Skill: "pytorch", Proficiency: 3}, {Skill: "nlp", Proficiency: 4},
		},
		JLPTLevel: "N3", EnglishLevel: "fluent",
		WantedRoleTypes:      []string{"job"},
		EarliestStart:        datePtr(2027, time.January, 10),
		SalaryExpectationJPY: yen(6_000_000),
		PreferredPrefectures: []string{"tokyo", "kanagawa"},
	}
}

func baseRole() talent.Role {
	return talent.Role{
		ID: 11, Type: "job", Status: talent.RoleOpen,
		RequiredSkills:  []talent.SkillRequirement{{Skill: "python", MinProficiency: 3}, {Skill: "pytorch", MinProficiency: 3}, {Skill: "kubernetes", MinProficiency: 2}},
		PreferredSkills: []talent.SkillRequirement{{Skill: "mlops", MinProficiency: 2}, {Skill: "nlp", MinProficiency: 3}},
		MinEducation:    "bachelor", MinExperienceYears: 3,
		JapaneseLevel: "N3", JapaneseMode: "preferred", EnglishLevel: "business",
		Prefecture: "tokyo", Remote: "onsite",
		SalaryMinJPY: yen(5_500_000), SalaryMaxJPY: yen(7_000_000),
		StartDate: datePtr(2027, time.January, 15), Deadline: datePtr(2026, time.December, 31),
	}
}

func newScorer() *matching.Scorer {
	tax, _ := testTaxonomy()
	return matching.NewScorer(tax, matching.DefaultWeights())
}

// only returns weights with a single component switched on.
func only(set func(*matching.Weights)) matching.Weights {
	var w matching.Weights
	set(&w)
	return w
}

func component(t *testing.T, s talent.Scored, name string) talent.ScoreComponent {
	t.Helper()
	for _, c := range s.Components {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no component %s in %+v", name, s.Components)
	return talent.ScoreComponent{}
}

func reasonIDs(rs []talent.Reason) []string {
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	return ids
}

func TestScoreExplainsEachComponent(t *testing.T) {
	s := newScorer().Score(baseProfile(), baseRole(), today, matching.CandidateView)
	if !s.Eligible || s.ID != 11 || len(s.Blockers) != 0 {
		t.Fatalf("eligibility: %+v", s)
	}
	var names []string
	var weights, points float64
	for _, c := range s.Components {
		names = append(names, c.Name)
		weights += c.Weight
		points += c.Points
		if len(c.Reasons) == 0 {
			t.Errorf("%s has no reasons", c.Name)
		}
	}
	want := []string{"skills_required", "skills_preferred", "japanese", "english", "education", "experience", "role_type", "start", "location", "salary"}
	if !slices.Equal(names, want) {
		t.Fatalf("components %v, want %v (research applies to research posts only)", names, want)
	}
	if math.Abs(weights-100) > 0.5 || math.Abs(points-float64(s.Score)) > 1 {
		t.Errorf("weights add up to %.1f, points to %.1f, score %d", weights, points, s.Score)
	}
	req := component(t, s, "skills_required")
	r := req.Reasons[0]
	if r.ID != "match.skills.required" || r.Args["Have"] != 2 || r.Args["Total"] != 3 ||
		!reflect.DeepEqual(r.Args["Matched"], talent.Terms{{Set: "skill", Code: "python"}, {Set: "skill", Code: "pytorch"}}) ||
		!reflect.DeepEqual(r.Args["Missing"], talent.Terms{{Set: "skill", Code: "kubernetes"}}) {
		t.Errorf("required skills reason %+v", r)
	}
	for name, id := range map[string]string{
		"skills_preferred": "match.skills.preferred", "japanese": "match.japanese.meets_preferred", "english": "match.english.meets_preferred",
		"education": "match.education.meets", "experience": "match.experience.meets", "role_type": "match.role_type.wanted",
		"start": "match.start.in_time", "location": "match.location.preferred", "salary": "match.salary.within_range",
	} {
		if got := component(t, s, name).Reasons[0].ID; got != id {
			t.Errorf("%s: reason %s, want %s", name, got, id)
		}
	}
	jp := component(t, s, "japanese").Reasons[0]
	if jp.Args["Have"] != (talent.Term{Set: "jlpt", Code: "N3"}) || jp.Args["Want"] != (talent.Term{Set: "jlpt", Code: "N3"}) {
		t.Errorf("japanese reason args %+v", jp.Args)
	}
}

// scoreOnly scores a pair with one component switched on.
func scoreOnly(t *testing.T, set func(*matching.Weights), p talent.Profile, r talent.Role, v matching.Viewer) (talent.Scored, talent.ScoreComponent) {
	t.Helper()
	tax, _ := testTaxonomy()
	s := matching.NewScorer(tax, only(set)).Score(p, r, today, v)
	if len(s.Components) != 1 {
		t.Fatalf("want one component, got %+v", s.Components)
	}
	return s, s.Components[0]
}

func TestSkillCredit(t *testing.T) {
	required := func(w *matching.Weights) { w.SkillsRequired = 1 }
	cases := []struct {
		name  string
		have  []talent.SkillLevel
		want  []talent.SkillRequirement
		score int
		ids   []string
	}{
		{"all at level", []talent.SkillLevel{{Skill: "python", Proficiency: 5}}, []talent.SkillRequirement{{Skill: "python", MinProficiency: 3}}, 100, []string{"match.skills.required_all"}},
		{"below level counts in proportion", []talent.SkillLevel{{Skill: "python", Proficiency: 2}}, []talent.SkillRequirement{{Skill: "python", MinProficiency: 4}}, 50, []string{"match.skills.below_level"}},
		{"a sibling counts half", []talent.SkillLevel{{Skill: "pytorch", Proficiency: 3}}, []talent.SkillRequirement{{Skill: "tensorflow", MinProficiency: 3}}, 50, []string{"match.skills.required_none", "match.skills.near"}},
		{"a child counts 0.8, scaled by level", []talent.SkillLevel{{Skill: "pytorch", Proficiency: 2}}, []talent.SkillRequirement{{Skill: "deep-learning", MinProficiency: 4}}, 40, []string{"match.skills.required_none", "match.skills.near"}},
		{"unrelated counts nothing", []talent.SkillLevel{{Skill: "python", Proficiency: 5}}, []talent.SkillRequirement{{Skill: "kubernetes", MinProficiency: 1}}, 0, []string{"match.skills.required_none"}},
		{"some met, one below, none missing", []talent.SkillLevel{{Skill: "python", Proficiency: 5}, {Skill: "kubernetes", Proficiency: 1}}, []talent.SkillRequirement{{Skill: "python", MinProficiency: 3}, {Skill: "kubernetes", MinProficiency: 2}}, 75, []string{"match.skills.required_partial", "match.skills.below_level"}},
	}
	for _, c := range cases {
		p, r := talent.Profile{UserID: 1, Skills: c.have}, talent.Role{ID: 1, RequiredSkills: c.want}
		s, comp := scoreOnly(t, required, p, r, matching.CandidateView)
		if s.Score != c.score || !slices.Equal(reasonIDs(comp.Reasons), c.ids) {
			t.Errorf("%s: score %d reasons %v, want %d %v", c.name, s.Score, reasonIDs(comp.Reasons), c.score, c.ids)
		}
	}
	// Without a taxonomy only the skill itself counts.
	p := talent.Profile{Skills: []talent.SkillLevel{{Skill: "pytorch", Proficiency: 3}}}
	r := talent.Role{RequiredSkills: []talent.SkillRequirement{{Skill: "tensorflow", MinProficiency: 3}}}
	if s := matching.NewScorer(nil, only(required)).Score(p, r, today, matching.CandidateView); s.Score != 0 {
		t.Errorf("no taxonomy: score %d", s.Score)
	}
}

// brokenTaxonomy answers outside 0–1.
type brokenTaxonomy struct{ v float64 }

func (b brokenTaxonomy) Similarity(string, string) float64 { return b.v }

func TestSimilarityOutsideRangeIsClamped(t *testing.T) {
	p := talent.Profile{Skills: []talent.SkillLevel{{Skill: "a", Proficiency: 5}}}
	r := talent.Role{RequiredSkills: []talent.SkillRequirement{{Skill: "b", MinProficiency: 5}}}
	for v, want := range map[float64]int{7: 100, -3: 0, math.NaN(): 0} {
		s := matching.NewScorer(brokenTaxonomy{v}, only(func(w *matching.Weights) { w.SkillsRequired = 1 })).Score(p, r, today, matching.CandidateView)
		if s.Score != want {
			t.Errorf("similarity %v: score %d, want %d", v, s.Score, want)
		}
	}
}

func TestLanguages(t *testing.T) {
	japanese := func(w *matching.Weights) { w.Japanese = 1 }
	cases := []struct {
		have, want, mode string
		score            int
		id               string
		eligible         bool
	}{
		{"N2", "N3", "preferred", 100, "match.japanese.meets_preferred", true},
		{"N4", "N3", "preferred", 67, "match.japanese.below_preferred", true},
		{"N5", "N2", "preferred", 0, "match.japanese.below_preferred", true},
		{"none", "N4", "preferred", 33, "match.japanese.none_preferred", true},
		{"N1", "N2", "required", 100, "match.japanese.meets_required", true},
		{"N3", "N2", "required", 67, "match.japanese.below_required", false},
		{"none", "N5", "required", 67, "match.japanese.none_required", false},
	}
	for _, c := range cases {
		p := talent.Profile{JLPTLevel: c.have}
		r := talent.Role{JapaneseLevel: c.want, JapaneseMode: c.mode}
		s, comp := scoreOnly(t, japanese, p, r, matching.CandidateView)
		if s.Score != c.score || comp.Reasons[0].ID != c.id || s.Eligible != c.eligible {
			t.Errorf("%s vs %s %s: score %d reason %s eligible %v", c.have, c.mode, c.want, s.Score, comp.Reasons[0].ID, s.Eligible)
		}
		if !c.eligible && (len(s.Blockers) != 1 || s.Blockers[0].ID != c.id) {
			t.Errorf("%s vs required %s: blockers %+v", c.have, c.want, s.Blockers)
		}
	}
	// No Japanese asked for: the component is left out.
	tax, _ := testTaxonomy()
	s := matching.NewScorer(tax, matching.Weights{Japanese: 1, English: 1}).Score(talent.Profile{EnglishLevel: "basic"}, talent.Role{JapaneseLevel: "none", EnglishLevel: "business"}, today, matching.CandidateView)
	if len(s.Components) != 1 || s.Components[0].Name != "english" || s.Score != 33 || s.Components[0].Reasons[0].ID != "match.english.below_preferred" {
		t.Errorf("english only: %+v", s)
	}
}

func TestHardRequirements(t *testing.T) {
	sc := newScorer()
	p, r := baseProfile(), baseRole()
	r.MinEducation = "doctorate"
	s := sc.Score(p, r, today, matching.CandidateView)
	if s.Eligible || !slices.Equal(reasonIDs(s.Blockers), []string{"match.education.below"}) {
		t.Errorf("doctorate required: %+v", s.Blockers)
	}
	p.Education = nil
	if s := sc.Score(p, r, today, matching.CandidateView); s.Eligible || s.Blockers[0].ID != "match.education.none" {
		t.Errorf("no degree: %+v", s.Blockers)
	}

	r = baseRole()
	r.Deadline = datePtr(2026, time.November, 25)
	s = sc.Score(baseProfile(), r, today, matching.CandidateView)
	if s.Eligible || s.Blockers[0].ID != "match.deadline_passed" || s.Blockers[0].Args["Deadline"] != *r.Deadline {
		t.Errorf("deadline yesterday: %+v", s.Blockers)
	}
	r.Deadline = datePtr(2026, time.November, 26)
	if s := sc.Score(baseProfile(), r, today, matching.CandidateView); !s.Eligible {
		t.Errorf("deadline today is still open: %+v", s.Blockers)
	}

	// Several blockers at once, each with its reason; the score is still given.
	r = baseRole()
	r.JapaneseLevel, r.JapaneseMode, r.MinEducation, r.Deadline = "N1", "required", "doctorate", datePtr(2026, time.January, 1)
	s = sc.Score(baseProfile(), r, today, matching.OrganizationView)
	if s.Eligible || len(s.Blockers) != 3 || s.Score == 0 || s.ID != 7 {
		t.Errorf("three blockers: %+v", s)
	}
}

func TestExperienceAndResearch(t *testing.T) {
	exp := func(w *matching.Weights) { w.Experience = 1 }
	s, c := scoreOnly(t, exp, talent.Profile{ExperienceYears: 2}, talent.Role{MinExperienceYears: 4}, matching.CandidateView)
	if s.Score != 50 || c.Reasons[0].ID != "match.experience.below" || c.Reasons[0].Args["Count"] != 2 {
		t.Errorf("experience: %d %+v", s.Score, c.Reasons)
	}
	research := func(w *matching.Weights) { w.Research = 1 }
	for _, tc := range []struct {
		papers, patents, score int
		ids                    []string
	}{
		{0, 0, 0, []string{"match.research.none"}},
		{1, 0, 33, []string{"match.research.papers"}},
		{3, 0, 100, []string{"match.research.papers"}},
		{0, 1, 100, []string{"match.research.patents"}},
		{2, 1, 100, []string{"match.research.papers", "match.research.patents"}},
	} {
		s, c := scoreOnly(t, research, talent.Profile{Papers: tc.papers, Patents: tc.patents}, talent.Role{Type: "research"}, matching.CandidateView)
		if s.Score != tc.score || !slices.Equal(reasonIDs(c.Reasons), tc.ids) {
			t.Errorf("%d papers %d patents: %d %v", tc.papers, tc.patents, s.Score, reasonIDs(c.Reasons))
		}
	}
	tax, _ := testTaxonomy()
	if s := matching.NewScorer(tax, only(research)).Score(talent.Profile{Papers: 9}, talent.Role{Type: "job"}, today, matching.CandidateView); len(s.Components) != 0 {
		t.Errorf("research record scored for a job: %+v", s.Components)
	}
}

func TestLogistics(t *testing.T) {
	type tc struct {
		name    string
		set     func(*matching.Weights)
		profile func(*talent.Profile)
		role    func(*talent.Role)
		score   int
		id      string
	}
	roleType := func(w *matching.Weights) { w.RoleType = 1 }
	start := func(w *matching.Weights) { w.Start = 1 }
	location := func(w *matching.Weights) { w.Location = 1 }
	salary := func(w *matching.Weights) { w.Salary = 1 }
	none := func(*talent.Profile) {}
	keep := func(*talent.Role) {}
	cases := []tc{
		{"wanted type", roleType, none, keep, 100, "match.role_type.wanted"},
		{"other type", roleType, none, func(r *talent.Role) { r.Type = "research" }, 0, "match.role_type.not_wanted"},
		{"starts in time", start, none, keep, 100, "match.start.in_time"},
		{"45 days late, open-ended", start, func(p *talent.Profile) { p.EarliestStart = datePtr(2027, time.March, 1) }, keep, 75, "match.start.late"},
		{"45 days late into a 3-month post", start, func(p *talent.Profile) { p.EarliestStart = datePtr(2027, time.March, 1) },
			func(r *talent.Role) { r.DurationMonths = intPtr(3) }, 50, "match.start.late"},
		{"after a 3-month post ends", start, func(p *talent.Profile) { p.EarliestStart = datePtr(2027, time.April, 15) },
			func(r *talent.Role) { r.DurationMonths = intPtr(3) }, 0, "match.start.after_end"},
		{"preferred prefecture", location, none, keep, 100, "match.location.preferred"},
		{"elsewhere", location, none, func(r *talent.Role) { r.Prefecture = "osaka" }, 0, "match.location.not_preferred"},
		{"hybrid elsewhere, remote ok", location, func(p *talent.Profile) { p.RemoteOK = true }, func(r *talent.Role) { r.Prefecture, r.Remote = "osaka", "hybrid" }, 50, "match.location.hybrid_ok"},
		{"fully remote, remote ok", location, func(p *talent.Profile) { p.RemoteOK = true }, func(r *talent.Role) { r.Prefecture, r.Remote = "osaka", "remote" }, 100, "match.location.remote_ok"},
		{"fully remote, not said ok", location, none, func(r *talent.Role) { r.Prefecture, r.Remote = "osaka", "remote" }, 50, "match.location.remote_not_accepted"},
		{"range includes expectation", salary, none, keep, 100, "match.salary.within_range"},
		{"above expectation", salary, none, func(r *talent.Role) { r.SalaryMinJPY, r.SalaryMaxJPY = yen(6_500_000), yen(8_000_000) }, 100, "match.salary.above_expectation"},
		{"fixed salary meets expectation", salary, none, func(r *talent.Role) { r.SalaryMinJPY, r.SalaryMaxJPY = yen(6_000_000), nil }, 100, "match.salary.meets_expectation"},
		{"25% below expectation", salary, none, func(r *talent.Role) { r.SalaryMinJPY, r.SalaryMaxJPY = yen(4_000_000), yen(4_500_000) }, 50, "match.salary.below_expectation"},
		{"stipend × 12 below", salary, none, func(r *talent.Role) {
			r.Type, r.SalaryMinJPY, r.SalaryMaxJPY, r.StipendMonthlyJPY = "internship", nil, nil, yen(450_000)
		}, 80, "match.salary.stipend_below"},
		{"stipend × 12 meets", salary, none, func(r *talent.Role) {
			r.Type, r.SalaryMinJPY, r.SalaryMaxJPY, r.StipendMonthlyJPY = "internship", nil, nil, yen(500_000)
		}, 100, "match.salary.stipend_meets"},
	}
	for _, c := range cases {
		p, r := baseProfile(), baseRole()
		c.profile(&p)
		c.role(&r)
		s, comp := scoreOnly(t, c.set, p, r, matching.CandidateView)
		if s.Score != c.score || comp.Reasons[0].ID != c.id {
			t.Errorf("%s: score %d reason %s, want %d %s", c.name, s.Score, comp.Reasons[0].ID, c.score, c.id)
		}
		org, _ := scoreOnly(t, c.set, p, r, matching.OrganizationView)
		if got := org.Components[0].Reasons[0].ID; got != c.id+"_org" {
			t.Errorf("%s: the organisation reads %s", c.name, got)
		}
	}
	// The salary reason carries yen.
	_, comp := scoreOnly(t, salary, baseProfile(), baseRole(), matching.CandidateView)
	if a := comp.Reasons[0].Args; a["Low"] != talent.Yen(5_500_000) || a["High"] != talent.Yen(7_000_000) || a["Expected"] != talent.Yen(6_000_000) {
		t.Errorf("salary args %+v", a)
	}
}

func TestComponentsLeftOutAndRenormalised(t *testing.T) {
	sc := newScorer()
	p := talent.Profile{UserID: 1, Skills: []talent.SkillLevel{{Skill: "python", Proficiency: 5}}}
	r := talent.Role{ID: 2, RequiredSkills: []talent.SkillRequirement{{Skill: "python", MinProficiency: 3}, {Skill: "kubernetes", MinProficiency: 3}}}
	s := sc.Score(p, r, today, matching.CandidateView)
	if len(s.Components) != 1 || s.Components[0].Weight != 100 || s.Score != 50 || s.Components[0].Points != 50 {
		t.Errorf("one component: %+v", s)
	}
	// A preferred-skills component at half: (30×0.5 + 10×1) / 40.
	r.PreferredSkills = []talent.SkillRequirement{{Skill: "python", MinProficiency: 1}}
	r.RequiredSkills = r.RequiredSkills[:2]
	if s := sc.Score(p, r, today, matching.CandidateView); s.Score != 63 || s.Components[0].Weight != 75 || s.Components[1].Weight != 25 {
		t.Errorf("two components: %+v", s)
	}
	// Nothing to compare: the neutral score.
	if s := sc.Score(talent.Profile{}, talent.Role{}, today, matching.CandidateView); s.Score != 50 || len(s.Components) != 0 || !s.Eligible {
		t.Errorf("nothing applies: %+v", s)
	}
}
