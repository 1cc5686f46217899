package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver for creating and checking the database

	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/talent"
)

// loadClient is one simulated candidate: an account with a session.
type loadClient struct {
	userID int64
	token  string
}

// environment is what run sets up: the database, the server, the clients.
type environment struct {
	o         options
	adminURL  string
	dbName    string
	dbURL     string
	cluster   [2]string
	base      string
	server    *exec.Cmd
	serverErr chan error
	logPath   string
	sink      *sink // the SMTP server the server under test sends to
	sqlDB     *sql.DB
	roles     []int64
	clients   []loadClient
}

// run sets up, loads, verifies and reports; the database is dropped and the
// server stopped whatever happens.
func run(ctx context.Context, o options) (string, error) {
	env := &environment{o: o}
	if err := env.checkLoopback(); err != nil {
		return "", err
	}
	if !o.noRestart {
		cluster, err := findCluster(o.cluster, env.adminURL)
		if err != nil {
			return "", err
		}
		env.cluster = cluster
	}
	if err := env.createDatabase(ctx); err != nil {
		return "", err
	}
	defer env.dropDatabase()
	if err := env.seed(ctx); err != nil {
		return "", err
	}
	sk, err := startSink()
	if err != nil {
		return "", err
	}
	defer sk.close()
	env.sink = sk
	if err := env.startServer(ctx); err != nil {
		return "", err
	}
	defer env.killServer()
	if err := env.prepareClients(ctx); err != nil {
		return "", err
	}
	res := env.load(ctx)
	if err := env.verify(ctx, res); err != nil {
		return "", err
	}
	res.shutdown, res.shutdownErr = env.stopServer()
	return env.report(res), res.failure()
}

func (e *environment) checkLoopback() error {
	u, err := url.Parse(e.o.adminURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return fmt.Errorf("-admin-url must be a postgres:// URL")
	}
	if !isLoopback(u.Hostname()) {
		return fmt.Errorf("-admin-url must name a loopback server (127.0.0.1, ::1 or localhost), not %q", u.Hostname())
	}
	e.adminURL = e.o.adminURL
	return nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// findCluster returns the cluster to restart: the one named, or the one
// pg_lsclusters lists on the URL's port.
func findCluster(named, adminURL string) ([2]string, error) {
	if named != "" {
		f := strings.Fields(named)
		if len(f) != 2 {
			return [2]string{}, fmt.Errorf(`-cluster must be "<version> <name>", e.g. "15 main"`)
		}
		return [2]string{f[0], f[1]}, nil
	}
	u, _ := url.Parse(adminURL)
	port := u.Port()
	if port == "" {
		port = "5432"
	}
	out, err := exec.Command("pg_lsclusters", "--no-header").Output()
	if err != nil {
		return [2]string{}, fmt.Errorf("pg_lsclusters (Debian's postgresql-common) is needed to restart PostgreSQL: %w", err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) >= 3 && f[2] == port {
			if _, err := os.Stat(filepath.Join("/etc/postgresql", f[0], f[1])); err != nil {
				return [2]string{}, fmt.Errorf("cluster %s %s has no /etc/postgresql entry: %w", f[0], f[1], err)
			}
			return [2]string{f[0], f[1]}, nil
		}
	}
	return [2]string{}, fmt.Errorf("no PostgreSQL cluster listens on port %s (pg_lsclusters)", port)
}

func (e *environment) createDatabase(ctx context.Context) error {
	admin, err := sql.Open("pgx", e.adminURL)
	if err != nil {
		return err
	}
	defer func() { _ = admin.Close() }()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	e.dbName = fmt.Sprintf("setubashi_load_%x", b)
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+e.dbName); err != nil {
		return fmt.Errorf("create database: %w", err)
	}
	u, _ := url.Parse(e.adminURL)
	u.Path = "/" + e.dbName
	e.dbURL = u.String()
	e.sqlDB, err = sql.Open("pgx", e.dbURL)
	return err
}

func (e *environment) dropDatabase() {
	if e.sqlDB != nil {
		_ = e.sqlDB.Close()
	}
	admin, err := sql.Open("pgx", e.adminURL)
	if err != nil {
		return
	}
	defer func() { _ = admin.Close() }()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for range 20 { // the cluster may still be coming back
		if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+e.dbName+" WITH (FORCE)"); err == nil {
			return
		}
		time.Sleep(500 * time.Millisecond)
	}
	fmt.Fprintln(os.Stderr, "loadtest: could not drop database", e.dbName)
}

// seed loads demo data with the binary itself (which also migrates).
func (e *environment) seed(ctx context.Context) error {
	cmd := exec.CommandContext(ctx, e.o.binary, "seed", //nolint:gosec // the binary the operator names
		"--candidates", fmt.Sprint(e.o.candidates), "--organizations", fmt.Sprint(max(10, e.o.roles/8)),
		"--roles", fmt.Sprint(e.o.roles), "--applications", fmt.Sprint(e.o.candidates*2), "--seed", "6")
	cmd.Env = append(os.Environ(), "DATABASE_URL="+e.dbURL, "SETUBASHI_LOG_LEVEL=warn")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("seed: %w\n%s", err, out)
	}
	return nil
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer func() { _ = ln.Close() }()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// startServer runs `setubashi serve` on a free loopback port, sending its
// e-mail to the SMTP sink, its log in a temporary file, and waits until it
// is ready.
func (e *environment) startServer(ctx context.Context) error {
	port, err := freePort()
	if err != nil {
		return err
	}
	logFile, err := os.CreateTemp("", "setubashi-loadtest-*.log")
	if err != nil {
		return err
	}
	e.logPath = logFile.Name()
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	e.base = "http://" + addr
	cmd := exec.Command(e.o.binary, "serve") //nolint:gosec // the binary the operator names
	cmd.Env = append(os.Environ(), "DATABASE_URL="+e.dbURL, "SETUBASHI_ADDR="+addr, "SETUBASHI_MODE=production", "SETUBASHI_LOG_LEVEL=info",
		"SETUBASHI_SMTP_URL="+e.sink.url(), "SETUBASHI_PUBLIC_URL="+e.base)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start server: %w", err)
	}
	e.server = cmd
	e.serverErr = make(chan error, 1)
	go func() { e.serverErr <- cmd.Wait(); _ = logFile.Close() }()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if status(e.base+"/readyz") == http.StatusOK {
			return nil
		}
		select {
		case err := <-e.serverErr:
			return fmt.Errorf("server exited while starting: %w (log %s)", err, e.logPath)
		case <-time.After(200 * time.Millisecond):
		}
	}
	return fmt.Errorf("server not ready after 60 s (log %s)", e.logPath)
}

