package talent

import (
	"context"
	"strings"
	"time"
)

// ApplicationStore keeps applications, their timelines and placements.
type ApplicationStore interface {
	// CreateApplication inserts a and its first timeline event, marking
	// claim's record with it in the same transaction; an existing
	// application by the same candidate to the same role is an ErrConflict
	// problem carrying that application's id.
	CreateApplication(ctx context.Context, a *Application, claim IdempotencyClaim) error
	// ApplicationByID returns an application with its timeline; ErrNotFound if none.
	ApplicationByID(ctx context.Context, id int64) (Application, error)
	// MoveApplication moves an application from stage from to stage to,
	// counts the change in its version and appends ev to its timeline, in one
	// transaction; if the application is no longer in stage from, or (version
	// non-zero) no longer at that version, it is an ErrConflict (stage_changed).
	MoveApplication(ctx context.Context, id int64, from Stage, version int, ev StageEvent) error
	// ApplicationsOfCandidate returns a page of a candidate's applications.
	ApplicationsOfCandidate(ctx context.Context, candidateID int64, p Page) ([]Application, error)
	// ApplicationsOfRole returns a page of a role's applications, optionally in one stage.
	ApplicationsOfRole(ctx context.Context, roleID int64, stage Stage, p Page) ([]Application, error)
}

// Limits on what people write about an application.
const (
	MaxCoverNoteLen = 5000
	MaxReasonLen    = 2000
)

// Applications lets candidates apply and organisations move applications
// through the hiring stages.
type Applications struct {
	store    ApplicationStore
	roles    *Roles
	profiles ProfileStore
	views    *ProfileViews // records the organisation's look at the profile (nil: none)
	notify   *notifier
	now      func() time.Time
}

// newApplications returns the application service.
func newApplications(store ApplicationStore, roles *Roles, profiles ProfileStore, notify *notifier) *Applications {
	return &Applications{store: store, roles: roles, profiles: profiles, notify: notify, now: time.Now}
}

// Apply submits the signed-in candidate's application to an open role. The
// candidate needs a saved profile with consent to share it (ErrConflict,
// consent_required); the role must be open (role_not_open) and before its
// deadline (deadline_passed); a second application to the same role is
// ErrConflict (already_applied) naming the first. claim is the idempotency
// key the request holds, if any. It returns the new application as its
// candidate sees it.
func (s *Applications) Apply(ctx context.Context, actor Actor, roleID int64, coverNote string, claim IdempotencyClaim) (ApplicationView, error) {
	role, err := s.roles.Get(ctx, actor, roleID)
	if err != nil {
		return ApplicationView{}, err
	}
	if err := requireKind(actor, AccountCandidate); err != nil {
		return ApplicationView{}, err
	}
	var v Validator
	v.Text("cover_note", coverNote, 0, MaxCoverNoteLen)
	if err := v.Err(); err != nil {
		return ApplicationView{}, err
	}
	switch {
	case role.Status != RoleOpen:
		return ApplicationView{}, Conflict(CodeRoleNotOpen)
	case role.Deadline != nil && role.Deadline.Before(DateOf(s.now())):
		return ApplicationView{}, Conflict(CodeDeadlinePassed)
	}
	profile, err := s.profiles.ProfileByUser(ctx, actor.UserID)
	if isNotFound(err) || (err == nil && !profile.ConsentShareApplied) {
		return ApplicationView{}, Conflict(CodeConsentRequired)
	}
	if err != nil {
		return ApplicationView{}, err
	}
	now := s.now().UTC()
	a := Application{
		RoleID: roleID, CandidateID: actor.UserID, Stage: StageSubmitted,
		CoverNote: strings.TrimSpace(coverNote), CreatedAt: now, UpdatedAt: now,
		Timeline: []StageEvent{{To: StageSubmitted, ActorID: actor.UserID, At: now}},
	}
	err = s.notify.inTx(ctx, func(ctx context.Context) error {
		if err := s.store.CreateApplication(ctx, &a, claim); err != nil {
			return err
		}
		members, err := s.notify.members(ctx, role.OrganizationID)
		if err != nil {
			return err
		}
		return s.notify.send(ctx, actor.UserID, members, Notification{
			Kind: NoticeApplicationSubmitted, ObjectType: ObjectApplication, ObjectID: a.ID,
			Params: NoticeParams{Role: &role.Title, Candidate: profile.Name},
		})
	})
	if err != nil {
		return ApplicationView{}, err
	}
	return s.Get(ctx, actor, a.ID)
}

