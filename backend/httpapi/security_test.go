package httpapi_test

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/httpapi"
	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
	"github.com/setubashi/setubashi/docs"
)

// ---- Targets and bodies for the security rows of authzRows ----

// candidatesOtherSession signs the candidate in a second time and returns
// that session's id (not the one the world uses, which must stay alive).
func candidatesOtherSession(w *world) int64 {
	w.t.Helper()
	w.call(http.StatusOK, "POST", "/api/v1/auth/login", "", map[string]any{"email": "asha@example.in", "password": testPassword})
	var list struct {
		Items []struct {
			ID      int64 `json:"id"`
			Current bool  `json:"current"`
		} `json:"items"`
	}
	w.call(http.StatusOK, "GET", "/api/v1/me/sessions", w.candidate, nil).JSON(&list)
	for _, s := range list.Items {
		if !s.Current {
			return s.ID
		}
	}
	w.t.Fatal("the candidate has no second session")
	return 0
}

// candidateEnrolling has the candidate start enrolling an authenticator
// before the route is called (currentCode then knows the secret).
func candidateEnrolling(route string) func(*world) string {
	return func(w *world) string {
		w.t.Helper()
		var e struct {
			Secret string `json:"secret"`
		}
		w.call(http.StatusOK, "POST", "/api/v1/me/second-factor/totp", w.candidate, map[string]any{"password": testPassword}).JSON(&e)
		totpSecrets.Store("enrolling:"+w.candidate, e.Secret)
		return route
	}
}

// currentCode is a body with a good, unused code for callers who have an
// authenticator (or are enrolling one), and a made-up one for the rest.
func currentCode(w *world, caller string) any {
	session := w.session(slices.Index(callers[:], caller))
	if _, ok := totpSecrets.Load(session); ok {
		return map[string]any{"code": nextCode(w.t, session)}
	}
	if secret, ok := totpSecrets.Load("enrolling:" + session); ok {
		return map[string]any{"code": totpCode(w.t, secret.(string), time.Now())}
	}
	return map[string]any{"code": "123456"}
}

// bystander signs up a new account of the kind that is none of the callers
// and returns its id (administrators act on it).
func bystander(kind talent.AccountKind) func(*world) int64 {
	return func(w *world) int64 {
		w.t.Helper()
		return w.userID(w.signUp("bystander."+string(kind)+"@example.in", kind))
	}
}

// ---- Checks made on every answer of TestAuthorization ----

// checkAnswer checks, for one call of TestAuthorization, that the answer
// leaks nothing the caller may not see (property-level authorisation) and
// that an audited request left its entry in the audit log.
func (w *world) checkAnswer(t *testing.T, row authzRow, i int, path string, reqBody any, r reply) {
	t.Helper()
	sent := ""
	if reqBody != nil {
		b, _ := json.Marshal(reqBody)
		sent = string(b)
	}
	w.checkNoLeaks(t, row, i, path, sent, r)
	w.checkAudited(t, row, i, path, r)
}

// worldAccounts are the e-mail addresses of the world's callers, by index.
var worldAccounts = [...]string{"", "asha@example.in", "ravi@example.in", "hiring@example.jp", "other@example.jp", "ministry@example.test", "admin@example.test"}

// ownOnlyKeys are fields only a person's own answers (under /api/v1/me) may
// carry: their birth date and consent.
var ownOnlyKeys = []string{"date_of_birth", "consent_share_with_applied", "consent_discoverable"}

// neverKeys are fields no answer carries.
var neverKeys = []string{"password", "password_hash", "token", "token_hash", "session_token", "code_hash", "totp_secret", "device"}

// checkNoLeaks fails when the answer carries what the caller may not see:
// another account's e-mail address (administrators see them on /admin/
// routes), the candidate's birth date or consent outside the candidate's
// own routes, any password hash, session token (or its hash), or
// authenticator secret. A value the request itself sent (signing in with
// someone's e-mail and password) does not count.
func (w *world) checkNoLeaks(t *testing.T, row authzRow, i int, path, sent string, r reply) {
	t.Helper()
	body := string(r.Body)
	leak := func(what, value string) {
		if value != "" && strings.Contains(body, value) && !strings.Contains(sent, value) {
			t.Errorf("%s %s as %s: the answer shows %s: %.300s", row.method, path, callers[i], what, body)
		}
	}
	adminView := i == asAdmin && strings.HasPrefix(row.route, "/api/v1/admin/")
	for j, email := range worldAccounts {
		if j != 0 && j != i && !adminView {
			leak("the e-mail address of "+callers[j], email)
		}
	}
	if i != asCandidate && i != asOtherCandidate {
		leak("the candidate's birth date", "1998-05-17")
	}
	leak("a password hash", "$argon2id$")
	for j := 1; j < len(callers); j++ {
		token := w.session(j)
		sum := sha256.Sum256([]byte(token))
		leak("a session token", token)
		leak("a session token hash", hex.EncodeToString(sum[:]))
		leak("a session token hash", base64.StdEncoding.EncodeToString(sum[:]))
		if secret, ok := totpSecrets.Load(token); ok {
			leak("an authenticator secret", secret.(string))
		}
	}
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		return
	}
	var v any
	if json.Unmarshal(r.Body, &v) != nil {
		return
	}
	own := strings.HasPrefix(row.route, "/api/v1/me")
	walkKeys(v, func(key string) {
		if slices.Contains(neverKeys, key) || (key == "secret" && row.route != "/api/v1/me/second-factor/totp") {
			t.Errorf("%s %s as %s: the answer has a field %q: %.300s", row.method, path, callers[i], key, body)
		}
		if slices.Contains(ownOnlyKeys, key) && !own {
			t.Errorf("%s %s as %s: the answer has %q outside the caller's own routes: %.300s", row.method, path, callers[i], key, body)
		}
	})
}

