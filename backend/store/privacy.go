package store

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

// sessionInfoRow is what an export shows of a session (never the token hash).
type sessionInfoRow struct {
	ID         int64
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	IP         string
	UserAgent  string
}

// actionRow is an audit log entry as the export shows it.
type actionRow struct {
	At        time.Time
	Method    string
	Route     string
	Path      string
	ObjectID  *int64
	Status    int
	IP        string
	UserAgent string
}

// PersonalRecordsOf returns everything about a user beyond the account,
// profile and consent ledger: sessions, applications with timelines,
// placements, profile views and rank lists (as candidate), the steps taken
// on others' applications and organisation memberships (as member).
func (d *DB) PersonalRecordsOf(ctx context.Context, userID int64) (talent.PersonalRecords, error) {
	db := d.conn(ctx)
	var out talent.PersonalRecords
	var sessions []sessionInfoRow
	if err := db.Table("sessions").Select("id, created_at, last_seen_at, expires_at, ip, user_agent").Where("user_id = ?", userID).Order("id").Scan(&sessions).Error; err != nil {
		return out, classify(err, "export sessions")
	}
	out.Sessions = mapRows(sessions, func(r sessionInfoRow) talent.SessionInfo { return talent.SessionInfo(r) })

	var apps []applicationRow
	if err := db.Where("candidate_id = ?", userID).Order("id").Find(&apps).Error; err != nil {
		return out, classify(err, "export applications")
	}
	var events []applicationEventRow
	mine := d.gorm.Model(&applicationRow{}).Select("id").Where("candidate_id = ?", userID)
	if err := db.Where("application_id IN (?)", mine).Order("application_id, id").Find(&events).Error; err != nil {
		return out, classify(err, "export timelines")
	}
	byApp := map[int64][]talent.StageEvent{}
	for _, ev := range events {
		byApp[ev.ApplicationID] = append(byApp[ev.ApplicationID], ev.toEvent())
	}
	out.Applications = make([]talent.Application, len(apps))
	for i, r := range apps {
		out.Applications[i] = r.toApplication()
		out.Applications[i].Timeline = byApp[r.ID]
	}

	var placements []placementRow
	if err := db.Where("candidate_id = ?", userID).Order("id").Find(&placements).Error; err != nil {
		return out, classify(err, "export placements")
	}
	out.Placements = mapRows(placements, placementRow.toPlacement)

	var views []profileViewRow
	if err := db.Where("candidate_id = ?", userID).Order("id").Find(&views).Error; err != nil {
		return out, classify(err, "export profile views")
	}
	out.ProfileViews = mapRows(views, profileViewRow.toView)

	var rankings []rankingRow
	if err := db.Where("side = ? AND owner_id = ?", talent.SideCandidate, userID).Order("round_id, position").Find(&rankings).Error; err != nil {
		return out, classify(err, "export rankings")
	}
	for _, r := range rankings {
		if n := len(out.Rankings); n == 0 || out.Rankings[n-1].RoundID != r.RoundID {
			out.Rankings = append(out.Rankings, talent.RankingOf{RoundID: r.RoundID})
		}
		last := &out.Rankings[len(out.Rankings)-1]
		last.Ranked = append(last.Ranked, r.RankedID)
	}

	var taken []applicationEventRow
	if err := db.Where("actor_id = ? AND application_id NOT IN (?)", userID, mine).Order("id").Find(&taken).Error; err != nil {
		return out, classify(err, "export steps taken")
	}
	out.StageEvents = mapRows(taken, func(r applicationEventRow) talent.StageEventOf {
		return talent.StageEventOf{ApplicationID: r.ApplicationID, StageEvent: r.toEvent()}
	})

	orgs, err := d.OrganizationsOf(ctx, userID)
	if err != nil {
		return out, err
	}
	out.Organizations = orgs

	var actions []actionRow
	if err := db.Table("audit_events").Select("at, method, route, path, object_id, status, ip, user_agent").
		Where("actor_id = ?", userID).Order("id").Scan(&actions).Error; err != nil {
		return out, classify(err, "export audit events")
	}
	out.Actions = mapRows(actions, func(r actionRow) talent.ActionOf { return talent.ActionOf(r) })
	return out, nil
}

