package talent

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Matching round statuses: an administrator drafts a round, opens it for
// rank lists, and runs it after the ranking deadline, which completes it.
const (
	RoundDraft     = "draft"
	RoundOpen      = "open"
	RoundCompleted = "completed"
)

// Round is a matching round: roles taking part, a deadline for rank lists,
// and once run, a summary of the outcome.
type Round struct {
	ID              int64
	Name            string
	Status          string
	RankingDeadline time.Time
	RoleIDs         []int64
	CreatedBy       int64
	CreatedAt       time.Time
	OpenedAt        *time.Time
	RanAt           *time.Time
	Matched         int
	Proposals       int
}

// RoundMatch is one pair a round matched; ApplicationID is the application
// in the offer stage that the match became.
type RoundMatch struct {
	CandidateID   int64
	RoleID        int64
	ApplicationID int64
}

// RankList is one participant's ranking, best first. For roles, Capacity is
// the number of openings.
type RankList struct {
	ID       int64
	Capacity int
	Ranking  []int64
}

// RoundInstance is what a round's solver gets: the candidates' rank lists of
// roles and the roles' rank lists of candidates.
type RoundInstance struct {
	Candidates []RankList
	Roles      []RankList
}

// RoundOutcome is what a solver returns: a verified stable matching and how
// many proposals it took.
type RoundOutcome struct {
	Matches   []RoundMatch
	Proposals int
}

// RoundSolver computes a stable matching and verifies it before returning
// (package matching provides one).
type RoundSolver func(RoundInstance) (RoundOutcome, error)

// RoundStore keeps matching rounds and their rank lists.
type RoundStore interface {
	// CreateRound inserts a draft round with its roles and sets its ID.
	CreateRound(ctx context.Context, r *Round) error
	// RoundByID returns a round with its role ids; ErrNotFound if none.
	RoundByID(ctx context.Context, id int64) (Round, error)
	// ListRounds returns a page of rounds in the given statuses, newest first.
	ListRounds(ctx context.Context, statuses []string, p Page) ([]Round, error)
	// SetRoundStatus moves a round from one status to another; a round no
	// longer in status from is ErrConflict (round_changed).
	SetRoundStatus(ctx context.Context, id int64, from, to string, at time.Time) error
	// SaveRanking replaces one participant's rank list in a round: a
	// candidate's list of roles (roleID 0) or a role's list of candidates.
	SaveRanking(ctx context.Context, roundID int64, list RoundRanking) error
	// Ranking returns one participant's rank list (empty if none).
	Ranking(ctx context.Context, roundID int64, side string, ownerID int64) ([]int64, error)
	// RoundParticipants returns the user ids of a round's participants: the
	// members of the organisations whose roles take part, and the candidates
	// who ranked in it or applied to one of its roles.
	RoundParticipants(ctx context.Context, roundID int64) ([]int64, error)
	// CandidatesWhoRanked returns the candidates whose rank list in the round
	// names the role, by candidate id.
	CandidatesWhoRanked(ctx context.Context, roundID, roleID int64) ([]int64, error)
	// RoundInstance returns every rank list of a round, with role capacities.
	RoundInstance(ctx context.Context, roundID int64) (RoundInstance, error)
	// CompleteRound stores the outcome of an open round in one transaction:
	// the round becomes completed (ErrConflict if it is no longer open), each
	// match is stored and becomes an application in the offer stage.
	CompleteRound(ctx context.Context, roundID int64, out RoundOutcome, actorID int64, at time.Time) error
	// RoundMatches returns a completed round's matches.
	RoundMatches(ctx context.Context, roundID int64) ([]RoundMatch, error)
	// RolesByIDs returns the roles with the given ids, keyed by id.
	RolesByIDs(ctx context.Context, ids []int64) (map[int64]Role, error)
}

// Sides of a round's rank lists.
const (
	SideCandidate = "candidate"
	SideRole      = "role"
)