// walkKeys calls fn with every object key in a decoded JSON value.
func walkKeys(v any, fn func(string)) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			fn(k)
			walkKeys(e, fn)
		}
	case []any:
		for _, e := range x {
			walkKeys(e, fn)
		}
	}
}

// auditedRoute says which requests the audit log must hold: every method
// that may change state, and GET routes whose last segment is "export" or
// "export.<format>".
func auditedRoute(method, route string) bool {
	switch method {
	case http.MethodGet, http.MethodHead:
		last := route[strings.LastIndex(route, "/")+1:]
		return last == "export" || strings.HasPrefix(last, "export.")
	}
	return true
}

// checkAudited fails unless an audited request's entry is the newest in the
// audit log, naming the route, the concrete path, the status and, for a
// signed-in caller, someone.
func (w *world) checkAudited(t *testing.T, row authzRow, i int, path string, r reply) {
	t.Helper()
	if !auditedRoute(row.method, row.route) {
		return
	}
	events, err := w.db.AuditEvents(context.Background(), talent.Page{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) == 0 {
		t.Errorf("%s %s as %s: no audit entry", row.method, path, callers[i])
		return
	}
	e := events[0]
	if e.Method != row.method || e.Route != row.route || e.Path != strings.SplitN(path, "?", 2)[0] || e.Status != r.Status {
		t.Errorf("%s %s as %s (%d): newest audit entry is %s %s %s %d", row.method, path, callers[i], r.Status, e.Method, e.Route, e.Path, e.Status)
	}
	if i != asAnonymous && r.Status != http.StatusUnauthorized && e.ActorID == 0 {
		t.Errorf("%s %s as %s: the audit entry names no actor", row.method, path, callers[i])
	}
	if e.IP == "" || e.At.IsZero() {
		t.Errorf("%s %s as %s: the audit entry lacks where or when: %+v", row.method, path, callers[i], e)
	}
}

// ---- Mass assignment ----

// protectedFields are fields a caller may never set through a request that
// does not ask for them: who owns or made something, roles, verification,
// stages, account state and secrets.
var protectedFields = []string{"id", "user_id", "candidate_id", "owner", "owner_id", "created_by", "actor_id", "role", "verified",
	"verified_at", "stage", "disabled", "password_hash", "second_factor", "email", "organization_id", "published_at", "created_at"}

// TestRequestsCannotSetProtectedFields adds each protected field that a
// request does not already carry to the body of every authzRows request
// that has one, sent by a caller for whom it succeeds, and expects 400 with
// that field named as unknown: the request types have no such field, so
// nothing can slip through (OWASP API3:2023).
func TestRequestsCannotSetProtectedFields(t *testing.T) {
	template := newWorld(newAPI(t, storetest.Open(t, store.SQLite)))
	for _, row := range authzRows {
		if row.body == nil {
			continue
		}
		caller := slices.IndexFunc(row.want[:], func(s int) bool { return s/100 == 2 })
		if caller < 0 {
			continue
		}
		t.Run(row.method+" "+row.route, func(t *testing.T) {
			t.Parallel()
			w := freshWorld(t, store.SQLite, template)
			path := row.target(w)
			base, ok := row.body(w, callers[caller]).(map[string]any)
			if !ok {
				return
			}
			for _, field := range protectedFields {
				if _, present := base[field]; present {
					continue
				}
				b := map[string]any{field: 1}
				for k, v := range base {
					b[k] = v
				}
				r := w.do(request{method: row.method, path: path, session: w.session(caller), body: b})
				if r.Status != http.StatusBadRequest || !strings.Contains(string(r.Body), `"field":"`+field+`","code":"unknown_field"`) {
					t.Errorf("%s %s with %q as %s: status %d, want 400 naming it unknown: %.300s", row.method, path, field, callers[caller], r.Status, r.Body)
				}
			}
		})
	}
}

// ---- Flows ----

// cookieNamed returns the value of a cookie an answer sets ("" if none).
func cookieNamed(r reply, name string) string {
	for _, c := range (&http.Response{Header: r.Header}).Cookies() {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

// withCookies is a request header sending the given cookies.
func withCookies(kv ...string) map[string]string {
	var parts []string
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			parts = append(parts, kv[i]+"="+kv[i+1])
		}
	}
	return map[string]string{"Cookie": strings.Join(parts, "; ")}
}

// fieldCodes returns "field:code" for each field error of a problem.
func fieldCodes(r reply) []string {
	var p struct {
		Errors []struct{ Field, Code string } `json:"errors"`
	}
	r.JSON(&p)
	var out []string
	for _, e := range p.Errors {
		out = append(out, e.Field+":"+e.Code)
	}
	return out
}

func problemCode(r reply) string {
	var p struct{ Code string }
	r.JSON(&p)
	return p.Code
}

// TestSecondFactorSignIn drives the whole sign-in of an account with an
// authenticator: password, then a code computed from the secret; wrong,
// replayed and exhausted codes; recovery codes that work once.
func TestSecondFactorSignIn(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		r := a.call(http.StatusCreated, "POST", "/api/v1/auth/register", "", map[string]any{
			"email": "hiring@example.jp", "password": testPassword, "name": "Hiring", "role": "org_member"})
		var e struct {
			Secret     string `json:"secret"`
			OTPAuthURI string `json:"otpauth_uri"`
			QRCode     string `json:"qr_code"`
		}
		a.call(http.StatusOK, "POST", "/api/v1/me/second-factor/totp", sessionOf(t, r), map[string]any{"password": testPassword}).JSON(&e)
		secret := e.Secret
		if !strings.HasPrefix(e.OTPAuthURI, "otpauth://totp/Setubashi:hiring@example.jp?") || !strings.Contains(e.OTPAuthURI, "secret="+secret) ||
			!strings.HasPrefix(e.QRCode, "data:image/png;base64,") {
			t.Errorf("enrolment: %+v", e)
		}
		var enrolled struct {
			RecoveryCodes []string `json:"recovery_codes"`
		}
		a.call(http.StatusOK, "POST", "/api/v1/me/second-factor/totp/confirm", sessionOf(t, r), map[string]any{"code": totpCode(t, secret, time.Now())}).JSON(&enrolled)
		if len(enrolled.RecoveryCodes) != talent.RecoveryCodeCount {
			t.Fatalf("%d recovery codes at enrolment", len(enrolled.RecoveryCodes))
		}
		login := func() reply {
			r := a.do(request{method: "POST", path: "/api/v1/auth/login", body: map[string]any{"email": "hiring@example.jp", "password": testPassword}})
			if r.Status != http.StatusAccepted || cookieNamed(r, "setubashi_pending") == "" || cookieNamed(r, "setubashi_session") != "" {
				t.Fatalf("sign-in with an authenticator: %d %v %s", r.Status, r.Header["Set-Cookie"], r.Body)
			}
			return r
		}
		second := func(pending, code string) reply {
			return a.do(request{method: "POST", path: "/api/v1/auth/login/second-factor", body: map[string]any{"code": code},
				header: withCookies("setubashi_pending", pending)})
		}
		r = login()
		pending := cookieNamed(r, "setubashi_pending")
		if a.do(request{method: "GET", path: "/api/v1/me", header: withCookies("setubashi_session", pending)}).Status != http.StatusUnauthorized {
			t.Error("a pending sign-in's token works as a session")
		}
		if r := second(pending, "000000"); r.Status != http.StatusBadRequest || !slices.Equal(fieldCodes(r), []string{"code:second_factor_invalid"}) {
			t.Fatalf("wrong code: %d %s", r.Status, r.Body)
		}
		code := totpCode(t, secret, time.Now().Add(30*time.Second))
		r = second(pending, code)
		if r.Status != http.StatusOK || cookieNamed(r, "setubashi_session") == "" {
			t.Fatalf("right code: %d %s", r.Status, r.Body)
		}
		session := cookieNamed(r, "setubashi_session")
		a.call(http.StatusOK, "GET", "/api/v1/me/organizations", session, nil)
		if r := second(pending, code); r.Status != http.StatusUnauthorized || problemCode(r) != "sign_in_expired" {
			t.Errorf("finished pending sign-in used again: %d %s", r.Status, r.Body)
		}
		if r := second(cookieNamed(login(), "setubashi_pending"), code); r.Status != http.StatusBadRequest {
			t.Errorf("a used code was accepted again: %d %s", r.Status, r.Body)
		}

		// Recovery codes: regenerate (with one of the first ones), then each works once.
		var rc struct {
			RecoveryCodes []string `json:"recovery_codes"`
		}
		a.call(http.StatusOK, "POST", "/api/v1/me/second-factor/recovery-codes", session,
			map[string]any{"code": enrolled.RecoveryCodes[0]}).JSON(&rc)
		if r := second(cookieNamed(login(), "setubashi_pending"), enrolled.RecoveryCodes[1]); r.Status != http.StatusBadRequest {
			t.Errorf("a replaced recovery code worked: %d %s", r.Status, r.Body)
		}
		if len(rc.RecoveryCodes) != 10 {
			t.Fatalf("%d recovery codes", len(rc.RecoveryCodes))
		}
		p := cookieNamed(login(), "setubashi_pending")
		if r := second(p, strings.ToUpper(rc.RecoveryCodes[0])); r.Status != http.StatusOK {
			t.Fatalf("recovery code: %d %s", r.Status, r.Body)
		}
		if r := second(cookieNamed(login(), "setubashi_pending"), rc.RecoveryCodes[0]); r.Status != http.StatusBadRequest {
			t.Errorf("a recovery code worked twice: %d %s", r.Status, r.Body)
		}
		var st struct {
			RecoveryCodesLeft int `json:"recovery_codes_left"`
		}
		a.call(http.StatusOK, "GET", "/api/v1/me/second-factor", session, nil).JSON(&st)
		if st.RecoveryCodesLeft != 9 {
			t.Errorf("%d recovery codes left, want 9", st.RecoveryCodesLeft)
		}

		// Five wrong codes end the pending sign-in.
		p = cookieNamed(login(), "setubashi_pending")
		for range talent.PendingSignInAttempts {
			second(p, "111111")
		}
		if r := second(p, rc.RecoveryCodes[1]); r.Status != http.StatusUnauthorized || problemCode(r) != "sign_in_expired" {
			t.Errorf("after five wrong codes: %d %s", r.Status, r.Body)
		}
	})
}

