package httpapi_test

import (
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// badRequest is a request that must be refused without changing anything.
type badRequest struct {
	name   string
	as     int // index in callers
	method string
	target func(w *world) string
	body   func(w *world, caller string) any // a string is sent as is
	header map[string]string
	status int
	code   string
	fields []string // "field:code" of each entry of errors[], in order
	// state reads back, through the API, what the request must not change.
	state func(w *world) string
}

// with returns a copy of base with the given key, value pairs set.
func with(base map[string]any, kv ...any) map[string]any {
	out := maps.Clone(base)
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}

// readBack returns a state reader: the status and body of a GET as a caller.
func readBack(as int, target func(w *world) string) func(w *world) string {
	return func(w *world) string {
		r := w.do(request{method: "GET", path: target(w), session: w.session(as)})
		return fmt.Sprintf("%d %s", r.Status, r.Body)
	}
}

// statusOf returns a state reader that keeps only the status of a call (for
// answers that carry a request ID).
func statusOf(as int, method string, target func(w *world) string, b any) func(w *world) string {
	return func(w *world) string {
		return fmt.Sprint(w.do(request{method: method, path: target(w), session: w.session(as), body: b}).Status)
	}
}

var (
	myProfile     = readBack(asCandidate, fixed("/api/v1/me/profile"))
	orgRoles      = readBack(asMember, withID("/api/v1/organizations/:id/roles", org))
	draftRoleBack = readBack(asMember, withID("/api/v1/roles/:id", draftRole))
	roleApps      = readBack(asMember, withID("/api/v1/roles/:id/applications", openRole))
	appBack       = readBack(asMember, withID("/api/v1/applications/:id", application))
	savedSearches = readBack(asCandidate, fixed("/api/v1/me/saved-searches"))
	preferences   = readBack(asCandidate, fixed("/api/v1/me/notification-preferences"))
	myConsents    = readBack(asCandidate, fixed("/api/v1/me/consents"))
	rounds        = readBack(asAdmin, fixed("/api/v1/rounds"))
)

// Rank lists in the world's ranked round (made on first use).
var (
	myRoundRanking   = func(w *world) string { return fmt.Sprintf("/api/v1/rounds/%d/ranking", w.rankedOnce()) }
	roleRoundRanking = func(w *world) string {
		return fmt.Sprintf("/api/v1/rounds/%d/roles/%d/ranking", w.rankedOnce(), w.role)
	}
)

// badRequests lists the requests TestBadInput sends, grouped by what is
// wrong with them; the helpers build the common shapes.
func badRequests() []badRequest {
	profile := sampleProfile("Asha Rao")
	putProfile := func(name string, b any, status int, code string, fields ...string) badRequest {
		return badRequest{name: name, as: asCandidate, method: "PUT", target: fixed("/api/v1/me/profile"), body: body(b),
			status: status, code: code, fields: fields, state: myProfile}
	}
	postRole := func(name string, change func(role map[string]any), fields ...string) badRequest {
		return badRequest{name: name, as: asMember, method: "POST", target: fixed("/api/v1/roles"),
			body: func(w *world, _ string) any {
				role := sampleRole(w.org)
				change(role)
				return role
			},
			status: http.StatusBadRequest, code: "validation_failed", fields: fields, state: orgRoles}
	}
	searchRoles := func(query string, fields ...string) badRequest {
		return badRequest{name: "search " + query, as: asAnonymous, method: "GET", target: fixed("/api/v1/roles?" + query),
			status: http.StatusBadRequest, code: "validation_failed", fields: fields}
	}
	transition := func(name string, b map[string]any, fields ...string) badRequest {
		return badRequest{name: name, as: asMember, method: "POST", target: withID("/api/v1/applications/:id/transitions", application),
			body: body(b), status: http.StatusBadRequest, code: "validation_failed", fields: fields, state: appBack}
	}
	offer := func(name string, b map[string]any, fields ...string) badRequest {
		return badRequest{name: name, as: asMember, method: "POST", target: withID("/api/v1/applications/:id/offers", application),
			body: body(b), status: http.StatusBadRequest, code: "validation_failed", fields: fields,
			state: readBack(asMember, withID("/api/v1/applications/:id/offers", application))}
	}
	return []badRequest{
		// Bodies that are not one JSON object of the right shape.
		putProfile("malformed JSON", `{"name": "Asha"`, http.StatusBadRequest, "malformed_json"),
		putProfile("not an object", `["name"]`, http.StatusBadRequest, "malformed_json"),
		putProfile("trailing data", `{"name": "Asha"} {}`, http.StatusBadRequest, "malformed_json"),
		putProfile("wrong type", with(profile, "experience_years", "three"), http.StatusBadRequest, "validation_failed", "experience_years:wrong_type"),
		putProfile("unknown field", with(profile, "nickname", "A"), http.StatusBadRequest, "validation_failed", "nickname:unknown_field"),
		putProfile("values out of range", with(profile, "experience_years", 61,
			"skills", []map[string]any{{"skill": "python", "proficiency": 9}},
			"education", []map[string]any{{"level": "master", "institution": "IISc", "field": "CS", "year": 1900}}),
			http.StatusBadRequest, "validation_failed", "education[0].year:out_of_range", "experience_years:out_of_range", "skills[0].proficiency:out_of_range"),
		putProfile("strings too long", with(profile, "name", strings.Repeat("a", 121), "city", strings.Repeat("b", 101)),
			http.StatusBadRequest, "validation_failed", "name:too_long", "city:too_long"),
		putProfile("values not in their lists", with(profile, "jlpt_level", "N6", "preferred_prefectures", []string{"tokyo", "tokyo"}),
			http.StatusBadRequest, "validation_failed", "jlpt_level:one_of", "preferred_prefectures[1]:duplicate"),
		putProfile("unknown skills", with(profile, "skills", []map[string]any{{"skill": "pytorh", "proficiency": 3}, {"skill": "Natural Language", "proficiency": 2}}),
			http.StatusBadRequest, "validation_failed", "skills[0].skill:unknown_skill", "skills[1].skill:unknown_skill"),
		putProfile("impossible date", with(profile, "earliest_start", "2027-02-30"), http.StatusBadRequest, "validation_failed", "earliest_start:invalid_date"),
		putProfile("body over 1 MiB", `{"name": "`+strings.Repeat("a", 1<<20)+`"}`, http.StatusRequestEntityTooLarge, "body_too_large"),
		{name: "not JSON media type", as: asCandidate, method: "PUT", target: fixed("/api/v1/me/profile"), body: body(profile),
			header: map[string]string{"Content-Type": "text/plain"}, status: http.StatusUnsupportedMediaType, code: "unsupported_media_type", state: myProfile},
		{name: "cross-site write", as: asCandidate, method: "PUT", target: fixed("/api/v1/me/profile"), body: body(with(profile, "name", "Mallory")),
			header: map[string]string{"Sec-Fetch-Site": "cross-site"}, status: http.StatusForbidden, code: "cross_origin", state: myProfile},

		// Roles: mass assignment, types, lengths, ranges.
		postRole("role with status", func(r map[string]any) { r["status"] = "open" }, "status:unknown_field"),
		{name: "role patched with wrong type", as: asMember, method: "PATCH", target: withID("/api/v1/roles/:id", draftRole),
			body: body(map[string]any{"openings": "two"}), status: http.StatusBadRequest, code: "validation_failed",
			fields: []string{"openings:wrong_type"}, state: draftRoleBack},
		func() badRequest {
			b := postRole("role posted with wrong type", func(r map[string]any) { r["openings"] = "two" }, "openings:wrong_type")
			return b
		}(),
		postRole("role with unknown skills", func(r map[string]any) {
			r["required_skills"] = []map[string]any{{"skill": "kubernets", "min_proficiency": 3}, {"skill": "", "min_proficiency": 3}}
		}, "required_skills[0].skill:unknown_skill", "required_skills[1].skill:required"),
		postRole("role without organisation", func(r map[string]any) { delete(r, "organization_id") }, "organization_id:required"),
		postRole("role too long and upside down", func(r map[string]any) {
			r["title"] = map[string]any{"en": strings.Repeat("t", 201)}
			r["salary_min_jpy"], r["salary_max_jpy"] = 9000000, 6000000
		}, "title.en:too_long", "salary_max_jpy:below_min"),
		{name: "role moved to another organisation", as: asMember, method: "PATCH", target: withID("/api/v1/roles/:id", draftRole),
			body: body(map[string]any{"organization_id": 2}), status: http.StatusBadRequest, code: "validation_failed",
			fields: []string{"organization_id:unknown_field"}, state: draftRoleBack},
		{name: "role patched out of range", as: asMember, method: "PATCH", target: withID("/api/v1/roles/:id", draftRole),
			body: body(map[string]any{"openings": 1001, "duration_months": 0}), status: http.StatusBadRequest, code: "validation_failed",
			fields: []string{"duration_months:out_of_range", "openings:out_of_range"}, state: draftRoleBack},

		// Notification settings, saved searches and unsubscribe links.
		{name: "saved search without name, every", as: asCandidate, method: "POST", target: fixed("/api/v1/me/saved-searches"),
			body:   body(map[string]any{"name": " ", "frequency": "hourly", "filters": map[string]any{"prefecture": "atlantis", "min_salary": -1}}),
			status: http.StatusBadRequest, code: "validation_failed", state: savedSearches,
			fields: []string{"name:required", "frequency:one_of", "filters.prefecture:one_of", "filters.min_salary:out_of_range"}},
		{name: "saved search filter of the wrong type", as: asCandidate, method: "POST", target: fixed("/api/v1/me/saved-searches"),
			body:   body(map[string]any{"name": "Tokyo", "frequency": "daily", "filters": map[string]any{"remote": "yes", "colour": "red"}}),
			status: http.StatusBadRequest, code: "validation_failed", state: savedSearches, fields: []string{"filters.colour:unknown_field"}},
		{name: "preferences of unknown kinds and deliveries", as: asCandidate, method: "PUT", target: fixed("/api/v1/me/notification-preferences"),
			body:   body(map[string]any{"preferences": map[string]any{"stage_changed": "hourly", "weather": "now"}}),
			status: http.StatusBadRequest, code: "validation_failed", state: preferences,
			fields: []string{"preferences.stage_changed:one_of", "preferences.weather:one_of"}},
		{name: "preferences missing", as: asCandidate, method: "PUT", target: fixed("/api/v1/me/notification-preferences"),
			body: body(map[string]any{}), status: http.StatusBadRequest, code: "validation_failed", state: preferences, fields: []string{"preferences:required"}},
		{name: "unsubscribe without a token", as: asAnonymous, method: "POST", target: fixed("/api/v1/unsubscribe"),
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"token:required"}},

		// Query parameters.
		searchRoles("cursor=bogus", "cursor:cursor"),
		searchRoles("limit=0", "limit:out_of_range"),
		searchRoles("limit=101", "limit:out_of_range"),
		searchRoles("limit=x", "limit:out_of_range"),
		searchRoles("remote=maybe", "remote:invalid_bool"),
		searchRoles("min_salary=lots", "min_salary:wrong_type"),
		searchRoles("type=gig&prefecture=atlantis&skill=C%2B%2B", "type:one_of", "skill:slug", "prefecture:one_of"),
		{name: "skills limit 0", as: asAnonymous, method: "GET", target: fixed("/api/v1/skills?q=py&limit=0"),
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"limit:out_of_range"}},
		{name: "skills limit 51 and query too long", as: asAnonymous, method: "GET", target: fixed("/api/v1/skills?limit=51&q=" + strings.Repeat("a", 101)),
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"q:too_long", "limit:out_of_range"}},
		{name: "skills limit not a number", as: asAnonymous, method: "GET", target: fixed("/api/v1/skills?limit=ten"),
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"limit:out_of_range"}},
		{name: "stage not in the list", as: asMember, method: "GET", target: withID("/api/v1/roles/:id/applications?stage=hired", openRole),
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"stage:one_of"}},

		// Recommendations, the HSP assessment and sort=match.
		{name: "recommendations limit 0", as: asCandidate, method: "GET", target: fixed("/api/v1/me/recommendations?limit=0"),
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"limit:out_of_range"}},
		{name: "recommendations of an unknown type, too many", as: asCandidate, method: "GET", target: fixed("/api/v1/me/recommendations?type=gig&limit=101"),
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"type:one_of", "limit:out_of_range"}},
		{name: "role recommendations limit not a number", as: asMember, method: "GET", target: withID("/api/v1/roles/:id/recommendations?limit=ten", openRole),
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"limit:out_of_range"}},
		{name: "applicants sorted by an unknown order", as: asMember, method: "GET", target: withID("/api/v1/roles/:id/applications?sort=best", openRole),
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"sort:one_of"}},
		{name: "my HSP without a role", as: asCandidate, method: "GET", target: fixed("/api/v1/me/hsp"),
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"role_id:required"}},

		// Matching rounds.
		{name: "round with bad fields", as: asAdmin, method: "POST", target: fixed("/api/v1/rounds"),
			body: func(w *world, _ string) any {
				closed := w.openRoleOf(w.member, sampleRole(w.org))
				w.call(http.StatusOK, "POST", fmt.Sprintf("/api/v1/roles/%d/close", closed), w.member, nil)
				return map[string]any{"name": " ", "role_ids": []int64{absentID, w.draftRole, closed, w.role, w.role},
					"ranking_deadline": time.Now().Add(-time.Minute).UTC().Format(time.RFC3339)}
			},
			status: http.StatusBadRequest, code: "validation_failed",
			fields: []string{"name:required", "ranking_deadline:future", "role_ids[0]:unknown_role", "role_ids[1]:role_not_open", "role_ids[2]:role_not_open", "role_ids[4]:duplicate"},
			state:  rounds},
		{name: "round without roles", as: asAdmin, method: "POST", target: fixed("/api/v1/rounds"), body: body(with(roundRequest(), "role_ids", []int64{})),
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"role_ids:required"}, state: rounds},
		{name: "round deadline not a time", as: asAdmin, method: "POST", target: fixed("/api/v1/rounds"),
			body:   func(w *world, _ string) any { return with(roundRequest(w.role), "ranking_deadline", "next Friday") },
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"ranking_deadline:invalid_datetime"}, state: rounds},
		{name: "round roles of the wrong type", as: asAdmin, method: "POST", target: fixed("/api/v1/rounds"),
			body:   func(w *world, _ string) any { return with(roundRequest(w.role), "role_ids", fmt.Sprint(w.role)) },
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"role_ids:wrong_type"}, state: rounds},
		{name: "round created with a status", as: asAdmin, method: "POST", target: fixed("/api/v1/rounds"),
			body:   func(w *world, _ string) any { return with(roundRequest(w.role), "status", "open") },
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"status:unknown_field"}, state: rounds},
		{name: "candidate ranks roles outside the round", as: asCandidate, method: "PUT", target: myRoundRanking,
			body:   func(w *world, _ string) any { return map[string]any{"role_ids": []int64{w.draftRole, w.role, w.role}} },
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"role_ids[0]:not_in_round", "role_ids[2]:duplicate"},
			state: readBack(asCandidate, myRoundRanking)},
		{name: "organisation ranks a candidate who did not rank its role", as: asMember, method: "PUT", target: roleRoundRanking,
			body: func(w *world, _ string) any {
				return map[string]any{"candidate_ids": []int64{w.userID(w.otherCandidate)}}
			},
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"candidate_ids[0]:did_not_rank"},
			state: readBack(asMember, roleRoundRanking)},

		// Accounts.
		{name: "sign-up with bad fields", as: asAnonymous, method: "POST", target: fixed("/api/v1/auth/register"),
			body:   body(map[string]any{"email": "new@example.in", "password": "short", "name": " ", "role": "admin"}),
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"password:password_length", "name:required", "role:one_of"},
			state: statusOf(asAnonymous, "POST", fixed("/api/v1/auth/login"), map[string]any{"email": "new@example.in", "password": "short"})},
		{name: "unknown language", as: asCandidate, method: "PATCH", target: fixed("/api/v1/me"), body: body(map[string]any{"locale": "fr"}),
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"locale:one_of"}, state: readBack(asCandidate, fixed("/api/v1/me"))},

		// Applications and placements.
		{name: "cover note too long", as: asOtherCandidate, method: "POST", target: withID("/api/v1/roles/:id/applications", openRole),
			body: body(map[string]any{"cover_note": strings.Repeat("n", 5001)}), status: http.StatusBadRequest, code: "validation_failed",
			fields: []string{"cover_note:too_long"}, state: roleApps},
		transition("stage not in the pipeline", map[string]any{"to": "hired"}, "to:one_of"),
		transition("rejection without reason", map[string]any{"to": "rejected", "reason": "  "}, "reason:required"),
		transition("offer without its terms", map[string]any{"to": "offer"}, "to:offer_terms_required"),
		offer("internship status on a permanent job", with(sampleOffer(), "planned_status", "designated_internship"),
			"planned_status:residence.kind", "planned_status:residence.max_term", "planned_status:residence.agreement"),
		offer("unpaid status on a paid job", with(sampleOffer(), "planned_status", "cultural_activities"),
			"planned_status:residence.kind", "planned_status:residence.unpaid"),
		offer("HSP under the salary floor", with(sampleOffer(), "planned_status", "hsp_1b", "annual_salary_jpy", 2_500_000),
			"planned_status:residence.min_salary"),
		offer("offer dates in the past", with(sampleOffer(), "start_date", "2020-01-01", "respond_by", "2020-01-01"),
			"start_date:date_range", "respond_by:date_range"),
		offer("offer without a text", with(sampleOffer(), "text_en", " ", "text_ja", ""), "text_en:en_or_ja_required"),
		offer("offer of an unknown kind and status", with(sampleOffer(), "kind", "gig", "planned_status", "tourist", "term_months", -1),
			"kind:one_of", "term_months:out_of_range", "planned_status:one_of"),
		{name: "placement with bad fields", as: asMember, method: "POST", target: withID("/api/v1/applications/:id/placement", application),
			body: body(map[string]any{"visa_status": "tourist"}), status: http.StatusBadRequest, code: "validation_failed",
			fields: []string{"visa_status:one_of", "start_date:required"},
			state:  statusOf(asMember, "GET", withID("/api/v1/applications/:id/placement", application), nil)},
		{name: "placement starting before the application", as: asMember, method: "POST", target: withID("/api/v1/applications/:id/placement", application),
			body: body(map[string]any{"visa_status": "hsp_1b", "start_date": "2020-01-01"}), status: http.StatusBadRequest, code: "validation_failed",
			fields: []string{"start_date:date_range"},
			state:  statusOf(asMember, "GET", withID("/api/v1/applications/:id/placement", application), nil)},
		{name: "placement under a status that does not fit the post", as: asMember, method: "POST", target: withID("/api/v1/applications/:id/placement", application),
			body: body(map[string]any{"visa_status": "cultural_activities", "start_date": "2027-04-01"}), status: http.StatusBadRequest, code: "validation_failed",
			fields: []string{"visa_status:residence.kind", "visa_status:residence.unpaid"},
			state:  statusOf(asMember, "GET", withID("/api/v1/applications/:id/placement", application), nil)},

		// Personal data and retries.
		{name: "consent to an unknown purpose, undecided", as: asCandidate, method: "POST", target: fixed("/api/v1/me/consents"),
			body: body(map[string]any{"purpose": "marketing"}), status: http.StatusBadRequest, code: "validation_failed",
			fields: []string{"purpose:one_of", "granted:required"}, state: myConsents},
		{name: "consent granted without its wording", as: asCandidate, method: "POST", target: fixed("/api/v1/me/consents"),
			body: body(map[string]any{"purpose": "discoverable", "granted": true}), status: http.StatusBadRequest, code: "validation_failed",
			fields: []string{"wording_version:required"}, state: myConsents},
		{name: "consent to an unknown wording", as: asCandidate, method: "POST", target: fixed("/api/v1/me/consents"),
			body: body(map[string]any{"purpose": "discoverable", "granted": true, "wording_version": "v0"}), status: http.StatusBadRequest,
			code: "validation_failed", fields: []string{"wording_version:one_of"}, state: myConsents},
		{name: "consent granted as text", as: asCandidate, method: "POST", target: fixed("/api/v1/me/consents"),
			body: body(map[string]any{"purpose": "discoverable", "granted": "yes"}), status: http.StatusBadRequest, code: "validation_failed",
			fields: []string{"granted:wrong_type"}, state: myConsents},
		{name: "erasure without a password", as: asCandidate, method: "DELETE", target: fixed("/api/v1/me"), body: body(map[string]any{}),
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"password:required"}, state: myProfile},
		{name: "erasure with a wrong password", as: asCandidate, method: "DELETE", target: fixed("/api/v1/me"),
			body: body(map[string]any{"password": "not my password"}), status: http.StatusBadRequest, code: "validation_failed",
			fields: []string{"password:password_incorrect"}, state: myProfile},
		{name: "profile views with a bad cursor", as: asCandidate, method: "GET", target: fixed("/api/v1/me/profile-views?cursor=zzz"),
			status: http.StatusBadRequest, code: "validation_failed", fields: []string{"cursor:cursor"}},
		{name: "idempotency key too long", as: asOtherCandidate, method: "POST", target: withID("/api/v1/roles/:id/applications", openRole),
			header: map[string]string{"Idempotency-Key": strings.Repeat("k", 256)}, status: http.StatusBadRequest, code: "validation_failed",
			fields: []string{"Idempotency-Key:idempotency_key"}, state: roleApps},
		{name: "role changed with a stale If-Match", as: asMember, method: "PATCH", target: withID("/api/v1/roles/:id", draftRole),
			body: body(map[string]any{"openings": 9}), header: map[string]string{"If-Match": `"7"`},
			status: http.StatusPreconditionFailed, code: "precondition_failed", state: draftRoleBack},

		// Routing.
		{name: "unknown route", as: asAnonymous, method: "GET", target: fixed("/api/v1/nothing-here"), status: http.StatusNotFound, code: "route_not_found"},
		{name: "method not allowed", as: asAnonymous, method: "DELETE", target: fixed("/api/v1/roles"), status: http.StatusMethodNotAllowed, code: "method_not_allowed"},
	}
}

