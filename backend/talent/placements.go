package talent

import (
	"context"
	"time"
)

// PlacementStore keeps placements.
type PlacementStore interface {
	// CreatePlacement inserts p and moves its application from accepted to
	// placed with ev, and marks claim's record with the placement, in one
	// transaction; a placement that already exists or an application no
	// longer accepted is an ErrConflict.
	CreatePlacement(ctx context.Context, p *Placement, ev StageEvent, claim IdempotencyClaim) error
	// PlacementByID returns a placement; ErrNotFound if none.
	PlacementByID(ctx context.Context, id int64) (Placement, error)
	// PlacementOfApplication returns an application's placement; ErrNotFound if none.
	PlacementOfApplication(ctx context.Context, applicationID int64) (Placement, error)
	// RecordArrival sets the arrival date of a placement that has none; one
	// already recorded is an ErrConflict (already_arrived).
	RecordArrival(ctx context.Context, id int64, on Date) error
}

// Placements records who will start in Japan and who has arrived, the count
// the goal of 500 is measured by.
type Placements struct {
	store  PlacementStore
	apps   *Applications
	offers *Offers
	notify *notifier
	now    func() time.Time
}

// newPlacements returns the placement service.
func newPlacements(store PlacementStore, apps *Applications, offers *Offers, notify *notifier) *Placements {
	return &Placements{store: store, apps: apps, offers: offers, notify: notify, now: time.Now}
}

// Record creates the placement of an accepted application, on behalf of the
// hiring organisation, and moves the application to placed. The start date
// lies from the day the candidate applied to three years ahead; the status
// of residence must fit the accepted offer (its kind, pay, term and the
// host), or for an application accepted before offers carried terms, the
// role's kind and pay. An application not in the accepted stage is
// ErrConflict (not_accepted). claim is the idempotency key the request
// holds, if any.
func (s *Placements) Record(ctx context.Context, actor Actor, applicationID int64, visaStatus string, start *Date, claim IdempotencyClaim) (Placement, error) {
	view, member, err := s.apps.visible(ctx, actor, applicationID)
	if err != nil {
		return Placement{}, err
	}
	if !member || !actor.Is(AccountOrgMember) {
		return Placement{}, Forbidden(CodeOrganizationOnly)
	}
	today := DateOf(s.now())
	var v Validator
	v.OneOf("visa_status", visaStatus, VisaStatuses)
	if start == nil {
		v.Add("start_date", "required")
	}
	v.Date("start_date", start, DateOf(view.CreatedAt), today.AddDays(365*3))
	if err := v.Err(); err != nil {
		return Placement{}, err
	}
	if err := s.offers.fits(ctx, view, visaStatus); err != nil {
		return Placement{}, err
	}
	if !canPlace(view.Stage) {
		return Placement{}, Conflict(CodeNotAccepted, "Stage", StageTerm(view.Stage))
	}
	now := s.now().UTC()
	p := Placement{
		ApplicationID: applicationID, CandidateID: view.CandidateID, RoleID: view.RoleID,
		OrganizationID: view.Role.OrganizationID, VisaStatus: visaStatus, StartDate: *start, CreatedAt: now,
	}
	ev := StageEvent{From: StageAccepted, To: StagePlaced, ActorID: actor.UserID, At: now}
	err = s.notify.inTx(ctx, func(ctx context.Context) error {
		if err := s.store.CreatePlacement(ctx, &p, ev, claim); err != nil {
			return err
		}
		return s.notify.send(ctx, actor.UserID, []int64{p.CandidateID}, Notification{
			Kind: NoticePlacementRecorded, ObjectType: ObjectApplication, ObjectID: applicationID,
			Params: NoticeParams{Role: &view.Role.Title, Start: start},
		})
	})
	if err != nil {
		return Placement{}, err
	}
	return p, nil
}

// Get returns a placement to its candidate, the hiring organisation's members
// and administrators; ErrNotFound for everyone else.
func (s *Placements) Get(ctx context.Context, actor Actor, id int64) (Placement, error) {
	p, _, err := s.visible(ctx, actor, id)
	return p, err
}

// OfApplication returns the placement of an application its actor may see;
// ErrNotFound when there is none.
func (s *Placements) OfApplication(ctx context.Context, actor Actor, applicationID int64) (Placement, error) {
	if _, _, err := s.apps.visible(ctx, actor, applicationID); err != nil {
		return Placement{}, err
	}
	return s.store.PlacementOfApplication(ctx, applicationID)
}

// RecordArrival confirms that the placed candidate arrived in Japan on the
// given day (not in the future, not before they applied). Members of the
// hiring organisation only; a second confirmation is ErrConflict
// (already_arrived).
func (s *Placements) RecordArrival(ctx context.Context, actor Actor, id int64, on *Date) (Placement, error) {
	p, member, err := s.visible(ctx, actor, id)
	if err != nil {
		return Placement{}, err
	}
	if !member || !actor.Is(AccountOrgMember) {
		return Placement{}, Forbidden(CodeOrganizationOnly)
	}
	app, err := s.apps.store.ApplicationByID(ctx, p.ApplicationID)
	if err != nil {
		return Placement{}, err
	}
	var v Validator
	if on == nil {
		v.Add("arrived_on", "required")
	}
	v.Date("arrived_on", on, DateOf(app.CreatedAt), DateOf(s.now()))
	if err := v.Err(); err != nil {
		return Placement{}, err
	}
	if p.ArrivedOn != nil {
		return Placement{}, Conflict(CodeAlreadyArrived)
	}
	err = s.notify.inTx(ctx, func(ctx context.Context) error {
		if err := s.store.RecordArrival(ctx, id, *on); err != nil {
			return err
		}
		members, err := s.notify.members(ctx, p.OrganizationID)
		if err != nil {
			return err
		}
		role, err := s.apps.roles.store.RoleByID(ctx, p.RoleID)
		if err != nil {
			return err
		}
		return s.notify.send(ctx, actor.UserID, append(members, p.CandidateID), Notification{
			Kind: NoticeArrivalConfirmed, ObjectType: ObjectApplication, ObjectID: p.ApplicationID,
			Params: NoticeParams{Role: &role.Title, Start: on},
		})
	})
	if err != nil {
		return Placement{}, err
	}
	p.ArrivedOn = on
	return p, nil
}

func (s *Placements) visible(ctx context.Context, actor Actor, id int64) (Placement, bool, error) {
	if actor.Anonymous() {
		return Placement{}, false, Unauthenticated()
	}
	p, err := s.store.PlacementByID(ctx, id)
	if err != nil {
		return Placement{}, false, err
	}
	member, err := s.apps.roles.partyTo(ctx, actor, p.CandidateID, p.OrganizationID)
	if err != nil {
		return Placement{}, false, err
	}
	return p, member, nil
}
