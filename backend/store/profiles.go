package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

type profileRow struct {
	UserID               int64 `gorm:"primaryKey;autoIncrement:false"`
	Name                 string
	IndianState          string
	City                 string
	ExperienceYears      int
	Papers               int
	Patents              int
	JLPTLevel            string `gorm:"column:jlpt_level"`
	EnglishLevel         string
	WantedRoleTypes      []string `gorm:"serializer:json"`
	EarliestStart        *time.Time
	SalaryExpectationJPY *int64   `gorm:"column:salary_expectation_jpy"`
	PreferredPrefectures []string `gorm:"serializer:json"`
	RemoteOK             bool     `gorm:"column:remote_ok"`
	DateOfBirth          *time.Time
	ConsentShareApplied  bool
	ConsentDiscoverable  bool
	UpdatedAt            time.Time
}

func (profileRow) TableName() string { return "profiles" }

type educationRow struct {
	ID          int64 `gorm:"primaryKey"`
	UserID      int64
	Position    int
	Level       string
	Institution string
	Field       string
	Year        int
}

func (educationRow) TableName() string { return "educations" }

type candidateSkillRow struct {
	UserID      int64  `gorm:"primaryKey;autoIncrement:false"`
	Skill       string `gorm:"primaryKey"`
	Proficiency int
	Position    int
}

func (candidateSkillRow) TableName() string { return "candidate_skills" }

// ProfileByUser returns a candidate's profile with education and skills.
func (d *DB) ProfileByUser(ctx context.Context, userID int64) (talent.Profile, error) {
	var row profileRow
	db := d.conn(ctx)
	if err := db.Take(&row, "user_id = ?", userID).Error; err != nil {
		return talent.Profile{}, classify(err, "find profile")
	}
	var edu []educationRow
	if err := db.Where("user_id = ?", userID).Order("position").Find(&edu).Error; err != nil {
		return talent.Profile{}, classify(err, "find education")
	}
	var skills []candidateSkillRow
	if err := db.Where("user_id = ?", userID).Order("position").Find(&skills).Error; err != nil {
		return talent.Profile{}, classify(err, "find skills")
	}
	return profileFromRows(row, edu, skills), nil
}

// SaveProfile upserts a profile and replaces its education and skills; it
// appends consent events to the ledger and takes the consent flags from the
// ledger, not from p.
func (d *DB) SaveProfile(ctx context.Context, p talent.Profile, consent []talent.ConsentEvent) (talent.Profile, error) {
	row, edu, skills := profileToRows(p)
	row.UpdatedAt = time.Now().UTC()
	err := d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if len(consent) > 0 {
			rows := make([]consentEventRow, len(consent))
			for i, ev := range consent {
				ev.UserID = p.UserID
				rows[i] = consentToRow(ev)
			}
			if err := tx.Create(&rows).Error; err != nil {
				return err
			}
		}
		ledger, err := consentRows(tx, p.UserID)
		if err != nil {
			return err
		}
		row.ConsentShareApplied, row.ConsentDiscoverable = talent.EffectiveConsent(talent.StateOf(mapRows(ledger, consentEventRow.toEvent)))
		return writeProfile(tx, &row, edu, skills)
	})
	if err != nil {
		return talent.Profile{}, classify(err, "save profile")
	}
	return profileFromRows(row, edu, skills), nil
}

// writeProfile stores a profile's row (stamping its updated_at) and
// replaces its education and skills.
func writeProfile(tx *gorm.DB, row *profileRow, edu []educationRow, skills []candidateSkillRow) error {
	if err := tx.Save(row).Error; err != nil {
		return err
	}
	if err := tx.Where("user_id = ?", row.UserID).Delete(&educationRow{}).Error; err != nil {
		return err
	}
	if err := tx.Where("user_id = ?", row.UserID).Delete(&candidateSkillRow{}).Error; err != nil {
		return err
	}
	if len(edu) > 0 {
		if err := tx.Create(&edu).Error; err != nil {
			return err
		}
	}
	if len(skills) > 0 {
		return tx.Create(&skills).Error
	}
	return nil
}

func profileToRows(p talent.Profile) (profileRow, []educationRow, []candidateSkillRow) {
	row := profileRow{
		UserID: p.UserID, Name: p.Name, IndianState: p.IndianState, City: p.City,
		ExperienceYears: p.ExperienceYears, Papers: p.Papers, Patents: p.Patents,
		JLPTLevel: p.JLPTLevel, EnglishLevel: p.EnglishLevel,
		WantedRoleTypes: nonNil(p.WantedRoleTypes), EarliestStart: dateToTime(p.EarliestStart),
		SalaryExpectationJPY: p.SalaryExpectationJPY, PreferredPrefectures: nonNil(p.PreferredPrefectures),
		RemoteOK: p.RemoteOK, DateOfBirth: dateToTime(p.DateOfBirth),
		ConsentShareApplied: p.ConsentShareApplied, ConsentDiscoverable: p.ConsentDiscoverable,
	}
	edu := make([]educationRow, len(p.Education))
	for i, e := range p.Education {
		edu[i] = educationRow{UserID: p.UserID, Position: i, Level: e.Level, Institution: e.Institution, Field: e.Field, Year: e.Year}
	}
	skills := make([]candidateSkillRow, len(p.Skills))
	for i, s := range p.Skills {
		skills[i] = candidateSkillRow{UserID: p.UserID, Skill: s.Skill, Proficiency: s.Proficiency, Position: i}
	}
	return row, edu, skills
}

func profileFromRows(row profileRow, edu []educationRow, skills []candidateSkillRow) talent.Profile {
	p := talent.Profile{
		UserID: row.UserID, Name: row.Name, IndianState: row.IndianState, City: row.City,
		ExperienceYears: row.ExperienceYears, Papers: row.Papers, Patents: row.Patents,
		JLPTLevel: row.JLPTLevel, EnglishLevel: row.EnglishLevel,
		WantedRoleTypes: nonNil(row.WantedRoleTypes), EarliestStart: timeToDate(row.EarliestStart),
		SalaryExpectationJPY: row.SalaryExpectationJPY, PreferredPrefectures: nonNil(row.PreferredPrefectures),
		RemoteOK: row.RemoteOK, DateOfBirth: timeToDate(row.DateOfBirth),
		ConsentShareApplied: row.ConsentShareApplied, ConsentDiscoverable: row.ConsentDiscoverable,
		UpdatedAt: row.UpdatedAt, Education: []talent.Education{}, Skills: []talent.SkillLevel{},
	}
	for _, e := range edu {
		p.Education = append(p.Education, talent.Education{Level: e.Level, Institution: e.Institution, Field: e.Field, Year: e.Year})
	}
	for _, s := range skills {
		p.Skills = append(p.Skills, talent.SkillLevel{Skill: s.Skill, Proficiency: s.Proficiency})
	}
	return p
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func dateToTime(d *talent.Date) *time.Time {
	if d == nil {
		return nil
	}
	t := d.Time()
	return &t
}

func timeToDate(t *time.Time) *talent.Date {
	if t == nil {
		return nil
	}
	d := talent.DateOf(*t)
	return &d
}
