// Command loadtest checks that Setubashi loses no acknowledged write under
// load and a database restart (`make loadtest`, not part of `make test`).
//
// It creates a fresh PostgreSQL database on a loopback server, seeds it with
// the setubashi binary, starts `setubashi serve` on a free loopback port,
// and runs many clients for a bounded time, mixing role search,
// recommendations and applications (each application sent with an
// Idempotency-Key and retried with the same key until it is answered). Once
// during the run it restarts the PostgreSQL cluster with pg_ctlcluster.
// The server sends its e-mail to an SMTP sink this program runs on loopback.
// Afterwards it checks that every application answered 2xx is in the
// database exactly once, that no 5xx came outside the restart window and no
// 500 at all, that each application notified every member of the role's
// organisation once,
// that once the delivery jobs drained every notification due at once was
// e-mailed exactly once, that the server recovered by itself and shuts down
// gracefully, and prints the figures as Markdown for docs/RELIABILITY.md.
// The database is dropped at the end.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// options are the command line.
type options struct {
	binary      string
	adminURL    string
	cluster     string // "<version> <name>", "" to find the cluster of adminURL's port
	clients     int
	duration    time.Duration
	restartAt   time.Duration
	maxRequests int64
	candidates  int
	roles       int
	report      string
	noRestart   bool
	drain       time.Duration // how long to wait for the e-mail jobs after the load
}

func main() {
	var o options
	flag.StringVar(&o.binary, "binary", "bin/setubashi", "the setubashi binary to seed and serve with")
	flag.StringVar(&o.adminURL, "admin-url", envOr("LOADTEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"),
		"a loopback PostgreSQL server URL allowed to create databases (LOADTEST_DATABASE_URL)")
	flag.StringVar(&o.cluster, "cluster", "", `the cluster to restart as "<version> <name>" (default: the one listening on the URL's port)`)
	flag.IntVar(&o.clients, "clients", 200, "concurrent clients")
	flag.DurationVar(&o.duration, "duration", 60*time.Second, "how long the clients run (at most 10m)")
	flag.DurationVar(&o.restartAt, "restart-at", 20*time.Second, "when PostgreSQL is restarted, from the start of the run")
	flag.Int64Var(&o.maxRequests, "max-requests", 2_000_000, "stop after this many requests")
	flag.IntVar(&o.candidates, "candidates", 2000, "seeded candidates (besides the clients' own)")
	flag.IntVar(&o.roles, "roles", 600, "seeded roles")
	flag.StringVar(&o.report, "report", "", "also write the Markdown report to this file")
	flag.BoolVar(&o.noRestart, "no-restart", false, "do not restart PostgreSQL (a plain load run)")
	flag.DurationVar(&o.drain, "drain", 60*time.Second, "how long to wait, after the load, for every notification e-mail to be sent (at most 10m)")
	flag.Parse()
	if o.clients < 1 || o.clients > 1000 || o.duration <= 0 || o.duration > 10*time.Minute || o.maxRequests < 1 || o.drain <= 0 || o.drain > 10*time.Minute {
		fmt.Fprintln(os.Stderr, "loadtest: -clients 1–1000, -duration and -drain up to 10m, -max-requests at least 1")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	report, err := run(ctx, o)
	if report != "" {
		fmt.Println(report)
		if o.report != "" {
			if werr := os.WriteFile(o.report, []byte(report+"\n"), 0o600); werr != nil {
				err = errors.Join(err, werr)
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
