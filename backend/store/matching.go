package store

import (
	"context"
	"maps"
	"slices"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

// OpenRolesForMatching returns every open role whose deadline has not passed,
// optionally of some types, with their skills. The open roles are loaded
// (two queries) only when a fingerprint of them changed, and shared between
// calls: callers must not modify them.
func (d *DB) OpenRolesForMatching(ctx context.Context, today talent.Date, types []string) ([]talent.Role, error) {
	open := func(q *gorm.DB) *gorm.DB { return q.Where("status = ?", string(talent.RoleOpen)) }
	fp, err := fingerprint(ctx, open(d.gorm.Model(&roleRow{})))
	if err != nil {
		return nil, err
	}
	all, err := d.openRoles.get(fp, func() ([]talent.Role, error) { return d.rolesWhere(ctx, open) })
	if err != nil {
		return nil, err
	}
	out := make([]talent.Role, 0, len(all))
	for _, r := range all {
		if (r.Deadline == nil || !r.Deadline.Before(today)) && (len(types) == 0 || slices.Contains(types, r.Type)) {
			out = append(out, r)
		}
	}
	return out, nil
}

// RolesByIDs returns the roles with the given ids (those that exist), with
// their skills, keyed by id.
func (d *DB) RolesByIDs(ctx context.Context, ids []int64) (map[int64]talent.Role, error) {
	roles, err := d.rolesWhere(ctx, func(q *gorm.DB) *gorm.DB { return q.Where("id IN ?", ids) })
	if err != nil {
		return nil, err
	}
	out := make(map[int64]talent.Role, len(roles))
	for _, r := range roles {
		out[r.ID] = r
	}
	return out, nil
}

// rolesWhere loads the roles a filter selects, with their skills, in two queries.
func (d *DB) rolesWhere(ctx context.Context, filter func(*gorm.DB) *gorm.DB) ([]talent.Role, error) {
	db := d.conn(ctx)
	var rows []roleRow
	if err := filter(db.Model(&roleRow{})).Order("id").Find(&rows).Error; err != nil {
		return nil, classify(err, "load roles")
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	var skills []roleSkillRow
	err := db.Where("role_id IN (?)", childSelector(ids, filter(d.gorm.Model(&roleRow{}).Select("id")))).Order("role_id, position").Find(&skills).Error
	if err != nil {
		return nil, classify(err, "load role skills")
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
// discovered, with education and skills. Like OpenRolesForMatching it reloads
// them only when their fingerprint changed (callers must not modify them), so
// a caller that shows profiles must read them fresh (ProfilesByUsers): a
// consent withdrawn a moment ago takes effect at once there.
func (d *DB) DiscoverableProfiles(ctx context.Context) ([]talent.Profile, error) {
	discoverable := func(q *gorm.DB) *gorm.DB { return q.Where("consent_discoverable = ?", true) }
	fp, err := fingerprint(ctx, discoverable(d.gorm.Model(&profileRow{})))
	if err != nil {
		return nil, err
	}
	return d.discoverable.get(fp, func() ([]talent.Profile, error) {
		byUser, err := d.profilesWhere(ctx, discoverable)
		if err != nil {
			return nil, err
		}
		out := make([]talent.Profile, 0, len(byUser))
		for _, id := range slices.Sorted(maps.Keys(byUser)) {
			out = append(out, byUser[id])
		}
		return out, nil
	})
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
	db := d.conn(ctx)
	var rows []profileRow
	if err := filter(db.Model(&profileRow{})).Order("user_id").Find(&rows).Error; err != nil {
		return nil, classify(err, "load profiles")
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.UserID
	}
	selected := childSelector(ids, filter(d.gorm.Model(&profileRow{}).Select("user_id")))
	var edu []educationRow
	if err := db.Where("user_id IN (?)", selected).Order("user_id, position").Find(&edu).Error; err != nil {
		return nil, classify(err, "load education")
	}
	var skills []candidateSkillRow
	if err := db.Where("user_id IN (?)", selected).Order("user_id, position").Find(&skills).Error; err != nil {
		return nil, classify(err, "load skills")
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

// maxListedIDs is the most ids a query names one by one; past it, child rows
// are selected by repeating the parent query as a subquery.
const maxListedIDs = 500

// childSelector returns what selects the child rows of some parent rows: the
// parents' ids when they are few (an index lookup per id), else the parent
// query itself.
func childSelector(ids []int64, parentQuery *gorm.DB) any {
	if len(ids) <= maxListedIDs {
		return ids
	}
	return parentQuery
}
