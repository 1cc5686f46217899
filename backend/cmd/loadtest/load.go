package main

import (
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Kinds of request a client sends.
const (
	opSearch          = "search"
	opRecommendations = "recommendations"
	opApply           = "apply"
)

// sample is one HTTP exchange: when it started and ended, what it was and
// how it was answered (status 0: no answer, err says why).
type sample struct {
	op         string
	start, end time.Time
	status     int
	code       string // the problem code of a 4xx/5xx
	err        error
	retry      bool // a retry of an application with the same key
}

// acknowledged is an application the server answered 2xx.
type acknowledged struct {
	id, candidate, role int64
	key                 string
	replayed            bool
	attempts            int
}

// results is what a run measured.
type results struct {
	started, ended   time.Time
	samples          []sample
	acked            []acknowledged
	gaveUp           int // applications still unanswered after all retries
	restartStart     time.Time
	restartEnd       time.Time
	restartErr       error
	firstNotReady    time.Time
	recovered        time.Time // first /readyz 200 after the restart
	firstOKWrite     time.Time // first acknowledged application after the restart
	verifyMissing    int       // acknowledged but not in the database
	verifyDuplicates int       // candidate–role pairs in the database more than once
	unacknowledged   int       // the clients' applications in the database that no client saw acknowledged
	inDatabase       int
	mail             mailCheck // the notifications of the applications and their e-mails
	serverAlive      bool
	shutdown         time.Duration
	shutdownErr      error
	logErrors        int
	logWarnings      int
}

// httpClient sends requests with a shared, bounded connection pool.
type httpClient struct{ c *http.Client }

func newHTTPClient(conns int) httpClient {
	tr := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConns:        conns,
		MaxIdleConnsPerHost: conns,
		IdleConnTimeout:     30 * time.Second,
	}
	return httpClient{c: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
}

type answer struct {
	status int
	body   []byte
	header http.Header
	err    error
}

func (h httpClient) do(ctx context.Context, method, u, token, key, body string) answer {
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, r)
	if err != nil {
		return answer{err: err}
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Cookie", "setubashi_session="+token) // a request header, not a cookie this program sets
	}
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	resp, err := h.c.Do(req)
	if err != nil {
		return answer{err: err}
	}
	defer func() { _ = resp.Body.Close() }()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	return answer{status: resp.StatusCode, body: b, header: resp.Header, err: err}
}

func problemCode(body []byte) string {
	var p struct {
		Code string `json:"code"`
	}
	_ = json.Unmarshal(body, &p)
	return p.Code
}

