package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

type offerRow struct {
	ID                  int64 `gorm:"primaryKey"`
	ApplicationID       int64
	Revision            int
	Kind                string
	AnnualSalaryJPY     int64 `gorm:"column:annual_salary_jpy"`
	StartDate           time.Time
	TermMonths          int
	PlannedStatus       string
	RespondBy           time.Time
	TextEN              string `gorm:"column:text_en"`
	TextJA              string `gorm:"column:text_ja"`
	UniversityAgreement bool
	CreatedBy           int64
	CreatedAt           time.Time
	Answer              string
	AnsweredAt          *time.Time
}

func (offerRow) TableName() string { return "offers" }

func offerToRow(o talent.Offer) offerRow {
	t := o.OfferTerms
	return offerRow{ApplicationID: o.ApplicationID, Revision: o.Revision, Kind: t.Kind, AnnualSalaryJPY: t.AnnualSalaryJPY,
		StartDate: t.StartDate.Time(), TermMonths: t.TermMonths, PlannedStatus: t.PlannedStatus, RespondBy: t.RespondBy.Time(),
		TextEN: t.TextEN, TextJA: t.TextJA, UniversityAgreement: t.UniversityAgreement, CreatedBy: o.CreatedBy,
		CreatedAt: o.CreatedAt.UTC(), Answer: string(o.Answer), AnsweredAt: o.AnsweredAt}
}

func (r offerRow) toOffer() talent.Offer {
	return talent.Offer{ID: r.ID, ApplicationID: r.ApplicationID, Revision: r.Revision,
		OfferTerms: talent.OfferTerms{Kind: r.Kind, AnnualSalaryJPY: r.AnnualSalaryJPY, StartDate: talent.DateOf(r.StartDate),
			TermMonths: r.TermMonths, PlannedStatus: r.PlannedStatus, RespondBy: talent.DateOf(r.RespondBy),
			TextEN: r.TextEN, TextJA: r.TextJA, UniversityAgreement: r.UniversityAgreement},
		CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt, Answer: talent.OfferAnswer(r.Answer), AnsweredAt: r.AnsweredAt}
}

// SaveOffer inserts the next revision of an application's offer, moving the
// application to offer with the first one and counting a revision as a
// change of the application (its version). Either way the application's row
// is written first, so an answer and a revision that cross are settled in
// order: the later one finds the application or the offer changed. Two
// revisions cannot take the same number either: the unique (application,
// revision) key refuses the second.
func (d *DB) SaveOffer(ctx context.Context, o *talent.Offer, move *talent.StageEvent, version int, claim talent.IdempotencyClaim) error {
	var row offerRow
	err := d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if move != nil {
			if err := moveApplication(tx, o.ApplicationID, move.From, version, *move); err != nil {
				return err
			}
		} else if err := touchApplication(tx, o.ApplicationID, talent.StageOffer, version, o.CreatedAt); err != nil {
			return err
		}
		var latest offerRow
		err := tx.Where("application_id = ?", o.ApplicationID).Order("revision DESC").Limit(1).Take(&latest).Error
		switch {
		case errors.Is(err, gorm.ErrRecordNotFound):
		case err != nil:
			return err
		case latest.Answer != "":
			return talent.Conflict(talent.CodeOfferAnswered)
		}
		o.Revision = latest.Revision + 1
		row = offerToRow(*o)
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		return markIdempotencyResource(tx, claim, row.ID)
	})
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return talent.Conflict(talent.CodeOfferRevised)
	}
	if err != nil {
		return classify(err, "save offer")
	}
	*o = row.toOffer()
	return nil
}

// OffersOf returns an application's offers, first revision first.
func (d *DB) OffersOf(ctx context.Context, applicationID int64) ([]talent.Offer, error) {
	var rows []offerRow
	if err := d.conn(ctx).Where("application_id = ?", applicationID).Order("revision").Find(&rows).Error; err != nil {
		return nil, classify(err, "list offers")
	}
	return mapRows(rows, offerRow.toOffer), nil
}

// OfferByID returns one revision of an offer.
func (d *DB) OfferByID(ctx context.Context, id int64) (talent.Offer, error) {
	var row offerRow
	err := d.conn(ctx).Take(&row, id).Error
	return row.toOffer(), classify(err, "find offer")
}

// AnswerOffer moves the application from offer and records the answer to
// the latest, unanswered revision, in one transaction; moving the
// application first settles an answer and a revision that cross (see
// SaveOffer).
func (d *DB) AnswerOffer(ctx context.Context, applicationID int64, revision int, answer talent.OfferAnswer, ev talent.StageEvent) error {
	err := d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		if err := moveApplication(tx, applicationID, talent.StageOffer, 0, ev); err != nil {
			return err
		}
		var latest offerRow
		if err := tx.Where("application_id = ?", applicationID).Order("revision DESC").Limit(1).Take(&latest).Error; err != nil {
			return err
		}
		switch {
		case latest.Revision != revision:
			return talent.Conflict(talent.CodeOfferRevised)
		case latest.Answer != "":
			return talent.Conflict(talent.CodeOfferAnswered)
		}
		res := tx.Model(&offerRow{}).Where("id = ? AND answer = ''", latest.ID).
			Updates(map[string]any{"answer": string(answer), "answered_at": ev.At.UTC()})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return talent.Conflict(talent.CodeOfferAnswered)
		}
		return nil
	})
	return classify(err, "answer offer")
}

// OfferForRole returns the latest offer on a candidate's application to a
// role.
func (d *DB) OfferForRole(ctx context.Context, candidateID, roleID int64) (talent.Offer, bool, error) {
	var rows []offerRow
	err := d.conn(ctx).Joins("JOIN applications ON applications.id = offers.application_id").
		Where("applications.candidate_id = ? AND applications.role_id = ?", candidateID, roleID).
		Order("offers.revision DESC").Limit(1).Find(&rows).Error
	if err != nil || len(rows) == 0 {
		return talent.Offer{}, false, classify(err, "find offer for role")
	}
	return rows[0].toOffer(), true, nil
}
