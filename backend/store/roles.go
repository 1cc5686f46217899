package store

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

type roleRow struct {
	ID                 int64 `gorm:"primaryKey"`
	OrganizationID     int64
	Type               string
	Status             string
	TitleEN            string `gorm:"column:title_en"`
	TitleJA            string `gorm:"column:title_ja"`
	TitleHI            string `gorm:"column:title_hi"`
	DescriptionEN      string `gorm:"column:description_en"`
	DescriptionJA      string `gorm:"column:description_ja"`
	DescriptionHI      string `gorm:"column:description_hi"`
	MinEducation       string
	MinExperienceYears int
	JapaneseLevel      string
	JapaneseMode       string
	JapaneseRank       int
	EnglishLevel       string
	Prefecture         string
	Remote             string
	SalaryMinJPY       *int64 `gorm:"column:salary_min_jpy"`
	SalaryMaxJPY       *int64 `gorm:"column:salary_max_jpy"`
	StipendMonthlyJPY  *int64 `gorm:"column:stipend_monthly_jpy"`
	YearlyPayTopJPY    *int64 `gorm:"column:yearly_pay_top_jpy"`
	DurationMonths     *int
	StartDate          *time.Time
	Openings           int
	Deadline           *time.Time
	VisaSupport        bool
	PublishedAt        *time.Time
	CreatedAt          time.Time
	UpdatedAt          time.Time
	Version            int
}

func (roleRow) TableName() string { return "roles" }

type roleSkillRow struct {
	RoleID         int64  `gorm:"primaryKey;autoIncrement:false"`
	Skill          string `gorm:"primaryKey"`
	MinProficiency int
	Required       bool
	Position       int
}

func (roleSkillRow) TableName() string { return "role_skills" }

// CreateRole inserts a role and its skills; a held claim's record is marked
// with the new role.
func (d *DB) CreateRole(ctx context.Context, r *talent.Role, claim talent.IdempotencyClaim) error {
	row, skills := roleToRows(*r)
	err := d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		if err := replaceRoleSkills(tx, row.ID, skills); err != nil {
			return err
		}
		return markIdempotencyResource(tx, claim, row.ID)
	})
	if err != nil {
		return classify(err, "create role")
	}
	*r = roleFromRows(row, skills)
	return nil
}

// UpdateRole replaces a role's content and skills if it is still at
// r.Version (compare-and-swap), and counts the change in its version.
func (d *DB) UpdateRole(ctx context.Context, r *talent.Role) error {
	row, skills := roleToRows(*r)
	row.UpdatedAt = time.Now().UTC()
	row.Version = r.Version + 1
	err := d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Select("*").Omit("id", "organization_id", "status", "published_at", "created_at").
			Where("version = ?", r.Version).Updates(&row)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			var n int64
			if err := tx.Model(&roleRow{}).Where("id = ?", row.ID).Count(&n).Error; err != nil {
				return err
			}
			if n == 0 {
				return talent.NotFound()
			}
			return talent.Conflict(talent.CodeVersionChanged)
		}
		return replaceRoleSkills(tx, row.ID, skills)
	})
	if err != nil {
		return classify(err, "update role")
	}
	r.UpdatedAt, r.Version = row.UpdatedAt, row.Version
	return nil
}

func replaceRoleSkills(tx *gorm.DB, roleID int64, skills []roleSkillRow) error {
	if err := tx.Where("role_id = ?", roleID).Delete(&roleSkillRow{}).Error; err != nil {
		return err
	}
	for i := range skills {
		skills[i].RoleID = roleID
	}
	if len(skills) == 0 {
		return nil
	}
	return tx.Create(&skills).Error
}

// RoleByID returns a role with its skills.
func (d *DB) RoleByID(ctx context.Context, id int64) (talent.Role, error) {
	var row roleRow
	if err := d.conn(ctx).Take(&row, id).Error; err != nil {
		return talent.Role{}, classify(err, "find role")
	}
	roles, err := d.withSkills(ctx, []roleRow{row})
	if err != nil {
		return talent.Role{}, err
	}
	return roles[0], nil
}

