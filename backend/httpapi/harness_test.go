package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/setubashi/setubashi/backend/httpapi"
	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/matching"
	"github.com/setubashi/setubashi/backend/notify"
	"github.com/setubashi/setubashi/backend/skills"
	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
	"github.com/setubashi/setubashi/docs"
	"github.com/setubashi/setubashi/locales"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// testArgon keeps password hashing real (argon2id) but cheap, so that tests
// can sign many people up; production uses talent.OWASPArgon2.
var testArgon = talent.Argon2Params{MemoryKiB: 1024, Iterations: 1, Parallelism: 1}

// testPassword is every test account's password.
const testPassword = "correct horse battery"

// api is a Setubashi server over a real database, called in-process.
type api struct {
	t       *testing.T
	db      *store.DB
	server  *httpapi.Server
	catalog *i18n.Catalog
}

func newAPI(t *testing.T, db *store.DB) *api {
	t.Helper()
	srv, catalog := newServer(t, db)
	return &api{t: t, db: db, server: srv, catalog: catalog}
}

// reference is what every test server reads and none changes: the
// catalogue with the skill labels registered, and the skills taxonomy.
type reference struct {
	catalog  *i18n.Catalog
	taxonomy *skills.Taxonomy
}

// loadReference loads the reference data once per test binary (loading it
// per server would cost more than the rest of a test world).
var loadReference = sync.OnceValues(func() (reference, error) {
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		return reference{}, err
	}
	taxonomy := skills.MustLoad()
	if err := catalog.AddLabels(talent.SkillSet, taxonomy.Labels()); err != nil {
		return reference{}, err
	}
	if err := catalog.AddLabels("skill_domain", taxonomy.DomainLabels()); err != nil {
		return reference{}, err
	}
	return reference{catalog: catalog, taxonomy: taxonomy}, nil
})

// newServer builds the server over db as the binary does, with cheap hashing.
func newServer(t testing.TB, db *store.DB) (*httpapi.Server, *i18n.Catalog) {
	t.Helper()
	ref, err := loadReference()
	if err != nil {
		t.Fatal(err)
	}
	catalog, taxonomy := ref.catalog, ref.taxonomy
	platform := newTestPlatform(t, db, taxonomy)
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	return httpapi.New(httpapi.Config{Development: true, SessionTTL: time.Hour, SignInLimit: unlimited, SignUpLimit: unlimited}, log, catalog, db, platform, taxonomy, docs.OpenAPI, nil), catalog
}

// eachAPI runs fn once per database dialect with a fresh server.
func eachAPI(t *testing.T, fn func(t *testing.T, a *api)) {
	storetest.Each(t, func(t *testing.T, db *store.DB) { fn(t, newAPI(t, db)) })
}

// reply is an answer with helpers to read it.
type reply struct {
	t      *testing.T
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into v, failing the test on error.
func (r reply) JSON(v any) {
	r.t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		r.t.Fatalf("decode %s: %v", r.Body, err)
	}
}

// Map decodes the body as a JSON object.
func (r reply) Map() map[string]any {
	var m map[string]any
	r.JSON(&m)
	return m
}

// ID returns the "id" of a JSON object body.
func (r reply) ID() int64 {
	r.t.Helper()
	var v struct {
		ID int64 `json:"id"`
	}
	r.JSON(&v)
	if v.ID == 0 {
		r.t.Fatalf("no id in %s", r.Body)
	}
	return v.ID
}

// request is one call to the API.
type request struct {
	method, path string
	body         any // nil, a string (sent as is) or a value (sent as JSON)
	session      string
	lang         string // Accept-Language
	header       map[string]string
	remoteAddr   string // the client's address; httptest's 192.0.2.1:1234 if empty
}