// load runs the clients for the configured time, restarting PostgreSQL once.
func (e *environment) load(ctx context.Context) *results {
	res := &results{started: time.Now()}
	ctx, cancel := context.WithTimeout(ctx, e.o.duration)
	defer cancel()
	hc := newHTTPClient(e.o.clients)
	var (
		mu       sync.Mutex
		requests atomic.Int64
		wg       sync.WaitGroup
	)
	record := func(s sample) {
		if s.err != nil && ctx.Err() != nil {
			return // cut off by the end of the run, not by the server
		}
		mu.Lock()
		res.samples = append(res.samples, s)
		mu.Unlock()
	}
	// Readiness monitor: when /readyz failed and came back.
	monitorDone := make(chan struct{})
	go func() {
		defer close(monitorDone)
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				ok := status(e.base+"/readyz") == http.StatusOK
				now := time.Now() // when the answer came: a probe sent before the restart can fail after it began
				mu.Lock()
				restarted := !res.restartStart.IsZero()
				if restarted && !ok && res.firstNotReady.IsZero() {
					res.firstNotReady = now
				}
				if restarted && ok && res.recovered.IsZero() && !res.restartEnd.IsZero() {
					res.recovered = now
				}
				mu.Unlock()
			}
		}
	}()
	// The restart.
	if !e.o.noRestart {
		go func() {
			select {
			case <-ctx.Done():
				return
			case <-time.After(e.o.restartAt):
			}
			mu.Lock()
			res.restartStart = time.Now()
			mu.Unlock()
			out, err := exec.Command("pg_ctlcluster", "--skip-systemctl-redirect", e.cluster[0], e.cluster[1], "restart").CombinedOutput() //nolint:gosec // the cluster pg_lsclusters named
			mu.Lock()
			res.restartEnd = time.Now()
			if err != nil {
				res.restartErr = fmt.Errorf("pg_ctlcluster restart: %w: %s", err, out)
			}
			mu.Unlock()
		}()
	}
	for i, c := range e.clients {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(i), uint64(time.Now().UnixNano()))) //nolint:gosec // load mix, not secrets
			for ctx.Err() == nil && requests.Add(1) <= e.o.maxRequests {
				switch p := rng.IntN(100); {
				case p < 45:
					record(e.search(ctx, hc, rng))
				case p < 70:
					record(e.recommend(ctx, hc, c))
				default:
					ack, samples, gaveUp := e.apply(ctx, hc, c, e.roles[rng.IntN(len(e.roles))])
					mu.Lock()
					res.samples = append(res.samples, samples...)
					if ack != nil {
						res.acked = append(res.acked, *ack)
						if !res.restartEnd.IsZero() && res.firstOKWrite.IsZero() && samples[len(samples)-1].start.After(res.restartEnd) {
							res.firstOKWrite = samples[len(samples)-1].end
						}
					}
					if gaveUp {
						res.gaveUp++
					}
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	res.ended = time.Now()
	<-monitorDone
	// Let the restart finish if it is still going, then make sure the server
	// answers again without having been restarted.
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		mu.Lock()
		done := e.o.noRestart || !res.restartEnd.IsZero()
		mu.Unlock()
		if done && status(e.base+"/readyz") == http.StatusOK {
			res.serverAlive = true
			break
		}
	}
	if res.recovered.IsZero() && !res.restartEnd.IsZero() && res.serverAlive {
		res.recovered = time.Now()
	}
	return res
}

var searchWords = []string{"", "", "learning", "model", "data", "vision", "speech", "research", "engineer", "robot", "言語", "研究"}
var roleTypes = []string{"", "job", "research", "internship"}

func (e *environment) search(ctx context.Context, hc httpClient, rng *rand.Rand) sample {
	q := fmt.Sprintf("%s/api/v1/roles?limit=20&q=%s&type=%s", e.base, searchWords[rng.IntN(len(searchWords))], roleTypes[rng.IntN(len(roleTypes))])
	s := sample{op: opSearch, start: time.Now()}
	a := hc.do(ctx, "GET", q, "", "", "")
	s.end, s.status, s.err = time.Now(), a.status, a.err
	if a.status >= 400 {
		s.code = problemCode(a.body)
	}
	return s
}

func (e *environment) recommend(ctx context.Context, hc httpClient, c loadClient) sample {
	s := sample{op: opRecommendations, start: time.Now()}
	a := hc.do(ctx, "GET", e.base+"/api/v1/me/recommendations?limit=20", c.token, "", "")
	s.end, s.status, s.err = time.Now(), a.status, a.err
	if a.status >= 400 {
		s.code = problemCode(a.body)
	}
	return s
}

// apply sends one application with a fresh Idempotency-Key and retries it
// with the same key (up to 30 s, backing off) while the answer is a network
// error, a 5xx or "still in progress". Retries go on past the end of the
// run's time, so that every application ends acknowledged or refused.
func (e *environment) apply(ctx context.Context, hc httpClient, c loadClient, role int64) (*acknowledged, []sample, bool) {
	b := make([]byte, 16)
	_, _ = crand.Read(b)
	key := hex.EncodeToString(b)
	body := fmt.Sprintf(`{"cover_note":"Load test application %s"}`, key[:8])
	u := fmt.Sprintf("%s/api/v1/roles/%d/applications", e.base, role)
	var samples []sample
	retryCtx := context.WithoutCancel(ctx)
	backoff := 100 * time.Millisecond
	for attempt, give := 0, time.Now().Add(30*time.Second); ; attempt++ {
		s := sample{op: opApply, start: time.Now(), retry: attempt > 0}
		a := hc.do(retryCtx, "POST", u, c.token, key, body)
		s.end, s.status, s.err = time.Now(), a.status, a.err
		if a.status >= 400 {
			s.code = problemCode(a.body)
		}
		samples = append(samples, s)
		transient := a.err != nil || a.status >= 500 || (a.status == http.StatusConflict && s.code == "idempotency_key_in_progress")
		if !transient {
			if a.status/100 != 2 {
				return nil, samples, false
			}
			var v struct {
				ID int64 `json:"id"`
			}
			if err := json.Unmarshal(a.body, &v); err != nil || v.ID == 0 {
				return nil, samples, false
			}
			return &acknowledged{id: v.ID, candidate: c.userID, role: role, key: key,
				replayed: a.header.Get("Idempotent-Replayed") == "true", attempts: len(samples)}, samples, false
		}
		if time.Now().After(give) {
			return nil, samples, true
		}
		time.Sleep(backoff)
		backoff = min(backoff*2, 2*time.Second)
	}
}