// SoleMemberOf returns the organisations whose only member is the user.
func (d *DB) SoleMemberOf(ctx context.Context, userID int64) ([]int64, error) {
	var ids []int64
	others := d.gorm.Model(&memberRow{}).Select("organization_id").Where("user_id <> ?", userID)
	err := d.conn(ctx).Model(&memberRow{}).Where("user_id = ? AND organization_id NOT IN (?)", userID, others).
		Order("organization_id").Pluck("organization_id", &ids).Error
	return ids, classify(err, "find sole memberships")
}

// EraseAccount carries out an erasure plan in one transaction (see
// talent.Erasure for what goes beside what the plan names).
func (d *DB) EraseAccount(ctx context.Context, e talent.Erasure) error {
	at, id := e.At.UTC(), e.UserID
	return classify(d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&userRow{}).Where("id = ?", id).Updates(map[string]any{
			"email": e.Email, "name": "", "password_hash": "!erased",
			"disabled": true, "erased_at": at, "updated_at": at,
		})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return talent.NotFound()
		}
		if err := recordConsent(tx, id, e.Withdrawals); err != nil {
			return err
		}
		if e.Profile != nil {
			row, edu, skills := profileToRows(*e.Profile)
			stampedAtErasure := tx.Session(&gorm.Session{NowFunc: func() time.Time { return at }})
			if err := writeProfile(stampedAtErasure, &row, edu, skills); err != nil {
				return err
			}
		}
		var undecided []applicationRow
		if err := tx.Where("candidate_id = ? AND stage IN ?", id, talent.Codes(e.WithdrawFrom)).Order("id").Find(&undecided).Error; err != nil {
			return err
		}
		for _, a := range undecided {
			from := talent.Stage(a.Stage)
			ev := talent.StageEvent{From: from, To: talent.StageWithdrawn, ActorID: id, At: at}
			if err := moveApplication(tx, a.ID, from, a.Version, ev); err != nil {
				return err
			}
		}
		mine := d.gorm.Model(&applicationRow{}).Select("id").Where("candidate_id = ?", id)
		steps := []func() error{
			func() error {
				return tx.Model(&applicationRow{}).Where("candidate_id = ?", id).Update("cover_note", "").Error
			},
			func() error {
				return tx.Model(&applicationEventRow{}).Where("application_id IN (?)", mine).Update("reason", "").Error
			},
			func() error { return tx.Where("user_id = ?", id).Delete(&sessionInfoTable{}).Error },
			func() error {
				return tx.Where("(side = ? AND owner_id = ?) OR (side = ? AND ranked_id = ?)",
					talent.SideCandidate, id, talent.SideRole, id).Delete(&rankingRow{}).Error
			},
			func() error { return tx.Where("candidate_id = ?", id).Delete(&profileViewRow{}).Error },
			func() error { return tx.Where("user_id = ?", id).Delete(&idempotencyRow{}).Error },
			func() error { return tx.Where("user_id = ?", id).Delete(&memberRow{}).Error },
		}
		// The second factor and the state of sign-ins.
		for _, table := range []string{"totp_authenticators", "recovery_codes", "trusted_devices", "pending_sign_ins"} {
			steps = append(steps, func() error { return tx.Exec("DELETE FROM "+table+" WHERE user_id = ?", id).Error })
		}
		for _, step := range steps {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	}), "erase account")
}

// sessionInfoTable names the sessions table for deleting a user's sessions
// without depending on the session row type.
type sessionInfoTable struct{}

func (sessionInfoTable) TableName() string { return "sessions" }