func status(u string) int {
	c := http.Client{Timeout: 3 * time.Second}
	resp, err := c.Get(u) //nolint:gosec,noctx // a loopback URL this program built
	if err != nil {
		return 0
	}
	_ = resp.Body.Close()
	return resp.StatusCode
}

// stopServer sends SIGTERM and measures how long the server takes to exit.
func (e *environment) stopServer() (time.Duration, error) {
	if e.server == nil || e.server.Process == nil {
		return 0, errors.New("no server")
	}
	start := time.Now()
	if err := e.server.Process.Signal(syscall.SIGTERM); err != nil {
		return 0, err
	}
	select {
	case err := <-e.serverErr:
		e.server = nil
		return time.Since(start), err
	case <-time.After(30 * time.Second):
		return time.Since(start), errors.New("server did not exit within 30 s of SIGTERM")
	}
}

func (e *environment) killServer() {
	if e.server != nil && e.server.Process != nil {
		_ = e.server.Process.Kill()
	}
}

// prepareClients creates the clients' accounts and sessions in the database
// (signing up through the API would meet its rate limits) and saves each
// one's profile, with consent, through the API.
func (e *environment) prepareClients(ctx context.Context) error {
	db, err := store.Open(ctx, e.dbURL, store.Options{})
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	now := time.Now().UTC()
	for i := range e.o.clients {
		u := talent.User{Email: fmt.Sprintf("load-%d@loadtest.example", i), Name: fmt.Sprintf("Load Candidate %d", i), Kind: talent.AccountCandidate, Locale: "en"}
		if err := db.CreateUser(ctx, &u, "!loadtest"); err != nil {
			return fmt.Errorf("create client account: %w", err)
		}
		b := make([]byte, 32)
		_, _ = rand.Read(b)
		token := base64.RawURLEncoding.EncodeToString(b)
		s := talent.Session{UserID: u.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(2 * time.Hour)}
		if err := db.CreateSession(ctx, &s, talent.HashToken(token)); err != nil {
			return fmt.Errorf("create client session: %w", err)
		}
		e.clients = append(e.clients, loadClient{userID: u.ID, token: token})
	}
	hc := newHTTPClient(16)
	for i, c := range e.clients {
		r := hc.do(ctx, "PUT", e.base+"/api/v1/me/profile", c.token, "", profileBody(i))
		if r.err != nil {
			return fmt.Errorf("save client profile: %w", r.err)
		}
		if r.status != http.StatusOK {
			return fmt.Errorf("save client profile: %d %s", r.status, r.body)
		}
	}
	rows, err := e.sqlDB.QueryContext(ctx, `SELECT id FROM roles WHERE status = 'open' AND (deadline IS NULL OR deadline >= CURRENT_DATE) ORDER BY id`)
	if err != nil {
		return err
	}
	defer func() { _ = rows.Close() }()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		e.roles = append(e.roles, id)
	}
	if len(e.roles) == 0 {
		return errors.New("the seed made no open roles")
	}
	return rows.Err()
}

// profileBody is a client's profile, with consent to share it.
func profileBody(i int) string {
	states := []string{"karnataka", "maharashtra", "tamil_nadu", "telangana", "delhi", "kerala", "west_bengal", "uttar_pradesh"}
	jlpt := []string{"none", "N5", "N4", "N3", "N2"}
	return fmt.Sprintf(`{"name":"Load Candidate %d","indian_state":%q,"city":"","education":[{"level":"master","institution":"IIT Madras","field":"Computer Science","year":2024}],
"experience_years":%d,"skills":[{"skill":"python","proficiency":%d},{"skill":"pytorch","proficiency":%d}],"research":{"papers":%d,"patents":0},
"jlpt_level":%q,"english_level":"fluent","wanted_role_types":["job","research","internship"],"earliest_start":null,"salary_expectation_jpy":%d,
"preferred_prefectures":[],"remote_ok":true,"date_of_birth":"1998-05-17","consent_share_with_applied":true,"consent_discoverable":true}`,
		i, states[i%len(states)], i%8, 3+i%3, 2+i%4, i%5, jlpt[i%len(jlpt)], 5_000_000+int64(i%10)*500_000)
}

// serverLogErrors counts the server's error-level log lines.
func (e *environment) serverLogErrors() (int, int) {
	f, err := os.Open(e.logPath)
	if err != nil {
		return 0, 0
	}
	defer func() { _ = f.Close() }()
	errs, warns := 0, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		switch {
		case strings.Contains(sc.Text(), `"level":"ERROR"`):
			errs++
		case strings.Contains(sc.Text(), `"level":"WARN"`):
			warns++
		}
	}
	return errs, warns
}
