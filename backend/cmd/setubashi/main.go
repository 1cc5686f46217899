// Command setubashi is the Setubashi platform in one binary:
//
//	setubashi serve          serve the API (and web UI) on SETUBASHI_ADDR
//	setubashi migrate        apply database migrations and exit
//	setubashi seed [flags]   load realistic demo data (deterministic per --seed)
//	setubashi admin create   create an administrator or ministry viewer account
//	setubashi match          solve a matching round: instance JSON on stdin, result JSON on stdout
//	setubashi hsp            assess HSP points, J-Skip and J-Find: JSON on stdin and stdout
//
// DATABASE_URL chooses the database: postgres://… for PostgreSQL, otherwise a
// SQLite file (default ./data/setubashi.db).
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// errUsage marks a command-line mistake: the usage is printed and the exit code is 2.
var errUsage = errors.New("usage")

const usage = `usage: setubashi <command> [flags]

commands:
  serve          serve the platform on SETUBASHI_ADDR (default :8080; 127.0.0.1:8080 in development mode)
  migrate        apply pending database migrations
  seed           load demo data (setubashi seed -h for flags)
  admin create   create an administrator or ministry viewer (setubashi admin create -h)
  match          solve a matching round: instance JSON on stdin, result JSON on stdout
  hsp            assess HSP points, J-Skip and J-Find: JSON on stdin, JSON on stdout
                 (--lang en|ja|hi for the reasons)

environment: DATABASE_URL, SETUBASHI_ADDR, SETUBASHI_MODE (development|production),
SETUBASHI_DEMO_PASSWORD, SETUBASHI_LOG_LEVEL (debug|info|warn|error),
SETUBASHI_SLOW_QUERY (default 200ms)
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:])
	stop()
	switch {
	case errors.Is(err, errUsage):
		fmt.Fprintln(os.Stderr, err)
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	case errors.Is(err, errBadInput):
		fmt.Fprintln(os.Stderr, "setubashi:", err)
		os.Exit(2)
	case err != nil:
		fmt.Fprintln(os.Stderr, "setubashi:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: no command given", errUsage)
	}
	cfg, err := configFromEnv(os.Getenv)
	if err != nil {
		return err
	}
	switch args[0] {
	case "serve":
		return serve(ctx, cfg)
	case "migrate":
		return migrate(ctx, cfg)
	case "seed":
		return seedCommand(ctx, cfg, args[1:])
	case "admin":
		return adminCommand(ctx, cfg, args[1:])
	case "match":
		return matchCommand(args[1:], os.Stdin, os.Stdout)
	case "hsp":
		return hspCommand(args[1:], os.Stdin, os.Stdout)
	case "help", "-h", "--help":
		fmt.Print(usage)
		return nil
	default:
		return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
	}
}
