package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
)

// TestRoundLifecycle stores rank lists, reads the instance back, and
// completes the round: a new match becomes an application in the offer
// stage, an existing application moves there, and a second run is refused.
func TestRoundLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		admin := user(t, db, "admin@example.org", talent.AccountAdmin)
		c1 := user(t, db, "c1@example.in", talent.AccountCandidate)
		c2 := user(t, db, "c2@example.in", talent.AccountCandidate)
		m := user(t, db, "m@example.jp", talent.AccountOrgMember)
		c3 := user(t, db, "c3@example.in", talent.AccountCandidate) // ranks, but does not consent to share
		for _, c := range []talent.User{c1, c2, c3} {
			var consent []talent.ConsentEvent
			if c.ID != c3.ID {
				consent = grants(talent.ConsentShareApplied, talent.ConsentTransferJapan)
			}
			p := talent.Profile{UserID: c.ID, Name: c.Email, JLPTLevel: "none", EnglishLevel: "fluent"}
			if _, err := db.SaveProfile(ctx, p, consent); err != nil {
				t.Fatal(err)
			}
		}
		org := verifiedOrg(t, db, m.ID, "tokyo")
		r1 := openRole(t, db, talent.Role{OrganizationID: org.ID, Type: "job", Title: talent.LocalizedText{EN: "A"}})
		r2 := openRole(t, db, talent.Role{OrganizationID: org.ID, Type: "job", Title: talent.LocalizedText{EN: "B"}})
		now := time.Now().UTC()
		round := talent.Round{Name: "Spring 2027", Status: talent.RoundDraft, RankingDeadline: now.Add(time.Hour), RoleIDs: []int64{r2.ID, r1.ID}, CreatedBy: admin.ID, CreatedAt: now}
		if err := db.CreateRound(ctx, &round); err != nil {
			t.Fatal(err)
		}
		if err := db.SetRoundStatus(ctx, round.ID, talent.RoundDraft, talent.RoundOpen, now); err != nil {
			t.Fatal(err)
		}
		if err := db.SetRoundStatus(ctx, round.ID, talent.RoundDraft, talent.RoundOpen, now); !errors.Is(err, talent.ErrConflict) {
			t.Fatalf("second open: %v", err)
		}
		lists := []talent.RoundRanking{
			{Side: talent.SideCandidate, Owner: c1.ID, Ranked: []int64{r1.ID, r2.ID}},
			{Side: talent.SideCandidate, Owner: c2.ID, Ranked: []int64{r1.ID}},
			{Side: talent.SideCandidate, Owner: c3.ID, Ranked: []int64{r1.ID}},
			{Side: talent.SideRole, Owner: r1.ID, Ranked: []int64{c2.ID, c1.ID}},
		}
		for _, l := range lists {
			if err := db.SaveRanking(ctx, round.ID, l); err != nil {
				t.Fatal(err)
			}
		}
		// Replacing a list keeps only the new one.
		if err := db.SaveRanking(ctx, round.ID, talent.RoundRanking{Side: talent.SideCandidate, Owner: c1.ID, Ranked: []int64{r2.ID, r1.ID}}); err != nil {
			t.Fatal(err)
		}
		got, err := db.Ranking(ctx, round.ID, talent.SideCandidate, c1.ID)
		if err != nil || !slices.Equal(got, []int64{r2.ID, r1.ID}) {
			t.Fatalf("ranking %v %v", got, err)
		}
		rankers, err := db.CandidatesWhoRanked(ctx, round.ID, r1.ID)
		if err != nil || !slices.Equal(rankers, []int64{c1.ID, c2.ID}) {
			t.Fatalf("rankers %v %v", rankers, err)
		}
		inst, err := db.RoundInstance(ctx, round.ID)
		if err != nil || len(inst.Candidates) != 2 || len(inst.Roles) != 2 || inst.Roles[0].Capacity != 1 {
			t.Fatalf("instance %+v %v", inst, err)
		}
		// c2 already applied to r1; c1 has no application to r2.
		existing := talent.Application{RoleID: r1.ID, CandidateID: c2.ID, Stage: talent.StageScreening, CreatedAt: now, UpdatedAt: now}
		if err := db.CreateApplication(ctx, &existing, talent.IdempotencyClaim{}); err != nil {
			t.Fatal(err)
		}
		out := talent.RoundOutcome{Matches: []talent.RoundMatch{{CandidateID: c2.ID, RoleID: r1.ID}, {CandidateID: c1.ID, RoleID: r2.ID}}, Proposals: 3}
		if err := db.CompleteRound(ctx, round.ID, out, admin.ID, now); err != nil {
			t.Fatal(err)
		}
		if err := db.CompleteRound(ctx, round.ID, out, admin.ID, now); !errors.Is(err, talent.ErrConflict) {
			t.Fatalf("second run: %v", err)
		}
		matches, err := db.RoundMatches(ctx, round.ID)
		if err != nil || len(matches) != 2 {
			t.Fatalf("matches %+v %v", matches, err)
		}
		for _, mt := range matches {
			app, err := db.ApplicationByID(ctx, mt.ApplicationID)
			if err != nil || app.Stage != talent.StageOffer || app.CandidateID != mt.CandidateID || app.RoleID != mt.RoleID {
				t.Fatalf("application of %+v: %+v %v", mt, app, err)
			}
			last := app.Timeline[len(app.Timeline)-1]
			if last.To != talent.StageOffer || last.Reason != "Spring 2027" || last.ActorID != admin.ID {
				t.Errorf("offer event %+v", last)
			}
		}
		if matches[0].ApplicationID != existing.ID && matches[1].ApplicationID != existing.ID {
			t.Error("the existing application was not reused")
		}
		done, err := db.RoundByID(ctx, round.ID)
		if err != nil || done.Status != talent.RoundCompleted || done.Matched != 2 || done.Proposals != 3 || done.RanAt == nil {
			t.Fatalf("completed round %+v %v", done, err)
		}
		if !slices.Equal(done.RoleIDs, []int64{r2.ID, r1.ID}) {
			t.Errorf("role order %v", done.RoleIDs)
		}
	})
}