// RoundRanking is one participant's rank list: Owner is the candidate's user
// id (Side candidate) or the role id (Side role); Ranked are role ids or
// candidate ids, best first.
type RoundRanking struct {
	Side   string
	Owner  int64
	Ranked []int64
}

// Limits on rounds.
const (
	MaxRoundRoles   = 5000
	MaxRankListSize = 200
)

// Rounds runs matching rounds: administrators create, open and run them;
// candidates rank the round's roles, organisations rank the candidates who
// ranked their roles; the outcome is a stable matching.
type Rounds struct {
	store    RoundStore
	roles    *Roles
	profiles ProfileStore
	solve    RoundSolver
	views    *ProfileViews // records which organisation saw which profile (nil: none)
	notify   *notifier
	now      func() time.Time
}

// newRounds returns the round service.
func newRounds(store RoundStore, roles *Roles, profiles ProfileStore, solve RoundSolver, notify *notifier) *Rounds {
	return &Rounds{store: store, roles: roles, profiles: profiles, solve: solve, notify: notify, now: time.Now}
}

// NewRound is what an administrator gives to create a round.
type NewRound struct {
	Name            string
	RoleIDs         []int64
	RankingDeadline time.Time
}

// Create drafts a round of open roles (administrators only). Unknown or
// unopened roles, a deadline not in the future and an empty list are
// ErrInvalid naming the field.
func (s *Rounds) Create(ctx context.Context, actor Actor, in NewRound) (Round, error) {
	if err := requireKind(actor, AccountAdmin); err != nil {
		return Round{}, err
	}
	var v Validator
	v.Text("name", in.Name, 1, 200)
	if len(in.RoleIDs) == 0 {
		v.Add("role_ids", "required")
	}
	v.MaxItems("role_ids", len(in.RoleIDs), MaxRoundRoles)
	if !in.RankingDeadline.After(s.now()) {
		v.Add("ranking_deadline", "future")
	}
	for i, id := range in.RoleIDs {
		field := "role_ids[" + strconv.Itoa(i) + "]"
		if slices.Index(in.RoleIDs, id) != i {
			v.Add(field, "duplicate")
			continue
		}
		r, err := s.roles.store.RoleByID(ctx, id)
		switch {
		case isNotFound(err):
			v.Add(field, "unknown_role")
		case err != nil:
			return Round{}, err
		case r.Status != RoleOpen:
			v.Add(field, "role_not_open")
		}
	}
	if err := v.Err(); err != nil {
		return Round{}, err
	}
	r := Round{Name: strings.TrimSpace(in.Name), Status: RoundDraft, RankingDeadline: in.RankingDeadline.UTC(),
		RoleIDs: in.RoleIDs, CreatedBy: actor.UserID, CreatedAt: s.now().UTC()}
	if err := s.store.CreateRound(ctx, &r); err != nil {
		return Round{}, err
	}
	return r, nil
}

// Open lets participants submit rank lists (administrators only; a round
// that is not a draft is ErrConflict).
func (s *Rounds) Open(ctx context.Context, actor Actor, id int64) (Round, error) {
	r, err := s.Get(ctx, actor, id)
	if err != nil {
		return Round{}, err
	}
	if err := requireKind(actor, AccountAdmin); err != nil {
		return Round{}, err
	}
	if r.Status != RoundDraft {
		return Round{}, Conflict(CodeRoundNotDraft)
	}
	if !r.RankingDeadline.After(s.now()) {
		return Round{}, Conflict(CodeRoundDeadlinePassed)
	}
	at := s.now().UTC()
	err = s.notify.inTx(ctx, func(ctx context.Context) error {
		if err := s.store.SetRoundStatus(ctx, id, RoundDraft, RoundOpen, at); err != nil {
			return err
		}
		if err := s.notifyParticipants(ctx, actor, r, NoticeRoundOpened); err != nil {
			return err
		}
		return s.notify.queue.RoundOpened(ctx, id, r.RankingDeadline)
	})
	if err != nil {
		return Round{}, err
	}
	r.Status, r.OpenedAt = RoundOpen, &at
	return r, nil
}

