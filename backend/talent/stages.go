package talent

import "slices"

// organizationMoves lists where an organisation may move an application from
// each stage. offer → accepted lets the organisation record an acceptance the
// candidate gave outside the platform (candidates accept in it themselves with
// Applications.Accept). Placement (accepted → placed) happens only by
// recording a placement; withdrawal is the candidate's alone.
var organizationMoves = map[string][]string{
	StageSubmitted: {StageScreening, StageInterview, StageRejected},
	StageScreening: {StageInterview, StageOffer, StageRejected},
	StageInterview: {StageOffer, StageRejected},
	StageOffer:     {StageAccepted, StageRejected},
}

// undecidedStages are the stages of an application still being decided,
// which an erasure withdraws it from; accepted offers and placements stay, as
// commitments the goal counts.
var undecidedStages = []string{StageSubmitted, StageScreening, StageInterview, StageOffer}

// withdrawableStages are the stages a candidate may withdraw from.
var withdrawableStages = []string{StageSubmitted, StageScreening, StageInterview, StageOffer, StageAccepted}

// CanOrganizationMove reports whether an organisation may move an application
// from one stage to another.
func CanOrganizationMove(from, to string) bool {
	return slices.Contains(organizationMoves[from], to)
}

// NextStages returns the stages an organisation may move an application to
// from the given stage (none from an end stage).
func NextStages(from string) []string { return slices.Clone(organizationMoves[from]) }