// problem is the part of a problem document the tests read.
type problem struct {
	Status     int    `json:"status"`
	Title      string `json:"title"`
	Detail     string `json:"detail"`
	Code       string `json:"code"`
	ExistingID int64  `json:"existing_id"`
	Errors     []struct {
		Field, Code, Message string
	} `json:"errors"`
}

// TestBadInput sends each bad request in English, Japanese and Hindi and
// checks the status, the stable code and fields, the localized texts, and
// that nothing changed. The language is asked for with Accept-Language, and
// for signed-in callers (whose saved preference outranks that header) with
// ?lang= as well.
func TestBadInput(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		for _, bad := range badRequests() {
			t.Run(bad.name, func(t *testing.T) {
				parent := w.t
				w.t = t // failures inside w.do belong to this subtest
				defer func() { w.t = parent }()
				before := ""
				if bad.state != nil {
					before = bad.state(w)
				}
				var english problem
				for _, lang := range []string{"en", "ja", "hi"} {
					p := w.sendBad(t, bad, lang)
					if lang == "en" {
						english = p
						continue
					}
					if p.Detail == english.Detail || p.Title == english.Title {
						t.Errorf("%s: detail or title not translated: %q / %q", lang, p.Title, p.Detail)
					}
					for i, e := range p.Errors {
						if i < len(english.Errors) && e.Message == english.Errors[i].Message {
							t.Errorf("%s: message of %s not translated: %q", lang, e.Field, e.Message)
						}
					}
				}
				if bad.state != nil {
					if after := bad.state(w); after != before {
						t.Errorf("refused request changed state:\nbefore %.500s\nafter  %.500s", before, after)
					}
				}
			})
		}
	})
}