// verify checks the database against what the clients were told, and the
// notifications and e-mails the applications caused.
func (e *environment) verify(ctx context.Context, res *results) error {
	ids := map[int64]bool{}
	for _, a := range res.acked {
		var n int
		if err := e.sqlDB.QueryRowContext(ctx, `SELECT COUNT(*) FROM applications WHERE id = $1 AND candidate_id = $2 AND role_id = $3`,
			a.id, a.candidate, a.role).Scan(&n); err != nil {
			return fmt.Errorf("verify: %w", err)
		}
		if n != 1 {
			res.verifyMissing++
		}
		ids[a.id] = true
	}
	if err := e.sqlDB.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT candidate_id, role_id FROM applications
		GROUP BY candidate_id, role_id HAVING COUNT(*) > 1) d`).Scan(&res.verifyDuplicates); err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	rows, err := e.sqlDB.QueryContext(ctx, `SELECT id FROM applications WHERE candidate_id IN (SELECT id FROM users WHERE email LIKE 'load-%@loadtest.example')`)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	defer func() { _ = rows.Close() }()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		res.inDatabase++
		if !ids[id] {
			res.unacknowledged++
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if err := e.checkNotifications(ctx, res); err != nil {
		return err
	}
	res.logErrors, res.logWarnings = e.serverLogErrors()
	return nil
}

// failure says what, if anything, the run proves wrong.
func (r *results) failure() error {
	var errs []error
	if r.verifyMissing > 0 {
		errs = append(errs, fmt.Errorf("%d acknowledged applications are not in the database", r.verifyMissing))
	}
	if r.verifyDuplicates > 0 {
		errs = append(errs, fmt.Errorf("%d candidate–role pairs are in the database twice", r.verifyDuplicates))
	}
	if n := r.outsideWindow5xx(); n > 0 {
		errs = append(errs, fmt.Errorf("%d answers of 5xx outside the restart window", n))
	}
	if n := r.internalErrors(); n > 0 {
		errs = append(errs, fmt.Errorf("%d answers of 500: even while the database restarts, the answer is 503", n))
	}
	if !r.serverAlive {
		errs = append(errs, errors.New("the server did not recover"))
	}
	if r.restartErr != nil {
		errs = append(errs, r.restartErr)
	}
	if r.shutdownErr != nil {
		errs = append(errs, fmt.Errorf("graceful shutdown: %w", r.shutdownErr))
	}
	errs = append(errs, r.mail.failures()...)
	return errors.Join(errs...)
}

// window is the restart window: from the restart command until /readyz
// answered again, plus a second for requests already queued.
func (r *results) window() (time.Time, time.Time) {
	if r.restartStart.IsZero() {
		return time.Time{}, time.Time{}
	}
	end := r.recovered
	if end.IsZero() {
		end = r.ended
	}
	return r.restartStart, end.Add(time.Second)
}

// inWindow reports whether a sample overlaps the restart window.
func (r *results) inWindow(s sample) bool {
	from, to := r.window()
	return !from.IsZero() && s.end.After(from) && s.start.Before(to)
}

// internalErrors counts answers of 500 at any time: a database that is away
// is 503, never an internal error.
func (r *results) internalErrors() int {
	n := 0
	for _, s := range r.samples {
		if s.status == http.StatusInternalServerError {
			n++
		}
	}
	return n
}

func (r *results) outsideWindow5xx() int {
	n := 0
	for _, s := range r.samples {
		if (s.status >= 500 || s.err != nil) && !r.inWindow(s) {
			n++
		}
	}
	return n
}
