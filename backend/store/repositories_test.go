package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
)

func ptr[T any](v T) *T { return &v }

// fixture inserts a user of the given role and returns it.
func user(t *testing.T, db *store.DB, email string, kind talent.AccountKind) talent.User {
	t.Helper()
	u := talent.User{Email: email, Name: "N", Kind: kind, Locale: "en"}
	if err := db.CreateUser(context.Background(), &u, "!hash"); err != nil {
		t.Fatal(err)
	}
	return u
}

func verifiedOrg(t *testing.T, db *store.DB, owner int64, prefecture string) talent.Organization {
	t.Helper()
	o := talent.Organization{NameJA: "テスト", NameEN: "Test", Kind: "company", Prefecture: prefecture, CreatedBy: owner}
	ctx := context.Background()
	if err := db.CreateOrganization(ctx, &o); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkVerified(ctx, o.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	return o
}

func openRole(t *testing.T, db *store.DB, r talent.Role) talent.Role {
	t.Helper()
	ctx := context.Background()
	if r.Status == "" {
		r.Status = talent.RoleOpen
	}
	for _, def := range []*string{&r.MinEducation, &r.JapaneseLevel, &r.EnglishLevel} {
		if *def == "" {
			*def = "none"
		}
	}
	if r.JapaneseMode == "" {
		r.JapaneseMode = "preferred"
	}
	if r.Remote == "" {
		r.Remote = "onsite"
	}
	if r.Prefecture == "" {
		r.Prefecture = "tokyo"
	}
	r.Openings = 1
	if err := db.CreateRole(ctx, &r, talent.IdempotencyClaim{}); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestDuplicateEmailIsConflict(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		user(t, db, "a@example.in", talent.AccountCandidate)
		u := talent.User{Email: "a@example.in", Name: "N", Kind: talent.AccountCandidate, Locale: "en"}
		err := db.CreateUser(context.Background(), &u, "!hash")
		if p, ok := talent.AsProblem(err); !ok || p.Code != "email_taken" {
			t.Fatalf("got %v, want email_taken conflict", err)
		}
	})
}

func TestSessionsExpire(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u := user(t, db, "a@example.in", talent.AccountCandidate)
		now := time.Now().UTC().Truncate(time.Second)
		for token, expires := range map[string]time.Time{"live": now.Add(time.Hour), "dead": now.Add(-time.Second)} {
			s := talent.Session{UserID: u.ID, CreatedAt: now.Add(-2 * time.Hour), LastSeenAt: now, ExpiresAt: expires}
			if err := db.CreateSession(ctx, &s, []byte(token)); err != nil || s.ID == 0 {
				t.Fatal(s.ID, err)
			}
		}
		if got, err := db.SessionByToken(ctx, []byte("live")); err != nil || got.User.ID != u.ID || got.User.Email != u.Email || got.TOTPEnabled {
			t.Fatalf("live session: %+v %v", got, err)
		}
		if err := db.DeleteExpiredSessions(ctx, u.ID, now, now.Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SessionByToken(ctx, []byte("dead")); !errors.Is(err, talent.ErrNotFound) {
			t.Fatalf("expired session: %v", err)
		}
		if err := db.DeleteSession(ctx, []byte("live")); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SessionByToken(ctx, []byte("live")); !errors.Is(err, talent.ErrNotFound) {
			t.Fatalf("deleted session: %v", err)
		}
	})
}