// SetRoleStatus changes a role's status, stamping published_at on first opening.
func (d *DB) SetRoleStatus(ctx context.Context, id int64, status talent.RoleStatus, at time.Time) error {
	updates := map[string]any{"status": string(status), "updated_at": at.UTC(), "version": gorm.Expr("version + 1")}
	q := d.conn(ctx).Model(&roleRow{ID: id})
	if status == talent.RoleOpen {
		updates["published_at"] = gorm.Expr("COALESCE(published_at, ?)", at.UTC())
	}
	res := q.Updates(updates)
	if res.Error == nil && res.RowsAffected == 0 {
		return talent.NotFound()
	}
	return classify(res.Error, "set role status")
}

// SearchRoles returns a page of roles matching f, newest first.
func (d *DB) SearchRoles(ctx context.Context, f talent.RoleFilter, p talent.Page) ([]talent.Role, error) {
	q := d.conn(ctx).Model(&roleRow{})
	if len(f.Statuses) > 0 {
		q = q.Where("status IN ?", talent.Codes(f.Statuses))
	}
	if f.OrganizationID != 0 {
		q = q.Where("organization_id = ?", f.OrganizationID)
	}
	if f.OpenOn != nil {
		q = q.Where("(deadline IS NULL OR deadline >= ?)", f.OpenOn.Time())
	}
	if f.Type != "" {
		q = q.Where("type = ?", f.Type)
	}
	if f.Prefecture != "" {
		q = q.Where("prefecture = ?", f.Prefecture)
	}
	if f.Remote != nil {
		if *f.Remote {
			q = q.Where("remote = ?", "remote")
		} else {
			q = q.Where("remote <> ?", "remote")
		}
	}
	if f.JLPTMax != "" {
		q = q.Where("(japanese_mode <> ? OR japanese_rank <= ?)", "required", talent.JLPTRank(f.JLPTMax))
	}
	if f.MinSalaryJPY != nil {
		q = q.Where("yearly_pay_top_jpy >= ?", *f.MinSalaryJPY)
	}
	if f.PublishedAfter != nil {
		q = q.Where("published_at > ?", f.PublishedAfter.UTC())
	}
	if f.Skill != "" {
		q = q.Where("id IN (?)", d.gorm.Model(&roleSkillRow{}).Select("role_id").Where("skill = ?", f.Skill))
	}
	if f.Query != "" {
		pattern := "%" + escapeLike(strings.ToLower(f.Query)) + "%"
		var cols []string
		for _, c := range []string{"title_en", "title_ja", "title_hi", "description_en", "description_ja", "description_hi"} {
			cols = append(cols, "LOWER("+c+") LIKE ? ESCAPE '\\'")
		}
		args := make([]any, len(cols))
		for i := range args {
			args[i] = pattern
		}
		q = q.Where("("+strings.Join(cols, " OR ")+")", args...)
	}
	var rows []roleRow
	if err := paged(q, "id", p).Find(&rows).Error; err != nil {
		return nil, classify(err, "search roles")
	}
	return d.withSkills(ctx, rows)
}

