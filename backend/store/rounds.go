package store

import (
	"context"
	"errors"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

type roundRow struct {
	ID              int64 `gorm:"primaryKey"`
	Name            string
	Status          string
	RankingDeadline time.Time
	CreatedBy       int64
	CreatedAt       time.Time
	OpenedAt        *time.Time
	RanAt           *time.Time
	Matched         int
	Proposals       int
}

func (roundRow) TableName() string { return "matching_rounds" }

func (r roundRow) toRound(roleIDs []int64) talent.Round {
	return talent.Round{ID: r.ID, Name: r.Name, Status: r.Status, RankingDeadline: r.RankingDeadline, RoleIDs: roleIDs,
		CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt, OpenedAt: r.OpenedAt, RanAt: r.RanAt, Matched: r.Matched, Proposals: r.Proposals}
}

type roundRoleRow struct {
	RoundID  int64 `gorm:"primaryKey;autoIncrement:false"`
	RoleID   int64 `gorm:"primaryKey;autoIncrement:false"`
	Position int
}

func (roundRoleRow) TableName() string { return "matching_round_roles" }

type rankingRow struct {
	RoundID  int64  `gorm:"primaryKey;autoIncrement:false"`
	Side     string `gorm:"primaryKey"`
	OwnerID  int64  `gorm:"primaryKey;autoIncrement:false"`
	RankedID int64  `gorm:"primaryKey;autoIncrement:false"`
	Position int
}

func (rankingRow) TableName() string { return "round_rankings" }

type roundMatchRow struct {
	RoundID       int64 `gorm:"primaryKey;autoIncrement:false"`
	CandidateID   int64 `gorm:"primaryKey;autoIncrement:false"`
	RoleID        int64
	ApplicationID int64
}

func (roundMatchRow) TableName() string { return "round_matches" }

// CreateRound inserts a round with its roles.
func (d *DB) CreateRound(ctx context.Context, r *talent.Round) error {
	row := roundRow{Name: r.Name, Status: r.Status, RankingDeadline: r.RankingDeadline.UTC(), CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt.UTC()}
	err := d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		roles := make([]roundRoleRow, len(r.RoleIDs))
		for i, id := range r.RoleIDs {
			roles[i] = roundRoleRow{RoundID: row.ID, RoleID: id, Position: i}
		}
		return tx.CreateInBatches(&roles, 500).Error
	})
	if err != nil {
		return classify(err, "create round")
	}
	*r = row.toRound(r.RoleIDs)
	return nil
}

// RoundByID returns a round with its role ids in the order given.
func (d *DB) RoundByID(ctx context.Context, id int64) (talent.Round, error) {
	var row roundRow
	db := d.conn(ctx)
	if err := db.Take(&row, id).Error; err != nil {
		return talent.Round{}, classify(err, "find round")
	}
	var roleIDs []int64
	if err := db.Model(&roundRoleRow{}).Where("round_id = ?", id).Order("position").Pluck("role_id", &roleIDs).Error; err != nil {
		return talent.Round{}, classify(err, "find round roles")
	}
	return row.toRound(roleIDs), nil
}

// ListRounds returns a page of rounds in the given statuses, without their roles.
func (d *DB) ListRounds(ctx context.Context, statuses []string, p talent.Page) ([]talent.Round, error) {
	var rows []roundRow
	q := d.conn(ctx).Where("status IN ?", statuses)
	if err := paged(q, "id", p).Find(&rows).Error; err != nil {
		return nil, classify(err, "list rounds")
	}
	return mapRows(rows, func(r roundRow) talent.Round { return r.toRound(nil) }), nil
}

// SetRoundStatus moves a round between statuses if it is still in from.
func (d *DB) SetRoundStatus(ctx context.Context, id int64, from, to string, at time.Time) error {
	updates := map[string]any{"status": to}
	if to == talent.RoundOpen {
		updates["opened_at"] = at.UTC()
	}
	res := d.conn(ctx).Model(&roundRow{}).Where("id = ? AND status = ?", id, from).Updates(updates)
	if res.Error == nil && res.RowsAffected == 0 {
		return talent.Conflict(talent.CodeRoundChanged)
	}
	return classify(res.Error, "set round status")
}

