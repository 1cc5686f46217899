package talent

import (
	"context"
	"strings"
	"time"
)

// OfferAnswer is the candidate's answer to an offer: none yet, accepted or
// declined.
type OfferAnswer string

// Answers to an offer.
const (
	OfferUnanswered OfferAnswer = ""
	OfferAccepted   OfferAnswer = "accepted"
	OfferDeclined   OfferAnswer = "declined"
)

// Limits on an offer's terms.
const (
	MaxOfferTextLen     = 10000
	MaxOfferTermMonths  = 120
	MaxOfferSalaryJPY   = 1_000_000_000
	maxOfferStartYears  = 3
	maxOfferRespondDays = 90
)

// OfferTerms are what an organisation offers: the kind of post, one annual
// salary in yen (0 for an unpaid internship), the start date, a fixed term
// in months (0: none), the planned status of residence, the day the
// candidate should answer by, the offer's text in English and Japanese, and
// whether an agreement between the candidate's university and the host is
// in place (Designated Activities internships need one).
type OfferTerms struct {
	Kind                string
	AnnualSalaryJPY     int64
	StartDate           Date
	TermMonths          int
	PlannedStatus       string
	RespondBy           Date
	TextEN, TextJA      string
	UniversityAgreement bool
}

// Offer is one revision of the offer on an application, and the
// candidate's answer to it.
type Offer struct {
	ID            int64
	ApplicationID int64
	Revision      int // 1 for the first offer, one more for each revision
	OfferTerms
	CreatedBy  int64
	CreatedAt  time.Time
	Answer     OfferAnswer
	AnsweredAt *time.Time
}

// OfferStore keeps offers.
type OfferStore interface {
	// SaveOffer inserts o as the next revision of its application's offer
	// (o.Revision is set) and marks claim's record with it. With move
	// non-nil it also moves the application from move.From to offer (at
	// version, when non-zero), in the same transaction. An application that
	// moved meanwhile is ErrConflict (stage_changed); one whose latest offer
	// was answered meanwhile is ErrConflict (offer_answered).
	SaveOffer(ctx context.Context, o *Offer, move *StageEvent, version int, claim IdempotencyClaim) error
	// OffersOf returns an application's offers, first revision first.
	OffersOf(ctx context.Context, applicationID int64) ([]Offer, error)
	// OfferByID returns one revision of an offer; ErrNotFound if none.
	OfferByID(ctx context.Context, id int64) (Offer, error)
	// AnswerOffer records the answer to revision of an application's offer
	// and moves the application from offer to ev.To, in one transaction. A
	// revision that is not the latest, or is answered, is ErrConflict
	// (offer_revised or offer_answered); an application that moved is
	// ErrConflict (stage_changed).
	AnswerOffer(ctx context.Context, applicationID int64, revision int, answer OfferAnswer, ev StageEvent) error
}

// ResidenceRules checks that an offer's planned status of residence fits
// its kind, pay, term and the host's kind of organisation (package
// residence provides one); field is the key the problem names.
type ResidenceRules func(field string, t OfferTerms, hostKind string) error

// Offers lets an organisation make an offer with its terms, revise it until
// the candidate answers, and the candidate accept or decline it. Only the
// candidate accepts.
type Offers struct {
	store     OfferStore
	apps      *Applications
	orgs      OrganizationStore
	residence ResidenceRules
	notify    *notifier
	now       func() time.Time
}

func newOffers(store OfferStore, apps *Applications, orgs OrganizationStore, residence ResidenceRules, notify *notifier) *Offers {
	return &Offers{store: store, apps: apps, orgs: orgs, residence: residence, notify: notify, now: time.Now}
}

