package talent_test

import (
	"testing"

	"github.com/setubashi/setubashi/backend/talent"
)

// TestOrganizationMoves pins the hiring pipeline: forward moves, rejection
// from any open stage, nothing out of an end stage, and no answer to an
// offer (only the candidate answers).
func TestOrganizationMoves(t *testing.T) {
	allowed := map[[2]talent.Stage]bool{
		{"submitted", "screening"}: true, {"submitted", "interview"}: true, {"submitted", "rejected"}: true,
		{"screening", "interview"}: true, {"screening", "offer"}: true, {"screening", "rejected"}: true,
		{"interview", "offer"}: true, {"interview", "rejected"}: true,
		{"offer", "rejected"}: true,
	}
	for _, from := range talent.Stages {
		for _, to := range talent.Stages {
			if got := talent.CanOrganizationMove(from, to); got != allowed[[2]talent.Stage{from, to}] {
				t.Errorf("%s → %s: %v", from, to, got)
			}
		}
	}
}

// TestCandidateMoves pins what candidates do themselves: accept or decline
// an offer, and withdraw until they are placed.
func TestCandidateMoves(t *testing.T) {
	allowed := map[[2]talent.Stage]bool{
		{"submitted", "withdrawn"}: true, {"screening", "withdrawn"}: true, {"interview", "withdrawn"}: true,
		{"offer", "withdrawn"}: true, {"offer", "accepted"}: true, {"offer", "declined"}: true, {"accepted", "withdrawn"}: true,
	}
	for _, from := range talent.Stages {
		for _, to := range talent.Stages {
			if got := talent.CanCandidateMove(from, to); got != allowed[[2]talent.Stage{from, to}] {
				t.Errorf("%s → %s: %v", from, to, got)
			}
		}
	}
}