// TestEnrolmentIsRequired checks that an organisation member without an
// authenticator reaches only the enrolment routes (public ones as
// anonymous), and everything once enrolled.
func TestEnrolmentIsRequired(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		r := a.call(http.StatusCreated, "POST", "/api/v1/auth/register", "", map[string]any{
			"email": "new.member@example.jp", "password": testPassword, "name": "New Member", "role": "org_member"})
		restricted := sessionOf(t, r)
		var me struct {
			SecondFactor struct{ Enabled, Required bool } `json:"second_factor"`
		}
		r.JSON(&me)
		if !me.SecondFactor.Required || me.SecondFactor.Enabled {
			t.Errorf("a new member's second factor: %+v", me.SecondFactor)
		}
		a.call(http.StatusOK, "GET", "/api/v1/me", restricted, nil)
		a.call(http.StatusOK, "GET", "/api/v1/me/second-factor", restricted, nil)
		a.call(http.StatusOK, "GET", "/api/v1/me/sessions", restricted, nil)
		// The language chosen before signing up can be saved while enrolling.
		a.call(http.StatusOK, "PATCH", "/api/v1/me", restricted, map[string]any{"locale": "ja"})
		for _, rq := range []request{
			{method: "GET", path: "/api/v1/me/organizations"},
			{method: "POST", path: "/api/v1/organizations", body: sampleOrganization(9)},
			{method: "POST", path: "/api/v1/me/password", body: map[string]any{"current_password": testPassword, "new_password": "another long passphrase"}},
			{method: "GET", path: "/api/v1/rounds"},
		} {
			rq.session = restricted
			if r := a.do(rq); r.Status != http.StatusForbidden || problemCode(r) != "second_factor_enrolment_required" {
				t.Errorf("%s %s before enrolment: %d %s", rq.method, rq.path, r.Status, r.Body)
			}
		}
		// Public routes see an anonymous caller (the member's drafts stay hidden too).
		a.call(http.StatusNotFound, "GET", fmt.Sprintf("/api/v1/roles/%d", w.draftRole), restricted, nil)
		a.call(http.StatusOK, "GET", "/api/v1/roles", restricted, nil)

		full := a.enrol(restricted)
		a.call(http.StatusUnauthorized, "GET", "/api/v1/me", restricted, nil)
		a.call(http.StatusCreated, "POST", "/api/v1/organizations", full, sampleOrganization(9))

		// An administrator's reset sends the account back to enrolment.
		id := w.userID(full)
		a.call(http.StatusNoContent, "DELETE", fmt.Sprintf("/api/v1/admin/users/%d/second-factor", id), w.admin, nil)
		a.call(http.StatusUnauthorized, "GET", "/api/v1/me", full, nil)
		again := sessionOf(t, a.call(http.StatusOK, "POST", "/api/v1/auth/login", "", map[string]any{"email": "new.member@example.jp", "password": testPassword}))
		a.call(http.StatusForbidden, "GET", "/api/v1/me/organizations", again, nil)
	})
}