// SaveRanking replaces one participant's rank list.
func (d *DB) SaveRanking(ctx context.Context, roundID int64, list talent.RoundRanking) error {
	rows := make([]rankingRow, len(list.Ranked))
	for i, id := range list.Ranked {
		rows[i] = rankingRow{RoundID: roundID, Side: list.Side, OwnerID: list.Owner, RankedID: id, Position: i}
	}
	return classify(d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("round_id = ? AND side = ? AND owner_id = ?", roundID, list.Side, list.Owner).Delete(&rankingRow{}).Error; err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		return tx.Create(&rows).Error
	}), "save ranking")
}

// Ranking returns one participant's rank list, best first.
func (d *DB) Ranking(ctx context.Context, roundID int64, side string, ownerID int64) ([]int64, error) {
	ids := []int64{}
	err := d.conn(ctx).Model(&rankingRow{}).Where("round_id = ? AND side = ? AND owner_id = ?", roundID, side, ownerID).
		Order("position").Pluck("ranked_id", &ids).Error
	return ids, classify(err, "find ranking")
}

// RoundParticipants returns the members of the organisations whose roles
// take part in a round, and the candidates who ranked in it or applied to one
// of its roles.
func (d *DB) RoundParticipants(ctx context.Context, roundID int64) ([]int64, error) {
	roles := d.gorm.Model(&roundRoleRow{}).Select("role_id").Where("round_id = ?", roundID)
	orgs := d.gorm.Model(&roleRow{}).Select("organization_id").Where("id IN (?)", roles)
	var members, rankers, applicants []int64
	db := d.conn(ctx)
	if err := db.Model(&memberRow{}).Where("organization_id IN (?)", orgs).Distinct("user_id").Pluck("user_id", &members).Error; err != nil {
		return nil, classify(err, "find round members")
	}
	if err := db.Model(&rankingRow{}).Where("round_id = ? AND side = ?", roundID, talent.SideCandidate).Distinct("owner_id").Pluck("owner_id", &rankers).Error; err != nil {
		return nil, classify(err, "find round rankers")
	}
	if err := db.Model(&applicationRow{}).Where("role_id IN (?)", roles).Distinct("candidate_id").Pluck("candidate_id", &applicants).Error; err != nil {
		return nil, classify(err, "find round applicants")
	}
	return slices.Concat(members, rankers, applicants), nil
}

// CandidatesWhoRanked returns the candidates who ranked a role in a round
// and still consent to share their profile with the organisations concerned.
func (d *DB) CandidatesWhoRanked(ctx context.Context, roundID, roleID int64) ([]int64, error) {
	ids := []int64{}
	err := d.conn(ctx).Model(&rankingRow{}).
		Where("round_id = ? AND side = ? AND ranked_id = ?", roundID, talent.SideCandidate, roleID).
		Where("owner_id IN (?)", d.gorm.Model(&profileRow{}).Select("user_id").Where("consent_share_applied = ?", true)).
		Order("owner_id").Pluck("owner_id", &ids).Error
	return ids, classify(err, "find rankers")
}

// RoundInstance returns the rank lists a round runs on: those of candidates
// who still consent to share their profile, and of the round's roles that are
// still open (capacity: their openings). Lists may name participants left
// out this way; the solver drops such entries.
func (d *DB) RoundInstance(ctx context.Context, roundID int64) (talent.RoundInstance, error) {
	db := d.conn(ctx)
	var rows []rankingRow
	consenting := d.gorm.Model(&profileRow{}).Select("user_id").Where("consent_share_applied = ?", true)
	err := db.Where("round_id = ?", roundID).
		Where("side = ? OR owner_id IN (?)", talent.SideRole, consenting).
		Order("side, owner_id, position").Find(&rows).Error
	if err != nil {
		return talent.RoundInstance{}, classify(err, "load rankings")
	}
	var roles []struct {
		ID       int64
		Openings int
	}
	err = db.Model(&roleRow{}).Select("roles.id, roles.openings").
		Joins("JOIN matching_round_roles rr ON rr.role_id = roles.id").Where("rr.round_id = ? AND roles.status = ?", roundID, string(talent.RoleOpen)).
		Order("roles.id").Scan(&roles).Error
	if err != nil {
		return talent.RoundInstance{}, classify(err, "load round roles")
	}
	inst := talent.RoundInstance{}
	roleIndex := map[int64]int{}
	for _, r := range roles {
		roleIndex[r.ID] = len(inst.Roles)
		inst.Roles = append(inst.Roles, talent.RankList{ID: r.ID, Capacity: r.Openings, Ranking: []int64{}})
	}
	candidateIndex := map[int64]int{}
	for _, r := range rows {
		if r.Side == talent.SideRole {
			if i, ok := roleIndex[r.OwnerID]; ok {
				inst.Roles[i].Ranking = append(inst.Roles[i].Ranking, r.RankedID)
			}
			continue
		}
		i, ok := candidateIndex[r.OwnerID]
		if !ok {
			i = len(inst.Candidates)
			candidateIndex[r.OwnerID] = i
			inst.Candidates = append(inst.Candidates, talent.RankList{ID: r.OwnerID})
		}
		inst.Candidates[i].Ranking = append(inst.Candidates[i].Ranking, r.RankedID)
	}
	return inst, nil
}