// Make records an offer on an application, on behalf of the hiring
// organisation: the first one moves the application from screening or
// interview to offer; later ones revise it while the candidate has not
// answered (ErrConflict offer_answered after). Terms are checked (each bad
// field named, the planned status against the kind, pay, term and host);
// the candidate is told. ifVersion as for Applications.Transition; claim is
// the idempotency key the request holds, if any.
func (s *Offers) Make(ctx context.Context, actor Actor, applicationID int64, t OfferTerms, ifVersion int, claim IdempotencyClaim) (Offer, error) {
	view, member, err := s.apps.visible(ctx, actor, applicationID)
	if err != nil {
		return Offer{}, err
	}
	if !member || !actor.Is(AccountOrgMember) {
		return Offer{}, Forbidden(CodeOrganizationOnly)
	}
	org, err := s.orgs.OrganizationByID(ctx, view.Role.OrganizationID)
	if err != nil {
		return Offer{}, err
	}
	t = normalizeOfferTerms(t)
	if err := s.check(t, view.Application, org.Kind); err != nil {
		return Offer{}, err
	}
	if ifVersion != 0 && ifVersion != view.Version {
		return Offer{}, Conflict(CodeVersionChanged)
	}
	now := s.now().UTC()
	var move *StageEvent
	switch {
	case view.Stage == StageOffer:
	case answered(view.Stage):
		return Offer{}, Conflict(CodeOfferAnswered)
	case CanOrganizationMove(view.Stage, StageOffer):
		move = &StageEvent{From: view.Stage, To: StageOffer, ActorID: actor.UserID, At: now}
	default:
		return Offer{}, Conflict(CodeIllegalTransition, "From", StageTerm(view.Stage), "To", StageTerm(StageOffer))
	}
	o := Offer{ApplicationID: applicationID, OfferTerms: t, CreatedBy: actor.UserID, CreatedAt: now}
	err = s.notify.inTx(ctx, func(ctx context.Context) error {
		if err := s.store.SaveOffer(ctx, &o, move, view.Version, claim); err != nil {
			return err
		}
		return s.notify.send(ctx, actor.UserID, []int64{view.CandidateID}, Notification{
			Kind: NoticeOfferMade, ObjectType: ObjectApplication, ObjectID: applicationID,
			Params: NoticeParams{Role: &view.Role.Title},
		})
	})
	if err != nil {
		return Offer{}, err
	}
	return o, nil
}

// check validates an offer's terms for an application hosted by an
// organisation of hostKind, naming every bad field.
func (s *Offers) check(t OfferTerms, a Application, hostKind string) error {
	today := DateOf(s.now())
	applied := DateOf(a.CreatedAt)
	var v Validator
	v.OneOf("kind", t.Kind, RoleTypes)
	v.IntRange("annual_salary_jpy", t.AnnualSalaryJPY, 0, MaxOfferSalaryJPY)
	v.IntRange("term_months", int64(t.TermMonths), 0, MaxOfferTermMonths)
	v.OneOf("planned_status", t.PlannedStatus, VisaStatuses)
	requiredDate(&v, "start_date", t.StartDate, maxDate(today, applied), today.AddDays(365*maxOfferStartYears))
	respondTo := today.AddDays(maxOfferRespondDays)
	if !t.StartDate.IsZero() {
		respondTo = minDate(t.StartDate, respondTo)
	}
	requiredDate(&v, "respond_by", t.RespondBy, today, respondTo)
	v.Text("text_en", t.TextEN, 0, MaxOfferTextLen)
	v.Text("text_ja", t.TextJA, 0, MaxOfferTextLen)
	if t.TextEN == "" && t.TextJA == "" {
		v.Add("text_en", "en_or_ja_required")
	}
	if err := v.Err(); err != nil {
		return err
	}
	return s.residence("planned_status", t, hostKind)
}

// fits checks that a status of residence fits what an application's
// candidate accepted: the latest offer's terms, or (for an application
// accepted before offers carried terms) the role's kind and top pay; the
// problem names visa_status.
func (s *Offers) fits(ctx context.Context, view ApplicationView, status string) error {
	org, err := s.orgs.OrganizationByID(ctx, view.Role.OrganizationID)
	if err != nil {
		return err
	}
	offers, err := s.store.OffersOf(ctx, view.ID)
	if err != nil {
		return err
	}
	terms, ok := latestOffer(offers)
	if !ok {
		_, top, _ := view.Role.AnnualPay()
		terms.Kind, terms.AnnualSalaryJPY, terms.UniversityAgreement = view.Role.Type, top, true
	}
	terms.PlannedStatus = status
	return s.residence("visa_status", terms.OfferTerms, org.Kind)
}

// answered reports whether an application in stage is past its offer's
// answer.
func answered(stage Stage) bool {
	return stage == StageAccepted || stage == StageDeclined || stage == StagePlaced
}

