package talent

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// RoleStore keeps roles.
type RoleStore interface {
	// CreateRole inserts r with its skills and sets r.ID and timestamps,
	// marking claim's record with the new role in the same transaction.
	CreateRole(ctx context.Context, r *Role, claim IdempotencyClaim) error
	// UpdateRole replaces r's fields and skills if the stored role is still
	// at r.Version, and sets r.Version and r.UpdatedAt to the new ones; a
	// role changed since is ErrConflict (version_changed).
	UpdateRole(ctx context.Context, r *Role) error
	// RoleByID returns a role; ErrNotFound if none.
	RoleByID(ctx context.Context, id int64) (Role, error)
	// SetRoleStatus moves a role to status, stamping published_at when it
	// opens, and counts the change in its version.
	SetRoleStatus(ctx context.Context, id int64, status RoleStatus, at time.Time) error
	// SearchRoles returns a page of roles matching f, newest first.
	SearchRoles(ctx context.Context, f RoleFilter, p Page) ([]Role, error)
}

// RoleFilter narrows a role search. Zero fields do not filter.
type RoleFilter struct {
	Query          string       // words in a title or description, any language
	Type           string       // internship, job or research
	Skill          string       // a required or preferred skill slug
	Prefecture     string       // the role's prefecture
	Remote         *bool        // true: fully remote roles; false: roles needing presence
	JLPTMax        string       // roles whose required Japanese is at most this level
	MinSalaryJPY   *int64       // roles paying at least this much a year at the top of their range
	OrganizationID int64        // roles of one organisation
	Statuses       []RoleStatus // role statuses to include
	OpenOn         *Date        // only roles whose deadline has not passed on this day
	// PublishedAfter: only roles first published after this instant.
	PublishedAfter *time.Time
}

// check records what is wrong with a search's filters, naming each by its
// query parameter after prefix.
func (f RoleFilter) check(v *Validator, prefix string) {
	v.Text(prefix+"q", f.Query, 0, 200)
	if f.Type != "" {
		v.OneOf(prefix+"type", f.Type, RoleTypes)
	}
	if f.Skill != "" {
		v.Slug(prefix+"skill", f.Skill)
	}
	if f.Prefecture != "" {
		v.OneOf(prefix+"prefecture", f.Prefecture, Prefectures)
	}
	if f.JLPTMax != "" {
		v.OneOf(prefix+"jlpt_max", f.JLPTMax, JLPTLevels)
	}
	if f.MinSalaryJPY != nil {
		v.IntRange(prefix+"min_salary", *f.MinSalaryJPY, 0, 1_000_000_000)
	}
}

// Limits on a role's content.
const (
	MaxTitleLen       = 200
	MaxDescriptionLen = 20000
	MaxRoleSkills     = 30
)

// Roles lets organisations post roles and everyone search them.
type Roles struct {
	store  RoleStore
	orgs   OrganizationStore
	skills SkillCatalog
	now    func() time.Time
}

// newRoles returns the role service; skills decides which skills a role may
// ask for.
func newRoles(store RoleStore, orgs OrganizationStore, skills SkillCatalog) *Roles {
	return &Roles{store: store, orgs: orgs, skills: skills, now: time.Now}
}

// Create adds a draft role to an organisation. The caller must be a member
// (ErrNotFound if they cannot see the organisation, ErrForbidden if they can)
// and the organisation verified (ErrForbidden, organization_not_verified).
// claim is the idempotency key the request holds, if any.
func (s *Roles) Create(ctx context.Context, actor Actor, r Role, claim IdempotencyClaim) (Role, error) {
	if err := requireKind(actor, AccountOrgMember); err != nil {
		return Role{}, err
	}
	if r.OrganizationID <= 0 {
		var v Validator
		v.Add("organization_id", "required")
		return Role{}, v.Err()
	}
	if err := s.requireHiringMember(ctx, actor, r.OrganizationID); err != nil {
		return Role{}, err
	}
	normalizeRole(&r)
	if err := validateRole(r, DateOf(s.now()), s.skills); err != nil {
		return Role{}, err
	}
	r.ID, r.Status, r.PublishedAt = 0, RoleDraft, nil
	if err := s.store.CreateRole(ctx, &r, claim); err != nil {
		return Role{}, err
	}
	return r, nil
}