// TestDevelopmentExemption checks that an exempted account (the demo
// accounts in development mode) works without a second factor.
func TestDevelopmentExemption(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		a.server.Accounts.ExemptFromSecondFactor("demo.member@example.jp")
		r := a.call(http.StatusCreated, "POST", "/api/v1/auth/register", "", map[string]any{
			"email": "demo.member@example.jp", "password": testPassword, "name": "Demo", "role": "org_member"})
		a.call(http.StatusCreated, "POST", "/api/v1/organizations", sessionOf(t, r), sampleOrganization(5))
	})
}

// TestPasswordPolicy checks length, the common-password list (any case),
// context words, and that long passphrases of any characters are welcome.
func TestPasswordPolicy(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		cases := []struct {
			password, want string
		}{
			{"short", "password:password_length"},
			{strings.Repeat("x", 129), "password:password_length"},
			{"Password1", "password:password_common"},
			{"QWERTYUIOP", "password:password_common"},
			{"iloveyou", "password:password_common"},
			{"my setubashi account", "password:password_context"},
			{"kiran.kumar rocks 2026", "password:password_context"},
			{"", "password:required"},
		}
		for _, c := range cases {
			r := a.do(request{method: "POST", path: "/api/v1/auth/register", body: map[string]any{
				"email": "kiran.kumar@example.in", "password": c.password, "name": "Kiran", "role": "candidate"}})
			if r.Status != http.StatusBadRequest || !slices.Contains(fieldCodes(r), c.want) {
				t.Errorf("password %.20q: %d %s, want %s", c.password, r.Status, r.Body, c.want)
			}
		}
		long := strings.Repeat("सेतु 橋 bridge ", 9)[:120] // 64+ characters of any script
		a.call(http.StatusCreated, "POST", "/api/v1/auth/register", "", map[string]any{
			"email": "kiran.kumar@example.in", "password": long, "name": "Kiran", "role": "candidate"})
		a.call(http.StatusOK, "POST", "/api/v1/auth/login", "", map[string]any{"email": "kiran.kumar@example.in", "password": long})
	})
}

