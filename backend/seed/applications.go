package seed

import (
	"slices"
	"time"

	"github.com/setubashi/setubashi/backend/talent"
)

// Where applications end up. Open roles have most applications still in
// progress; closed ones have mostly rejections and their hires.
var (
	openRoleStages = newTable(choice[talent.Stage]{talent.StageSubmitted, 26}, choice[talent.Stage]{talent.StageScreening, 20},
		choice[talent.Stage]{talent.StageInterview, 10}, choice[talent.Stage]{talent.StageOffer, 3}, choice[talent.Stage]{talent.StageAccepted, 1.5},
		choice[talent.Stage]{talent.StagePlaced, 0.5}, choice[talent.Stage]{talent.StageRejected, 30}, choice[talent.Stage]{talent.StageWithdrawn, 9},
		choice[talent.Stage]{talent.StageDeclined, 1})
	closedRoleStages = newTable(choice[talent.Stage]{talent.StageSubmitted, 2}, choice[talent.Stage]{talent.StageScreening, 3},
		choice[talent.Stage]{talent.StageInterview, 3}, choice[talent.Stage]{talent.StageOffer, 2}, choice[talent.Stage]{talent.StageAccepted, 3},
		choice[talent.Stage]{talent.StagePlaced, 15}, choice[talent.Stage]{talent.StageRejected, 57}, choice[talent.Stage]{talent.StageWithdrawn, 15},
		choice[talent.Stage]{talent.StageDeclined, 3})
	// rejectedFrom and withdrawnFrom draw the stage an application ended from.
	rejectedFrom = newTable(choice[talent.Stage]{talent.StageSubmitted, 40}, choice[talent.Stage]{talent.StageScreening, 35},
		choice[talent.Stage]{talent.StageInterview, 20}, choice[talent.Stage]{talent.StageOffer, 5})
	withdrawnFrom = newTable(choice[talent.Stage]{talent.StageSubmitted, 35}, choice[talent.Stage]{talent.StageScreening, 30},
		choice[talent.Stage]{talent.StageInterview, 20}, choice[talent.Stage]{talent.StageOffer, 10}, choice[talent.Stage]{talent.StageAccepted, 5})
	researchVisas   = newTable(choice[string]{"researcher", 60}, choice[string]{"hsp_1a", 40})
	universityVisas = newTable(choice[string]{"professor", 25}, choice[string]{"researcher", 45}, choice[string]{"hsp_1a", 30})
)

// The window placements start in: from just before the goal's window opens
// (2 July 2026) to the end of 2028.
var (
	placementsFrom = talent.NewDate(2026, time.July, 1)
	placementsTo   = talent.NewDate(2028, time.December, 31)
)

// opening is a role that takes applications, with what the generator needs
// to know about it.
type opening struct {
	role    *talent.Role
	kind    string  // the organisation's kind
	members []int64 // the organisation's members, who move its applications
	filled  int     // applications accepted or placed
}

// applicant is a candidate who consented to share their profile.
type applicant struct {
	id      int64
	created time.Time
	hired   bool // has an accepted or placed application
}

// applicationMaker builds applications with consistent timelines, at most one
// per candidate and role, and at most one hire per candidate.
type applicationMaker struct {
	now   time.Time
	pairs map[[2]int64]bool // (role id, candidate id) already used
}

func newApplicationMaker(now time.Time) *applicationMaker {
	return &applicationMaker{now: now, pairs: map[[2]int64]bool{}}
}

// made is one generated application with what came of it: the offer, for
// an application that reached one, and the placement, for a placed one
// (their ApplicationID to be filled in once the application has an id).
type made struct {
	app       talent.Application
	offer     *talent.Offer
	placement *talent.Placement
}

