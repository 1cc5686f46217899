package httpapi

import (
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

type localizedJSON struct {
	EN string `json:"en"`
	JA string `json:"ja"`
	HI string `json:"hi"`
}

type skillRequirementJSON struct {
	Skill          string `json:"skill"`
	MinProficiency int    `json:"min_proficiency"`
}

type japaneseRequirementJSON struct {
	Level string `json:"level"`
	Mode  string `json:"mode"`
}

// roleContent is what an organisation writes about a role; PATCH merges a
// partial roleContent onto the stored one.
type roleContent struct {
	Type               string                  `json:"type"`
	Title              localizedJSON           `json:"title"`
	Description        localizedJSON           `json:"description"`
	RequiredSkills     []skillRequirementJSON  `json:"required_skills"`
	PreferredSkills    []skillRequirementJSON  `json:"preferred_skills"`
	MinEducation       string                  `json:"min_education"`
	MinExperienceYears int                     `json:"min_experience_years"`
	Japanese           japaneseRequirementJSON `json:"japanese"`
	EnglishLevel       string                  `json:"english_level"`
	Prefecture         string                  `json:"prefecture"`
	Remote             string                  `json:"remote"`
	SalaryMinJPY       *int64                  `json:"salary_min_jpy"`
	SalaryMaxJPY       *int64                  `json:"salary_max_jpy"`
	StipendMonthlyJPY  *int64                  `json:"stipend_monthly_jpy"`
	DurationMonths     *int                    `json:"duration_months"`
	StartDate          *talent.Date            `json:"start_date"`
	Openings           int                     `json:"openings"`
	Deadline           *talent.Date            `json:"deadline"`
	VisaSupport        bool                    `json:"visa_support"`
}

type createRoleRequest struct {
	OrganizationID int64 `json:"organization_id"`
	roleContent
}

// displayJSON is a role's text in the reader's language, or the language it
// fell back to when the organisation did not write that one.
type displayJSON struct {
	Language    string `json:"language"`
	Fallback    bool   `json:"fallback"`
	Title       string `json:"title"`
	Description string `json:"description"`
}

type organizationSummary struct {
	ID         int64  `json:"id"`
	NameJA     string `json:"name_ja"`
	NameEN     string `json:"name_en"`
	Kind       string `json:"kind"`
	Prefecture string `json:"prefecture"`
}

type roleResponse struct {
	ID             int64                `json:"id"`
	OrganizationID int64                `json:"organization_id"`
	Organization   *organizationSummary `json:"organization,omitempty"`
	Status         talent.RoleStatus    `json:"status"`
	Display        displayJSON          `json:"display"`
	roleContent
	PublishedAt *time.Time `json:"published_at"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
	// Version counts the role's changes; its ETag says the same.
	Version int `json:"version"`
}

func (r roleContent) toRole(orgID int64) talent.Role {
	role := talent.Role{
		OrganizationID: orgID, Type: r.Type,
		Title:        talent.LocalizedText(r.Title),
		Description:  talent.LocalizedText(r.Description),
		MinEducation: r.MinEducation, MinExperienceYears: r.MinExperienceYears,
		JapaneseLevel: r.Japanese.Level, JapaneseMode: r.Japanese.Mode, EnglishLevel: r.EnglishLevel,
		Prefecture: r.Prefecture, Remote: r.Remote,
		SalaryMinJPY: r.SalaryMinJPY, SalaryMaxJPY: r.SalaryMaxJPY, StipendMonthlyJPY: r.StipendMonthlyJPY,
		DurationMonths: r.DurationMonths, StartDate: r.StartDate,
		Openings: r.Openings, Deadline: r.Deadline, VisaSupport: r.VisaSupport,
	}
	for _, sr := range r.RequiredSkills {
		role.RequiredSkills = append(role.RequiredSkills, talent.SkillRequirement(sr))
	}
	for _, sr := range r.PreferredSkills {
		role.PreferredSkills = append(role.PreferredSkills, talent.SkillRequirement(sr))
	}
	return role
}

func roleContentOf(r talent.Role) roleContent {
	out := roleContent{
		Type: r.Type, Title: localizedJSON(r.Title), Description: localizedJSON(r.Description),
		RequiredSkills: []skillRequirementJSON{}, PreferredSkills: []skillRequirementJSON{},
		MinEducation: r.MinEducation, MinExperienceYears: r.MinExperienceYears,
		Japanese:     japaneseRequirementJSON{Level: r.JapaneseLevel, Mode: r.JapaneseMode},
		EnglishLevel: r.EnglishLevel, Prefecture: r.Prefecture, Remote: r.Remote,
		SalaryMinJPY: r.SalaryMinJPY, SalaryMaxJPY: r.SalaryMaxJPY, StipendMonthlyJPY: r.StipendMonthlyJPY,
		DurationMonths: r.DurationMonths, StartDate: r.StartDate, Openings: r.Openings,
		Deadline: r.Deadline, VisaSupport: r.VisaSupport,
	}
	for _, sr := range r.RequiredSkills {
		out.RequiredSkills = append(out.RequiredSkills, skillRequirementJSON(sr))
	}
	for _, sr := range r.PreferredSkills {
		out.PreferredSkills = append(out.PreferredSkills, skillRequirementJSON(sr))
	}
	return out
}

func toRoleResponse(r talent.Role, lang string, org *talent.Organization) roleResponse {
	title, got := r.Title.In(lang)
	description, _ := r.Description.In(got)
	out := roleResponse{
		ID: r.ID, OrganizationID: r.OrganizationID, Status: r.Status,
		Display:     displayJSON{Language: got, Fallback: got != lang, Title: title, Description: description},
		roleContent: roleContentOf(r),
		PublishedAt: r.PublishedAt, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, Version: r.Version,
	}
	if org != nil {
		summary := toOrganizationSummary(*org)
		out.Organization = &summary
	}
	return out
}

func roleID(r talent.Role) int64 { return r.ID }

func toOrganizationSummary(o talent.Organization) organizationSummary {
	return organizationSummary{ID: o.ID, NameJA: o.NameJA, NameEN: o.NameEN, Kind: o.Kind, Prefecture: o.Prefecture}
}

// roleAnswer shows one role with its organisation in the caller's language.
func (s *Server) roleAnswer(c *gin.Context, r talent.Role, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	orgs, err := s.Organizations.OfRoles(c.Request.Context(), []talent.Role{r})
	if err != nil {
		return nil, err
	}
	setETag(c, r.Version)
	return toRoleResponse(r, languageOf(c), orgOf(orgs, r)), nil
}

// rolesAnswer shows a page of roles with their organisations.
func (s *Server) rolesAnswer(c *gin.Context, p talent.Page, roles []talent.Role) (any, error) {
	orgs, err := s.Organizations.OfRoles(c.Request.Context(), roles)
	if err != nil {
		return nil, err
	}
	lang := languageOf(c)
	return page(p, roles, roleID, func(r talent.Role) roleResponse { return toRoleResponse(r, lang, orgOf(orgs, r)) }), nil
}

// orgOf returns the organisation of r from orgs, nil if it is not there.
func orgOf(orgs map[int64]talent.Organization, r talent.Role) *talent.Organization {
	if o, ok := orgs[r.OrganizationID]; ok {
		return &o
	}
	return nil
}

func (s *Server) createRole(c *gin.Context, req createRoleRequest) (any, error) {
	created, err := s.Roles.Create(c.Request.Context(), actorOf(c), req.toRole(req.OrganizationID), claimOf(c))
	return s.roleAnswer(c, created, err)
}

func (s *Server) getRole(c *gin.Context, id int64) (any, error) {
	r, err := s.Roles.Get(c.Request.Context(), actorOf(c), id)
	return s.roleAnswer(c, r, err)
}

// patchRole merges the body (a partial role, JSON merge-patch style) onto
// the stored role and saves the result, if the role is still the one the
// merge was made on (and, with If-Match, the version the caller names: 412
// otherwise).
func (s *Server) patchRole(c *gin.Context, id int64) (any, error) {
	ctx, actor := c.Request.Context(), actorOf(c)
	current, err := s.Roles.Get(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	content := roleContentOf(current)
	if err := decodeJSON(c, &content); err != nil {
		return nil, err
	}
	version, ifMatch := ifMatchVersion(c)
	change := content.toRole(current.OrganizationID)
	change.Version = current.Version
	if ifMatch && version != 0 && version != current.Version {
		change.Version = version // refused by the service as version_changed
	}
	updated, err := s.Roles.Update(ctx, actor, id, change)
	return s.roleAnswer(c, updated, preconditionFailed(err, ifMatch))
}

func (s *Server) publishRole(c *gin.Context, id int64) (any, error) {
	r, err := s.Roles.Publish(c.Request.Context(), actorOf(c), id)
	return s.roleAnswer(c, r, err)
}

func (s *Server) closeRole(c *gin.Context, id int64) (any, error) {
	r, err := s.Roles.Close(c.Request.Context(), actorOf(c), id)
	return s.roleAnswer(c, r, err)
}

// searchRoles lists open roles matching the query parameters.
func (s *Server) searchRoles(c *gin.Context) (any, error) {
	p, err := pageOf(c)
	if err != nil {
		return nil, err
	}
	f, err := roleFilterOf(c)
	if err != nil {
		return nil, err
	}
	roles, err := s.Roles.Search(c.Request.Context(), f, p)
	if err != nil {
		return nil, err
	}
	return s.rolesAnswer(c, p, roles)
}

func (s *Server) organizationRoles(c *gin.Context, id int64) (any, error) {
	p, err := pageOf(c)
	if err != nil {
		return nil, err
	}
	roles, err := s.Roles.ForOrganization(c.Request.Context(), actorOf(c), id, p)
	if err != nil {
		return nil, err
	}
	return s.rolesAnswer(c, p, roles)
}

func roleFilterOf(c *gin.Context) (talent.RoleFilter, error) {
	f := talent.RoleFilter{Query: c.Query("q"), Type: c.Query("type"), Skill: c.Query("skill"), Prefecture: c.Query("prefecture"), JLPTMax: c.Query("jlpt_max")}
	remote, err := optionalBool(c, "remote")
	if err != nil {
		return f, err
	}
	f.Remote = remote
	if raw, ok := c.GetQuery("min_salary"); ok {
		n, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			var v talent.Validator
			v.Add("min_salary", "wrong_type", "Type", talent.Term{Set: "type", Code: "integer"})
			return f, v.Err()
		}
		f.MinSalaryJPY = &n
	}
	return f, nil
}