// TestPasswordChangeEndsSessions checks that a password change needs the
// current password, follows the policy, ends every session and pending
// sign-in, and gives this client a new session.
func TestPasswordChangeEndsSessions(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		first := a.signUp("asha@example.in", "candidate")
		second := sessionOf(t, a.call(http.StatusOK, "POST", "/api/v1/auth/login", "", map[string]any{"email": "asha@example.in", "password": testPassword}))
		r := a.do(request{method: "POST", path: "/api/v1/me/password", session: first, body: map[string]any{"current_password": "wrong one!", "new_password": "password123"}})
		if r.Status != http.StatusBadRequest || !slices.Equal(fieldCodes(r), []string{"new_password:password_common"}) {
			t.Errorf("common new password: %d %s", r.Status, r.Body)
		}
		r = a.do(request{method: "POST", path: "/api/v1/me/password", session: first, body: map[string]any{"current_password": "wrong one!", "new_password": "a fresh passphrase 2027"}})
		if r.Status != http.StatusBadRequest || !slices.Equal(fieldCodes(r), []string{"current_password:password_incorrect"}) {
			t.Errorf("wrong current password: %d %s", r.Status, r.Body)
		}
		r = a.call(http.StatusNoContent, "POST", "/api/v1/me/password", first, map[string]any{"current_password": testPassword, "new_password": "a fresh passphrase 2027"})
		fresh := sessionOf(t, r)
		a.call(http.StatusUnauthorized, "GET", "/api/v1/me", first, nil)
		a.call(http.StatusUnauthorized, "GET", "/api/v1/me", second, nil)
		a.call(http.StatusOK, "GET", "/api/v1/me", fresh, nil)
		a.call(http.StatusUnauthorized, "POST", "/api/v1/auth/login", "", map[string]any{"email": "asha@example.in", "password": testPassword})
		a.call(http.StatusOK, "POST", "/api/v1/auth/login", "", map[string]any{"email": "asha@example.in", "password": "a fresh passphrase 2027"})
	})
}