// make returns c's application to o ending in stage final, with its whole
// timeline, its offer and its placement. It reports false when the pair
// exists already, a hire would exceed the role's openings or the
// candidate's one hire, or the dates leave no room.
func (m *applicationMaker) make(r rng, o *opening, c *applicant, final talent.Stage) (made, bool) {
	role := o.role
	hire := final == talent.StageAccepted || final == talent.StagePlaced
	if m.pairs[[2]int64{role.ID, c.id}] || (hire && (c.hired || o.filled >= role.Openings)) {
		return made{}, false
	}
	path := stagePath(r, final)
	moves := time.Duration(len(path)-1) * time.Hour

	bound := m.now // the last event happens by then
	var start talent.Date
	if final == talent.StagePlaced {
		from, to := placementWindow(role, m.now)
		// Hiring takes the moves and two weeks before the start.
		if soonest := talent.DateOf(later(*role.PublishedAt, c.created).Add(moves).AddDate(0, 0, 15)); soonest.After(from) {
			from = soonest
		}
		days := int(to.Time().Sub(from.Time()) / (24 * time.Hour))
		if days < 0 {
			return made{}, false
		}
		start = from.AddDays(r.IntN(days + 1))
		bound = earlier(bound, start.Time().AddDate(0, 0, -14))
	}
	submitBy := bound.Add(-moves)
	if role.Status == talent.RoleClosed {
		submitBy = earlier(submitBy, role.UpdatedAt)
	}
	if role.Deadline != nil {
		submitBy = earlier(submitBy, role.Deadline.AddDays(1).Time().Add(-time.Second))
	}
	from := later(*role.PublishedAt, c.created)
	if submitBy.Before(from) {
		return made{}, false
	}

	at := r.timeIn(from, submitBy)
	a := talent.Application{RoleID: role.ID, CandidateID: c.id, Stage: final, CreatedAt: at}
	if r.chance(0.7) {
		a.CoverNote = pick(r, coverNotes)
	}
	a.Timeline = append(a.Timeline, talent.StageEvent{To: talent.StageSubmitted, ActorID: c.id, At: at})
	for i := 1; i < len(path); i++ {
		// Spread the moves out, leaving an hour for each one still to come.
		room := bound.Sub(at) - time.Duration(len(path)-1-i)*time.Hour
		at = r.timeIn(at.Add(time.Second), at.Add(min(room, 14*24*time.Hour)))
		a.Timeline = append(a.Timeline, m.event(r, o, c, path[i-1], path[i], at))
	}
	a.UpdatedAt = at

	m.pairs[[2]int64{role.ID, c.id}] = true
	if hire {
		c.hired = true
		o.filled++
	}
	out := made{app: a}
	status := visaFor(r, role, o.kind)
	if i := slices.IndexFunc(a.Timeline, func(ev talent.StageEvent) bool { return ev.To == talent.StageOffer }); i >= 0 {
		out.offer = offerFor(r, role, a, a.Timeline[i], status, start)
	}
	if final != talent.StagePlaced {
		return out, true
	}
	out.placement = &talent.Placement{CandidateID: c.id, RoleID: role.ID, OrganizationID: role.OrganizationID,
		VisaStatus: status, StartDate: start, CreatedAt: at}
	if today := talent.DateOf(m.now); !start.After(today) && r.chance(0.9) {
		out.placement.ArrivedOn = ptr(start.AddDays(-r.IntN(11)))
	}
	return out, true
}

// offerFor is the offer made on application a when it moved to offer (ev):
// the role's kind and pay (the middle of a salary range, a stipend for a
// year), the planned status, a start on start (or two months on, for an
// application not yet placed), three months for an internship (under an
// agreement with the candidate's university), an answer due within two
// weeks, and the candidate's answer where the timeline holds one.
func offerFor(r rng, role *talent.Role, a talent.Application, ev talent.StageEvent, status string, start talent.Date) *talent.Offer {
	made := talent.DateOf(ev.At)
	if start.IsZero() {
		start = made.AddDays(60)
	}
	o := &talent.Offer{Revision: 1, CreatedBy: ev.ActorID, CreatedAt: ev.At, OfferTerms: talent.OfferTerms{
		Kind: role.Type, AnnualSalaryJPY: offeredPay(role), StartDate: start, PlannedStatus: status,
		RespondBy: made.AddDays(14), TextEN: pick(r, offerTexts), TextJA: pick(r, offerTextsJA)}}
	if role.Type == "internship" {
		o.TermMonths, o.UniversityAgreement = 3, true
	}
	if o.RespondBy.After(start) {
		o.RespondBy = start
	}
	for _, later := range a.Timeline {
		if later.From == talent.StageOffer && (later.To == talent.StageAccepted || later.To == talent.StageDeclined) {
			o.Answer, o.AnsweredAt = talent.OfferAccepted, ptr(later.At)
			if later.To == talent.StageDeclined {
				o.Answer = talent.OfferDeclined
			}
		}
	}
	return o
}

// offeredPay is the yearly pay a role offers: the middle of its pay range
// (rounded to ¥10,000; a stipend for a year).
func offeredPay(role *talent.Role) int64 {
	low, high, _ := role.AnnualPay()
	return (low + high) / 2 / 10_000 * 10_000
}

// batch gathers generated applications with their offers and placements,
// which are inserted after the applications, once these have ids.
type batch struct {
	apps       []talent.Application
	offers     []talent.Offer
	offerOf    []int // index in apps of each offer's application
	placements []talent.Placement
	placedApp  []int // index in apps of each placement's application
}

