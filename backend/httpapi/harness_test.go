package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/httpapi"
	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/matching"
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

// newServer builds the server over db as the binary does, with cheap hashing.
func newServer(t testing.TB, db *store.DB) (*httpapi.Server, *i18n.Catalog) {
	t.Helper()
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	taxonomy := skills.MustLoad()
	if err := catalog.AddLabels(talent.SkillSet, taxonomy.Labels()); err != nil {
		t.Fatal(err)
	}
	if err := catalog.AddLabels("skill_domain", taxonomy.DomainLabels()); err != nil {
		t.Fatal(err)
	}
	platform, err := talent.NewPlatform(db, testArgon, time.Hour, matching.Engines(taxonomy))
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return httpapi.New(httpapi.Config{Development: true, SessionTTL: time.Hour}, log, catalog, db, platform, taxonomy, docs.OpenAPI, nil), catalog
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

// signUp registers an account of a self-service role and returns its session token.
func (a *api) signUp(email, role string) string {
	a.t.Helper()
	r := a.call(http.StatusCreated, "POST", "/api/v1/auth/register", "", map[string]any{
		"email": email, "password": testPassword, "name": "Test " + role, "role": role,
	})
	return sessionOf(a.t, r)
}

// staff creates a ministry viewer or administrator and signs them in.
func (a *api) staff(email, role string) string {
	a.t.Helper()
	platform, err := talent.NewPlatform(a.db, testArgon, time.Hour, matching.Engines(skills.MustLoad()))
	if err != nil {
		a.t.Fatal(err)
	}
	if _, err := platform.Accounts.CreateStaff(context.Background(), talent.Registration{Email: email, Password: testPassword, Name: "Staff", Role: role}); err != nil {
		a.t.Fatal(err)
	}
	r := a.call(http.StatusOK, "POST", "/api/v1/auth/login", "", map[string]any{"email": email, "password": testPassword})
	return sessionOf(a.t, r)
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
