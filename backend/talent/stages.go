package talent

import "slices"

// Stage is where an application stands. Submitted → screening → interview →
// offer → accepted → placed; rejected, withdrawn and declined (an offer the
// candidate turned down) end an application early. Who may move an application from one stage to another is decided
// here and nowhere else.
type Stage string

// Application stages.
const (
	StageSubmitted Stage = "submitted"
	StageScreening Stage = "screening"
	StageInterview Stage = "interview"
	StageOffer     Stage = "offer"
	StageAccepted  Stage = "accepted"
	StagePlaced    Stage = "placed"
	StageRejected  Stage = "rejected"
	StageWithdrawn Stage = "withdrawn"
	StageDeclined  Stage = "declined"
)

// Stages lists every application stage in pipeline order, ends last.
var Stages = []Stage{StageSubmitted, StageScreening, StageInterview, StageOffer, StageAccepted, StagePlaced, StageRejected, StageWithdrawn, StageDeclined}

// EarlyEnds are the stages that end an application before it is placed: the
// funnel counts such an application at the stage it left.
var EarlyEnds = []Stage{StageRejected, StageWithdrawn, StageDeclined}

// StageTerm returns the term for an application stage (its label, shown in
// messages).
func StageTerm(stage Stage) Term { return Term{Set: "stage", Code: string(stage)} }

// PipelineStages are the stages of the goal dashboard's funnel, in order.
var PipelineStages = []Stage{StageSubmitted, StageScreening, StageInterview, StageOffer, StageAccepted, StagePlaced}

// organizationMoves lists where an organisation may move an application from
// each stage. A move to offer is made with the offer's terms (Offers.Make);
// only the candidate accepts or declines an offer; placement (accepted →
// placed) happens only by recording a placement; withdrawal is the
// candidate's alone.
var organizationMoves = map[Stage][]Stage{
	StageSubmitted: {StageScreening, StageInterview, StageRejected},
	StageScreening: {StageInterview, StageOffer, StageRejected},
	StageInterview: {StageOffer, StageRejected},
	StageOffer:     {StageRejected},
}

// candidateMoves lists where candidates may move their own application from
// each stage: they accept or decline an offer (Offers.Answer), and withdraw
// until they are placed.
var candidateMoves = map[Stage][]Stage{
	StageSubmitted: {StageWithdrawn},
	StageScreening: {StageWithdrawn},
	StageInterview: {StageWithdrawn},
	StageOffer:     {StageAccepted, StageDeclined, StageWithdrawn},
	StageAccepted:  {StageWithdrawn},
}

// candidateOnly reports whether only the candidate may move an application
// to a stage: accepting or declining an offer.
func candidateOnly(to Stage) bool { return to == StageAccepted || to == StageDeclined }

// needsTerms reports whether a move to a stage is made with terms (an offer,
// through Offers.Make) rather than as a bare stage move.
func needsTerms(to Stage) bool { return to == StageOffer }

// undecidedStages are the stages of an application still being decided,
// which an erasure withdraws it from; accepted offers and placements stay, as
// commitments the goal counts.
var undecidedStages = []Stage{StageSubmitted, StageScreening, StageInterview, StageOffer}

// AtOrPastOffer reports whether an application in stage stands at or past
// an offer (offer, accepted, placed): the offer a matching round makes leaves
// it as it is, and moves an application in any other stage to offer.
func AtOrPastOffer(stage Stage) bool {
	return stage == StageOffer || stage == StageAccepted || stage == StagePlaced
}

// CanOrganizationMove reports whether an organisation may move an application
// from one stage to another.
func CanOrganizationMove(from, to Stage) bool {
	return slices.Contains(organizationMoves[from], to)
}

// CanCandidateMove reports whether a candidate may move their application
// from one stage to another.
func CanCandidateMove(from, to Stage) bool {
	return slices.Contains(candidateMoves[from], to)
}

// needsReason reports whether a move to a stage must say why: a rejection
// must.
func needsReason(to Stage) bool { return to == StageRejected }

// canPlace reports whether a placement may be recorded for an application in
// a stage: an accepted offer, which the placement moves to placed.
func canPlace(stage Stage) bool { return stage == StageAccepted }

// nextStages returns the stages a reader of an application may move it to
// from its stage: the candidate their own moves, everyone else who sees it
// the organisation's (none from an end stage).
func nextStages(a Application, actor Actor) []Stage {
	if actor.UserID == a.CandidateID {
		return slices.Clone(candidateMoves[a.Stage])
	}
	return slices.Clone(organizationMoves[a.Stage])
}
