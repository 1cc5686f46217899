package httpapi_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/httpapi"
	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
	"github.com/setubashi/setubashi/docs"
)

func keyed(key string) map[string]string { return map[string]string{"Idempotency-Key": key} }

// TestIdempotentCreation sends each creating request twice with a key: the
// retry gets the first answer and nothing is created twice; the same key
// with another body is 422; concurrent retries create one object.
func TestIdempotentCreation(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		role := w.openRoleOf(w.member, sampleRole(w.org))
		apply := request{method: "POST", path: fmt.Sprintf("/api/v1/roles/%d/applications", role), session: w.otherCandidate,
			body: map[string]any{"cover_note": "Hello"}, header: keyed("apply-1")}
		first := w.do(apply)
		if first.Status != http.StatusCreated || first.Header.Get("Idempotent-Replayed") != "" {
			t.Fatalf("first: %d %v %s", first.Status, first.Header, first.Body)
		}
		apply.lang = "ja" // a retry in another language still gets the first answer
		again := w.do(apply)
		if again.Status != http.StatusCreated || string(again.Body) != string(first.Body) ||
			again.Header.Get("Idempotent-Replayed") != "true" || again.Header.Get("ETag") != first.Header.Get("ETag") {
			t.Fatalf("retry: %d %v %s", again.Status, again.Header, again.Body)
		}
		// The same key with another body, or for another request, is 422.
		apply.body = map[string]any{"cover_note": "Hello again"}
		if r := w.do(apply); r.Status != http.StatusUnprocessableEntity || r.Map()["code"] != "idempotency_key_reused" {
			t.Fatalf("reused key: %d %s", r.Status, r.Body)
		}
		// Spacing and key order do not make a body different.
		apply.body = `{ "cover_note" :"Hello" }`
		if r := w.do(apply); r.Status != http.StatusCreated {
			t.Fatalf("same body spelt differently: %d %s", r.Status, r.Body)
		}
		// Keys belong to their caller: another candidate's same key is theirs.
		apply.session = w.candidate
		apply.body = map[string]any{"cover_note": "Hello"}
		if r := w.do(apply); r.Status != http.StatusCreated {
			t.Fatalf("another caller's key: %d %s", r.Status, r.Body)
		}
		// A refusal is an answer too: the retry gets the same 409.
		dup := request{method: "POST", path: fmt.Sprintf("/api/v1/roles/%d/applications", w.role), session: w.candidate, header: keyed("dup")}
		r1, r2 := w.do(dup), w.do(dup)
		if r1.Status != http.StatusConflict || r2.Status != http.StatusConflict || r2.Header.Get("Idempotent-Replayed") != "true" {
			t.Fatalf("refusals: %d %d", r1.Status, r2.Status)
		}
		if r := w.do(request{method: "POST", path: "/api/v1/roles", session: w.member, body: sampleRole(w.org),
			header: keyed(strings.Repeat("x", 256))}); r.Status != http.StatusBadRequest {
			t.Fatalf("overlong key: %d %s", r.Status, r.Body)
		}

		// Roles: concurrent requests with one key create one role.
		var wg sync.WaitGroup
		var created, inProgress atomic.Int32
		ids := make(chan int64, 8)
		for range 8 {
			wg.Go(func() {
				r := w.do(request{method: "POST", path: "/api/v1/roles", session: w.member, body: sampleRole(w.org), header: keyed("role-1")})
				switch r.Status {
				case http.StatusCreated:
					created.Add(1)
					ids <- r.ID()
				case http.StatusConflict:
					inProgress.Add(1)
				default:
					t.Errorf("concurrent role: %d %s", r.Status, r.Body)
				}
			})
		}
		wg.Wait()
		close(ids)
		first64 := int64(0)
		for id := range ids {
			if first64 != 0 && id != first64 {
				t.Errorf("two roles created for one key: %d and %d", first64, id)
			}
			first64 = id
		}
		if created.Load() == 0 {
			t.Fatal("no role created")
		}
		var roles struct {
			Items []any `json:"items"`
		}
		w.call(http.StatusOK, "GET", fmt.Sprintf("/api/v1/organizations/%d/roles", w.org), w.member, nil).JSON(&roles)
		if len(roles.Items) != 4 { // world's open and draft roles, openRoleOf's, and one from the key
			t.Fatalf("%d roles after concurrent creation", len(roles.Items))
		}

		// Placements.
		w.advance("screening", "interview", "offer", "accepted")
		place := request{method: "POST", path: fmt.Sprintf("/api/v1/applications/%d/placement", w.application), session: w.member,
			body: map[string]any{"visa_status": "hsp_1b", "start_date": "2027-04-01"}, header: keyed("place")}
		p1, p2 := w.do(place), w.do(place)
		if p1.Status != http.StatusCreated || p2.Status != http.StatusCreated || p1.ID() != p2.ID() {
			t.Fatalf("placement retry: %d %d %s %s", p1.Status, p2.Status, p1.Body, p2.Body)
		}
	})
}