// withSkills loads the skills of every role in one query.
func (d *DB) withSkills(ctx context.Context, rows []roleRow) ([]talent.Role, error) {
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	bySkill := map[int64][]roleSkillRow{}
	if len(ids) > 0 {
		var skills []roleSkillRow
		if err := d.conn(ctx).Where("role_id IN ?", ids).Order("role_id, position").Find(&skills).Error; err != nil {
			return nil, classify(err, "find role skills")
		}
		for _, s := range skills {
			bySkill[s.RoleID] = append(bySkill[s.RoleID], s)
		}
	}
	out := make([]talent.Role, len(rows))
	for i, r := range rows {
		out[i] = roleFromRows(r, bySkill[r.ID])
	}
	return out, nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

func roleToRows(r talent.Role) (roleRow, []roleSkillRow) {
	row := roleRow{
		ID: r.ID, OrganizationID: r.OrganizationID, Type: r.Type, Status: string(r.Status),
		TitleEN: r.Title.EN, TitleJA: r.Title.JA, TitleHI: r.Title.HI,
		DescriptionEN: r.Description.EN, DescriptionJA: r.Description.JA, DescriptionHI: r.Description.HI,
		MinEducation: r.MinEducation, MinExperienceYears: r.MinExperienceYears,
		JapaneseLevel: r.JapaneseLevel, JapaneseMode: r.JapaneseMode, JapaneseRank: max(talent.JLPTRank(r.JapaneseLevel), 0),
		EnglishLevel: r.EnglishLevel, Prefecture: r.Prefecture, Remote: r.Remote,
		SalaryMinJPY: r.SalaryMinJPY, SalaryMaxJPY: r.SalaryMaxJPY, StipendMonthlyJPY: r.StipendMonthlyJPY,
		YearlyPayTopJPY: yearlyPayTop(r), DurationMonths: r.DurationMonths, StartDate: dateToTime(r.StartDate),
		Openings: r.Openings, Deadline: dateToTime(r.Deadline), VisaSupport: r.VisaSupport,
		PublishedAt: r.PublishedAt, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, Version: max(r.Version, 1),
	}
	var skills []roleSkillRow
	for i, s := range r.RequiredSkills {
		skills = append(skills, roleSkillRow{RoleID: r.ID, Skill: s.Skill, MinProficiency: s.MinProficiency, Required: true, Position: i})
	}
	for i, s := range r.PreferredSkills {
		skills = append(skills, roleSkillRow{RoleID: r.ID, Skill: s.Skill, MinProficiency: s.MinProficiency, Position: len(r.RequiredSkills) + i})
	}
	return row, skills
}

// yearlyPayTop is the most a role pays in a year: the top of its salary
// range, else its bottom, else twelve months of stipend.
func yearlyPayTop(r talent.Role) *int64 {
	switch {
	case r.SalaryMaxJPY != nil:
		return r.SalaryMaxJPY
	case r.SalaryMinJPY != nil:
		return r.SalaryMinJPY
	case r.StipendMonthlyJPY != nil:
		y := *r.StipendMonthlyJPY * 12
		return &y
	}
	return nil
}

func roleFromRows(row roleRow, skills []roleSkillRow) talent.Role {
	r := talent.Role{
		ID: row.ID, OrganizationID: row.OrganizationID, Type: row.Type, Status: talent.RoleStatus(row.Status),
		Title:        talent.LocalizedText{EN: row.TitleEN, JA: row.TitleJA, HI: row.TitleHI},
		Description:  talent.LocalizedText{EN: row.DescriptionEN, JA: row.DescriptionJA, HI: row.DescriptionHI},
		MinEducation: row.MinEducation, MinExperienceYears: row.MinExperienceYears,
		JapaneseLevel: row.JapaneseLevel, JapaneseMode: row.JapaneseMode, EnglishLevel: row.EnglishLevel,
		Prefecture: row.Prefecture, Remote: row.Remote,
		SalaryMinJPY: row.SalaryMinJPY, SalaryMaxJPY: row.SalaryMaxJPY, StipendMonthlyJPY: row.StipendMonthlyJPY,
		DurationMonths: row.DurationMonths, StartDate: timeToDate(row.StartDate), Openings: row.Openings,
		Deadline: timeToDate(row.Deadline), VisaSupport: row.VisaSupport, PublishedAt: row.PublishedAt,
		CreatedAt: row.CreatedAt, UpdatedAt: row.UpdatedAt, Version: row.Version,
		RequiredSkills: []talent.SkillRequirement{}, PreferredSkills: []talent.SkillRequirement{},
	}
	for _, s := range skills {
		req := talent.SkillRequirement{Skill: s.Skill, MinProficiency: s.MinProficiency}
		if s.Required {
			r.RequiredSkills = append(r.RequiredSkills, req)
		} else {
			r.PreferredSkills = append(r.PreferredSkills, req)
		}
	}
	return r
}
