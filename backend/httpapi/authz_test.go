package httpapi_test

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
)

// callers are the people every route is walked as, in the order of each
// row's statuses.
var callers = [...]string{"anonymous", "candidate", "otherCandidate", "member", "otherMember", "ministry", "admin"}

// Callers by their index in callers.
const (
	asAnonymous = iota
	asCandidate
	asOtherCandidate
	asMember
	asOtherMember
	asMinistry
	asAdmin
)

// statuses holds the expected status for each of the callers, in order.
type statuses [len(callers)]int

// session returns the session of the i-th caller ("" for anonymous).
func (w *world) session(i int) string {
	return [...]string{"", w.candidate, w.otherCandidate, w.member, w.otherMember, w.ministry, w.admin}[i]
}

// authzRow is one route walked as every caller in a fresh world.
type authzRow struct {
	method, route string // as the server registers it
	// target returns the concrete path, setting the world up first if the
	// route needs more than newWorld makes.
	target func(w *world) string
	// body returns the request body for a caller (nil: none).
	body func(w *world, caller string) any
	want statuses
}

const (
	ok        = http.StatusOK
	created   = http.StatusCreated
	noContent = http.StatusNoContent
	unauth    = http.StatusUnauthorized
	forbidden = http.StatusForbidden
	notFound  = http.StatusNotFound
	conflict  = http.StatusConflict
)

// fixed is a target with no id in it.
func fixed(path string) func(*world) string { return func(*world) string { return path } }

// withID is a target whose :id is the id returned by id.
func withID(route string, id func(w *world) int64) func(*world) string {
	return func(w *world) string { return strings.Replace(route, ":id", fmt.Sprint(id(w)), 1) }
}

// Ids of the world's objects, some of which need setting up first.
var (
	org         = func(w *world) int64 { return w.org }
	pendingOrg  = func(w *world) int64 { return w.pendingOrganization() }
	openRole    = func(w *world) int64 { return w.role }
	draftRole   = func(w *world) int64 { return w.draftRole }
	application = func(w *world) int64 { return w.application }
	interviewed = func(w *world) int64 { w.advance("screening", "interview"); return w.application }
	offered     = func(w *world) int64 { w.advance("screening", "interview", "offer"); return w.application }
	accepted    = func(w *world) int64 { w.advance("screening", "interview", "offer", "accepted"); return w.application }
	placed      = func(w *world) int64 { w.placement(); return w.application }
	placement   = func(w *world) int64 { return w.placement() }
	draftRound  = func(w *world) int64 { return w.draftRound() }
	openRound   = func(w *world) int64 { return w.openRound() }
	rankedRound = func(w *world) int64 { return w.rankedRound() }
	pastRound   = func(w *world) int64 { return w.runnableRound() }
	ranRound    = func(w *world) int64 { return w.completedRound() }
	// The candidate's notification of a stage change, and saved search.
	candidateNotification = func(w *world) int64 { return w.candidateNotification() }
	savedSearchOf         = func(w *world) int64 { return w.savedSearch() }
)

// roundRole is a target naming a round (made by round) and, as :role_id,
// the world's open role.
func roundRole(route string, round func(w *world) int64) func(*world) string {
	return func(w *world) string {
		path := strings.Replace(route, ":id", fmt.Sprint(round(w)), 1)
		return strings.Replace(path, ":role_id", fmt.Sprint(w.role), 1)
	}
}

// body returns a body builder that sends the same body whoever calls.
func body(v any) func(*world, string) any { return func(*world, string) any { return v } }

