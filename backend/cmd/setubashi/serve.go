package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/setubashi/setubashi/backend/httpapi"
	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/matching"
	"github.com/setubashi/setubashi/backend/notify"
	"github.com/setubashi/setubashi/backend/seed"
	"github.com/setubashi/setubashi/backend/skills"
	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/talent"
	"github.com/setubashi/setubashi/docs"
	"github.com/setubashi/setubashi/frontend"
	"github.com/setubashi/setubashi/locales"
)

// sessionTTL is how long a sign-in lasts.
const sessionTTL = 7 * 24 * time.Hour

// shutdownGrace is how long in-flight requests may take to finish on SIGTERM.
const shutdownGrace = 20 * time.Second

// serve migrates the database, seeds it in development mode when it is
// empty, and answers HTTP until ctx ends, then shuts down gracefully.
func serve(ctx context.Context, cfg config) error {
	log := cfg.logger()
	db, err := openMigrated(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	if cfg.development {
		if err := seedDevelopment(ctx, db, cfg); err != nil {
			return err
		}
	}
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		return err
	}
	taxonomy, err := loadSkills(catalog)
	if err != nil {
		return err
	}
	sender, devMail, err := mailSender(cfg)
	if err != nil {
		return err
	}
	engines := matching.Engines(taxonomy)
	if engines.Deliveries, err = notify.NewQueue(db); err != nil {
		return err
	}
	platform, err := talent.NewPlatform(db, talent.OWASPArgon2, sessionTTL, engines)
	if err != nil {
		return err
	}
	stopNotifications, err := startNotifications(ctx, cfg, db, platform, catalog, sender, log)
	if err != nil {
		return err
	}
	if emails := secondFactorExempt(cfg); len(emails) > 0 {
		platform.Accounts.ExemptFromSecondFactor(emails...)
		log.Warn("development mode: the demo accounts may skip the second factor", slog.Any("accounts", emails))
	}
	ui, err := fs.Sub(frontend.Dist, "dist")
	if err != nil {
		return err
	}
	handler := httpapi.New(httpapi.Config{Development: cfg.development, SessionTTL: sessionTTL, DevMail: devMail}, log, catalog, db, platform, taxonomy, docs.OpenAPI, ui)
	srv := &http.Server{
		Addr: cfg.addr, Handler: handler,
		ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second, MaxHeaderBytes: 64 << 10,
	}
	errs := make(chan error, 1)
	go func() { errs <- srv.ListenAndServe() }()
	log.Info("serving", slog.String("addr", cfg.addr), slog.String("database", db.Dialect()), slog.Bool("development", cfg.development))
	fmt.Printf("Setubashi is serving on %s (database: %s)\n", displayAddr(cfg.addr), db.Dialect())
	if devMail != nil {
		fmt.Printf("E-mail is not sent in development mode: see what would have been sent at %s/dev/mail\n", displayAddr(cfg.addr))
	}
	select {
	case err := <-errs:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	stopNotifications(shutdownCtx)
	if err := <-errs; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// loadSkills loads the skills taxonomy and registers its skill and domain
// labels in catalog, so that messages naming skills show their labels.
func loadSkills(catalog *i18n.Catalog) (*skills.Taxonomy, error) {
	taxonomy, err := skills.Load()
	if err != nil {
		return nil, err
	}
	if err := catalog.AddLabels(talent.SkillSet, taxonomy.Labels()); err != nil {
		return nil, err
	}
	if err := catalog.AddLabels("skill_domain", taxonomy.DomainLabels()); err != nil {
		return nil, err
	}
	return taxonomy, nil
}

// openMigrated opens the configured database and applies pending migrations.
func openMigrated(ctx context.Context, cfg config, log *slog.Logger) (*store.DB, error) {
	db, err := store.Open(ctx, cfg.databaseURL, store.Options{Logger: log, SlowQuery: cfg.slowQuery})
	if err != nil {
		return nil, err
	}
	n, err := db.Migrate(ctx)
	if err != nil {
		_ = db.Close()
		return nil, err
	}
	if n > 0 {
		log.Info("migrated", slog.Int("applied", n), slog.String("database", db.Dialect()))
	}
	return db, nil
}

// seedDevelopment fills an empty database with demo data and prints the demo
// accounts. It runs only in development mode.
func seedDevelopment(ctx context.Context, db *store.DB, cfg config) error {
	n, err := db.CountUsers(ctx)
	if err != nil {
		return err
	}
	now := time.Now()
	if n == 0 {
		fmt.Println("Empty database: loading demo data (development mode)")
		if _, err := seed.Generate(ctx, db, seed.DevelopmentOptions(now), os.Stdout); err != nil {
			return err
		}
		if _, err := seed.DemoAccounts(ctx, db, cfg.demoPassword, seed.DevelopmentOptions(now)); err != nil {
			return err
		}
	}
	fmt.Println("\nDemo accounts (development mode only), password:", cfg.demoPassword)
	for _, a := range seed.DemoAccountEmails {
		fmt.Printf("  %-32s %s\n", a.Email, a.Kind)
	}
	fmt.Println("(the password is the one SETUBASHI_DEMO_PASSWORD had when the demo data was first loaded)")
	return nil
}

// secondFactorExempt returns the accounts that may skip the second factor
// their role requires: the demo accounts in development mode, nobody in
// production.
func secondFactorExempt(cfg config) []string {
	if !cfg.development {
		return nil
	}
	emails := make([]string, 0, len(seed.DemoAccountEmails))
	for _, a := range seed.DemoAccountEmails {
		emails = append(emails, a.Email)
	}
	return emails
}

func displayAddr(addr string) string {
	if len(addr) > 0 && addr[0] == ':' {
		return "http://localhost" + addr
	}
	return "http://" + addr
}

// migrate applies pending migrations and reports the schema version.
func migrate(ctx context.Context, cfg config) error {
	db, err := openMigrated(ctx, cfg, cfg.logger())
	if err != nil {
		return err
	}
	defer func() { _ = db.Close() }()
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("%s database at schema version %d\n", db.Dialect(), v)
	return nil
}
