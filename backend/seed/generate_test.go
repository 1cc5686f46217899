package seed

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/residence"
	"github.com/setubashi/setubashi/backend/talent"
)

// testNow is "today" for the tests: after the goal window opened, so that
// some placements have started and arrived and others have not.
var testNow = time.Date(2026, time.November, 26, 9, 30, 0, 0, time.UTC)

func smallOptions(seed uint64) Options {
	return Options{Candidates: 600, Organizations: 60, Roles: 240, Applications: 3000, Seed: seed, Now: testNow}
}

func generateInMemory(t *testing.T, opt Options) (*memLoader, Summary) {
	t.Helper()
	m := newMemLoader()
	sum, err := Generate(context.Background(), m, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	return m, sum
}

func TestGenerateIsDeterministic(t *testing.T) {
	a, _ := generateInMemory(t, smallOptions(7))
	b, _ := generateInMemory(t, smallOptions(7))
	if a.fingerprint() != b.fingerprint() {
		t.Fatal("the same options gave different data")
	}
	c, _ := generateInMemory(t, smallOptions(8))
	if a.fingerprint() == c.fingerprint() {
		t.Fatal("another seed gave the same data")
	}

	// Each phase has its own random stream: asking for more applications
	// leaves candidates, organisations and roles as they were.
	more := smallOptions(7)
	more.Applications *= 2
	d, _ := generateInMemory(t, more)
	if !slices.EqualFunc(a.profiles, d.profiles, func(x, y talent.Profile) bool { return x.Name == y.Name && x.City == y.City }) ||
		!slices.EqualFunc(a.roles, d.roles, func(x, y talent.Role) bool {
			return x.Title == y.Title && x.Description == y.Description && x.CreatedAt.Equal(y.CreatedAt)
		}) {
		t.Error("changing the number of applications changed earlier phases")
	}
}

func TestGenerateSummaryAndProgress(t *testing.T) {
	var out bytes.Buffer
	m := newMemLoader()
	sum, err := Generate(context.Background(), m, smallOptions(1), &out)
	if err != nil {
		t.Fatal(err)
	}
	want := Summary{Users: len(m.users), Candidates: 600, Organizations: 60, Roles: 240, Applications: len(m.apps),
		Placements: len(m.placements), Arrivals: countArrived(m.placements)}
	if sum != want {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	if sum.Applications < 2900 {
		t.Errorf("only %d of 3000 applications generated", sum.Applications)
	}
	for _, line := range []string{"seed: candidates 60/600\n", "seed: candidates 600/600\n", "seed: organisations 60/60\n",
		"seed: roles 240/240\n", "seed: applications " + strconv.Itoa(sum.Applications) + "/" + strconv.Itoa(sum.Applications) + "\n", "seed: done: "} {
		if !strings.Contains(out.String(), line) {
			t.Errorf("progress lacks %q:\n%s", line, out.String())
		}
	}
	if n := strings.Count(out.String(), "seed: candidates "); n != 10 {
		t.Errorf("%d candidate progress lines, want 10", n)
	}
}

func TestGenerateRejectsBadOptions(t *testing.T) {
	for name, opt := range map[string]Options{
		"no now":           {Candidates: 1},
		"negative":         {Candidates: -1, Now: testNow},
		"roles, no hosts":  {Roles: 3, Now: testNow},
		"negative applies": {Applications: -5, Now: testNow},
	} {
		if _, err := Generate(context.Background(), newMemLoader(), opt, nil); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestGenerateEmptyAndTiny(t *testing.T) {
	m, sum := generateInMemory(t, Options{Now: testNow})
	if sum != (Summary{}) || len(m.users) != 0 {
		t.Errorf("empty options made %+v", sum)
	}
	_, sum = generateInMemory(t, Options{Candidates: 3, Organizations: 1, Roles: 2, Applications: 50, Now: testNow})
	if sum.Candidates != 3 || sum.Organizations != 1 || sum.Roles != 2 || sum.Applications > 6 {
		t.Errorf("tiny options made %+v", sum)
	}
}

func TestGeneratedPeopleAndOrganisations(t *testing.T) {
	m, _ := generateInMemory(t, smallOptions(3))
	now := talent.DateOf(testNow)

	states := map[string]bool{}
	consent, discoverable := 0, 0
	for i, p := range m.profiles {
		u := m.users[i]
		if u.ID != p.UserID || u.Kind != talent.AccountCandidate || u.Name != p.Name {
			t.Fatalf("profile %d does not belong to its user: %+v %+v", i, u, p)
		}
		states[p.IndianState] = true
		if !slices.Contains(talent.IndianStates, p.IndianState) || p.City == "" {
			t.Errorf("profile %d: state %q city %q", i, p.IndianState, p.City)
		}
		if age := p.DateOfBirth.YearsUntil(now); age < 21 || age > 45 {
			t.Errorf("profile %d: age %d", i, age)
		}
		checkProfile(t, p)
		if p.ConsentShareApplied {
			consent++
		}
		if p.ConsentDiscoverable {
			discoverable++
		}
	}
	if len(states) != len(talent.IndianStates) {
		t.Errorf("candidates from %d states, want all %d", len(states), len(talent.IndianStates))
	}
	if share := float64(consent) / float64(len(m.profiles)); share < 0.9 || share > 0.99 {
		t.Errorf("%.2f consent to share, want about 0.95", share)
	}
	if share := float64(discoverable) / float64(len(m.profiles)); share < 0.6 || share > 0.8 {
		t.Errorf("%.2f discoverable, want about 0.7", share)
	}

	email := regexp.MustCompile(`^[a-z]+\.[a-z]+\.[0-9a-z]+@example\.(in|jp)$`)
	for _, u := range m.users {
		if !email.MatchString(u.Email) {
			t.Errorf("e-mail %q", u.Email)
		}
		if talent.CheckPassword("", m.hashes[u.ID]) || talent.CheckPassword(generatedPasswordHash, m.hashes[u.ID]) {
			t.Errorf("%s can sign in", u.Email)
		}
		if !u.CreatedAt.Before(testNow) || u.CreatedAt.Location() != time.UTC {
			t.Errorf("%s created %v", u.Email, u.CreatedAt)
		}
	}

	kinds, prefs := map[string]bool{}, map[string]bool{}
	verified := 0
	for _, o := range m.orgs {
		kinds[o.Kind] = true
		prefs[o.Prefecture] = true
		if !slices.Contains(talent.Prefectures, o.Prefecture) || o.NameJA == "" || o.NameEN == "" ||
			!strings.HasPrefix(o.Website, "https://") || !strings.HasSuffix(o.Website, ".example.jp") {
			t.Errorf("organisation %+v", o)
		}
		members := m.members[o.ID]
		if len(members) < 1 || len(members) > 3 || members[0] != o.CreatedBy {
			t.Errorf("organisation %d members %v, creator %d", o.ID, members, o.CreatedBy)
		}
		for _, id := range members {
			if m.users[id-1].Kind != talent.AccountOrgMember {
				t.Errorf("member %d of %d is a %s", id, o.ID, m.users[id-1].Kind)
			}
		}
		if o.Verified {
			verified++
			if o.VerifiedAt == nil || !o.VerifiedAt.After(o.CreatedAt) || o.VerifiedAt.After(testNow) {
				t.Errorf("organisation %d verified at %v, created %v", o.ID, o.VerifiedAt, o.CreatedAt)
			}
		}
	}
	if len(kinds) != len(talent.OrganizationKinds) {
		t.Errorf("organisation kinds %v", kinds)
	}
	if !prefs["tokyo"] || len(prefs) < 8 {
		t.Errorf("organisations in %d prefectures: %v", len(prefs), prefs)
	}
	if share := float64(verified) / float64(len(m.orgs)); share < 0.8 || share > 0.97 {
		t.Errorf("%.2f verified, want about 0.9", share)
	}
}

// checkProfile checks what the profile service would: levels, skills,
// education and role types from the reference lists.
func checkProfile(t *testing.T, p talent.Profile) {
	t.Helper()
	if !slices.Contains(talent.JLPTLevels, p.JLPTLevel) || !slices.Contains(talent.EnglishLevels, p.EnglishLevel) {
		t.Errorf("profile %d: JLPT %q English %q", p.UserID, p.JLPTLevel, p.EnglishLevel)
	}
	seen := map[string]bool{}
	for _, s := range p.Skills {
		if !slugPattern.MatchString(s.Skill) || !knownSkills[s.Skill] || seen[s.Skill] || s.Proficiency < 1 || s.Proficiency > 5 {
			t.Errorf("profile %d: skill %+v", p.UserID, s)
		}
		seen[s.Skill] = true
	}
	if len(p.Skills) < 3 || len(p.Education) == 0 || len(p.WantedRoleTypes) == 0 {
		t.Errorf("profile %d: %d skills, %d degrees, wants %v", p.UserID, len(p.Skills), len(p.Education), p.WantedRoleTypes)
	}
	for _, e := range p.Education {
		if !slices.Contains(talent.EducationLevels, e.Level) || e.Institution == "" || e.Field == "" || e.Year > testNow.Year()+8 {
			t.Errorf("profile %d: education %+v", p.UserID, e)
		}
	}
	for _, w := range p.WantedRoleTypes {
		if !slices.Contains(talent.RoleTypes, w) {
			t.Errorf("profile %d: wants %q", p.UserID, w)
		}
	}
	if p.SalaryExpectationJPY != nil && (*p.SalaryExpectationJPY < 4_000_000 || *p.SalaryExpectationJPY > 15_000_000) {
		t.Errorf("profile %d: salary expectation %d", p.UserID, *p.SalaryExpectationJPY)
	}
}

func TestGeneratedRoles(t *testing.T) {
	m, _ := generateInMemory(t, smallOptions(4))
	today := talent.DateOf(testNow)
	types, statuses := map[string]bool{}, map[talent.RoleStatus]int{}
	hindi := 0
	for _, r := range m.roles {
		types[r.Type] = true
		statuses[r.Status]++
		org := m.orgs[r.OrganizationID-1]
		if !org.Verified || r.CreatedAt.Before(*org.VerifiedAt) {
			t.Errorf("role %d at organisation %d (verified %v) created %v", r.ID, org.ID, org.VerifiedAt, r.CreatedAt)
		}
		if (r.Title.EN == "") != (r.Description.EN == "") || (r.Title.JA == "") != (r.Description.JA == "") ||
			(r.Title.EN == "" && r.Title.JA == "") {
			t.Errorf("role %d text languages: %+v", r.ID, r.Title)
		}
		if r.Title.HI != "" {
			hindi++
		}
		seen := map[string]bool{}
		for _, s := range slices.Concat(r.RequiredSkills, r.PreferredSkills) {
			if seen[s.Skill] || !knownSkills[s.Skill] || s.MinProficiency < 1 || s.MinProficiency > 5 {
				t.Errorf("role %d skill %+v", r.ID, s)
			}
			seen[s.Skill] = true
		}
		if len(r.RequiredSkills) == 0 {
			t.Errorf("role %d requires no skill", r.ID)
		}
		if !slices.Contains([]string{"none", "N3", "N2"}, r.JapaneseLevel) || !slices.Contains(talent.RequirementModes, r.JapaneseMode) ||
			!slices.Contains(talent.RemoteOptions, r.Remote) || !slices.Contains(talent.Prefectures, r.Prefecture) {
			t.Errorf("role %d: Japanese %s/%s remote %s prefecture %s", r.ID, r.JapaneseLevel, r.JapaneseMode, r.Remote, r.Prefecture)
		}
		checkPay(t, r)
		switch r.Status {
		case talent.RoleOpen:
			if r.PublishedAt == nil || r.PublishedAt.After(testNow) || (r.Deadline != nil && r.Deadline.Before(today)) {
				t.Errorf("open role %d published %v, deadline %v", r.ID, r.PublishedAt, r.Deadline)
			}
		case talent.RoleClosed:
			if r.PublishedAt == nil || !r.UpdatedAt.After(*r.PublishedAt) || r.UpdatedAt.After(testNow) {
				t.Errorf("closed role %d published %v, closed %v", r.ID, r.PublishedAt, r.UpdatedAt)
			}
		case talent.RoleDraft:
			if r.PublishedAt != nil {
				t.Errorf("draft role %d published", r.ID)
			}
		default:
			t.Errorf("role %d status %q", r.ID, r.Status)
		}
		if r.Deadline != nil && r.StartDate != nil && !r.Deadline.Before(*r.StartDate) {
			t.Errorf("role %d deadline %v not before start %v", r.ID, r.Deadline, r.StartDate)
		}
	}
	if len(types) != len(talent.RoleTypes) {
		t.Errorf("role types %v", types)
	}
	if statuses[talent.RoleOpen] < len(m.roles)/2 || statuses[talent.RoleClosed] == 0 || statuses[talent.RoleDraft] == 0 {
		t.Errorf("statuses %v", statuses)
	}
	if hindi == 0 || hindi > len(m.roles)/5 {
		t.Errorf("%d of %d roles in Hindi, want about a tenth", hindi, len(m.roles))
	}
}

// checkPay checks a role's terms by type: stipends and 2–6 months for
// internships, ¥4M–¥15M for jobs, salaries for research posts.
func checkPay(t *testing.T, r talent.Role) {
	t.Helper()
	switch r.Type {
	case "internship":
		if r.StipendMonthlyJPY == nil || r.DurationMonths == nil || *r.DurationMonths < 2 || *r.DurationMonths > 6 || r.SalaryMinJPY != nil {
			t.Errorf("internship %d: stipend %v, months %v", r.ID, r.StipendMonthlyJPY, r.DurationMonths)
		}
	case "job":
		if r.SalaryMinJPY == nil || r.SalaryMaxJPY == nil || *r.SalaryMinJPY < 4_000_000 || *r.SalaryMaxJPY > 15_000_000 ||
			*r.SalaryMinJPY > *r.SalaryMaxJPY || r.StipendMonthlyJPY != nil {
			t.Errorf("job %d: salary %v–%v", r.ID, r.SalaryMinJPY, r.SalaryMaxJPY)
		}
	case "research":
		if r.SalaryMinJPY == nil || r.SalaryMaxJPY == nil || *r.SalaryMinJPY > *r.SalaryMaxJPY || r.StipendMonthlyJPY != nil {
			t.Errorf("research post %d: salary %v–%v", r.ID, r.SalaryMinJPY, r.SalaryMaxJPY)
		}
	default:
		t.Errorf("role %d type %q", r.ID, r.Type)
	}
}

func TestGeneratedApplications(t *testing.T) {
	m, _ := generateInMemory(t, smallOptions(5))
	stages := map[talent.Stage]int{}
	pairs := map[[2]int64]bool{}
	placedApps := map[int64]bool{}
	for _, a := range m.apps {
		stages[a.Stage]++
		role := m.roles[a.RoleID-1]
		profile := m.profiles[a.CandidateID-1]
		if role.Status == talent.RoleDraft || !profile.ConsentShareApplied {
			t.Errorf("application %d: role %s, consent %v", a.ID, role.Status, profile.ConsentShareApplied)
		}
		if pairs[[2]int64{a.RoleID, a.CandidateID}] {
			t.Errorf("application %d repeats candidate %d at role %d", a.ID, a.CandidateID, a.RoleID)
		}
		pairs[[2]int64{a.RoleID, a.CandidateID}] = true
		if a.CreatedAt.Before(*role.PublishedAt) || (role.Status == talent.RoleClosed && a.CreatedAt.After(role.UpdatedAt)) ||
			(role.Deadline != nil && talent.DateOf(a.CreatedAt).After(*role.Deadline)) {
			t.Errorf("application %d submitted %v to role %d published %v, deadline %v", a.ID, a.CreatedAt, role.ID, role.PublishedAt, role.Deadline)
		}
		checkTimeline(t, a, m.members[role.OrganizationID])
		if a.Stage == talent.StagePlaced {
			placedApps[a.ID] = true
		}
	}
	for _, s := range talent.Stages {
		if stages[s] == 0 {
			t.Errorf("no application in stage %s: %v", s, stages)
		}
	}
	n := len(m.apps)
	if stages[talent.StageRejected]+stages[talent.StageSubmitted]+stages[talent.StageScreening] < n/2 ||
		stages[talent.StageInterview] < stages[talent.StageOffer] || stages[talent.StagePlaced] > n/20 {
		t.Errorf("implausible funnel: %v", stages)
	}

	if len(m.placements) != len(placedApps) {
		t.Errorf("%d placements for %d placed applications", len(m.placements), len(placedApps))
	}
	arrived, waiting := 0, 0
	today := talent.DateOf(testNow)
	for _, p := range m.placements {
		a := m.apps[p.ApplicationID-1]
		role := m.roles[a.RoleID-1]
		if !placedApps[p.ApplicationID] || p.CandidateID != a.CandidateID || p.RoleID != a.RoleID || p.OrganizationID != role.OrganizationID {
			t.Errorf("placement %d does not match application %d", p.ID, a.ID)
		}
		if !slices.Contains(fittingVisas[role.Type], p.VisaStatus) {
			t.Errorf("placement %d: visa %s for a %s", p.ID, p.VisaStatus, role.Type)
		}
		if p.StartDate.Before(placementsFrom) || p.StartDate.After(placementsTo) || !p.CreatedAt.Equal(a.UpdatedAt) {
			t.Errorf("placement %d starts %v, created %v", p.ID, p.StartDate, p.CreatedAt)
		}
		if p.ArrivedOn != nil {
			arrived++
			if p.ArrivedOn.After(today) || p.StartDate.After(today) || !p.ArrivedOn.After(talent.DateOf(p.CreatedAt)) {
				t.Errorf("placement %d (start %v, placed %v) arrived %v", p.ID, p.StartDate, p.CreatedAt, p.ArrivedOn)
			}
		} else {
			waiting++
		}
	}
	if arrived == 0 || waiting == 0 {
		t.Errorf("%d placements arrived, %d not yet: want some of each", arrived, waiting)
	}
	checkOffers(t, m)
}

// checkOffers checks that every application that reached an offer has one,
// whose terms the services would accept (its planned status fits its kind,
// pay, term and host), answered as the timeline says, and that a placement
// carries the status its offer planned.
func checkOffers(t *testing.T, m *memLoader) {
	t.Helper()
	offerOf := map[int64]talent.Offer{}
	for _, o := range m.offers {
		if _, twice := offerOf[o.ApplicationID]; twice {
			t.Errorf("application %d has two offers", o.ApplicationID)
		}
		offerOf[o.ApplicationID] = o
		a := m.apps[o.ApplicationID-1]
		role := m.roles[a.RoleID-1]
		if err := residence.CheckTerms("planned_status", o.OfferTerms, m.orgs[role.OrganizationID-1].Kind); err != nil {
			t.Errorf("offer on application %d (%s, ¥%d, %s): %v", a.ID, o.Kind, o.AnnualSalaryJPY, o.PlannedStatus, err)
		}
		want := map[talent.Stage]talent.OfferAnswer{talent.StageOffer: talent.OfferUnanswered, talent.StageDeclined: talent.OfferDeclined,
			talent.StageAccepted: talent.OfferAccepted, talent.StagePlaced: talent.OfferAccepted}
		if answer, ok := want[a.Stage]; ok && o.Answer != answer {
			t.Errorf("application %d in %s: offer answered %q", a.ID, a.Stage, o.Answer)
		}
		if o.RespondBy.After(o.StartDate) || o.StartDate.Before(talent.DateOf(o.CreatedAt)) {
			t.Errorf("application %d: offer made %v, answer by %v, start %v", a.ID, o.CreatedAt, o.RespondBy, o.StartDate)
		}
	}
	for _, a := range m.apps {
		reached := slices.ContainsFunc(a.Timeline, func(ev talent.StageEvent) bool { return ev.To == talent.StageOffer })
		if _, ok := offerOf[a.ID]; ok != reached {
			t.Errorf("application %d reached an offer: %v, has one: %v", a.ID, reached, ok)
		}
	}
	for _, p := range m.placements {
		if o := offerOf[p.ApplicationID]; o.PlannedStatus != p.VisaStatus {
			t.Errorf("placement %d carries %s, its offer planned %s", p.ID, p.VisaStatus, o.PlannedStatus)
		}
	}
}

// fittingVisas are the statuses of residence a placement of each role type may carry.
var fittingVisas = map[string][]string{
	"internship": {"designated_internship", "cultural_activities"},
	"research":   {"researcher", "hsp_1a", "professor"},
	"job":        {"hsp_1b", "engineer_specialist"},
}

// checkTimeline checks that an application's events are the moves the
// services allow, by the people allowed to make them, in time order.
func checkTimeline(t *testing.T, a talent.Application, members []int64) {
	t.Helper()
	tl := a.Timeline
	if len(tl) == 0 || tl[0].From != "" || tl[0].To != talent.StageSubmitted || tl[0].ActorID != a.CandidateID || !tl[0].At.Equal(a.CreatedAt) {
		t.Errorf("application %d starts with %+v", a.ID, tl)
		return
	}
	for i := 1; i < len(tl); i++ {
		ev, prev := tl[i], tl[i-1]
		if ev.From != prev.To || !ev.At.After(prev.At) {
			t.Errorf("application %d event %d %+v after %+v", a.ID, i, ev, prev)
		}
		var legal, byCandidate bool
		switch ev.To {
		case talent.StageAccepted, talent.StageWithdrawn, talent.StageDeclined:
			legal, byCandidate = talent.CanCandidateMove(ev.From, ev.To), true
		case talent.StagePlaced:
			legal = ev.From == talent.StageAccepted
		default:
			legal = talent.CanOrganizationMove(ev.From, ev.To)
		}
		if !legal || (byCandidate && ev.ActorID != a.CandidateID) || (!byCandidate && !slices.Contains(members, ev.ActorID)) {
			t.Errorf("application %d: illegal move %+v", a.ID, ev)
		}
		if ev.To == talent.StageRejected && ev.Reason == "" {
			t.Errorf("application %d rejected without a reason", a.ID)
		}
	}
	last := tl[len(tl)-1]
	if last.To != a.Stage || !last.At.Equal(a.UpdatedAt) || last.At.After(testNow) {
		t.Errorf("application %d in %s ends with %+v", a.ID, a.Stage, last)
	}
}

func TestReferenceTablesFollowTalent(t *testing.T) {
	if len(indianStates) != len(talent.IndianStates) {
		t.Errorf("%d states, talent has %d", len(indianStates), len(talent.IndianStates))
	}
	for i, s := range indianStates {
		if s.slug != talent.IndianStates[i] || len(s.cities) == 0 || len(namePools[s.names].given) == 0 {
			t.Errorf("state %d: %+v", i, s)
		}
	}
	for i, p := range prefectures {
		if p.slug != talent.Prefectures[i] {
			t.Errorf("prefecture %d: %s, talent has %s", i, p.slug, talent.Prefectures[i])
		}
	}
	for _, in := range institutions {
		if !slices.Contains(talent.IndianStates, in.state) {
			t.Errorf("institution %s in unknown state %s", in.name, in.state)
		}
	}
	for _, k := range talent.OrganizationKinds {
		if _, ok := orgNames[k]; !ok {
			t.Errorf("no names for organisation kind %s", k)
		}
		if _, ok := introEN[k]; !ok || introJA[k] == "" || introHI[k] == "" {
			t.Errorf("no introduction for organisation kind %s", k)
		}
	}
	for _, typ := range talent.RoleTypes {
		if len(positions[typ]) == 0 {
			t.Errorf("no positions for role type %s", typ)
		}
	}
	for s := range knownSkills {
		if !slugPattern.MatchString(s) {
			t.Errorf("skill %q is not a slug", s)
		}
	}
	if len(knownSkills) < 60 {
		t.Errorf("%d skills, want about 60 or more", len(knownSkills))
	}
}

// slugPattern is talent's form of a skill slug.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(?:[-_.][a-z0-9]+)*$`)

// knownSkills is the generator's skill vocabulary.
var knownSkills = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range slices.Concat(mlFrameworks, tools) {
		m[s] = true
	}
	for _, sp := range specialisms {
		for _, s := range slices.Concat(sp.core, sp.extra) {
			m[s] = true
		}
	}
	return m
}()

func TestManYen(t *testing.T) {
	if got := manYen(6_500_000); got != "650万円" {
		t.Errorf("manYen = %s", got)
	}
}

func TestDemoAccountsInMemory(t *testing.T) {
	m := newMemLoader()
	opt := DevelopmentOptions(testNow)
	accounts, err := DemoAccounts(context.Background(), m, "demo-password", opt)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(accounts, DemoAccountEmails) {
		t.Errorf("accounts %+v", accounts)
	}
	for i, a := range accounts {
		if m.users[i].Email != a.Email || !talent.CheckPassword("demo-password", m.hashes[m.users[i].ID]) {
			t.Errorf("%s cannot sign in", a.Email)
		}
	}
	candidate := m.users[0].ID
	stages := map[talent.Stage]bool{}
	for _, a := range m.apps {
		role := m.roles[a.RoleID-1]
		checkTimeline(t, a, m.members[role.OrganizationID])
		if a.CandidateID == candidate {
			if role.Status != talent.RoleOpen {
				t.Errorf("demo application to a %s role", role.Status)
			}
			stages[a.Stage] = true
		}
	}
	if len(stages) < 2 {
		t.Errorf("demo candidate's applications are at stages %v", stages)
	}
	if len(m.orgs) != 1 || !m.orgs[0].Verified || m.orgs[0].CreatedBy != m.users[1].ID {
		t.Errorf("demo organisation %+v", m.orgs)
	}
	applicants := map[int64]bool{}
	for _, a := range m.apps {
		if a.CandidateID != candidate && m.roles[a.RoleID-1].Status == talent.RoleOpen {
			applicants[a.RoleID] = true
		}
	}
	if len(applicants) < 2 {
		t.Errorf("other applicants at %d open roles, want several", len(applicants))
	}

	if _, err := DemoAccounts(context.Background(), m, "demo-password", opt); !errors.Is(err, talent.ErrConflict) {
		t.Errorf("second run: %v, want a conflict", err)
	}
	if _, err := DemoAccounts(context.Background(), newMemLoader(), "short", opt); !errors.Is(err, talent.ErrInvalid) {
		t.Errorf("short password: %v, want invalid", err)
	}
}

func countArrived(ps []talent.Placement) int {
	n := 0
	for _, p := range ps {
		if p.ArrivedOn != nil {
			n++
		}
	}
	return n
}