// ApplicationView is an application with what its reader may see of the role
// and, for the organisation, of the candidate, and the moves the reader may
// make.
type ApplicationView struct {
	Application
	Role Role
	// Candidate is the applicant's profile, filled for the organisation and
	// administrators while the candidate consents to share it.
	Candidate *Profile
	// NextStages are the stages the reader may move the application to: the
	// candidate's own moves for the candidate, the organisation's for
	// everyone else who sees it.
	NextStages []Stage
}

// Get returns an application to its candidate, to members of the role's
// organisation and to administrators; everyone else gets ErrNotFound. When a
// member of the organisation is shown the candidate's profile, the view is
// recorded for the candidate to see.
func (s *Applications) Get(ctx context.Context, actor Actor, id int64) (ApplicationView, error) {
	view, member, err := s.visible(ctx, actor, id)
	if err != nil || !member || view.Candidate == nil {
		return view, err
	}
	if err := s.views.record(ctx, actor, view.Role.OrganizationID, ViewFromApplication, []Profile{*view.Candidate}); err != nil {
		return ApplicationView{}, err
	}
	return view, nil
}

// Mine returns a page of the signed-in candidate's applications.
func (s *Applications) Mine(ctx context.Context, actor Actor, p Page) ([]Application, error) {
	if err := requireKind(actor, AccountCandidate); err != nil {
		return nil, err
	}
	return s.store.ApplicationsOfCandidate(ctx, actor.UserID, p)
}

// ForRole returns a page of a role's applications, optionally in one stage, to
// members of its organisation and administrators; ErrNotFound for others.
func (s *Applications) ForRole(ctx context.Context, actor Actor, roleID int64, stage Stage, p Page) ([]Application, error) {
	if _, err := s.roles.forMember(ctx, actor, roleID); err != nil {
		return nil, err
	}
	if stage != "" {
		var v Validator
		v.OneOf("stage", string(stage), Codes(Stages))
		if err := v.Err(); err != nil {
			return nil, err
		}
	}
	return s.store.ApplicationsOfRole(ctx, roleID, stage, p)
}

// Transition moves an application to another stage on behalf of its role's
// organisation, with a reason, which the candidate's notification carries
// if shareReason is set. Moves not in the pipeline are ErrConflict
// (illegal_transition); the candidate and administrators get ErrForbidden,
// and so does everyone for accepting or declining an offer (candidate_only:
// only the candidate answers, with Offers.Answer). A move to offer is made
// with its terms (Offers.Make): asked for here, it is ErrInvalid naming to
// (offer_terms_required). A non-zero ifVersion is the version the move was decided on: an application
// changed since is ErrConflict (version_changed).
func (s *Applications) Transition(ctx context.Context, actor Actor, id int64, to Stage, reason string, shareReason bool, ifVersion int) (ApplicationView, error) {
	view, member, err := s.visible(ctx, actor, id)
	if err != nil {
		return ApplicationView{}, err
	}
	if candidateOnly(to) {
		return ApplicationView{}, Forbidden(CodeCandidateOnly)
	}
	if !member || !actor.Is(AccountOrgMember) {
		return ApplicationView{}, Forbidden(CodeOrganizationOnly)
	}
	var v Validator
	v.OneOf("to", string(to), Codes(Stages))
	v.Text("reason", reason, 0, MaxReasonLen)
	if needsReason(to) {
		v.Text("reason", reason, 1, MaxReasonLen)
	}
	if err := v.Err(); err != nil {
		return ApplicationView{}, err
	}
	if needsTerms(to) {
		v.Add("to", "offer_terms_required")
		return ApplicationView{}, v.Err()
	}
	if ifVersion != 0 && ifVersion != view.Version {
		return ApplicationView{}, Conflict(CodeVersionChanged)
	}
	if !CanOrganizationMove(view.Stage, to) {
		return ApplicationView{}, Conflict(CodeIllegalTransition, "From", StageTerm(view.Stage), "To", StageTerm(to))
	}
	return s.move(ctx, actor, view, to, reason, shareReason)
}