// TestSessionsListAndEnd checks the session list (current flag, browser,
// no token), ending one, and signing out everywhere.
func TestSessionsListAndEnd(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		mine := a.signUp("asha@example.in", "candidate")
		r := a.do(request{method: "POST", path: "/api/v1/auth/login", body: map[string]any{"email": "asha@example.in", "password": testPassword},
			header: map[string]string{"User-Agent": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"}})
		phone := sessionOf(t, r)
		var list struct {
			Items []struct {
				ID      int64  `json:"id"`
				Current bool   `json:"current"`
				B       string `json:"browser"`
				O       string `json:"os"`
			} `json:"items"`
		}
		a.call(http.StatusOK, "GET", "/api/v1/me/sessions", mine, nil).JSON(&list)
		if len(list.Items) != 2 || list.Items[0].Current || !list.Items[1].Current || list.Items[0].B != "Chrome" || list.Items[0].O != "Android" {
			t.Fatalf("sessions: %+v", list.Items)
		}
		a.call(http.StatusNoContent, "DELETE", fmt.Sprintf("/api/v1/me/sessions/%d", list.Items[0].ID), mine, nil)
		a.call(http.StatusUnauthorized, "GET", "/api/v1/me", phone, nil)
		a.call(http.StatusOK, "GET", "/api/v1/me", mine, nil)
		other := a.signUp("ravi@example.in", "candidate")
		r = a.call(http.StatusNoContent, "DELETE", "/api/v1/me/sessions", mine, nil)
		if c := cookieNamed(r, "setubashi_session"); c != "" {
			t.Errorf("sign out everywhere left the cookie %q", c)
		}
		a.call(http.StatusUnauthorized, "GET", "/api/v1/me", mine, nil)
		a.call(http.StatusOK, "GET", "/api/v1/me", other, nil)
	})
}

// TestSessionTimeouts ages sessions in the database: idle past the role's
// timeout or past the absolute end, they are gone; last-seen is written at
// most once a minute.
func TestSessionTimeouts(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		db := a.db.SQL()
		age := func(session, column string, by time.Duration) {
			t.Helper()
			sum := sha256.Sum256([]byte(session))
			q := "UPDATE sessions SET " + column + " = ? WHERE token_hash = ?"
			if a.db.Dialect() == store.Postgres {
				q = "UPDATE sessions SET " + column + " = $1 WHERE token_hash = $2"
			}
			if _, err := db.Exec(q, time.Now().UTC().Add(-by), sum[:]); err != nil {
				t.Fatal(err)
			}
		}
		lastSeen := func(session string) time.Time {
			t.Helper()
			sum := sha256.Sum256([]byte(session))
			s, err := a.db.SessionByToken(context.Background(), sum[:])
			if err != nil {
				t.Fatal(err)
			}
			return s.LastSeenAt
		}
		// Last-seen moves only when a minute old.
		before := lastSeen(w.candidate)
		a.call(http.StatusOK, "GET", "/api/v1/me", w.candidate, nil)
		if !lastSeen(w.candidate).Equal(before) {
			t.Error("last-seen was written for a session seen under a minute ago")
		}
		age(w.candidate, "last_seen_at", 2*time.Minute)
		a.call(http.StatusOK, "GET", "/api/v1/me", w.candidate, nil)
		if time.Since(lastSeen(w.candidate)) > time.Minute {
			t.Error("last-seen was not written for a session seen two minutes ago")
		}
		// Candidates: 24 hours idle; staff and members: 30 minutes.
		age(w.candidate, "last_seen_at", 2*time.Hour)
		a.call(http.StatusOK, "GET", "/api/v1/me", w.candidate, nil)
		age(w.otherCandidate, "last_seen_at", talent.CandidateIdleTimeout+time.Minute)
		a.call(http.StatusUnauthorized, "GET", "/api/v1/me", w.otherCandidate, nil)
		age(w.member, "last_seen_at", 20*time.Minute)
		a.call(http.StatusOK, "GET", "/api/v1/me", w.member, nil)
		age(w.admin, "last_seen_at", talent.StaffIdleTimeout+time.Minute)
		a.call(http.StatusUnauthorized, "GET", "/api/v1/me", w.admin, nil)
		// The absolute end.
		age(w.ministry, "expires_at", time.Second)
		a.call(http.StatusUnauthorized, "GET", "/api/v1/me", w.ministry, nil)
	})
}

// TestDisablingEndsSessions checks that an administrator's disabling ends
// the account's sessions at once and stops sign-ins until it is enabled.
func TestDisablingEndsSessions(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		id := w.userID(w.candidate)
		var u struct{ Disabled bool }
		a.call(http.StatusOK, "POST", fmt.Sprintf("/api/v1/admin/users/%d/disable", id), w.admin, nil).JSON(&u)
		if !u.Disabled {
			t.Error("not disabled")
		}
		a.call(http.StatusUnauthorized, "GET", "/api/v1/me", w.candidate, nil)
		a.call(http.StatusUnauthorized, "POST", "/api/v1/auth/login", "", map[string]any{"email": "asha@example.in", "password": testPassword})
		r := a.call(http.StatusConflict, "POST", fmt.Sprintf("/api/v1/admin/users/%d/disable", w.userID(w.admin)), w.admin, nil)
		if problemCode(r) != "cannot_disable_self" {
			t.Errorf("self-disable: %s", r.Body)
		}
		a.call(http.StatusOK, "POST", fmt.Sprintf("/api/v1/admin/users/%d/enable", id), w.admin, nil)
		a.call(http.StatusOK, "POST", "/api/v1/auth/login", "", map[string]any{"email": "asha@example.in", "password": testPassword})
		var page struct {
			Items []struct{ Email string } `json:"items"`
		}
		a.call(http.StatusOK, "GET", "/api/v1/admin/users?email=ASHA@example.in", w.admin, nil).JSON(&page)
		if len(page.Items) != 1 || page.Items[0].Email != "asha@example.in" {
			t.Errorf("users by e-mail: %+v", page.Items)
		}
	})
}

