package talent_test

import (
	"slices"
	"testing"

	"github.com/setubashi/setubashi/backend/talent"
)

// TestOrganizationMoves pins the hiring pipeline: forward moves, rejection
// from any open stage, and nothing out of an end stage.
func TestOrganizationMoves(t *testing.T) {
	allowed := map[[2]string]bool{
		{"submitted", "screening"}: true, {"submitted", "interview"}: true, {"submitted", "rejected"}: true,
		{"screening", "interview"}: true, {"screening", "offer"}: true, {"screening", "rejected"}: true,
		{"interview", "offer"}: true, {"interview", "rejected"}: true,
		{"offer", "accepted"}: true, {"offer", "rejected"}: true,
	}
	for _, from := range talent.Stages {
		for _, to := range talent.Stages {
			if got := talent.CanOrganizationMove(from, to); got != allowed[[2]string{from, to}] {
				t.Errorf("%s → %s: %v", from, to, got)
			}
		}
	}
	for _, end := range []string{"placed", "rejected", "withdrawn"} {
		if len(talent.NextStages(end)) != 0 {
			t.Errorf("%s is an end stage", end)
		}
	}
	if !slices.Equal(talent.NextStages("offer"), []string{"accepted", "rejected"}) {
		t.Errorf("NextStages(offer) = %v", talent.NextStages("offer"))
	}
}
