package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

// PipelineHistory reads the stretch from an accepted offer to arrival for
// roles of the given types: how long each placement took after its
// acceptance and each arrival after its placement, how many acceptances
// ended without one, the cases still on their way, and the acceptances
// since a day.
func (d *DB) PipelineHistory(ctx context.Context, types []string, since time.Time) (talent.PipelineHistory, error) {
	var out talent.PipelineHistory
	err := d.analytic(ctx, func(db *gorm.DB) error {
		accepted := `SELECT e.application_id, e.created_at FROM application_events e
			JOIN applications a ON a.id = e.application_id JOIN roles r ON r.id = a.role_id
			WHERE e.to_stage = 'accepted' AND r.type IN ?`
		if err := db.Raw(`SELECT `+d.wholeHours("acc.created_at", "e2.created_at")+` FROM (`+accepted+`) acc
			JOIN application_events e2 ON e2.application_id = acc.application_id AND e2.from_stage = 'accepted' AND e2.to_stage = 'placed'`,
			types).Scan(&out.AcceptedToPlacedHours).Error; err != nil {
			return err
		}
		if err := db.Raw(`SELECT COUNT(*) FROM (`+accepted+`) acc
			JOIN application_events e2 ON e2.application_id = acc.application_id AND e2.from_stage = 'accepted' AND e2.to_stage <> 'placed'`,
			types).Scan(&out.AcceptedClosed).Error; err != nil {
			return err
		}
		if err := db.Raw(`SELECT acc.created_at FROM (`+accepted+`) acc JOIN applications a ON a.id = acc.application_id
			WHERE a.stage = 'accepted'`, types).Scan(&out.OpenAccepted).Error; err != nil {
			return err
		}
		if err := db.Raw(`SELECT COUNT(*) FROM (`+accepted+`) acc WHERE acc.created_at >= ?`, types, since.UTC()).
			Scan(&out.AcceptedSince).Error; err != nil {
			return err
		}
		var placements []struct {
			CreatedAt time.Time
			ArrivedOn *time.Time
		}
		if err := db.Raw(`SELECT p.created_at, p.arrived_on FROM placements p JOIN roles r ON r.id = p.role_id WHERE r.type IN ?`,
			types).Scan(&placements).Error; err != nil {
			return err
		}
		for _, p := range placements {
			if p.ArrivedOn == nil {
				out.OpenPlaced = append(out.OpenPlaced, p.CreatedAt)
				continue
			}
			out.PlacedToArrivedDays = append(out.PlacedToArrivedDays, max(0, int(p.ArrivedOn.Sub(p.CreatedAt.Truncate(24*time.Hour)).Hours()/24)))
		}
		return nil
	})
	return out, classify(err, "read the pipeline's history")
}
