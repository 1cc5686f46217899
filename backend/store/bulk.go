package store

import (
	"context"
	"fmt"
	"reflect"
	"time"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

// Bulk loaders write many domain values at once, for the demo-data generator
// and imports: each call is one transaction of multi-row INSERTs, and the
// values' explicit timestamps are kept (in UTC) rather than stamped now.

// maxBatchRows bounds the rows of one INSERT, however narrow the table.
const maxBatchRows = 1000

// paramsPerInsert bounds the bind parameters of one multi-row INSERT. The
// pure-Go SQLite driver matches every parameter to its argument by a linear
// search, so a statement costs the square of its parameters there and a few
// hundred is fastest (far below SQLite's limit of 32766); PostgreSQL (limit
// 65535) gains from fewer round trips.
func (d *DB) paramsPerInsert() int {
	if d.dialect == SQLite {
		return 250
	}
	return 30_000
}

// bulkTx is a transaction of bulk inserts and the dialect's statement size.
type bulkTx struct {
	tx     *gorm.DB
	params int // bind parameters per INSERT
}

// insertBatches inserts rows in multi-row INSERTs of at most tx.params bind
// parameters and writes generated ids back into rows.
func insertBatches[R any](tx bulkTx, rows []R) error {
	if len(rows) == 0 {
		return nil
	}
	columns := reflect.TypeFor[R]().NumField()
	return tx.tx.CreateInBatches(&rows, max(1, min(maxBatchRows, tx.params/columns))).Error
}

// bulk runs fn in one transaction and translates its error.
func (d *DB) bulk(ctx context.Context, doing string, fn func(tx bulkTx) error) error {
	return classify(d.conn(ctx).Transaction(func(tx *gorm.DB) error {
		return fn(bulkTx{tx: tx, params: d.paramsPerInsert()})
	}), doing)
}

// InsertUsers inserts users, all with the same password hash, and sets each
// one's ID (and CreatedAt, when it was zero) in the slice. An e-mail already
// in use is ErrConflict and nothing is inserted.
func (d *DB) InsertUsers(ctx context.Context, users []talent.User, passwordHash string) error {
	rows := make([]userRow, len(users))
	for i, u := range users {
		rows[i] = userToRow(u, passwordHash)
	}
	if err := d.bulk(ctx, "insert users", func(tx bulkTx) error { return insertBatches(tx, rows) }); err != nil {
		return err
	}
	for i, r := range rows {
		users[i] = r.toUser()
	}
	return nil
}

// InsertProfiles inserts new candidate profiles with their education and
// skills, keeping each profile's UpdatedAt, and records the consent their
// flags stand for in the consent ledger (source seed, at UpdatedAt). A
// profile that exists already is ErrConflict and nothing is inserted.
func (d *DB) InsertProfiles(ctx context.Context, profiles []talent.Profile) error {
	rows := make([]profileRow, len(profiles))
	var edu []educationRow
	var skills []candidateSkillRow
	var consents []consentEventRow
	for i, p := range profiles {
		row, e, s := profileToRows(p)
		row.UpdatedAt = p.UpdatedAt.UTC()
		rows[i] = row
		edu = append(edu, e...)
		skills = append(skills, s...)
		consents = append(consents, seededConsent(p)...)
	}
	return d.bulk(ctx, "insert profiles", func(tx bulkTx) error {
		if err := insertBatches(tx, rows); err != nil {
			return err
		}
		if err := insertBatches(tx, edu); err != nil {
			return err
		}
		if err := insertBatches(tx, skills); err != nil {
			return err
		}
		return insertBatches(tx, consents)
	})
}

// seededConsent returns the ledger entries that make a generated profile's
// consent flags true: each flag's purpose and the transfer to Japan.
func seededConsent(p talent.Profile) []consentEventRow {
	var out []consentEventRow
	grant := func(purpose string) {
		w, _ := talent.CurrentWording(purpose)
		out = append(out, consentEventRow{UserID: p.UserID, Purpose: purpose, Granted: true, WordingVersion: w.Version,
			Language: "en", Source: talent.ConsentSourceSeed, CreatedAt: p.UpdatedAt.UTC()})
	}
	if p.ConsentShareApplied || p.ConsentDiscoverable {
		grant(talent.ConsentTransferJapan)
	}
	if p.ConsentShareApplied {
		grant(talent.ConsentShareApplied)
	}
	if p.ConsentDiscoverable {
		grant(talent.ConsentDiscoverable)
	}
	return out
}

// InsertOrganizations inserts organisations and their memberships: members[i]
// lists the user ids of orgs[i]'s members (its creator among them), who join
// when it was created. It sets each organisation's ID in the slice.
func (d *DB) InsertOrganizations(ctx context.Context, orgs []talent.Organization, members [][]int64) error {
	if len(members) != len(orgs) {
		return fmt.Errorf("insert organizations: %d member lists for %d organisations", len(members), len(orgs))
	}
	rows := make([]organizationRow, len(orgs))
	for i, o := range orgs {
		rows[i] = organizationToRow(o)
	}
	err := d.bulk(ctx, "insert organizations", func(tx bulkTx) error {
		if err := insertBatches(tx, rows); err != nil {
			return err
		}
		var memberRows []memberRow
		for i, ids := range members {
			for _, id := range ids {
				memberRows = append(memberRows, memberRow{OrganizationID: rows[i].ID, UserID: id, CreatedAt: rows[i].CreatedAt})
			}
		}
		return insertBatches(tx, memberRows)
	})
	if err != nil {
		return err
	}
	for i, r := range rows {
		orgs[i] = r.toOrganization()
	}
	return nil
}

// InsertRoles inserts roles with their required and preferred skills, keeping
// their status and timestamps, and sets each role's ID in the slice.
func (d *DB) InsertRoles(ctx context.Context, roles []talent.Role) error {
	rows := make([]roleRow, len(roles))
	skills := make([][]roleSkillRow, len(roles))
	for i, r := range roles {
		rows[i], skills[i] = roleToRows(r)
		rows[i].CreatedAt, rows[i].UpdatedAt, rows[i].PublishedAt = r.CreatedAt.UTC(), r.UpdatedAt.UTC(), utcPtr(r.PublishedAt)
	}
	err := d.bulk(ctx, "insert roles", func(tx bulkTx) error {
		if err := insertBatches(tx, rows); err != nil {
			return err
		}
		var all []roleSkillRow
		for i := range skills {
			for j := range skills[i] {
				skills[i][j].RoleID = rows[i].ID
			}
			all = append(all, skills[i]...)
		}
		return insertBatches(tx, all)
	})
	if err != nil {
		return err
	}
	for i, r := range rows {
		roles[i] = roleFromRows(r, skills[i])
	}
	return nil
}

// InsertApplications inserts applications in whatever stage they are, each
// with its whole timeline, and sets the ids of applications and events in the
// slice. A second application by a candidate to a role is ErrConflict and
// nothing is inserted.
func (d *DB) InsertApplications(ctx context.Context, apps []talent.Application) error {
	rows := make([]applicationRow, len(apps))
	for i, a := range apps {
		rows[i] = applicationToRow(a)
	}
	var events []applicationEventRow
	err := d.bulk(ctx, "insert applications", func(tx bulkTx) error {
		if err := insertBatches(tx, rows); err != nil {
			return err
		}
		for i, a := range apps {
			for _, ev := range a.Timeline {
				events = append(events, eventRow(rows[i].ID, ev))
			}
		}
		return insertBatches(tx, events)
	})
	if err != nil {
		return err
	}
	for i, r := range rows {
		n := len(apps[i].Timeline)
		apps[i] = r.toApplication()
		apps[i].Timeline = mapRows(events[:n], applicationEventRow.toEvent)
		events = events[n:]
	}
	return nil
}

// InsertOffers inserts offers (their applications must exist) and sets each
// one's ID in the slice.
func (d *DB) InsertOffers(ctx context.Context, offers []talent.Offer) error {
	return insertAll(ctx, d, "insert offers", offers, offerToRow, offerRow.toOffer)
}

// InsertPlacements inserts placements (their applications must exist and
// should be in the placed stage) and sets each one's ID in the slice. A second
// placement of an application is ErrConflict and nothing is inserted.
func (d *DB) InsertPlacements(ctx context.Context, placements []talent.Placement) error {
	return insertAll(ctx, d, "insert placements", placements, placementToRow, placementRow.toPlacement)
}

// insertAll inserts values as rows in batches, in one transaction, and puts
// each row back into its value (with the id the database gave it).
func insertAll[V, R any](ctx context.Context, d *DB, doing string, values []V, toRow func(V) R, back func(R) V) error {
	rows := make([]R, len(values))
	for i, v := range values {
		rows[i] = toRow(v)
	}
	if err := d.bulk(ctx, doing, func(tx bulkTx) error { return insertBatches(tx, rows) }); err != nil {
		return err
	}
	for i, r := range rows {
		values[i] = back(r)
	}
	return nil
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