// authzRows covers every route the server registers. Statuses follow the
// rules: anonymous callers get 401 on signed-in routes; whoever may not see
// an object gets 404, exactly as if it did not exist; whoever may see it but
// not change it gets 403; ministry viewers see public data only.
var authzRows = []authzRow{
	// System and public reference: open to everyone.
	{"GET", "/healthz", fixed("/healthz"), nil, statuses{ok, ok, ok, ok, ok, ok, ok}},
	{"GET", "/readyz", fixed("/readyz"), nil, statuses{ok, ok, ok, ok, ok, ok, ok}},
	{"GET", "/metrics", fixed("/metrics"), nil, statuses{ok, ok, ok, ok, ok, ok, ok}},
	{"GET", "/api/openapi.yaml", fixed("/api/openapi.yaml"), nil, statuses{ok, ok, ok, ok, ok, ok, ok}},
	{"GET", "/", fixed("/"), nil, statuses{ok, ok, ok, ok, ok, ok, ok}},
	{"GET", "/api/v1/reference", fixed("/api/v1/reference"), nil, statuses{ok, ok, ok, ok, ok, ok, ok}},
	{"GET", "/api/v1/skills", fixed("/api/v1/skills?q=nlp"), nil, statuses{ok, ok, ok, ok, ok, ok, ok}},

	// Sessions: anyone may sign up, in and out (signing in ends the caller's session).
	{"POST", "/api/v1/auth/register", fixed("/api/v1/auth/register"), func(_ *world, caller string) any {
		return map[string]any{"email": strings.ToLower(caller) + "@new.example.test", "password": testPassword, "name": "New " + caller, "role": "candidate"}
	}, statuses{created, created, created, created, created, created, created}},
	{"POST", "/api/v1/auth/login", fixed("/api/v1/auth/login"), body(map[string]any{"email": "asha@example.in", "password": testPassword}),
		statuses{ok, ok, ok, ok, ok, ok, ok}},
	{"POST", "/api/v1/auth/logout", fixed("/api/v1/auth/logout"), nil, statuses{noContent, noContent, noContent, noContent, noContent, noContent, noContent}},

	// The signed-in user's own things.
	{"GET", "/api/v1/me", fixed("/api/v1/me"), nil, statuses{unauth, ok, ok, ok, ok, ok, ok}},
	{"PATCH", "/api/v1/me", fixed("/api/v1/me"), body(map[string]any{"name": "Renamed"}), statuses{unauth, ok, ok, ok, ok, ok, ok}},
	{"GET", "/api/v1/me/profile", fixed("/api/v1/me/profile"), nil, statuses{unauth, ok, ok, forbidden, forbidden, forbidden, forbidden}},
	{"PUT", "/api/v1/me/profile", fixed("/api/v1/me/profile"), body(sampleProfile("Renamed")), statuses{unauth, ok, ok, forbidden, forbidden, forbidden, forbidden}},
	{"GET", "/api/v1/me/applications", fixed("/api/v1/me/applications"), nil, statuses{unauth, ok, ok, forbidden, forbidden, forbidden, forbidden}},
	{"GET", "/api/v1/me/organizations", fixed("/api/v1/me/organizations"), nil, statuses{unauth, ok, ok, ok, ok, ok, ok}},
	{"GET", "/api/v1/me/recommendations", fixed("/api/v1/me/recommendations"), nil, statuses{unauth, ok, ok, forbidden, forbidden, forbidden, forbidden}},
	{"GET", "/api/v1/me/hsp", func(w *world) string { return fmt.Sprintf("/api/v1/me/hsp?role_id=%d", w.role) }, nil,
		statuses{unauth, ok, ok, forbidden, forbidden, forbidden, forbidden}},

	// Personal data: consents and profile views are candidates'; everyone
	// may export and erase their own data, but an organisation's last member
	// and staff may not erase (409 last_organization_member, 403 staff_account).
	{"GET", "/api/v1/me/consents", fixed("/api/v1/me/consents"), nil, statuses{unauth, ok, ok, forbidden, forbidden, forbidden, forbidden}},
	{"POST", "/api/v1/me/consents", fixed("/api/v1/me/consents"), body(map[string]any{"purpose": "discoverable", "granted": false}),
		statuses{unauth, ok, ok, forbidden, forbidden, forbidden, forbidden}},
	{"GET", "/api/v1/me/profile-views", fixed("/api/v1/me/profile-views"), nil, statuses{unauth, ok, ok, forbidden, forbidden, forbidden, forbidden}},
	{"GET", "/api/v1/me/export", fixed("/api/v1/me/export"), nil, statuses{unauth, ok, ok, ok, ok, ok, ok}},
	{"DELETE", "/api/v1/me", fixed("/api/v1/me"), body(map[string]any{"password": testPassword}),
		statuses{unauth, noContent, noContent, conflict, conflict, forbidden, forbidden}},

	// The HSP calculator is public (and rate-limited per client, far above this).
	{"POST", "/api/v1/hsp/assessments", fixed("/api/v1/hsp/assessments"), body(map[string]any{"degree": "master", "age": 28, "annual_salary_jpy": 9000000}),
		statuses{ok, ok, ok, ok, ok, ok, ok}},

	// Organisations: verified ones are public, a pending one only its members' and administrators'.
	{"GET", "/api/v1/organizations", fixed("/api/v1/organizations"), nil, statuses{ok, ok, ok, ok, ok, ok, ok}},
	{"POST", "/api/v1/organizations", fixed("/api/v1/organizations"), body(sampleOrganization(4)),
		statuses{unauth, forbidden, forbidden, created, created, forbidden, forbidden}},
	{"GET", "/api/v1/organizations/:id", withID("/api/v1/organizations/:id", pendingOrg), nil,
		statuses{notFound, notFound, notFound, ok, notFound, notFound, ok}},
	{"POST", "/api/v1/organizations/:id/verify", withID("/api/v1/organizations/:id/verify", pendingOrg), nil,
		statuses{unauth, notFound, notFound, forbidden, notFound, notFound, ok}},
	{"GET", "/api/v1/organizations/:id/roles", withID("/api/v1/organizations/:id/roles", pendingOrg), nil,
		statuses{notFound, notFound, notFound, ok, notFound, notFound, ok}},

	// Roles: open and closed ones are public, drafts only their organisation's and administrators'.
	{"GET", "/api/v1/roles", fixed("/api/v1/roles"), nil, statuses{ok, ok, ok, ok, ok, ok, ok}},
	{"POST", "/api/v1/roles", fixed("/api/v1/roles"), func(w *world, _ string) any { return sampleRole(w.org) },
		statuses{unauth, forbidden, forbidden, created, forbidden, forbidden, forbidden}},
	{"GET", "/api/v1/roles/:id", withID("/api/v1/roles/:id", draftRole), nil,
		statuses{notFound, notFound, notFound, ok, notFound, notFound, ok}},
	{"PATCH", "/api/v1/roles/:id", withID("/api/v1/roles/:id", draftRole), body(map[string]any{"openings": 3}),
		statuses{unauth, notFound, notFound, ok, notFound, notFound, forbidden}},
	{"POST", "/api/v1/roles/:id/publish", withID("/api/v1/roles/:id/publish", draftRole), nil,
		statuses{unauth, notFound, notFound, ok, notFound, notFound, forbidden}},
	{"POST", "/api/v1/roles/:id/close", withID("/api/v1/roles/:id/close", openRole), nil,
		statuses{unauth, forbidden, forbidden, ok, forbidden, forbidden, forbidden}},
	// The candidate applied in newWorld already.
	{"POST", "/api/v1/roles/:id/applications", withID("/api/v1/roles/:id/applications", openRole), body(map[string]any{"cover_note": "Hello"}),
		statuses{unauth, conflict, created, forbidden, forbidden, forbidden, forbidden}},
	{"GET", "/api/v1/roles/:id/applications", withID("/api/v1/roles/:id/applications", openRole), nil,
		statuses{unauth, notFound, notFound, ok, notFound, notFound, ok}},
	// Candidates for a role: its organisation's and administrators' only, even for an open role.
	{"GET", "/api/v1/roles/:id/recommendations", withID("/api/v1/roles/:id/recommendations", openRole), nil,
		statuses{unauth, notFound, notFound, ok, notFound, notFound, ok}},

	// Applications: the candidate's, their hiring organisation's and administrators' only.
	{"GET", "/api/v1/applications/:id", withID("/api/v1/applications/:id", application), nil,
		statuses{unauth, ok, notFound, ok, notFound, notFound, ok}},
	{"POST", "/api/v1/applications/:id/transitions", withID("/api/v1/applications/:id/transitions", application), body(map[string]any{"to": "screening"}),
		statuses{unauth, forbidden, notFound, ok, notFound, notFound, forbidden}},
	{"POST", "/api/v1/applications/:id/withdraw", withID("/api/v1/applications/:id/withdraw", application), body(map[string]any{"reason": "Took another offer"}),
		statuses{unauth, ok, notFound, forbidden, notFound, notFound, forbidden}},
	{"POST", "/api/v1/applications/:id/offers", withID("/api/v1/applications/:id/offers", interviewed), func(*world, string) any { return sampleOffer() },
		statuses{unauth, forbidden, notFound, created, notFound, notFound, forbidden}},
	{"GET", "/api/v1/applications/:id/offers", withID("/api/v1/applications/:id/offers", offered), nil,
		statuses{unauth, ok, notFound, ok, notFound, notFound, ok}},
	{"POST", "/api/v1/applications/:id/accept", withID("/api/v1/applications/:id/accept", offered), body(map[string]any{"revision": 1}),
		statuses{unauth, ok, notFound, forbidden, notFound, notFound, forbidden}},
	{"POST", "/api/v1/applications/:id/decline", withID("/api/v1/applications/:id/decline", offered), body(map[string]any{"revision": 1}),
		statuses{unauth, ok, notFound, forbidden, notFound, notFound, forbidden}},
	{"POST", "/api/v1/applications/:id/placement", withID("/api/v1/applications/:id/placement", accepted), body(map[string]any{"visa_status": "hsp_1b", "start_date": "2027-04-01"}),
		statuses{unauth, forbidden, notFound, created, notFound, notFound, forbidden}},
	{"GET", "/api/v1/applications/:id/placement", withID("/api/v1/applications/:id/placement", placed), nil,
		statuses{unauth, ok, notFound, ok, notFound, notFound, ok}},

	// Placements: as their application.
	{"GET", "/api/v1/placements/:id", withID("/api/v1/placements/:id", placement), nil,
		statuses{unauth, ok, notFound, ok, notFound, notFound, ok}},
	{"POST", "/api/v1/placements/:id/arrival", withID("/api/v1/placements/:id/arrival", placement), func(*world, string) any { return map[string]any{"arrived_on": time.Now().UTC().Format(time.DateOnly)} },
		statuses{unauth, forbidden, notFound, ok, notFound, notFound, forbidden}},

	// Matching rounds: administrators create, open and run them; drafts are
	// theirs alone; open and completed rounds are seen by every signed-in
	// user. Candidates rank the roles, the roles' organisations the
	// candidates who ranked them; results show each their own part.
	{"POST", "/api/v1/rounds", fixed("/api/v1/rounds"), func(w *world, _ string) any { return roundRequest(w.role) },
		statuses{unauth, forbidden, forbidden, forbidden, forbidden, forbidden, created}},
	{"GET", "/api/v1/rounds", fixed("/api/v1/rounds"), nil, statuses{unauth, ok, ok, ok, ok, ok, ok}},
	{"GET", "/api/v1/rounds/:id", withID("/api/v1/rounds/:id", draftRound), nil,
		statuses{unauth, notFound, notFound, notFound, notFound, notFound, ok}},
	{"POST", "/api/v1/rounds/:id/open", withID("/api/v1/rounds/:id/open", draftRound), nil,
		statuses{unauth, notFound, notFound, notFound, notFound, notFound, ok}},
	{"POST", "/api/v1/rounds/:id/run", withID("/api/v1/rounds/:id/run", pastRound), nil,
		statuses{unauth, forbidden, forbidden, forbidden, forbidden, forbidden, ok}},
	{"GET", "/api/v1/rounds/:id/results", withID("/api/v1/rounds/:id/results", ranRound), nil,
		statuses{unauth, ok, ok, ok, ok, ok, ok}},
	{"GET", "/api/v1/rounds/:id/ranking", withID("/api/v1/rounds/:id/ranking", openRound), nil,
		statuses{unauth, ok, ok, forbidden, forbidden, forbidden, forbidden}},
	{"PUT", "/api/v1/rounds/:id/ranking", withID("/api/v1/rounds/:id/ranking", openRound), func(w *world, _ string) any {
		return map[string]any{"role_ids": []int64{w.role}}
	}, statuses{unauth, ok, ok, forbidden, forbidden, forbidden, forbidden}},
	{"GET", "/api/v1/rounds/:id/roles/:role_id/ranking", roundRole("/api/v1/rounds/:id/roles/:role_id/ranking", rankedRound), nil,
		statuses{unauth, forbidden, forbidden, ok, forbidden, forbidden, forbidden}},
	{"PUT", "/api/v1/rounds/:id/roles/:role_id/ranking", roundRole("/api/v1/rounds/:id/roles/:role_id/ranking", rankedRound),
		func(w *world, _ string) any { return map[string]any{"candidate_ids": []int64{w.userID(w.candidate)}} },
		statuses{unauth, forbidden, forbidden, ok, forbidden, forbidden, forbidden}},

	// Security (security_test.go): the second sign-in step needs a pending
	// sign-in (none here); sessions, password and second factor are each
	// caller's own; administration is for administrators, and accounts are
	// not anyone else's to see.
	{"POST", "/api/v1/auth/login/second-factor", fixed("/api/v1/auth/login/second-factor"), body(map[string]any{"code": "123456"}),
		statuses{unauth, unauth, unauth, unauth, unauth, unauth, unauth}},
	// Notifications and saved searches: everyone signed in has a bell and
	// preferences; saved searches are the candidates'.
	{"GET", "/api/v1/me/notifications", fixed("/api/v1/me/notifications?unread=true"), nil, statuses{unauth, ok, ok, ok, ok, ok, ok}},
	{"GET", "/api/v1/me/notifications/unread-count", fixed("/api/v1/me/notifications/unread-count"), nil, statuses{unauth, ok, ok, ok, ok, ok, ok}},
	{"POST", "/api/v1/me/notifications/read-all", fixed("/api/v1/me/notifications/read-all"), nil,
		statuses{unauth, noContent, noContent, noContent, noContent, noContent, noContent}},
	{"POST", "/api/v1/me/notifications/:id/read", withID("/api/v1/me/notifications/:id/read", candidateNotification), nil,
		statuses{unauth, noContent, notFound, notFound, notFound, notFound, notFound}},
	{"GET", "/api/v1/me/notification-preferences", fixed("/api/v1/me/notification-preferences"), nil, statuses{unauth, ok, ok, ok, ok, ok, ok}},
	{"PUT", "/api/v1/me/notification-preferences", fixed("/api/v1/me/notification-preferences"),
		body(map[string]any{"preferences": map[string]any{"stage_changed": "digest"}}), statuses{unauth, ok, ok, ok, ok, ok, ok}},
	{"POST", "/api/v1/unsubscribe", func(*world) string { return "/api/v1/unsubscribe?token=1.stage_changed.forged" }, nil,
		statuses{notFound, notFound, notFound, notFound, notFound, notFound, notFound}},
	{"GET", "/api/v1/me/saved-searches", fixed("/api/v1/me/saved-searches"), nil, statuses{unauth, ok, ok, forbidden, forbidden, forbidden, forbidden}},
	{"POST", "/api/v1/me/saved-searches", fixed("/api/v1/me/saved-searches"), body(savedSearchBody),
		statuses{unauth, created, created, forbidden, forbidden, forbidden, forbidden}},
	{"DELETE", "/api/v1/me/saved-searches/:id", withID("/api/v1/me/saved-searches/:id", savedSearchOf), nil,
		statuses{unauth, noContent, notFound, notFound, notFound, notFound, notFound}},

	{"GET", "/api/v1/me/sessions", fixed("/api/v1/me/sessions"), nil, statuses{unauth, ok, ok, ok, ok, ok, ok}},
	{"DELETE", "/api/v1/me/sessions", fixed("/api/v1/me/sessions"), nil,
		statuses{unauth, noContent, noContent, noContent, noContent, noContent, noContent}},
	{"DELETE", "/api/v1/me/sessions/:id", withID("/api/v1/me/sessions/:id", candidatesOtherSession), nil,
		statuses{unauth, noContent, notFound, notFound, notFound, notFound, notFound}},
	{"POST", "/api/v1/me/password", fixed("/api/v1/me/password"), body(map[string]any{"current_password": testPassword, "new_password": "a different passphrase 2027"}),
		statuses{unauth, noContent, noContent, noContent, noContent, noContent, noContent}},
	{"GET", "/api/v1/me/second-factor", fixed("/api/v1/me/second-factor"), nil, statuses{unauth, ok, ok, ok, ok, ok, ok}},
	{"POST", "/api/v1/me/second-factor/totp", fixed("/api/v1/me/second-factor/totp"), body(map[string]any{"password": testPassword}),
		statuses{unauth, ok, ok, conflict, conflict, conflict, conflict}},
	// The candidate has started enrolling; the other candidate has not; the staff are enrolled.
	{"POST", "/api/v1/me/second-factor/totp/confirm", candidateEnrolling("/api/v1/me/second-factor/totp/confirm"), currentCode,
		statuses{unauth, ok, conflict, conflict, conflict, conflict, conflict}},
	{"POST", "/api/v1/me/second-factor/disable", fixed("/api/v1/me/second-factor/disable"), currentCode,
		statuses{unauth, conflict, conflict, noContent, noContent, noContent, noContent}},
	{"POST", "/api/v1/me/second-factor/recovery-codes", fixed("/api/v1/me/second-factor/recovery-codes"), currentCode,
		statuses{unauth, conflict, conflict, ok, ok, ok, ok}},
	{"GET", "/api/v1/admin/users", fixed("/api/v1/admin/users"), nil, statuses{unauth, forbidden, forbidden, forbidden, forbidden, forbidden, ok}},
	{"POST", "/api/v1/admin/users/:id/disable", withID("/api/v1/admin/users/:id/disable", bystander("candidate")), nil,
		statuses{unauth, notFound, notFound, notFound, notFound, notFound, ok}},
	{"POST", "/api/v1/admin/users/:id/enable", withID("/api/v1/admin/users/:id/enable", bystander("candidate")), nil,
		statuses{unauth, notFound, notFound, notFound, notFound, notFound, ok}},
	{"DELETE", "/api/v1/admin/users/:id/second-factor", withID("/api/v1/admin/users/:id/second-factor", bystander("org_member")), nil,
		statuses{unauth, notFound, notFound, notFound, notFound, notFound, noContent}},
	{"GET", "/api/v1/admin/audit", fixed("/api/v1/admin/audit"), nil, statuses{unauth, forbidden, forbidden, forbidden, forbidden, forbidden, ok}},

	// The goal dashboard: ministry viewers and administrators read it and
	// export it, administrators change the goal; open progress is for everyone.
	{"GET", "/api/v1/public/progress", fixed("/api/v1/public/progress"), nil, statuses{ok, ok, ok, ok, ok, ok, ok}},
	{"GET", "/api/v1/dashboard/goal", fixed("/api/v1/dashboard/goal"), nil, statuses{unauth, forbidden, forbidden, forbidden, forbidden, ok, ok}},
	{"GET", "/api/v1/dashboard/breakdown", fixed("/api/v1/dashboard/breakdown?by=prefecture"), nil,
		statuses{unauth, forbidden, forbidden, forbidden, forbidden, ok, ok}},
	{"GET", "/api/v1/dashboard/export", fixed("/api/v1/dashboard/export?format=csv&table=breakdown&by=indian_state"), nil,
		statuses{unauth, forbidden, forbidden, forbidden, forbidden, ok, ok}},
	{"GET", "/api/v1/dashboard/goal-definition", fixed("/api/v1/dashboard/goal-definition"), nil,
		statuses{unauth, forbidden, forbidden, forbidden, forbidden, ok, ok}},
	{"PUT", "/api/v1/dashboard/goal-definition", fixed("/api/v1/dashboard/goal-definition"),
		body(map[string]any{"target": 500, "window_start": "2026-07-02", "deadline": "2030-12-31", "counted_types": []string{"job", "research", "internship"}}),
		statuses{unauth, forbidden, forbidden, forbidden, forbidden, forbidden, ok}},
}