// requiredDate checks a day that must be given, from from to to.
func requiredDate(v *Validator, field string, d, from, to Date) {
	if d.IsZero() {
		v.Add(field, "required")
		return
	}
	v.Date(field, &d, from, to)
}

// normalizeOfferTerms trims the offer's texts.
func normalizeOfferTerms(t OfferTerms) OfferTerms {
	t.TextEN, t.TextJA = strings.TrimSpace(t.TextEN), strings.TrimSpace(t.TextJA)
	return t
}

// List returns an application's offers, every revision, to those who see
// the application.
func (s *Offers) List(ctx context.Context, actor Actor, applicationID int64) ([]Offer, error) {
	if _, _, err := s.apps.visible(ctx, actor, applicationID); err != nil {
		return nil, err
	}
	return s.store.OffersOf(ctx, applicationID)
}

// Get returns one revision of an offer to those who see its application;
// ErrNotFound for everyone else.
func (s *Offers) Get(ctx context.Context, actor Actor, id int64) (Offer, error) {
	o, err := s.store.OfferByID(ctx, id)
	if err != nil {
		return Offer{}, err
	}
	if _, _, err := s.apps.visible(ctx, actor, o.ApplicationID); err != nil {
		return Offer{}, err
	}
	return o, nil
}

// Answer records the candidate's answer to the latest revision of the
// offer: accepting moves the application to accepted, declining to
// declined. Only the candidate answers (ErrForbidden candidate_only for
// everyone else who sees the application). A revision that is no longer the
// latest is ErrConflict (offer_revised); past the respond-by day,
// offer_expired. The organisation is told.
func (s *Offers) Answer(ctx context.Context, actor Actor, applicationID int64, revision int, accept bool) (ApplicationView, error) {
	view, _, err := s.apps.visible(ctx, actor, applicationID)
	if err != nil {
		return ApplicationView{}, err
	}
	if actor.UserID != view.CandidateID {
		return ApplicationView{}, Forbidden(CodeCandidateOnly)
	}
	offers, err := s.store.OffersOf(ctx, applicationID)
	if err != nil {
		return ApplicationView{}, err
	}
	if view.Stage != StageOffer || len(offers) == 0 {
		return ApplicationView{}, Conflict(CodeIllegalTransition, "From", StageTerm(view.Stage), "To", StageTerm(StageAccepted))
	}
	latest, _ := latestOffer(offers)
	switch {
	case revision != latest.Revision:
		return ApplicationView{}, Conflict(CodeOfferRevised)
	case latest.Answer != OfferUnanswered:
		return ApplicationView{}, Conflict(CodeOfferAnswered)
	case accept && DateOf(s.now()).After(latest.RespondBy):
		return ApplicationView{}, Conflict(CodeOfferExpired, "Day", latest.RespondBy)
	}
	answer, to := OfferDeclined, StageDeclined
	if accept {
		answer, to = OfferAccepted, StageAccepted
	}
	ev := StageEvent{From: StageOffer, To: to, ActorID: actor.UserID, At: s.now().UTC()}
	err = s.notify.inTx(ctx, func(ctx context.Context) error {
		if err := s.store.AnswerOffer(ctx, applicationID, revision, answer, ev); err != nil {
			return err
		}
		members, err := s.notify.members(ctx, view.Role.OrganizationID)
		if err != nil {
			return err
		}
		return s.notify.send(ctx, actor.UserID, members, Notification{
			Kind: NoticeStageChanged, ObjectType: ObjectApplication, ObjectID: applicationID,
			Params: NoticeParams{Role: &view.Role.Title, From: StageOffer, To: to},
		})
	})
	if err != nil {
		return ApplicationView{}, err
	}
	return s.apps.Get(ctx, actor, applicationID)
}

// latestOffer returns the latest of an application's offers (first revision
// first), if any.
func latestOffer(offers []Offer) (Offer, bool) {
	if len(offers) == 0 {
		return Offer{}, false
	}
	return offers[len(offers)-1], true
}

// maxDate returns the later of two days.
func maxDate(a, b Date) Date {
	if a.After(b) {
		return a
	}
	return b
}

// minDate returns the earlier of two days.
func minDate(a, b Date) Date {
	if a.After(b) {
		return b
	}
	return a
}
