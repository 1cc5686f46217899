package store

import (
	"context"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

// OpenRolesForMatching returns every open role whose deadline has not passed,
// optionally of some types, with their skills (loaded in one more query).
func (d *DB) OpenRolesForMatching(ctx context.Context, today talent.Date, types []string) ([]talent.Role, error) {
	filter := func(q *gorm.DB) *gorm.DB {
		q = q.Where("status = ? AND (deadline IS NULL OR deadline >= ?)", talent.RoleOpen, today.Time())
		if len(types) > 0 {
			q = q.Where("type IN ?", types)
		}
		return q
	}
	db := d.gorm.WithContext(ctx)
	var rows []roleRow
	if err := filter(db.Model(&roleRow{})).Order("id").Find(&rows).Error; err != nil {
		return nil, translate(err, "load open roles")
	}
	var skills []roleSkillRow
	err := db.Where("role_id IN (?)", filter(d.gorm.Model(&roleRow{}).Select("id"))).Order("role_id, position").Find(&skills).Error
	if err != nil {
		return nil, translate(err, "load open role skills")
	}
	bySkill := map[int64][]roleSkillRow{}
	for _, s := range skills {
		bySkill[s.RoleID] = append(bySkill[s.RoleID], s)
	}
	out := make([]talent.Role, len(rows))
	for i, r := range rows {
		out[i] = roleFromRows(r, bySkill[r.ID])
	}
	return out, nil
}

// DiscoverableProfiles returns every profile whose candidate consented to be
// discovered, with education and skills.
func (d *DB) DiscoverableProfiles(ctx context.Context) ([]talent.Profile, error) {
	profiles, err := d.profilesWhere(ctx, func(q *gorm.DB) *gorm.DB { return q.Where("consent_discoverable = ?", true) })
	if err != nil {
		return nil, err
	}
	out := make([]talent.Profile, 0, len(profiles))
	for _, p := range profiles {
		out = append(out, p)
	}
	return out, nil
}

// ProfilesByUsers returns the profiles of the given users, keyed by user id.
func (d *DB) ProfilesByUsers(ctx context.Context, ids []int64) (map[int64]talent.Profile, error) {
	if len(ids) == 0 {
		return map[int64]talent.Profile{}, nil
	}
	return d.profilesWhere(ctx, func(q *gorm.DB) *gorm.DB { return q.Where("user_id IN ?", ids) })
}

// profilesWhere loads the profiles a filter selects, with their education
// and skills, in three queries.
func (d *DB) profilesWhere(ctx context.Context, filter func(*gorm.DB) *gorm.DB) (map[int64]talent.Profile, error) {
	db := d.gorm.WithContext(ctx)
	var rows []profileRow
	if err := filter(db.Model(&profileRow{})).Order("user_id").Find(&rows).Error; err != nil {
		return nil, translate(err, "load profiles")
	}
	selected := filter(d.gorm.Model(&profileRow{}).Select("user_id"))
	var edu []educationRow
	if err := db.Where("user_id IN (?)", selected).Order("user_id, position").Find(&edu).Error; err != nil {
		return nil, translate(err, "load education")
	}
	var skills []candidateSkillRow
	if err := db.Where("user_id IN (?)", selected).Order("user_id, position").Find(&skills).Error; err != nil {
		return nil, translate(err, "load skills")
	}
	eduBy, skillsBy := map[int64][]educationRow{}, map[int64][]candidateSkillRow{}
	for _, e := range edu {
		eduBy[e.UserID] = append(eduBy[e.UserID], e)
	}
	for _, s := range skills {
		skillsBy[s.UserID] = append(skillsBy[s.UserID], s)
	}
	out := make(map[int64]talent.Profile, len(rows))
	for _, r := range rows {
		out[r.UserID] = profileFromRows(r, eduBy[r.UserID], skillsBy[r.UserID])
	}
	return out, nil
}