// add keeps one generated application.
func (b *batch) add(m made) {
	if m.offer != nil {
		b.offers, b.offerOf = append(b.offers, *m.offer), append(b.offerOf, len(b.apps))
	}
	if m.placement != nil {
		b.placements, b.placedApp = append(b.placements, *m.placement), append(b.placedApp, len(b.apps))
	}
	b.apps = append(b.apps, m.app)
}

// link gives the offers and placements the ids of their applications, once
// these are inserted.
func (b *batch) link() {
	for i := range b.offers {
		b.offers[i].ApplicationID = b.apps[b.offerOf[i]].ID
	}
	for i := range b.placements {
		b.placements[i].ApplicationID = b.apps[b.placedApp[i]].ID
	}
}

// placementWindow returns the days a placement in role may start on,
// within placementsFrom to placementsTo and never more than three years
// from now. A closed role has done its hiring, so its people have mostly
// started by now: from the window's start to two months from today, which
// gives the goal a history of arrivals since 2 July 2026. An open role's
// hires start a month from today or later.
func placementWindow(role *talent.Role, now time.Time) (from, to talent.Date) {
	today := talent.DateOf(now)
	from, to = placementsFrom, placementsTo
	if limit := talent.DateOf(now.AddDate(3, 0, -1)); to.After(limit) {
		to = limit
	}
	all := [2]talent.Date{from, to}
	if role.Status == talent.RoleClosed {
		if soon := today.AddDays(60); soon.Before(to) {
			to = soon
		}
	} else if later := today.AddDays(30); later.After(from) {
		from = later
	}
	if to.Before(from) {
		return all[0], all[1]
	}
	return from, to
}

// event is one move of c's application to o, by whoever makes that move:
// the candidate applies, accepts and withdraws; the organisation does the rest.
func (m *applicationMaker) event(r rng, o *opening, c *applicant, from, to talent.Stage, at time.Time) talent.StageEvent {
	ev := talent.StageEvent{From: from, To: to, ActorID: pick(r, o.members), At: at}
	switch to {
	case talent.StageAccepted, talent.StageDeclined:
		ev.ActorID = c.id
	case talent.StageWithdrawn:
		ev.ActorID, ev.Reason = c.id, pick(r, withdrawalReasons)
	case talent.StageRejected:
		ev.Reason = pick(r, rejectionReasons)
	default:
		if notes := moveNotes[to]; len(notes) > 0 {
			ev.Reason = pick(r, notes)
		}
	}
	return ev
}

// stagePath returns the stages an application went through to reach final,
// starting with submitted: forward through the pipeline (sometimes skipping
// screening or the interview), then into final.
func stagePath(r rng, final talent.Stage) []talent.Stage {
	switch final {
	case talent.StageSubmitted:
		return []talent.Stage{talent.StageSubmitted}
	case talent.StageScreening:
		return []talent.Stage{talent.StageSubmitted, talent.StageScreening}
	case talent.StageInterview:
		if r.chance(0.2) {
			return []talent.Stage{talent.StageSubmitted, talent.StageInterview}
		}
		return append(stagePath(r, talent.StageScreening), talent.StageInterview)
	case talent.StageOffer:
		if r.chance(0.1) {
			return append(stagePath(r, talent.StageScreening), talent.StageOffer)
		}
		return append(stagePath(r, talent.StageInterview), talent.StageOffer)
	case talent.StageAccepted:
		return append(stagePath(r, talent.StageOffer), talent.StageAccepted)
	case talent.StagePlaced:
		return append(stagePath(r, talent.StageAccepted), talent.StagePlaced)
	case talent.StageDeclined:
		return append(stagePath(r, talent.StageOffer), talent.StageDeclined)
	case talent.StageRejected:
		return append(stagePath(r, rejectedFrom.draw(r)), talent.StageRejected)
	default: // withdrawn
		return append(stagePath(r, withdrawnFrom.draw(r)), talent.StageWithdrawn)
	}
}

// visaFor returns a status of residence that fits the role: internship
// statuses (cultural activities when unpaid), research statuses, or the
// engineer and highly-skilled statuses for jobs.
func visaFor(r rng, role *talent.Role, kind string) string {
	switch role.Type {
	case "internship":
		if role.StipendMonthlyJPY != nil && *role.StipendMonthlyJPY == 0 {
			return "cultural_activities"
		}
		return "designated_internship"
	case "research":
		if kind == "university" {
			return universityVisas.draw(r)
		}
		return researchVisas.draw(r)
	default:
		if role.SalaryMaxJPY != nil && *role.SalaryMaxJPY >= 6_000_000 && r.chance(0.55) {
			return "hsp_1b"
		}
		return "engineer_specialist"
	}
}