// Update replaces a role's content (not its organisation or status). Members
// of its organisation only; a closed role cannot change (ErrConflict). A
// non-zero r.Version is the version the change was made against: if the role
// has changed since, nothing is saved (ErrConflict, version_changed).
func (s *Roles) Update(ctx context.Context, actor Actor, id int64, r Role) (Role, error) {
	old, err := s.editable(ctx, actor, id)
	if err != nil {
		return Role{}, err
	}
	if r.Version != 0 && r.Version != old.Version {
		return Role{}, Conflict(CodeVersionChanged)
	}
	if old.Status == RoleClosed {
		return Role{}, Conflict(CodeRoleClosed)
	}
	normalizeRole(&r)
	if err := validateRole(r, DateOf(s.now()), s.skills); err != nil {
		return Role{}, err
	}
	r.ID, r.OrganizationID, r.Status, r.PublishedAt, r.CreatedAt = old.ID, old.OrganizationID, old.Status, old.PublishedAt, old.CreatedAt
	r.Version = old.Version
	if err := s.store.UpdateRole(ctx, &r); err != nil {
		return Role{}, err
	}
	return r, nil
}

// Publish opens a draft or closed role for applications. A deadline already
// passed is ErrConflict (deadline_passed); publishing an open role is harmless.
func (s *Roles) Publish(ctx context.Context, actor Actor, id int64) (Role, error) {
	r, err := s.editable(ctx, actor, id)
	if err != nil || r.Status == RoleOpen {
		return r, err
	}
	if r.Deadline != nil && r.Deadline.Before(DateOf(s.now())) {
		return Role{}, Conflict(CodeDeadlinePassed)
	}
	return s.setStatus(ctx, r, RoleOpen)
}

// Close stops a role taking applications; closing a closed role is harmless.
func (s *Roles) Close(ctx context.Context, actor Actor, id int64) (Role, error) {
	r, err := s.editable(ctx, actor, id)
	if err != nil || r.Status == RoleClosed {
		return r, err
	}
	return s.setStatus(ctx, r, RoleClosed)
}

func (s *Roles) setStatus(ctx context.Context, r Role, status RoleStatus) (Role, error) {
	at := s.now().UTC()
	if err := s.store.SetRoleStatus(ctx, r.ID, status, at); err != nil {
		return Role{}, err
	}
	// Read back: the version and stamps are the store's.
	return s.store.RoleByID(ctx, r.ID)
}

// Get returns a role. Open and closed roles are public; drafts are seen only
// by members of the organisation and administrators (ErrNotFound otherwise).
func (s *Roles) Get(ctx context.Context, actor Actor, id int64) (Role, error) {
	r, err := s.store.RoleByID(ctx, id)
	if err != nil {
		return Role{}, err
	}
	ok, err := s.canSee(ctx, actor, r)
	if err != nil {
		return Role{}, err
	}
	if !ok {
		return Role{}, NotFound()
	}
	return r, nil
}

// Search returns a page of open roles whose deadline has not passed.
func (s *Roles) Search(ctx context.Context, f RoleFilter, p Page) ([]Role, error) {
	var v Validator
	f.check(&v, "")
	if err := v.Err(); err != nil {
		return nil, err
	}
	today := DateOf(s.now())
	f.Statuses, f.OpenOn, f.OrganizationID = []RoleStatus{RoleOpen}, &today, 0
	f.Query = strings.TrimSpace(f.Query)
	return s.store.SearchRoles(ctx, f, p)
}

// ForOrganization returns a page of an organisation's roles: every status for
// its members and administrators, open and closed ones for everyone else.
func (s *Roles) ForOrganization(ctx context.Context, actor Actor, orgID int64, p Page) ([]Role, error) {
	org, err := s.orgs.OrganizationByID(ctx, orgID)
	if err != nil {
		return nil, err
	}
	member, err := s.isMemberOrAdmin(ctx, actor, orgID)
	if err != nil {
		return nil, err
	}
	if !org.Verified && !member {
		return nil, NotFound()
	}
	f := RoleFilter{OrganizationID: orgID, Statuses: []RoleStatus{RoleOpen, RoleClosed}}
	if member {
		f.Statuses = RoleStatuses
	}
	return s.store.SearchRoles(ctx, f, p)
}

// editable returns a role its caller may change: ErrNotFound if they cannot
// see it, ErrForbidden if they can see but not change it.
func (s *Roles) editable(ctx context.Context, actor Actor, id int64) (Role, error) {
	r, err := s.Get(ctx, actor, id)
	if err != nil {
		return Role{}, err
	}
	if actor.Anonymous() {
		return Role{}, Unauthenticated()
	}
	if err := s.requireHiringMember(ctx, actor, r.OrganizationID); err != nil {
		return Role{}, err
	}
	return r, nil
}

// requireHiringMember checks that actor belongs to a verified organisation.
func (s *Roles) requireHiringMember(ctx context.Context, actor Actor, orgID int64) error {
	org, err := s.orgs.OrganizationByID(ctx, orgID)
	if err != nil {
		return err
	}
	member := false
	if actor.Is(AccountOrgMember) {
		if member, err = s.orgs.IsMember(ctx, orgID, actor.UserID); err != nil {
			return err
		}
	}
	switch {
	case member && !org.Verified:
		return Forbidden(CodeOrganizationNotVerified)
	case member:
		return nil
	case org.Verified || actor.Is(AccountAdmin):
		return Forbidden(CodeNotAMember)
	default:
		return NotFound()
	}
}