// sendBad sends a bad request in one language and checks the answer.
func (w *world) sendBad(t *testing.T, bad badRequest, lang string) problem {
	t.Helper()
	path := bad.target(w)
	if bad.as != asAnonymous {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		path += sep + "lang=" + url.QueryEscape(lang)
	}
	header := map[string]string{"Accept-Language": lang}
	maps.Copy(header, bad.header)
	var b any
	if bad.body != nil {
		b = bad.body(w, callers[bad.as])
	}
	r := w.do(request{method: bad.method, path: path, session: w.session(bad.as), body: b, header: header})
	var p problem
	if r.Status != bad.status {
		t.Fatalf("%s: status %d, want %d: %.500s", lang, r.Status, bad.status, r.Body)
	}
	if ct, cl := r.Header.Get("Content-Type"), r.Header.Get("Content-Language"); ct != "application/problem+json" || cl != lang {
		t.Errorf("%s: Content-Type %q, Content-Language %q", lang, ct, cl)
	}
	r.JSON(&p)
	var fields []string
	for _, e := range p.Errors {
		fields = append(fields, e.Field+":"+e.Code)
		if strings.TrimSpace(e.Message) == "" || strings.HasPrefix(e.Message, "field.") {
			t.Errorf("%s: no message for %s", lang, e.Field)
		}
	}
	if p.Code != bad.code || p.Status != bad.status || !slices.Equal(fields, bad.fields) {
		t.Errorf("%s: code %q status %d fields %v, want %q %d %v", lang, p.Code, p.Status, fields, bad.code, bad.status, bad.fields)
	}
	if strings.TrimSpace(p.Detail) == "" || strings.HasPrefix(p.Detail, "error.") || p.Title == "" {
		t.Errorf("%s: title %q, detail %q: want localized texts", lang, p.Title, p.Detail)
	}
	return p
}

