package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/talent"
)

// GoalData names the objects SeedGoalData made, by the names in its doc.
type GoalData struct {
	Member       int64            // the organisations' member, who moves applications
	Candidates   map[string]int64 // C1 … C7 → user id
	Roles        map[string]int64 // R1 … R4 → role id
	Applications map[string]int64 // A1 … A12 → application id
	Placements   map[string]int64 // P1 … P8 → placement id
}

// SeedGoalData loads the small dataset the goal dashboard's tests work
// their expected numbers out from (times in UTC, all in 2026):
//
//	O1 startup in tokyo: R1 job (tokyo), R3 internship (osaka)
//	O2 university in kyoto: R2 research (kyoto), R4 job (kyoto)
//
//	C1 karnataka, N3, python 5 + pytorch 3; bachelor IIT Bombay, master IISc Bangalore
//	C2 kerala, N1, nlp 4; doctorate IIT Madras
//	C3 karnataka, no JLPT, pytorch 4 + python 4; bachelor NIT Trichy
//	C4 delhi, N5, no skills; master IIT Delhi, MBA IIM Ahmedabad    (withdraws, is rejected)
//	C5 tamil_nadu, N4, computer-vision 3; bachelors Anna University 2020, IIIT Hyderabad 2024
//	C6 maharashtra, N2, python 2; no education                     (placed, not arrived)
//	C7 no state, no JLPT, llm 5; master IIT Bombay
//
//	app  who  role  submitted    moves (hours after the previous)                               placement, arrival
//	A1   C1   R1    05-01 10:00  screening 24, interview 48, offer 72, accepted 24, placed 120  P1 hsp_1b, 08-10
//	A2   C1   R2    06-01 09:00  interview 48, offer 48, accepted 24, placed 48                 P2 researcher, 10-05
//	A3   C2   R2    03-01 08:00  screening 24, offer 72, accepted 24, placed 96                 P3 hsp_1a, 06-20 (before the window)
//	A4   C2   R4    08-01 12:00  screening 5, interview 48, offer 72, accepted 24, placed 72    P4 engineer_specialist, 10-20
//	A5   C3   R1    07-10 10:00  screening 24, interview 48, offer 72, accepted 24, placed 72  P5 hsp_1b, 10-20
//	A6   C5   R3    06-10 10:00  screening 24, offer 72, accepted 24, placed 120               P6 designated_internship, 08-15
//	A7   C6   R1    09-01 10:00  screening 24, interview 48, offer 72, accepted 24, placed 48  P7 engineer_specialist, not arrived
//	A8   C4   R1    09-05 10:00  screening 24, withdrawn 48
//	A9   C7   R4    05-20 10:00  screening 24, interview 48, offer 72, accepted 24, placed 120 P8 hsp_1b, 07-02 (the window's first day)
//	A10  C4   R4    10-01 10:00  rejected 24
//	A11  C3   R4    10-10 10:00  screening 48 (still there)
//	A12  C2   R1    11-01 10:00  (still submitted)
//
// A placement is recorded at its application's last move.
func SeedGoalData(t testing.TB, db *store.DB) GoalData {
	t.Helper()
	ctx := context.Background()
	at := func(month time.Month, day, hour int) time.Time {
		return time.Date(2026, month, day, hour, 0, 0, 0, time.UTC)
	}
	created := at(time.January, 5, 9)
	out := GoalData{Candidates: map[string]int64{}, Roles: map[string]int64{}, Applications: map[string]int64{}, Placements: map[string]int64{}}

	type person struct {
		name, state, jlpt string
		skills            []talent.SkillLevel
		education         []talent.Education
	}
	people := []person{
		{"C1", "karnataka", "N3", []talent.SkillLevel{{Skill: "python", Proficiency: 5}, {Skill: "pytorch", Proficiency: 3}},
			[]talent.Education{{Level: "bachelor", Institution: "IIT Bombay", Field: "CS", Year: 2018}, {Level: "master", Institution: "IISc Bangalore", Field: "AI", Year: 2020}}},
		{"C2", "kerala", "N1", []talent.SkillLevel{{Skill: "nlp", Proficiency: 4}},
			[]talent.Education{{Level: "doctorate", Institution: "IIT Madras", Field: "NLP", Year: 2022}}},
		{"C3", "karnataka", "none", []talent.SkillLevel{{Skill: "pytorch", Proficiency: 4}, {Skill: "python", Proficiency: 4}},
			[]talent.Education{{Level: "bachelor", Institution: "NIT Trichy", Field: "ECE", Year: 2021}}},
		{"C4", "delhi", "N5", nil,
			[]talent.Education{{Level: "master", Institution: "IIT Delhi", Field: "CS", Year: 2019}, {Level: "mba_mot", Institution: "IIM Ahmedabad", Field: "MBA", Year: 2021}}},
		{"C5", "tamil_nadu", "N4", []talent.SkillLevel{{Skill: "computer-vision", Proficiency: 3}},
			[]talent.Education{{Level: "bachelor", Institution: "Anna University", Field: "CS", Year: 2020}, {Level: "bachelor", Institution: "IIIT Hyderabad", Field: "AI", Year: 2024}}},
		{"C6", "maharashtra", "N2", []talent.SkillLevel{{Skill: "python", Proficiency: 2}}, nil},
		{"C7", "", "none", []talent.SkillLevel{{Skill: "llm", Proficiency: 5}},
			[]talent.Education{{Level: "master", Institution: "IIT Bombay", Field: "CS", Year: 2023}}},
	}
	users := []talent.User{{Email: "member@goal.example.jp", Name: "Member", Kind: talent.AccountOrgMember, Locale: "ja", CreatedAt: created}}
	for _, p := range people {
		users = append(users, talent.User{Email: p.name + "@goal.example.in", Name: p.name, Kind: talent.AccountCandidate, Locale: "en", CreatedAt: created})
	}
	must(t, db.InsertUsers(ctx, users, "!seeded"))
	out.Member = users[0].ID
	profiles := make([]talent.Profile, len(people))
	for i, p := range people {
		out.Candidates[p.name] = users[i+1].ID
		profiles[i] = talent.Profile{UserID: users[i+1].ID, Name: p.name, IndianState: p.state, JLPTLevel: p.jlpt, EnglishLevel: "fluent",
			Skills: p.skills, Education: p.education, WantedRoleTypes: []string{"job"}, ConsentShareApplied: true, UpdatedAt: created}
	}
	must(t, db.InsertProfiles(ctx, profiles))

	orgs := []talent.Organization{
		{NameJA: "株式会社ゴール", NameEN: "Goal KK", Kind: "startup", Prefecture: "tokyo", Verified: true, VerifiedAt: &created, CreatedBy: out.Member, CreatedAt: created},
		{NameJA: "ゴール大学", NameEN: "Goal University", Kind: "university", Prefecture: "kyoto", Verified: true, VerifiedAt: &created, CreatedBy: out.Member, CreatedAt: created},
	}
	must(t, db.InsertOrganizations(ctx, orgs, [][]int64{{out.Member}, {out.Member}}))

	role := func(org int, typ, prefecture string) talent.Role {
		return talent.Role{OrganizationID: orgs[org].ID, Type: typ, Status: talent.RoleOpen, Title: talent.LocalizedText{EN: typ + " in " + prefecture},
			MinEducation: "none", JapaneseLevel: "none", JapaneseMode: "preferred", EnglishLevel: "none", Prefecture: prefecture, Remote: "onsite",
			Openings: 5, PublishedAt: &created, CreatedAt: created, UpdatedAt: created}
	}
	roles := []talent.Role{role(0, "job", "tokyo"), role(1, "research", "kyoto"), role(0, "internship", "osaka"), role(1, "job", "kyoto")}
	must(t, db.InsertRoles(ctx, roles))
	for i, r := range roles {
		out.Roles["R"+string(rune('1'+i))] = r.ID
	}

	type move struct {
		to    talent.Stage
		hours int
	}
	type app struct {
		name, candidate, role string
		submitted             time.Time
		moves                 []move
		visa                  string
		arrived               *talent.Date
	}
	full := func(screening, interview, offer, accepted, placed int) []move {
		return []move{{talent.StageScreening, screening}, {talent.StageInterview, interview}, {talent.StageOffer, offer},
			{talent.StageAccepted, accepted}, {talent.StagePlaced, placed}}
	}
	day := func(month time.Month, d int) *talent.Date { v := talent.NewDate(2026, month, d); return &v }
	apps := []app{
		{"A1", "C1", "R1", at(time.May, 1, 10), full(24, 48, 72, 24, 120), "hsp_1b", day(time.August, 10)},
		{"A2", "C1", "R2", at(time.June, 1, 9), []move{{talent.StageInterview, 48}, {talent.StageOffer, 48}, {talent.StageAccepted, 24}, {talent.StagePlaced, 48}}, "researcher", day(time.October, 5)},
		{"A3", "C2", "R2", at(time.March, 1, 8), []move{{talent.StageScreening, 24}, {talent.StageOffer, 72}, {talent.StageAccepted, 24}, {talent.StagePlaced, 96}}, "hsp_1a", day(time.June, 20)},
		{"A4", "C2", "R4", at(time.August, 1, 12), full(5, 48, 72, 24, 72), "engineer_specialist", day(time.October, 20)},
		{"A5", "C3", "R1", at(time.July, 10, 10), full(24, 48, 72, 24, 72), "hsp_1b", day(time.October, 20)},
		{"A6", "C5", "R3", at(time.June, 10, 10), []move{{talent.StageScreening, 24}, {talent.StageOffer, 72}, {talent.StageAccepted, 24}, {talent.StagePlaced, 120}}, "designated_internship", day(time.August, 15)},
		{"A7", "C6", "R1", at(time.September, 1, 10), full(24, 48, 72, 24, 48), "engineer_specialist", nil},
		{"A8", "C4", "R1", at(time.September, 5, 10), []move{{talent.StageScreening, 24}, {talent.StageWithdrawn, 48}}, "", nil},
		{"A9", "C7", "R4", at(time.May, 20, 10), full(24, 48, 72, 24, 120), "hsp_1b", day(time.July, 2)},
		{"A10", "C4", "R4", at(time.October, 1, 10), []move{{talent.StageRejected, 24}}, "", nil},
		{"A11", "C3", "R4", at(time.October, 10, 10), []move{{talent.StageScreening, 48}}, "", nil},
		{"A12", "C2", "R1", at(time.November, 1, 10), nil, "", nil},
	}
	applications := make([]talent.Application, len(apps))
	var placements []talent.Placement
	var placedOf []int
	for i, a := range apps {
		candidate, roleID := out.Candidates[a.candidate], out.Roles[a.role]
		when, stage := a.submitted, talent.StageSubmitted
		timeline := []talent.StageEvent{{To: stage, ActorID: candidate, At: when}}
		for _, m := range a.moves {
			when = when.Add(time.Duration(m.hours) * time.Hour)
			actor := out.Member
			if m.to == talent.StageAccepted || m.to == talent.StageWithdrawn {
				actor = candidate
			}
			timeline = append(timeline, talent.StageEvent{From: stage, To: m.to, ActorID: actor, At: when})
			stage = m.to
		}
		applications[i] = talent.Application{RoleID: roleID, CandidateID: candidate, Stage: stage, CreatedAt: a.submitted, UpdatedAt: when, Timeline: timeline}
		if stage == talent.StagePlaced {
			org := orgs[0].ID
			if a.role == "R2" || a.role == "R4" {
				org = orgs[1].ID
			}
			placements = append(placements, talent.Placement{CandidateID: candidate, RoleID: roleID, OrganizationID: org, VisaStatus: a.visa,
				StartDate: talent.DateOf(when.AddDate(0, 0, 30)), ArrivedOn: a.arrived, CreatedAt: when})
			placedOf = append(placedOf, i)
		}
	}
	must(t, db.InsertApplications(ctx, applications))
	for i, a := range apps {
		out.Applications[a.name] = applications[i].ID
	}
	for i := range placements {
		placements[i].ApplicationID = applications[placedOf[i]].ID
	}
	must(t, db.InsertPlacements(ctx, placements))
	for i, p := range placements {
		out.Placements["P"+string(rune('1'+i))] = p.ID
	}
	return out
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