func TestApplicationsAreUniqueAndMovesCompareAndSwap(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := user(t, db, "c@example.in", talent.AccountCandidate)
		m := user(t, db, "m@example.jp", talent.AccountOrgMember)
		org := verifiedOrg(t, db, m.ID, "tokyo")
		role := openRole(t, db, talent.Role{OrganizationID: org.ID, Type: "job", Title: talent.LocalizedText{EN: "ML"}})
		now := time.Now().UTC()
		a := talent.Application{RoleID: role.ID, CandidateID: c.ID, Stage: talent.StageSubmitted, CreatedAt: now, UpdatedAt: now,
			Timeline: []talent.StageEvent{{To: talent.StageSubmitted, ActorID: c.ID, At: now}}}
		if err := db.CreateApplication(ctx, &a, talent.IdempotencyClaim{}); err != nil {
			t.Fatal(err)
		}
		again := a
		again.ID = 0
		err := db.CreateApplication(ctx, &again, talent.IdempotencyClaim{})
		if p, ok := talent.AsProblem(err); !ok || p.Code != "already_applied" || p.ExistingID != a.ID {
			t.Fatalf("duplicate application: %v", err)
		}
		move := talent.StageEvent{From: talent.StageSubmitted, To: talent.StageScreening, ActorID: m.ID, At: now}
		if err := db.MoveApplication(ctx, a.ID, talent.StageSubmitted, a.Version, move); err != nil {
			t.Fatal(err)
		}
		// A second move from the stale stage loses the race and writes nothing.
		if err := db.MoveApplication(ctx, a.ID, talent.StageSubmitted, 0, move); !errors.Is(err, talent.ErrConflict) {
			t.Fatalf("stale move: %v", err)
		}
		got, err := db.ApplicationByID(ctx, a.ID)
		if err != nil || got.Stage != talent.StageScreening || len(got.Timeline) != 2 {
			t.Fatalf("after moves: %+v %v", got, err)
		}
	})
}

func TestSearchRolesFilters(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		m := user(t, db, "m@example.jp", talent.AccountOrgMember)
		org := verifiedOrg(t, db, m.ID, "osaka")
		past := talent.DateOf(time.Now().AddDate(0, 0, -3))
		nlp := openRole(t, db, talent.Role{OrganizationID: org.ID, Type: "job", Title: talent.LocalizedText{JA: "自然言語処理エンジニア"},
			RequiredSkills: []talent.SkillRequirement{{Skill: "nlp", MinProficiency: 3}}, JapaneseLevel: "N2", JapaneseMode: "required",
			SalaryMaxJPY: ptr(int64(9_000_000)), Remote: "remote"})
		intern := openRole(t, db, talent.Role{OrganizationID: org.ID, Type: "internship", Title: talent.LocalizedText{EN: "Vision 100% intern"},
			StipendMonthlyJPY: ptr(int64(171_000)), Prefecture: "kyoto"})
		openRole(t, db, talent.Role{OrganizationID: org.ID, Type: "job", Title: talent.LocalizedText{EN: "Expired"}, Deadline: &past})
		openRole(t, db, talent.Role{OrganizationID: org.ID, Type: "job", Title: talent.LocalizedText{EN: "Draft"}, Status: talent.RoleDraft})
		today := talent.DateOf(time.Now())
		base := talent.RoleFilter{Statuses: []talent.RoleStatus{talent.RoleOpen}, OpenOn: &today}
		page := talent.Page{Limit: 10}
		cases := []struct {
			name string
			edit func(*talent.RoleFilter)
			want []int64
		}{
			{"all open, newest first", func(*talent.RoleFilter) {}, []int64{intern.ID, nlp.ID}},
			{"japanese words", func(f *talent.RoleFilter) { f.Query = "言語処理" }, []int64{nlp.ID}},
			{"like wildcards are literal", func(f *talent.RoleFilter) { f.Query = "100%" }, []int64{intern.ID}},
			{"case-insensitive", func(f *talent.RoleFilter) { f.Query = "VISION" }, []int64{intern.ID}},
			{"type", func(f *talent.RoleFilter) { f.Type = "internship" }, []int64{intern.ID}},
			{"skill", func(f *talent.RoleFilter) { f.Skill = "nlp" }, []int64{nlp.ID}},
			{"prefecture", func(f *talent.RoleFilter) { f.Prefecture = "kyoto" }, []int64{intern.ID}},
			{"remote", func(f *talent.RoleFilter) { f.Remote = ptr(true) }, []int64{nlp.ID}},
			{"onsite", func(f *talent.RoleFilter) { f.Remote = ptr(false) }, []int64{intern.ID}},
			{"jlpt_max below requirement", func(f *talent.RoleFilter) { f.JLPTMax = "N3" }, []int64{intern.ID}},
			{"jlpt_max meets requirement", func(f *talent.RoleFilter) { f.JLPTMax = "N1" }, []int64{intern.ID, nlp.ID}},
			{"min salary counts stipends yearly", func(f *talent.RoleFilter) { f.MinSalaryJPY = ptr(int64(2_000_000)) }, []int64{intern.ID, nlp.ID}},
			{"min salary", func(f *talent.RoleFilter) { f.MinSalaryJPY = ptr(int64(3_000_000)) }, []int64{nlp.ID}},
		}
		for _, c := range cases {
			f := base
			c.edit(&f)
			roles, err := db.SearchRoles(ctx, f, page)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, r := range roles {
				got = append(got, r.ID)
			}
			if len(got) != len(c.want) || (len(got) > 0 && (got[0] != c.want[0] || got[len(got)-1] != c.want[len(c.want)-1])) {
				t.Errorf("%s: got %v, want %v", c.name, got, c.want)
			}
		}
		// Keyset paging walks every role exactly once.
		first, err := db.SearchRoles(ctx, base, talent.Page{Limit: 1})
		if err != nil || len(first) != 1 {
			t.Fatal(first, err)
		}
		second, err := db.SearchRoles(ctx, base, talent.Page{Limit: 1, After: first[0].ID})
		if err != nil || len(second) != 1 || second[0].ID != nlp.ID {
			t.Fatalf("second page: %v %v", second, err)
		}
		if len(second[0].RequiredSkills) != 1 || second[0].RequiredSkills[0].Skill != "nlp" {
			t.Fatalf("skills not loaded: %+v", second[0].RequiredSkills)
		}
	})
}

func TestArrivalRecordedOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		c := user(t, db, "c@example.in", talent.AccountCandidate)
		m := user(t, db, "m@example.jp", talent.AccountOrgMember)
		org := verifiedOrg(t, db, m.ID, "tokyo")
		role := openRole(t, db, talent.Role{OrganizationID: org.ID, Type: "research", Title: talent.LocalizedText{EN: "R"}})
		now := time.Now().UTC()
		a := talent.Application{RoleID: role.ID, CandidateID: c.ID, Stage: talent.StageAccepted, CreatedAt: now, UpdatedAt: now}
		if err := db.CreateApplication(ctx, &a, talent.IdempotencyClaim{}); err != nil {
			t.Fatal(err)
		}
		p := talent.Placement{ApplicationID: a.ID, CandidateID: c.ID, RoleID: role.ID, OrganizationID: org.ID,
			VisaStatus: "researcher", StartDate: talent.NewDate(2027, 4, 1), CreatedAt: now}
		ev := talent.StageEvent{From: talent.StageAccepted, To: talent.StagePlaced, ActorID: m.ID, At: now}
		if err := db.CreatePlacement(ctx, &p, ev, talent.IdempotencyClaim{}); err != nil {
			t.Fatal(err)
		}
		if err := db.CreatePlacement(ctx, &talent.Placement{ApplicationID: a.ID, CandidateID: c.ID, RoleID: role.ID, OrganizationID: org.ID, VisaStatus: "researcher", StartDate: p.StartDate, CreatedAt: now}, ev, talent.IdempotencyClaim{}); !errors.Is(err, talent.ErrConflict) {
			t.Fatalf("second placement: %v", err)
		}
		if err := db.RecordArrival(ctx, p.ID, talent.NewDate(2027, 3, 30)); err != nil {
			t.Fatal(err)
		}
		if err := db.RecordArrival(ctx, p.ID, talent.NewDate(2027, 3, 31)); !errors.Is(err, talent.ErrConflict) {
			t.Fatalf("second arrival: %v", err)
		}
		got, err := db.PlacementByID(ctx, p.ID)
		if err != nil || got.ArrivedOn == nil || got.ArrivedOn.String() != "2027-03-30" || got.StartDate.String() != "2027-04-01" {
			t.Fatalf("placement read back: %+v %v", got, err)
		}
	})
}