// RemindClosing tells the participants of a round still open that its
// ranking deadline is near (the job queue calls it 48 hours before). Each
// participant hears it once, however often it is called.
func (s *Rounds) RemindClosing(ctx context.Context, id int64) error {
	r, err := s.store.RoundByID(ctx, id)
	if isNotFound(err) || (err == nil && r.Status != RoundOpen) {
		return nil
	}
	if err != nil {
		return err
	}
	return s.notify.inTx(ctx, func(ctx context.Context) error {
		return s.notifyParticipants(ctx, Actor{}, r, NoticeRoundClosing)
	})
}

// notifyParticipants tells a round's participants, but the actor, of an
// event of the round; each hears of each kind once.
func (s *Rounds) notifyParticipants(ctx context.Context, actor Actor, r Round, kind NoticeKind) error {
	users, err := s.store.RoundParticipants(ctx, r.ID)
	if err != nil {
		return err
	}
	deadline := r.RankingDeadline
	return s.notify.send(ctx, actor.UserID, users, Notification{
		Kind: kind, ObjectType: ObjectRound, ObjectID: r.ID, DedupeKey: string(kind) + ":" + strconv.FormatInt(r.ID, 10),
		Params: NoticeParams{Round: r.Name, Deadline: &deadline},
	})
}

// Get returns a round: administrators see every round, other signed-in
// users open and completed ones (ErrNotFound for drafts).
func (s *Rounds) Get(ctx context.Context, actor Actor, id int64) (Round, error) {
	if actor.Anonymous() {
		return Round{}, Unauthenticated()
	}
	r, err := s.store.RoundByID(ctx, id)
	if err != nil {
		return Round{}, err
	}
	if r.Status == RoundDraft && !actor.Is(AccountAdmin) {
		return Round{}, NotFound()
	}
	return r, nil
}

// List returns a page of the rounds the actor may see.
func (s *Rounds) List(ctx context.Context, actor Actor, p Page) ([]Round, error) {
	if actor.Anonymous() {
		return nil, Unauthenticated()
	}
	statuses := []string{RoundOpen, RoundCompleted}
	if actor.Is(AccountAdmin) {
		statuses = append(statuses, RoundDraft)
	}
	return s.store.ListRounds(ctx, statuses, p)
}

// RankRoles stores the signed-in candidate's rank list of the round's roles,
// best first. The round must be open and before its deadline, the candidate
// must have consented to share their profile (consent_required), and every
// role must take part in the round.
func (s *Rounds) RankRoles(ctx context.Context, actor Actor, id int64, roleIDs []int64) ([]int64, error) {
	r, err := s.rankable(ctx, actor, id, AccountCandidate)
	if err != nil {
		return nil, err
	}
	p, err := s.profiles.ProfileByUser(ctx, actor.UserID)
	if isNotFound(err) || (err == nil && !p.ConsentShareApplied) {
		return nil, Conflict(CodeConsentRequired)
	}
	if err != nil {
		return nil, err
	}
	if err := validateRanking("role_ids", roleIDs, r.RoleIDs, "not_in_round"); err != nil {
		return nil, err
	}
	return roleIDs, s.store.SaveRanking(ctx, id, RoundRanking{Side: SideCandidate, Owner: actor.UserID, Ranked: roleIDs})
}