// absentID names no object in any world.
const absentID = 999999

// TestAuthorizationCoversEveryRoute fails when a route the server registers
// has no row in authzRows, or a row names no route.
func TestAuthorizationCoversEveryRoute(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		var registered, covered []string
		for _, r := range a.server.Routes() {
			registered = append(registered, r.Method+" "+r.Path)
		}
		for _, row := range authzRows {
			covered = append(covered, row.method+" "+row.route)
		}
		for _, r := range registered {
			if !slices.Contains(covered, r) {
				t.Errorf("route %s has no row in authzRows", r)
			}
		}
		for i, c := range covered {
			if !slices.Contains(registered, c) || slices.Index(covered, c) != i {
				t.Errorf("authzRows row %s is not a registered route, or is repeated", c)
			}
		}
	})
}

// TestAuthorization walks every route as every caller, in a fresh copy of
// one world per route (on SQLite in parallel), and checks
// each status. Callers expected to fail go first, so that a success
// (publishing a draft, say) cannot change what the others see. A route with
// an :id is also called with an id that names nothing, which must answer
// exactly as an object the caller may not see does.
func TestAuthorization(t *testing.T) {
	for _, dialect := range storetest.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			// One world per dialect, copied for each route: on PostgreSQL the
			// routes share the package's database (in turn), restoring the
			// world's rows from a snapshot.
			template := newWorld(newAPI(t, storetest.Open(t, dialect)))
			if dialect != store.SQLite {
				snapshotWorld(t, template.db)
			}
			for _, row := range authzRows {
				t.Run(row.method+" "+row.route, func(t *testing.T) {
					if dialect == store.SQLite {
						t.Parallel() // a database file each; PostgreSQL tests share one, in turn
					}
					w := freshWorld(t, dialect, template)
					path := row.target(w)
					order := []int{0, 1, 2, 3, 4, 5, 6}
					slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(row.want[j]/100, row.want[i]/100) }) // 4xx before 2xx
					for _, i := range order {
						w.expectStatus(t, row, i, path, row.want[i])
					}
					if !strings.Contains(row.route, ":id") {
						return
					}
					absent := strings.Replace(row.route, ":id", strconv.Itoa(absentID), 1)
					for i := range callers {
						want := notFound
						if i == asAnonymous && row.want[asAnonymous] == unauth {
							want = unauth
						}
						w.expectStatus(t, row, i, absent, want)
					}
				})
			}
		})
	}
}