func (s *Roles) isMemberOrAdmin(ctx context.Context, actor Actor, orgID int64) (bool, error) {
	return memberOrAdmin(ctx, s.orgs, actor, orgID)
}

func normalizeRole(r *Role) {
	for _, t := range []*LocalizedText{&r.Title, &r.Description} {
		t.EN, t.JA, t.HI = strings.TrimSpace(t.EN), strings.TrimSpace(t.JA), strings.TrimSpace(t.HI)
	}
	if r.MinEducation == "" {
		r.MinEducation = "none"
	}
	if r.JapaneseLevel == "" {
		r.JapaneseLevel = "none"
	}
	if r.JapaneseMode == "" {
		r.JapaneseMode = "preferred"
	}
	if r.EnglishLevel == "" {
		r.EnglishLevel = "none"
	}
	if r.Remote == "" {
		r.Remote = "onsite"
	}
	if r.Openings == 0 {
		r.Openings = 1
	}
}

func validateRole(r Role, today Date, skills SkillCatalog) error {
	var v Validator
	v.OneOf("type", r.Type, RoleTypes)
	validateLocalized(&v, "title", r.Title, MaxTitleLen)
	validateLocalized(&v, "description", r.Description, MaxDescriptionLen)
	seen := map[string]bool{}
	validateSkillRequirements(&v, skills, "required_skills", r.RequiredSkills, seen)
	validateSkillRequirements(&v, skills, "preferred_skills", r.PreferredSkills, seen)
	v.OneOf("min_education", r.MinEducation, append([]string{"none"}, EducationLevels...))
	v.IntRange("min_experience_years", int64(r.MinExperienceYears), 0, 40)
	v.OneOf("japanese_level", r.JapaneseLevel, JLPTLevels)
	v.OneOf("japanese_mode", r.JapaneseMode, RequirementModes)
	v.OneOf("english_level", r.EnglishLevel, EnglishLevels)
	v.OneOf("prefecture", r.Prefecture, Prefectures)
	v.OneOf("remote", r.Remote, RemoteOptions)
	validatePay(&v, r)
	if r.DurationMonths != nil {
		v.IntRange("duration_months", int64(*r.DurationMonths), 1, 120)
	}
	v.Date("start_date", r.StartDate, NewDate(2020, 1, 1), today.AddDays(365*5))
	v.IntRange("openings", int64(r.Openings), 1, 1000)
	v.Date("deadline", r.Deadline, NewDate(2020, 1, 1), today.AddDays(365*5))
	return v.Err()
}

func validateLocalized(v *Validator, field string, t LocalizedText, maxLen int) {
	if t.EN == "" && t.JA == "" {
		v.Add(field, "en_or_ja_required")
	}
	v.Text(field+".en", t.EN, 0, maxLen)
	v.Text(field+".ja", t.JA, 0, maxLen)
	v.Text(field+".hi", t.HI, 0, maxLen)
}

func validateSkillRequirements(v *Validator, skills SkillCatalog, field string, reqs []SkillRequirement, seen map[string]bool) {
	if !v.MaxItems(field, len(reqs), MaxRoleSkills) {
		return
	}
	for i, sr := range reqs {
		f := field + "[" + strconv.Itoa(i) + "]."
		validateSkill(v, skills, f+"skill", sr.Skill)
		v.IntRange(f+"min_proficiency", int64(sr.MinProficiency), 1, 5)
		if seen[sr.Skill] {
			v.Add(f+"skill", "duplicate")
		}
		seen[sr.Skill] = true
	}
}

// validatePay checks that internships state a monthly stipend and other roles
// a yearly salary range, each within sane bounds.
func validatePay(v *Validator, r Role) {
	const maxYen = 1_000_000_000
	amounts := []struct {
		field  string
		amount *int64
	}{{"salary_min_jpy", r.SalaryMinJPY}, {"salary_max_jpy", r.SalaryMaxJPY}, {"stipend_monthly_jpy", r.StipendMonthlyJPY}}
	for _, a := range amounts {
		if a.amount != nil {
			v.IntRange(a.field, *a.amount, 0, maxYen)
		}
	}
	if r.SalaryMinJPY != nil && r.SalaryMaxJPY != nil && *r.SalaryMinJPY > *r.SalaryMaxJPY {
		v.Add("salary_max_jpy", "below_min")
	}
	if r.Type != "internship" && r.StipendMonthlyJPY != nil {
		v.Add("stipend_monthly_jpy", "internship_only")
	}
}