// newLimitedAPI is an API server with the production limits on signing in
// and up (the test harness lifts them).
func newLimitedAPI(t *testing.T, db *store.DB) *api {
	t.Helper()
	a := newAPI(t, db)
	ref, err := loadReference()
	if err != nil {
		t.Fatal(err)
	}
	platform := newTestPlatform(t, db, ref.taxonomy)
	a.server = httpapi.New(httpapi.Config{Development: true, SessionTTL: time.Hour}, discardLog(), ref.catalog, db, platform, ref.taxonomy, docs.OpenAPI, nil)
	return a
}

// TestSignInAndSignUpRateLimits checks the per-client limits: 429 with
// Retry-After past the burst, other clients unaffected.
func TestSignInAndSignUpRateLimits(t *testing.T) {
	eachAPI(t, func(t *testing.T, plain *api) {
		a := newLimitedAPI(t, plain.db)
		for _, c := range []struct {
			path  string
			limit httpapi.RateLimit
			body  func(i int) any
		}{
			{"/api/v1/auth/login", httpapi.DefaultSignInLimit, func(i int) any {
				return map[string]any{"email": fmt.Sprintf("nobody%d@example.in", i), "password": "whatever it is"}
			}},
			{"/api/v1/auth/register", httpapi.DefaultSignUpLimit, func(i int) any {
				return map[string]any{"email": fmt.Sprintf("n%d@example.in", i), "password": testPassword, "name": "N", "role": "candidate"}
			}},
		} {
			for i := range c.limit.Burst {
				if r := a.do(request{method: "POST", path: c.path, body: c.body(i), remoteAddr: "198.51.100.7:4000"}); r.Status == http.StatusTooManyRequests {
					t.Fatalf("%s: limited after %d requests, burst is %d", c.path, i, c.limit.Burst)
				}
			}
			r := a.do(request{method: "POST", path: c.path, body: c.body(99), remoteAddr: "198.51.100.7:4000"})
			if r.Status != http.StatusTooManyRequests || r.Header.Get("Retry-After") == "" || problemCode(r) != "rate_limited" {
				t.Errorf("%s past the burst: %d %v %s", c.path, r.Status, r.Header, r.Body)
			}
			if r := a.do(request{method: "POST", path: c.path, body: c.body(100), remoteAddr: "203.0.113.9:4000"}); r.Status == http.StatusTooManyRequests {
				t.Errorf("%s: another client was limited too", c.path)
			}
		}
	})
}

// TestFailedSignInBackoff checks the per-account back-off: after five
// failures the account answers 429 too_many_attempts with Retry-After,
// even to the right password from a new browser, while the owner's browser
// (which signed in before and holds its device cookie) still gets in; the
// waits double, stored in the database.
func TestFailedSignInBackoff(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		a.signUp("ravi@example.in", "candidate")
		owner := a.do(request{method: "POST", path: "/api/v1/auth/login", body: map[string]any{"email": "asha@example.in", "password": "nope nope"}})
		if owner.Status != http.StatusUnauthorized {
			t.Fatalf("unknown account: %d", owner.Status)
		}
		a.signUp("asha@example.in", "candidate")
		r := a.call(http.StatusOK, "POST", "/api/v1/auth/login", "", map[string]any{"email": "asha@example.in", "password": testPassword})
		device := cookieNamed(r, "setubashi_device")
		if device == "" {
			t.Fatal("no device cookie")
		}
		login := func(password, device string) reply {
			return a.do(request{method: "POST", path: "/api/v1/auth/login", body: map[string]any{"email": "asha@example.in", "password": password},
				header: withCookies("setubashi_device", device)})
		}
		for i := range 5 {
			if r := login("guess number "+fmt.Sprint(i), ""); r.Status != http.StatusUnauthorized {
				t.Fatalf("guess %d: %d %s", i, r.Status, r.Body)
			}
		}
		r = login(testPassword, "")
		if r.Status != http.StatusTooManyRequests || problemCode(r) != "too_many_attempts" || r.Header.Get("Retry-After") == "" {
			t.Fatalf("after five failures: %d %v %s", r.Status, r.Header, r.Body)
		}
		if r := login(testPassword, device); r.Status != http.StatusOK {
			t.Errorf("the owner's browser was locked out: %d %s", r.Status, r.Body)
		}
		a.call(http.StatusOK, "POST", "/api/v1/auth/login", "", map[string]any{"email": "ravi@example.in", "password": testPassword})
		// The waits double: 1 s after the fifth failure, 2 s after the sixth.
		key := sha256.Sum256([]byte("account\x00asha@example.in\x00"))
		waits := func() time.Duration {
			st, err := a.db.Throttle(context.Background(), key[:])
			if err != nil || !st.Found {
				t.Fatalf("throttle %+v %v", st, err)
			}
			return st.BlockedUntil.Sub(st.UpdatedAt).Round(time.Second)
		}
		if got := waits(); got != time.Second {
			t.Errorf("wait after five failures %v, want 1s", got)
		}
		time.Sleep(1100 * time.Millisecond)
		login("guess number 6", "")
		if got := waits(); got != 2*time.Second {
			t.Errorf("wait after six failures %v, want 2s", got)
		}
	})
}