// freshWorld returns a newly made world for one test, much cheaper than
// making the world again: on SQLite a copy of template's database file, on
// PostgreSQL template's database with its rows restored from the snapshot
// that snapshotWorld took.
func freshWorld(t *testing.T, dialect string, template *world) *world {
	t.Helper()
	if dialect != store.SQLite {
		restoreWorld(t, template.db)
		w := *template
		w.api = newAPI(t, template.db)
		return &w
	}
	path := filepath.Join(t.TempDir(), "world.db")
	if _, err := template.db.SQL().Exec("VACUUM INTO ?", path); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	w := *template
	w.api = newAPI(t, db)
	return &w
}

// expectStatus calls path as the i-th caller and checks the status and, for
// 401 and 404, the problem code: every object a caller may not see answers
// the same not_found as one that does not exist.
func (w *world) expectStatus(t *testing.T, row authzRow, i int, path string, want int) {
	t.Helper()
	var b any
	if row.body != nil {
		b = row.body(w, callers[i])
	}
	r := w.do(request{method: row.method, path: path, session: w.session(i), body: b})
	if r.Status != want {
		t.Errorf("%s %s as %s: status %d, want %d: %.300s", row.method, path, callers[i], r.Status, want, r.Body)
		return
	}
	w.checkAnswer(t, row, i, path, b, r) // security_test.go: no leaks, an audit entry
	code := map[int]string{unauth: "unauthenticated", notFound: "not_found"}[want]
	if got := r.Header.Get("Content-Type"); code != "" && got == "application/problem+json" {
		if c := r.Map()["code"]; c != code {
			t.Errorf("%s %s as %s: code %v, want %s", row.method, path, callers[i], c, code)
		}
	}
}