// TestIdempotencyAfterADiedRequest: a request that created its object but
// died before storing its answer leaves a key marked with the object; the
// retry is answered from the object, not run again.
func TestIdempotencyAfterADiedRequest(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		role := w.openRoleOf(w.member, sampleRole(w.org))
		ctx := context.Background()
		otherID := w.userID(w.otherCandidate)
		body := map[string]any{"cover_note": "Hello"}
		// The first attempt, as far as it got: the key claimed and the
		// application created in the claim's transaction, no answer stored.
		fp := httpapi.RequestFingerprintForTest("POST", fmt.Sprintf("/api/v1/roles/%d/applications", role), []byte(`{"cover_note":"Hello"}`))
		now := time.Now().UTC()
		if _, claimed, err := a.db.ClaimIdempotencyKey(ctx, talent.IdempotencyRecord{UserID: otherID, Key: "died", Fingerprint: fp,
			CreatedAt: now, LockedUntil: now.Add(-time.Second), ExpiresAt: now.Add(time.Hour)}); err != nil || !claimed {
			t.Fatal(claimed, err)
		}
		app := talent.Application{RoleID: role, CandidateID: otherID, Stage: talent.StageSubmitted, CreatedAt: now, UpdatedAt: now,
			Timeline: []talent.StageEvent{{To: talent.StageSubmitted, ActorID: otherID, At: now}}}
		if err := a.db.CreateApplication(ctx, &app, talent.IdempotencyClaim{UserID: otherID, Key: "died"}); err != nil {
			t.Fatal(err)
		}
		r := w.do(request{method: "POST", path: fmt.Sprintf("/api/v1/roles/%d/applications", role), session: w.otherCandidate, body: body, header: keyed("died")})
		if r.Status != http.StatusCreated || r.ID() != app.ID || r.Header.Get("Idempotent-Replayed") != "true" {
			t.Fatalf("retry after a died request: %d %s", r.Status, r.Body)
		}
	})
}

// TestVersions checks ETag and version on roles and applications, and that
// If-Match turns a stale write into 412 without changing anything.
func TestVersions(t *testing.T) {
	eachAPI(t, func(t *testing.T, a *api) {
		w := newWorld(a)
		path := fmt.Sprintf("/api/v1/roles/%d", w.draftRole)
		r := w.call(http.StatusOK, "GET", path, w.member, nil)
		tag := r.Header.Get("ETag")
		if tag != `"1"` || r.Map()["version"] != float64(1) {
			t.Fatalf("new role: ETag %s, %s", tag, r.Body)
		}
		patch := func(ifMatch string, openings int) reply {
			return w.do(request{method: "PATCH", path: path, session: w.member, body: map[string]any{"openings": openings},
				header: map[string]string{"If-Match": ifMatch}})
		}
		if r := patch(tag, 3); r.Status != http.StatusOK || r.Header.Get("ETag") != `"2"` {
			t.Fatalf("patch at the current version: %d %v", r.Status, r.Header)
		}
		for _, stale := range []string{tag, `W/"2"`, `"abc"`} {
			if r := patch(stale, 5); r.Status != http.StatusPreconditionFailed || r.Map()["code"] != "precondition_failed" {
				t.Fatalf("patch with If-Match %s: %d %s", stale, r.Status, r.Body)
			}
		}
		if got := w.call(http.StatusOK, "GET", path, w.member, nil).Map(); got["openings"] != float64(3) || got["version"] != float64(2) {
			t.Fatalf("after refused patches: %v", got)
		}
		if r := patch("*", 4); r.Status != http.StatusOK {
			t.Fatalf("If-Match *: %d", r.Status)
		}
		w.call(http.StatusOK, "POST", path+"/publish", w.member, nil)
		if v := w.call(http.StatusOK, "GET", path, w.member, nil).Map()["version"]; v != float64(4) {
			t.Fatalf("publishing counts as a change: version %v", v)
		}

		app := fmt.Sprintf("/api/v1/applications/%d", w.application)
		r = w.call(http.StatusOK, "GET", app, w.member, nil)
		if r.Header.Get("ETag") != `"1"` {
			t.Fatalf("application ETag %q", r.Header.Get("ETag"))
		}
		move := func(session, to, ifMatch string) reply {
			return w.do(request{method: "POST", path: app + "/transitions", session: session, body: map[string]any{"to": to},
				header: map[string]string{"If-Match": ifMatch}})
		}
		if r := move(w.member, "screening", `"1"`); r.Status != http.StatusOK || r.Header.Get("ETag") != `"2"` {
			t.Fatalf("move: %d %v %s", r.Status, r.Header, r.Body)
		}
		// A second member's decision made on the old version is refused.
		if r := move(w.member, "interview", `"1"`); r.Status != http.StatusPreconditionFailed {
			t.Fatalf("stale move: %d %s", r.Status, r.Body)
		}
		if r := w.do(request{method: "POST", path: app + "/withdraw", session: w.candidate, header: map[string]string{"If-Match": `"1"`}}); r.Status != http.StatusPreconditionFailed {
			t.Fatalf("stale withdrawal: %d %s", r.Status, r.Body)
		}
		if got := w.call(http.StatusOK, "GET", app, w.candidate, nil).Map(); got["stage"] != "screening" || got["version"] != float64(2) {
			t.Fatalf("after refused moves: %v", got)
		}
	})
}