// CompleteRound stores a round's outcome and turns each match into an
// application in the offer stage, in one transaction.
func (d *DB) CompleteRound(ctx context.Context, roundID int64, out talent.RoundOutcome, actorID int64, at time.Time) error {
	at = at.UTC()
	return classify(d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		var round roundRow
		if err := tx.Take(&round, roundID).Error; err != nil {
			return err
		}
		res := tx.Model(&roundRow{}).Where("id = ? AND status = ?", roundID, talent.RoundOpen).
			Updates(map[string]any{"status": talent.RoundCompleted, "ran_at": at, "matched": len(out.Matches), "proposals": out.Proposals})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return talent.Conflict(talent.CodeRoundChanged)
		}
		matches := make([]roundMatchRow, len(out.Matches))
		for i, m := range out.Matches {
			appID, err := offerFromRound(tx, m, round.Name, actorID, at)
			if err != nil {
				return err
			}
			matches[i] = roundMatchRow{RoundID: roundID, CandidateID: m.CandidateID, RoleID: m.RoleID, ApplicationID: appID}
		}
		if len(matches) == 0 {
			return nil
		}
		return tx.CreateInBatches(&matches, 500).Error
	}), "complete round")
}

// offerFromRound makes a round's match an application in the offer stage:
// an existing application moves there unless it stands at or past it
// (talent.AtOrPastOffer); without one, an application is created (submitted
// by the candidate's ranking, offered by the round).
func offerFromRound(tx *gorm.DB, m talent.RoundMatch, roundName string, actorID int64, at time.Time) (int64, error) {
	offer := talent.StageEvent{To: talent.StageOffer, Reason: roundName, ActorID: actorID, At: at}
	var existing applicationRow
	err := tx.Where("role_id = ? AND candidate_id = ?", m.RoleID, m.CandidateID).Take(&existing).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		app := applicationRow{RoleID: m.RoleID, CandidateID: m.CandidateID, Stage: string(talent.StageOffer), CreatedAt: at, UpdatedAt: at, Version: 1}
		if err := tx.Create(&app).Error; err != nil {
			return 0, err
		}
		offer.From = talent.StageSubmitted
		events := []applicationEventRow{
			eventRow(app.ID, talent.StageEvent{To: talent.StageSubmitted, Reason: roundName, ActorID: m.CandidateID, At: at}),
			eventRow(app.ID, offer),
		}
		return app.ID, tx.Create(&events).Error
	case err != nil:
		return 0, err
	case talent.AtOrPastOffer(talent.Stage(existing.Stage)):
		return existing.ID, nil
	}
	offer.From = talent.Stage(existing.Stage)
	return existing.ID, moveApplication(tx, existing.ID, offer.From, 0, offer)
}

// RoundMatches returns a round's matches by candidate id.
func (d *DB) RoundMatches(ctx context.Context, roundID int64) ([]talent.RoundMatch, error) {
	var rows []roundMatchRow
	if err := d.conn(ctx).Where("round_id = ?", roundID).Order("candidate_id").Find(&rows).Error; err != nil {
		return nil, classify(err, "list round matches")
	}
	return mapRows(rows, func(r roundMatchRow) talent.RoundMatch {
		return talent.RoundMatch{CandidateID: r.CandidateID, RoleID: r.RoleID, ApplicationID: r.ApplicationID}
	}), nil
}