// Withdraw ends the signed-in candidate's application at their request. An
// application already ended or placed is ErrConflict (illegal_transition);
// ifVersion as for Transition.
func (s *Applications) Withdraw(ctx context.Context, actor Actor, id int64, reason string, ifVersion int) (ApplicationView, error) {
	return s.candidateMove(ctx, actor, id, StageWithdrawn, reason, ifVersion)
}

func (s *Applications) candidateMove(ctx context.Context, actor Actor, id int64, to Stage, reason string, ifVersion int) (ApplicationView, error) {
	view, _, err := s.visible(ctx, actor, id)
	if err != nil {
		return ApplicationView{}, err
	}
	if actor.UserID != view.CandidateID {
		return ApplicationView{}, Forbidden(CodeCandidateOnly)
	}
	var v Validator
	v.Text("reason", reason, 0, MaxReasonLen)
	if err := v.Err(); err != nil {
		return ApplicationView{}, err
	}
	if ifVersion != 0 && ifVersion != view.Version {
		return ApplicationView{}, Conflict(CodeVersionChanged)
	}
	if !CanCandidateMove(view.Stage, to) {
		return ApplicationView{}, Conflict(CodeIllegalTransition, "From", StageTerm(view.Stage), "To", StageTerm(to))
	}
	return s.move(ctx, actor, view, to, reason, true)
}

// move records a stage change and tells the other side of the application:
// the candidate when the organisation moved it (of an offer as such, with
// the reason if shared), the organisation's members when the candidate did.
func (s *Applications) move(ctx context.Context, actor Actor, view ApplicationView, to Stage, reason string, shareReason bool) (ApplicationView, error) {
	ev := StageEvent{From: view.Stage, To: to, Reason: strings.TrimSpace(reason), ActorID: actor.UserID, At: s.now().UTC()}
	note := Notification{Kind: NoticeStageChanged, ObjectType: ObjectApplication, ObjectID: view.ID,
		Params: NoticeParams{Role: &view.Role.Title, From: view.Stage, To: to}}
	if shareReason {
		note.Params.Reason = ev.Reason
	}
	err := s.notify.inTx(ctx, func(ctx context.Context) error {
		if err := s.store.MoveApplication(ctx, view.ID, view.Stage, view.Version, ev); err != nil {
			return err
		}
		if actor.UserID != view.CandidateID {
			if to == StageOffer {
				note.Kind = NoticeOfferMade
			}
			return s.notify.send(ctx, actor.UserID, []int64{view.CandidateID}, note)
		}
		members, err := s.notify.members(ctx, view.Role.OrganizationID)
		if err != nil {
			return err
		}
		return s.notify.send(ctx, actor.UserID, members, note)
	})
	if err != nil {
		return ApplicationView{}, err
	}
	return s.Get(ctx, actor, view.ID)
}

// visible loads an application its actor may see, and reports whether the
// actor sees it as a member of the hiring organisation (or administrator).
func (s *Applications) visible(ctx context.Context, actor Actor, id int64) (ApplicationView, bool, error) {
	if actor.Anonymous() {
		return ApplicationView{}, false, Unauthenticated()
	}
	a, err := s.store.ApplicationByID(ctx, id)
	if err != nil {
		return ApplicationView{}, false, err
	}
	role, err := s.roles.store.RoleByID(ctx, a.RoleID)
	if err != nil {
		return ApplicationView{}, false, err
	}
	member, err := s.roles.partyTo(ctx, actor, a.CandidateID, role.OrganizationID)
	if err != nil {
		return ApplicationView{}, false, err
	}
	view := ApplicationView{Application: a, Role: role, NextStages: nextStages(a, actor)}
	if member {
		p, err := s.profiles.ProfileByUser(ctx, a.CandidateID)
		if err != nil && !isNotFound(err) {
			return ApplicationView{}, false, err
		}
		if err == nil && p.ConsentShareApplied {
			view.Candidate = &p
		}
	}
	return view, member, nil
}