// RankCandidates stores a role's rank list of candidates, on behalf of the
// role's organisation. Only candidates who ranked the role may be ranked.
func (s *Rounds) RankCandidates(ctx context.Context, actor Actor, id, roleID int64, candidateIDs []int64) ([]int64, error) {
	r, err := s.rankable(ctx, actor, id, AccountOrgMember)
	if err != nil {
		return nil, err
	}
	if err := s.requireRoundRoleMember(ctx, actor, r, roleID); err != nil {
		return nil, err
	}
	rankers, err := s.store.CandidatesWhoRanked(ctx, id, roleID)
	if err != nil {
		return nil, err
	}
	if err := validateRanking("candidate_ids", candidateIDs, rankers, "did_not_rank"); err != nil {
		return nil, err
	}
	return candidateIDs, s.store.SaveRanking(ctx, id, RoundRanking{Side: SideRole, Owner: roleID, Ranked: candidateIDs})
}

// MyRanking returns the signed-in candidate's rank list in a round.
func (s *Rounds) MyRanking(ctx context.Context, actor Actor, id int64) ([]int64, error) {
	if _, err := s.Get(ctx, actor, id); err != nil {
		return nil, err
	}
	if err := requireKind(actor, AccountCandidate); err != nil {
		return nil, err
	}
	return s.store.Ranking(ctx, id, SideCandidate, actor.UserID)
}

// RoleRanking returns a role's rank list and the profiles of the candidates
// who ranked the role (whom the organisation may rank, and who consented to
// share their profile), for the role's organisation.
func (s *Rounds) RoleRanking(ctx context.Context, actor Actor, id, roleID int64) ([]int64, []Profile, error) {
	r, err := s.Get(ctx, actor, id)
	if err != nil {
		return nil, nil, err
	}
	if err := s.requireRoundRoleMember(ctx, actor, r, roleID); err != nil {
		return nil, nil, err
	}
	ranked, err := s.store.Ranking(ctx, id, SideRole, roleID)
	if err != nil {
		return nil, nil, err
	}
	ids, err := s.store.CandidatesWhoRanked(ctx, id, roleID)
	if err != nil {
		return nil, nil, err
	}
	rankers := make([]Profile, 0, len(ids))
	for _, cid := range ids {
		p, err := s.profiles.ProfileByUser(ctx, cid)
		if err != nil && !isNotFound(err) {
			return nil, nil, err
		}
		if err == nil && p.ConsentShareApplied {
			rankers = append(rankers, p)
		}
	}
	role, err := s.roles.store.RoleByID(ctx, roleID)
	if err != nil {
		return nil, nil, err
	}
	if err := s.views.record(ctx, actor, role.OrganizationID, ViewFromRound, rankers); err != nil {
		return nil, nil, err
	}
	return ranked, rankers, nil
}

// Run computes the round's stable matching after its ranking deadline
// (administrators only) and stores it; each match becomes an application in
// the offer stage. Running a round twice is ErrConflict.
func (s *Rounds) Run(ctx context.Context, actor Actor, id int64) (Round, error) {
	r, err := s.Get(ctx, actor, id)
	if err != nil {
		return Round{}, err
	}
	if err := requireKind(actor, AccountAdmin); err != nil {
		return Round{}, err
	}
	switch {
	case r.Status != RoundOpen:
		return Round{}, Conflict(CodeRoundNotOpen)
	case s.now().Before(r.RankingDeadline):
		return Round{}, Conflict(CodeRoundDeadlineNotReached, "Deadline", Instant(r.RankingDeadline))
	}
	inst, err := s.store.RoundInstance(ctx, id)
	if err != nil {
		return Round{}, err
	}
	out, err := s.solve(inst)
	if err != nil {
		return Round{}, err
	}
	at := s.now().UTC()
	err = s.notify.inTx(ctx, func(ctx context.Context) error {
		if err := s.store.CompleteRound(ctx, id, out, actor.UserID, at); err != nil {
			return err
		}
		return s.notifyParticipants(ctx, actor, r, NoticeRoundResults)
	})
	if err != nil {
		return Round{}, err
	}
	return s.store.RoundByID(ctx, id)
}

// RoundResults is what one participant may see of a completed round: every
// match for administrators, one's own for a candidate, one's roles' for an
// organisation member.
type RoundResults struct {
	Round   Round
	Matches []RoundMatch
}