// TestLanguageNegotiation checks the order in which the answer's language
// is chosen: ?lang=, the saved preference, Accept-Language, English.
func TestLanguageNegotiation(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		hindi := a.signUp("priya@example.in", "candidate")
		a.call(http.StatusOK, "PATCH", "/api/v1/me", hindi, map[string]any{"locale": "hi"})
		cases := []struct {
			name, query, session, accept, want string
		}{
			{"nothing asked", "", "", "", "en"},
			{"Accept-Language", "", "", "ja-JP,ja;q=0.9", "ja"},
			{"unsupported Accept-Language", "", "", "fr-FR", "en"},
			{"saved preference beats Accept-Language", "", hindi, "ja", "hi"},
			{"?lang= beats everything", "?lang=ja", hindi, "hi", "ja"},
			{"unsupported ?lang= is ignored", "?lang=xx", "", "hi", "hi"},
		}
		for _, c := range cases {
			r := a.do(request{method: "GET", path: "/api/v1/reference" + c.query, session: c.session, lang: c.accept})
			if got := r.Header.Get("Content-Language"); r.Status != http.StatusOK || got != c.want {
				t.Errorf("%s: status %d, Content-Language %q, want %q", c.name, r.Status, got, c.want)
			}
		}
	})
}

// TestDuplicateApplications checks that a candidate can apply to a role only
// once: a second application, and all but one of many at the same moment,
// answer 409 naming the application that exists; exactly one is stored.
func TestDuplicateApplications(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		apply := fmt.Sprintf("/api/v1/roles/%d/applications", w.role)
		r := a.call(http.StatusConflict, "POST", apply, w.candidate, nil)
		var p problem
		r.JSON(&p)
		if p.Code != "already_applied" || p.ExistingID != w.application {
			t.Errorf("second application: code %q existing_id %d, want already_applied %d", p.Code, p.ExistingID, w.application)
		}

		const attempts = 8
		replies := make([]reply, attempts)
		var wg sync.WaitGroup
		for i := range attempts {
			wg.Go(func() {
				replies[i] = a.do(request{method: "POST", path: apply, session: w.otherCandidate, body: map[string]any{"cover_note": fmt.Sprint("attempt ", i)}})
			})
		}
		wg.Wait()
		var createdID int64
		statuses := map[int]int{}
		for _, r := range replies {
			statuses[r.Status]++
			if r.Status == http.StatusCreated {
				createdID = r.ID()
			}
		}
		if statuses[http.StatusCreated] != 1 || statuses[http.StatusConflict] != attempts-1 {
			t.Fatalf("concurrent applications answered %v, want one 201 and %d 409", statuses, attempts-1)
		}
		for _, r := range replies {
			if r.Status == http.StatusConflict {
				var p problem
				r.JSON(&p)
				if p.Code != "already_applied" || p.ExistingID != createdID {
					t.Errorf("concurrent conflict: code %q existing_id %d, want already_applied %d", p.Code, p.ExistingID, createdID)
				}
			}
		}
		var page struct {
			Items []struct {
				ID          int64 `json:"id"`
				CandidateID int64 `json:"candidate_id"`
			} `json:"items"`
		}
		a.call(http.StatusOK, "GET", apply, w.member, nil).JSON(&page)
		var me struct {
			ID int64 `json:"id"`
		}
		a.call(http.StatusOK, "GET", "/api/v1/me", w.otherCandidate, nil).JSON(&me)
		var theirs []int64
		for _, it := range page.Items {
			if it.CandidateID == me.ID {
				theirs = append(theirs, it.ID)
			}
		}
		if len(page.Items) != 2 || !slices.Equal(theirs, []int64{createdID}) {
			t.Errorf("role has applications %+v, want the first one and exactly one (%d) by the other candidate", page.Items, createdID)
		}
	})
}
