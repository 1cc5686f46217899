package main

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/talent"
)

func TestConfigFromEnv(t *testing.T) {
	env := map[string]string{"SETUBASHI_MODE": "development", "SETUBASHI_ADDR": "127.0.0.1:9000", "SETUBASHI_LOG_LEVEL": "WARN", "SETUBASHI_SLOW_QUERY": "1.5s"}
	cfg, err := configFromEnv(func(k string) string { return env[k] })
	if err != nil || !cfg.development || cfg.addr != "127.0.0.1:9000" || cfg.demoPassword != defaultDemoPassword || cfg.logLevel.String() != "WARN" ||
		cfg.slowQuery != 1500*time.Millisecond {
		t.Fatalf("config %+v, %v", cfg, err)
	}
	for k, v := range map[string]string{"SETUBASHI_MODE": "staging", "SETUBASHI_LOG_LEVEL": "loud", "SETUBASHI_SLOW_QUERY": "0s"} {
		if _, err := configFromEnv(func(key string) string {
			if key == k {
				return v
			}
			return ""
		}); err == nil {
			t.Errorf("%s=%s accepted", k, v)
		}
	}
	if cfg, _ := configFromEnv(func(string) string { return "" }); cfg.development || cfg.addr != ":8080" {
		t.Errorf("defaults: %+v", cfg)
	}
	// Development mode (public demo passwords, /dev/mail) listens on loopback
	// unless SETUBASHI_ADDR says otherwise.
	dev := func(k string) string { return map[string]string{"SETUBASHI_MODE": "development"}[k] }
	if cfg, _ := configFromEnv(dev); !cfg.development || cfg.addr != "127.0.0.1:8080" {
		t.Errorf("development defaults: %+v", cfg)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}, {"admin"}, {"admin", "delete"}, {"seed", "--candidates", "x"}, {"seed", "extra"}} {
		if err := run(context.Background(), args); !errors.Is(err, errUsage) {
			t.Errorf("run(%q) = %v, want a usage error", args, err)
		}
	}
}

// TestCommandsOnSQLite migrates, seeds a small dataset with the demo
// accounts, and creates an administrator, then reads the results back.
func TestCommandsOnSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cmd.db")
	t.Setenv("DATABASE_URL", path)
	t.Setenv("SETUBASHI_MODE", "development")
	t.Setenv("SETUBASHI_LOG_LEVEL", "error")
	ctx := context.Background()
	if err := run(ctx, []string{"migrate"}); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"seed", "--candidates", "40", "--organizations", "6", "--roles", "12", "--applications", "60", "--seed", "3", "--demo-accounts"}); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SETUBASHI_ADMIN_PASSWORD", "a long enough secret")
	if err := run(ctx, []string{"admin", "create", "--email", "Chief@Example.org", "--name", "Chief", "--role", "ministry"}); err != nil {
		t.Fatal(err)
	}
	if err := run(ctx, []string{"admin", "create", "--email", "chief@example.org", "--name", "Chief"}); err == nil {
		t.Fatal("a second account with the same e-mail was created")
	}
	db, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }()
	n, err := db.CountUsers(ctx)
	if err != nil || n < 40+4+1 {
		t.Fatalf("%d users, %v", n, err)
	}
	u, hash, err := db.UserByEmail(ctx, "chief@example.org")
	if err != nil || u.Kind != talent.AccountMinistry || !talent.CheckPassword("a long enough secret", hash) {
		t.Fatalf("staff account %+v, %v", u, err)
	}
	_, demoHash, err := db.UserByEmail(ctx, "admin@demo.setubashi.test")
	if err != nil || !talent.CheckPassword(defaultDemoPassword, demoHash) {
		t.Fatalf("demo administrator: %v", err)
	}
}

// TestDemoAccountsNeedOwnPasswordInProduction refuses to create an
// administrator with the public default password outside development mode.
func TestDemoAccountsNeedOwnPasswordInProduction(t *testing.T) {
	t.Setenv("DATABASE_URL", filepath.Join(t.TempDir(), "prod.db"))
	t.Setenv("SETUBASHI_MODE", "production")
	if err := run(context.Background(), []string{"seed", "--candidates", "5", "--demo-accounts"}); !errors.Is(err, errUsage) {
		t.Fatalf("got %v, want a usage error", err)
	}
}