// do sends one request and returns the answer, which must match
// docs/openapi.yaml (see checkContract).
func (a *api) do(rq request) reply {
	a.t.Helper()
	var body io.Reader
	switch b := rq.body.(type) {
	case nil:
	case string:
		body = strings.NewReader(b)
	default:
		buf, err := json.Marshal(b)
		if err != nil {
			a.t.Fatal(err)
		}
		body = bytes.NewReader(buf)
	}
	req := httptest.NewRequest(rq.method, rq.path, body)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if rq.session != "" {
		req.AddCookie(&http.Cookie{Name: "setubashi_session", Value: rq.session})
	}
	if rq.lang != "" {
		req.Header.Set("Accept-Language", rq.lang)
	}
	for k, v := range rq.header {
		req.Header.Set(k, v)
	}
	if rq.remoteAddr != "" {
		req.RemoteAddr = rq.remoteAddr
	}
	rec := httptest.NewRecorder()
	a.server.ServeHTTP(rec, req)
	checkContract(a.t, req, rec.Code, rec.Header(), rec.Body.Bytes())
	return reply{t: a.t, Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
}

// call is do with the common arguments, failing the test unless the status
// is want.
func (a *api) call(want int, method, path, session string, body any) reply {
	a.t.Helper()
	r := a.do(request{method: method, path: path, session: session, body: body})
	if r.Status != want {
		a.t.Fatalf("%s %s: status %d, want %d: %s", method, path, r.Status, want, r.Body)
	}
	return r
}

// unlimited lifts the per-client limits on signing in and up for tests that
// sign many people up from one address (security_test checks the limits).
var unlimited = httpapi.RateLimit{Every: time.Microsecond, Burst: 1 << 20}

// signUp registers an account of a self-service kind and returns its session
// token. An organisation member also enrols an authenticator, as the kind
// requires (see enrol).
func (a *api) signUp(email string, kind talent.AccountKind) string {
	a.t.Helper()
	r := a.call(http.StatusCreated, "POST", "/api/v1/auth/register", "", map[string]any{
		"email": email, "password": testPassword, "name": "Test " + string(kind), "role": kind,
	})
	if kind == talent.AccountOrgMember {
		return a.enrol(sessionOf(a.t, r))
	}
	return sessionOf(a.t, r)
}

// staff creates a ministry viewer or administrator and signs them in.
func (a *api) staff(email string, kind talent.AccountKind) string {
	a.t.Helper()
	ref, err := loadReference()
	if err != nil {
		a.t.Fatal(err)
	}
	platform := newTestPlatform(a.t, a.db, ref.taxonomy)
	if _, err := platform.Accounts.CreateStaff(context.Background(), talent.Registration{Email: email, Password: testPassword, Name: "Staff", Kind: kind}); err != nil {
		a.t.Fatal(err)
	}
	r := a.call(http.StatusOK, "POST", "/api/v1/auth/login", "", map[string]any{"email": email, "password": testPassword})
	return a.enrol(sessionOf(a.t, r))
}

// totpSecrets holds the authenticator secret of every account enrol
// enrolled, by its session token (tokens are unique, so worlds copied from
// a template find them too).
var totpSecrets sync.Map

// enrol enrols an authenticator for the account signed in with session, as
// a person with an authenticator app would (the code is computed from the
// secret), and returns the new session that confirming it opens.
func (a *api) enrol(session string) string {
	a.t.Helper()
	var e struct {
		Secret string `json:"secret"`
	}
	a.call(http.StatusOK, "POST", "/api/v1/me/second-factor/totp", session, map[string]any{"password": testPassword}).JSON(&e)
	r := a.call(http.StatusOK, "POST", "/api/v1/me/second-factor/totp/confirm", session, map[string]any{"code": totpCode(a.t, e.Secret, time.Now())})
	fresh := sessionOf(a.t, r)
	totpSecrets.Store(fresh, e.Secret)
	return fresh
}

// totpCode returns the RFC 6238 code of secret at t.
func totpCode(t testing.TB, secret string, at time.Time) string {
	t.Helper()
	code, err := totp.GenerateCodeCustom(secret, at, totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// nextCode returns a code of the account signed in with session that has
// not been used yet: the next time step's (accepted for clock drift), so
// that it differs from the one enrolment used.
func nextCode(t testing.TB, session string) string {
	t.Helper()
	secret, ok := totpSecrets.Load(session)
	if !ok {
		t.Fatalf("session %.8s… has no authenticator", session)
	}
	return totpCode(t, secret.(string), time.Now().Add(30*time.Second))
}

func sessionOf(t *testing.T, r reply) string {
	t.Helper()
	for _, c := range (&http.Response{Header: r.Header}).Cookies() {
		if c.Name == "setubashi_session" && c.Value != "" {
			return c.Value
		}
	}
	t.Fatalf("no session cookie in %v", r.Header)
	return ""
}

// newTestPlatform wires the services to db with the real engines and a job
// queue on the same database (jobs are scheduled, and run only where a test
// starts a notify.Worker).
func newTestPlatform(t testing.TB, db *store.DB, taxonomy *skills.Taxonomy) *talent.Platform {
	t.Helper()
	engines := matching.Engines(taxonomy)
	queue, err := notify.NewQueue(db)
	if err != nil {
		t.Fatal(err)
	}
	engines.Deliveries = queue
	platform, err := talent.NewPlatform(db, testArgon, time.Hour, engines)
	if err != nil {
		t.Fatal(err)
	}
	return platform
}