// TestAuditLog checks who, what, when and from where for a sign-in, a
// failed one and a change, and that administrators page through it.
func TestAuditLog(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		a.do(request{method: "POST", path: "/api/v1/auth/login", body: map[string]any{"email": "asha@example.in", "password": "not it at all"},
			remoteAddr: "203.0.113.5:999", header: map[string]string{"User-Agent": "probe/1"}})
		a.do(request{method: "POST", path: "/api/v1/auth/login", body: map[string]any{"email": "asha@example.in", "password": testPassword},
			remoteAddr: "203.0.113.5:999", header: map[string]string{"User-Agent": "probe/1"}})
		a.call(http.StatusOK, "POST", fmt.Sprintf("/api/v1/roles/%d/publish", w.draftRole), w.member, nil)
		var log struct {
			Items []struct {
				ActorID   *int64 `json:"actor_id"`
				ActorRole string `json:"actor_role"`
				Route     string `json:"route"`
				ObjectID  *int64 `json:"object_id"`
				Status    int    `json:"status"`
				IP        string `json:"ip"`
				UserAgent string `json:"user_agent"`
			} `json:"items"`
			NextCursor string `json:"next_cursor"`
		}
		a.call(http.StatusOK, "GET", "/api/v1/admin/audit?limit=3", w.admin, nil).JSON(&log)
		if len(log.Items) != 3 || log.NextCursor == "" {
			t.Fatalf("audit page: %+v", log)
		}
		publish, signIn, failed := log.Items[0], log.Items[1], log.Items[2]
		asha, member := w.userID(w.candidate), w.userID(w.member)
		if publish.Route != "/api/v1/roles/:id/publish" || publish.ActorID == nil || *publish.ActorID != member || publish.ActorRole != "org_member" ||
			publish.ObjectID == nil || *publish.ObjectID != w.draftRole || publish.Status != 200 {
			t.Errorf("publish entry: %+v", publish)
		}
		if signIn.ActorID == nil || *signIn.ActorID != asha || signIn.Status != 200 || signIn.IP != "203.0.113.5" || signIn.UserAgent != "probe/1" {
			t.Errorf("sign-in entry: %+v", signIn)
		}
		if failed.ActorID != nil || failed.Status != 401 || failed.Route != "/api/v1/auth/login" {
			t.Errorf("failed sign-in entry: %+v", failed)
		}
		a.call(http.StatusOK, "GET", "/api/v1/admin/audit?cursor="+log.NextCursor, w.admin, nil)
		// Creations name what they created.
		id := a.call(http.StatusCreated, "POST", "/api/v1/organizations", w.member, sampleOrganization(7)).ID()
		events, err := a.db.AuditEvents(context.Background(), talent.Page{Limit: 1})
		if err != nil || events[0].ObjectID != id {
			t.Errorf("creation entry %+v, want object %d", events, id)
		}
	})
}

func discardLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// TestRequestIDShape: a caller's X-Request-ID is taken only in a safe shape;
// markup, spaces or an empty one are replaced by a minted id.
func TestRequestIDShape(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		for given, kept := range map[string]bool{
			"req-roles-7": true, "0f8c1d2e.a_b-C": true, strings.Repeat("a", 64): true,
			"<script>alert(1)</script>": false, "a b": false, strings.Repeat("a", 65): false, "x\u00e9": false,
		} {
			r := a.do(request{method: http.MethodGet, path: "/api/v1/roles", header: map[string]string{"X-Request-ID": given}})
			got := r.Header.Get("X-Request-ID")
			if (got == given) != kept || !regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`).MatchString(got) {
				t.Errorf("X-Request-ID %q answered with %q", given, got)
			}
		}
	})
}

// TestPersonalAnswersAreNotCached: what a signed-in person reads about
// themselves or their applications carries Cache-Control: no-store.
func TestPersonalAnswersAreNotCached(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		app := fmt.Sprintf("/api/v1/applications/%d", w.application)
		for _, c := range []struct{ path, session string }{
			{"/api/v1/me", w.candidate}, {"/api/v1/me/profile", w.candidate}, {"/api/v1/me/applications", w.candidate},
			{app, w.candidate}, {app, w.member}, {"/api/v1/me/notifications", w.member}, {"/api/v1/dashboard/goal", w.ministry},
		} {
			if got := w.call(http.StatusOK, "GET", c.path, c.session, nil).Header.Get("Cache-Control"); got != "no-store" {
				t.Errorf("GET %s: Cache-Control %q", c.path, got)
			}
		}
	})
}
