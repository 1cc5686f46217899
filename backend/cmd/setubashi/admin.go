package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/setubashi/setubashi/backend/talent"
)

// adminCommand handles `setubashi admin create`: it makes an administrator
// (or, with --role ministry, a ministry viewer). The password is read from
// SETUBASHI_ADMIN_PASSWORD or, failing that, from the first line of stdin, so
// it never appears in the process list.
func adminCommand(ctx context.Context, cfg config, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return fmt.Errorf("%w: admin needs the subcommand create", errUsage)
	}
	fs := flag.NewFlagSet("admin create", flag.ContinueOnError)
	email := fs.String("email", "", "e-mail address of the new account (required)")
	name := fs.String("name", "", "display name (required)")
	role := fs.String("role", string(talent.AccountAdmin), "admin or ministry")
	locale := fs.String("locale", "en", "preferred language: en, ja or hi")
	if err := fs.Parse(args[1:]); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	password := os.Getenv("SETUBASHI_ADMIN_PASSWORD")
	if password == "" {
		fmt.Fprintln(os.Stderr, "password (from stdin):")
		line, err := bufio.NewReader(os.Stdin).ReadString('\n')
		if err != nil && line == "" {
			return errors.New("no password: set SETUBASHI_ADMIN_PASSWORD or give it on stdin")
		}
		password = strings.TrimRight(line, "\r\n")
	}
	db, err := openMigrated(ctx, cfg, cfg.logger())
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	accounts, err := talent.NewAccounts(db, talent.OWASPArgon2, time.Hour)
	if err != nil {
		return err
	}
	u, err := accounts.CreateStaff(ctx, talent.Registration{Email: *email, Password: password, Name: *name, Kind: talent.AccountKind(*role), Locale: *locale})
	if p, ok := talent.AsProblem(err); ok {
		return fmt.Errorf("cannot create account: %s", describeProblem(p))
	}
	if err != nil {
		return err
	}
	fmt.Printf("created %s account %d for %s\n", u.Kind, u.ID, u.Email)
	return nil
}

// describeProblem lists a validation problem's fields for the terminal.
func describeProblem(p *talent.Problem) string {
	if len(p.Fields) == 0 {
		return string(p.Code)
	}
	parts := make([]string, len(p.Fields))
	for i, f := range p.Fields {
		parts[i] = f.Field + ": " + f.Code
	}
	return strings.Join(parts, ", ")
}
