package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/setubashi/setubashi/backend/talent"
)

type savedSearchRow struct {
	ID        int64 `gorm:"primaryKey"`
	UserID    int64
	Name      string
	Filters   string
	Frequency string
	CreatedAt time.Time
	LastRunAt *time.Time
}

func (savedSearchRow) TableName() string { return "saved_searches" }

func (r savedSearchRow) toSavedSearch() talent.SavedSearch {
	s := talent.SavedSearch{ID: r.ID, UserID: r.UserID, Name: r.Name, Frequency: r.Frequency, CreatedAt: r.CreatedAt, LastRunAt: r.LastRunAt}
	// Filters are written by this package from a Go value.
	_ = json.Unmarshal([]byte(r.Filters), &s.Filters)
	return s
}

type searchHitRow struct {
	SavedSearchID int64 `gorm:"primaryKey;autoIncrement:false"`
	RoleID        int64 `gorm:"primaryKey;autoIncrement:false"`
	CreatedAt     time.Time
}

func (searchHitRow) TableName() string { return "saved_search_hits" }

// CreateSavedSearch inserts a saved search unless the user has the most
// allowed already (counted in the same transaction).
func (d *DB) CreateSavedSearch(ctx context.Context, s *talent.SavedSearch) error {
	filters, err := json.Marshal(s.Filters)
	if err != nil {
		return fmt.Errorf("encode saved search filters: %w", err)
	}
	row := savedSearchRow{UserID: s.UserID, Name: s.Name, Filters: string(filters), Frequency: s.Frequency, CreatedAt: s.CreatedAt.UTC()}
	err = d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&savedSearchRow{}).Where("user_id = ?", s.UserID).Count(&n).Error; err != nil {
			return err
		}
		if n >= talent.MaxSavedSearches {
			return talent.Conflict(talent.CodeTooManySavedSearches, "Max", talent.MaxSavedSearches)
		}
		return tx.Create(&row).Error
	})
	if err != nil {
		return classify(err, "create saved search")
	}
	s.ID = row.ID
	return nil
}

// SavedSearchesOf returns a page of a user's saved searches, newest first.
func (d *DB) SavedSearchesOf(ctx context.Context, userID int64, p talent.Page) ([]talent.SavedSearch, error) {
	var rows []savedSearchRow
	if err := paged(d.conn(ctx).Where("user_id = ?", userID), "id", p).Find(&rows).Error; err != nil {
		return nil, classify(err, "list saved searches")
	}
	return mapRows(rows, savedSearchRow.toSavedSearch), nil
}

// SavedSearchByID returns a saved search.
func (d *DB) SavedSearchByID(ctx context.Context, id int64) (talent.SavedSearch, error) {
	var row savedSearchRow
	if err := d.conn(ctx).Take(&row, id).Error; err != nil {
		return talent.SavedSearch{}, classify(err, "find saved search")
	}
	return row.toSavedSearch(), nil
}

// DeleteSavedSearch deletes one of a user's saved searches.
func (d *DB) DeleteSavedSearch(ctx context.Context, userID, id int64) error {
	res := d.conn(ctx).Where("id = ? AND user_id = ?", id, userID).Delete(&savedSearchRow{})
	if res.Error != nil {
		return classify(res.Error, "delete saved search")
	}
	if res.RowsAffected == 0 {
		return talent.NotFound()
	}
	return nil
}

// SavedSearchesDue returns the ids of saved searches due for a run.
func (d *DB) SavedSearchesDue(ctx context.Context, dailyBefore, weeklyBefore time.Time) ([]int64, error) {
	var ids []int64
	err := d.conn(ctx).Model(&savedSearchRow{}).
		Where("last_run_at IS NULL OR (frequency = ? AND last_run_at <= ?) OR (frequency = ? AND last_run_at <= ?)",
			talent.SearchDaily, dailyBefore.UTC(), talent.SearchWeekly, weeklyBefore.UTC()).
		Order("id").Pluck("id", &ids).Error
	return ids, classify(err, "list due saved searches")
}

// AddSearchHits records announced roles and returns those new to the search.
func (d *DB) AddSearchHits(ctx context.Context, searchID int64, roleIDs []int64, at time.Time) ([]int64, error) {
	var fresh []int64
	for _, roleID := range roleIDs {
		res := d.conn(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(&searchHitRow{SavedSearchID: searchID, RoleID: roleID, CreatedAt: at.UTC()})
		if res.Error != nil {
			return nil, classify(res.Error, "record saved search hit")
		}
		if res.RowsAffected == 1 {
			fresh = append(fresh, roleID)
		}
	}
	return fresh, nil
}

// MarkSearchRun stamps a saved search's last run.
func (d *DB) MarkSearchRun(ctx context.Context, id int64, at time.Time) error {
	err := d.conn(ctx).Model(&savedSearchRow{}).Where("id = ?", id).Update("last_run_at", at.UTC()).Error
	return classify(err, "mark saved search run")
}
