package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/setubashi/setubashi/backend/seed"
	"github.com/setubashi/setubashi/backend/talent"
)

// seedCommand handles `setubashi seed`: it loads generated demo data (the same
// data for the same --seed) into the configured database, migrating it first,
// and with --demo-accounts also the demo accounts. Sizes default to what
// development mode loads on first start.
func seedCommand(ctx context.Context, cfg config, args []string) error {
	opt := seed.DevelopmentOptions(time.Now())
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	fs.IntVar(&opt.Candidates, "candidates", opt.Candidates, "candidates to create, each with a complete profile")
	fs.IntVar(&opt.Organizations, "organizations", opt.Organizations, "host organisations to create")
	fs.IntVar(&opt.Roles, "roles", opt.Roles, "internships, jobs and research posts to create")
	fs.IntVar(&opt.Applications, "applications", opt.Applications, "applications to create (fewer if too few candidate-role pairs)")
	fs.Uint64Var(&opt.Seed, "seed", opt.Seed, "random seed: the same seed gives the same data")
	demo := fs.Bool("demo-accounts", false, "also create the demo accounts, with the password SETUBASHI_DEMO_PASSWORD")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return fmt.Errorf("%w: seed: %w", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: seed: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if err := opt.Validate(); err != nil {
		return fmt.Errorf("%w: %w", errUsage, err)
	}
	if *demo && !cfg.development && cfg.demoPassword == defaultDemoPassword {
		// The default password is public: outside development mode, demo
		// accounts (an administrator among them) need a password of their own.
		return fmt.Errorf("%w: seed: --demo-accounts outside development mode needs SETUBASHI_DEMO_PASSWORD", errUsage)
	}

	db, err := openMigrated(ctx, cfg, cfg.logger())
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	started := time.Now()
	if _, err := seed.Generate(ctx, db, opt, os.Stdout); err != nil {
		if errors.Is(err, talent.ErrConflict) {
			return fmt.Errorf("the database already holds data of this seed; seed an empty database: %w", err)
		}
		return err
	}
	fmt.Printf("seed: finished in %s\n", time.Since(started).Round(time.Millisecond))
	if !*demo {
		return nil
	}
	accounts, err := seed.DemoAccounts(ctx, db, cfg.demoPassword, opt)
	if err != nil {
		return fmt.Errorf("demo accounts: %w", err)
	}
	fmt.Println("demo accounts (password: SETUBASHI_DEMO_PASSWORD, or the development default):")
	for _, a := range accounts {
		fmt.Printf("  %-32s %s\n", a.Email, a.Kind)
	}
	return nil
}