// Results returns the actor's part of a completed round's outcome (a round
// not yet run is ErrConflict, round_not_completed).
func (s *Rounds) Results(ctx context.Context, actor Actor, id int64) (RoundResults, error) {
	r, err := s.Get(ctx, actor, id)
	if err != nil {
		return RoundResults{}, err
	}
	if r.Status != RoundCompleted {
		return RoundResults{}, Conflict(CodeRoundNotCompleted)
	}
	all, err := s.store.RoundMatches(ctx, id)
	if err != nil {
		return RoundResults{}, err
	}
	mine, err := s.matchesOf(ctx, actor, r)
	if err != nil {
		return RoundResults{}, err
	}
	out := RoundResults{Round: r, Matches: []RoundMatch{}}
	for _, m := range all {
		if mine(m) {
			out.Matches = append(out.Matches, m)
		}
	}
	return out, nil
}

// matchesOf returns which of a round's matches are the actor's to see,
// making the queries that takes once rather than once per match: an
// organisation member sees the matches of the round's roles that belong to
// their organisations.
func (s *Rounds) matchesOf(ctx context.Context, actor Actor, r Round) (func(RoundMatch) bool, error) {
	switch actor.Kind {
	case AccountAdmin:
		return func(RoundMatch) bool { return true }, nil
	case AccountCandidate:
		return func(m RoundMatch) bool { return m.CandidateID == actor.UserID }, nil
	case AccountOrgMember:
		orgs, err := s.roles.orgs.OrganizationsOf(ctx, actor.UserID)
		if err != nil {
			return nil, err
		}
		member := map[int64]bool{}
		for _, o := range orgs {
			member[o.ID] = true
		}
		roles, err := s.store.RolesByIDs(ctx, r.RoleIDs)
		if err != nil {
			return nil, err
		}
		return func(m RoundMatch) bool { return member[roles[m.RoleID].OrganizationID] }, nil
	}
	return func(RoundMatch) bool { return false }, nil
}

// rankable returns an open round before its deadline, for an actor of kind.
func (s *Rounds) rankable(ctx context.Context, actor Actor, id int64, kind AccountKind) (Round, error) {
	r, err := s.Get(ctx, actor, id)
	if err != nil {
		return Round{}, err
	}
	if err := requireKind(actor, kind); err != nil {
		return Round{}, err
	}
	switch {
	case r.Status != RoundOpen:
		return Round{}, Conflict(CodeRoundNotOpen)
	case !s.now().Before(r.RankingDeadline):
		return Round{}, Conflict(CodeRoundDeadlinePassed)
	}
	return r, nil
}

// requireRoundRoleMember checks that the role takes part in the round
// (ErrNotFound otherwise) and that actor belongs to its organisation.
func (s *Rounds) requireRoundRoleMember(ctx context.Context, actor Actor, r Round, roleID int64) error {
	if !slices.Contains(r.RoleIDs, roleID) {
		return NotFound()
	}
	role, err := s.roles.store.RoleByID(ctx, roleID)
	if err != nil {
		return err
	}
	member, err := s.roles.isMemberOrAdmin(ctx, actor, role.OrganizationID)
	switch {
	case err != nil:
		return err
	case !member || !actor.Is(AccountOrgMember):
		return Forbidden(CodeOrganizationOnly)
	}
	return nil
}

// validateRanking checks a rank list: no repeats, at most MaxRankListSize
// entries, each among the allowed ids (else notAllowed).
func validateRanking(field string, ranked, allowed []int64, notAllowed string) error {
	var v Validator
	if v.MaxItems(field, len(ranked), MaxRankListSize) {
		for i, id := range ranked {
			f := field + "[" + strconv.Itoa(i) + "]"
			switch {
			case slices.Index(ranked, id) != i:
				v.Add(f, "duplicate")
			case !slices.Contains(allowed, id):
				v.Add(f, notAllowed)
			}
		}
	}
	return v.Err()
}