// flakyPinger fails while down is set.
type flakyPinger struct {
	down atomic.Bool
	db   httpapi.Pinger
}

func (p *flakyPinger) Ping(ctx context.Context) error {
	if p.down.Load() {
		return errors.New("connection refused")
	}
	return p.db.Ping(ctx)
}

// TestReadyzFollowsTheDatabase checks that /readyz says 503 while the
// database does not answer and 200 again when it does, without a restart.
// With TEST_DATABASE_URL the database really goes away: the server reaches
// PostgreSQL through a TCP proxy that the test cuts and restores.
func TestReadyzFollowsTheDatabase(t *testing.T) {
	ref, err := loadReference()
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	serve := func(t *testing.T, db *store.DB, pinger httpapi.Pinger) *httpapi.Server {
		platform := newTestPlatform(t, db, ref.taxonomy)
		return httpapi.New(httpapi.Config{Development: true, SessionTTL: time.Hour}, log, ref.catalog, pinger, platform, ref.taxonomy, docs.OpenAPI, nil)
	}
	status := func(srv http.Handler, path string) int {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Code
	}
	t.Run("sqlite", func(t *testing.T) {
		db := storetest.Open(t, store.SQLite)
		p := &flakyPinger{db: db}
		srv := serve(t, db, p)
		for _, c := range []struct {
			down bool
			want int
		}{{false, 200}, {true, 503}, {false, 200}} {
			p.down.Store(c.down)
			if got := status(srv, "/readyz"); got != c.want {
				t.Fatalf("down %v: /readyz %d, want %d", c.down, got, c.want)
			}
		}
	})
	if storetest.PostgresURL() == "" {
		return
	}
	t.Run("postgres", func(t *testing.T) {
		storetest.Open(t, store.Postgres) // migrated, and the package's turn
		proxy := newTCPProxy(t, storetest.PostgresURL())
		db, err := store.Open(context.Background(), proxy.url, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = db.Close() }()
		srv := serve(t, db, db)
		if got := status(srv, "/readyz"); got != http.StatusOK {
			t.Fatalf("/readyz %d before the cut", got)
		}
		proxy.cut()
		if got := status(srv, "/readyz"); got != http.StatusServiceUnavailable {
			t.Fatalf("/readyz %d while the database is unreachable", got)
		}
		// A request that needs the database answers 503, not 500.
		if got := status(srv, "/api/v1/roles"); got != http.StatusServiceUnavailable {
			t.Fatalf("/api/v1/roles %d while the database is unreachable", got)
		}
		proxy.restore()
		deadline := time.Now().Add(10 * time.Second)
		for status(srv, "/readyz") != http.StatusOK {
			if time.Now().After(deadline) {
				t.Fatal("/readyz did not recover after the database came back")
			}
			time.Sleep(100 * time.Millisecond)
		}
		if got := status(srv, "/api/v1/roles"); got != http.StatusOK {
			t.Fatalf("/api/v1/roles %d after recovery", got)
		}
	})
}

// tcpProxy forwards loopback connections to a PostgreSQL server; cut closes
// every connection and refuses new ones until restore.
type tcpProxy struct {
	t      *testing.T
	target string
	url    string
	mu     sync.Mutex
	ln     net.Listener
	addr   string
	conns  []net.Conn
}

func newTCPProxy(t *testing.T, pgURL string) *tcpProxy {
	t.Helper()
	u, err := url.Parse(pgURL)
	if err != nil {
		t.Fatal(err)
	}
	target := u.Host
	if u.Port() == "" {
		target += ":5432"
	}
	p := &tcpProxy{t: t, target: target}
	p.listen("127.0.0.1:0")
	u.Host = p.addr
	p.url = u.String()
	t.Cleanup(p.cut)
	return p
}

func (p *tcpProxy) listen(addr string) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		p.t.Fatal(err)
	}
	p.mu.Lock()
	p.ln, p.addr = ln, ln.Addr().String()
	p.mu.Unlock()
	go func() {
		for {
			in, err := ln.Accept()
			if err != nil {
				return
			}
			out, err := net.Dial("tcp", p.target)
			if err != nil {
				_ = in.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, in, out)
			p.mu.Unlock()
			go func() { _, _ = io.Copy(out, in); _ = out.Close() }()
			go func() { _, _ = io.Copy(in, out); _ = in.Close() }()
		}
	}()
}

func (p *tcpProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		_ = p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		_ = c.Close()
	}
	p.conns = nil
}

func (p *tcpProxy) restore() { p.listen(p.addr) }