// TestMatchingLoads checks the loaders recommendations use.
func TestMatchingLoads(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		m := user(t, db, "m@example.jp", talent.AccountOrgMember)
		org := verifiedOrg(t, db, m.ID, "tokyo")
		past := talent.DateOf(time.Now().AddDate(0, 0, -1))
		job := openRole(t, db, talent.Role{OrganizationID: org.ID, Type: "job", Title: talent.LocalizedText{EN: "J"},
			RequiredSkills: []talent.SkillRequirement{{Skill: "python", MinProficiency: 3}}})
		openRole(t, db, talent.Role{OrganizationID: org.ID, Type: "research", Title: talent.LocalizedText{EN: "R"}})
		openRole(t, db, talent.Role{OrganizationID: org.ID, Type: "job", Title: talent.LocalizedText{EN: "old"}, Deadline: &past})
		roles, err := db.OpenRolesForMatching(ctx, talent.DateOf(time.Now()), []string{"job"})
		if err != nil || len(roles) != 1 || roles[0].ID != job.ID || len(roles[0].RequiredSkills) != 1 {
			t.Fatalf("open jobs %+v %v", roles, err)
		}
		for i, discoverable := range []bool{true, false} {
			c := user(t, db, []string{"d@example.in", "h@example.in"}[i], talent.AccountCandidate)
			p := talent.Profile{UserID: c.ID, Name: "N", JLPTLevel: "none", EnglishLevel: "fluent",
				Skills: []talent.SkillLevel{{Skill: "python", Proficiency: 4}}, Education: []talent.Education{{Level: "master", Institution: "IIT", Field: "CS", Year: 2024}}}
			var consent []talent.ConsentEvent
			if discoverable {
				consent = grants(talent.ConsentDiscoverable, talent.ConsentTransferJapan)
			}
			if _, err := db.SaveProfile(ctx, p, consent); err != nil {
				t.Fatal(err)
			}
		}
		found, err := db.DiscoverableProfiles(ctx)
		if err != nil || len(found) != 1 || found[0].Name != "N" || len(found[0].Skills) != 1 || len(found[0].Education) != 1 {
			t.Fatalf("discoverable %+v %v", found, err)
		}
	})
}
