package main

import (
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"
)

// config is what the environment says about how to run.
type config struct {
	databaseURL  string
	addr         string
	development  bool
	demoPassword string
	logLevel     slog.Level
	// slowQuery is how long a database statement may take before it is
	// logged at warn level (SETUBASHI_SLOW_QUERY; 0: the store's default,
	// 200 ms).
	slowQuery time.Duration
	// smtpURL says where e-mail goes (SETUBASHI_SMTP_URL); without it, in
	// development mode, mail is caught and shown at /dev/mail.
	smtpURL string
	// publicURL is the web app's address in links in e-mails
	// (SETUBASHI_PUBLIC_URL; default: the listening address).
	publicURL string
}

// defaultDemoPassword is the demo accounts' password unless
// SETUBASHI_DEMO_PASSWORD sets another (development mode only).
const defaultDemoPassword = "setubashi-demo-2026" //nolint:gosec // a documented demo password, used only in development mode

func configFromEnv(getenv func(string) string) (config, error) {
	cfg := config{
		databaseURL:  getenv("DATABASE_URL"),
		addr:         getenv("SETUBASHI_ADDR"),
		demoPassword: getenv("SETUBASHI_DEMO_PASSWORD"),
		smtpURL:      getenv("SETUBASHI_SMTP_URL"),
		publicURL:    getenv("SETUBASHI_PUBLIC_URL"),
	}
	if cfg.demoPassword == "" {
		cfg.demoPassword = defaultDemoPassword
	}
	switch mode := getenv("SETUBASHI_MODE"); mode {
	case "", "production":
	case "development":
		cfg.development = true
	default:
		return cfg, fmt.Errorf("SETUBASHI_MODE must be development or production, not %q", mode)
	}
	if cfg.addr == "" {
		// Development mode has public demo passwords and /dev/mail: it
		// listens on this machine only unless SETUBASHI_ADDR says otherwise.
		cfg.addr = ":8080"
		if cfg.development {
			cfg.addr = "127.0.0.1:8080"
		}
	}
	if lvl := getenv("SETUBASHI_LOG_LEVEL"); lvl != "" {
		if err := cfg.logLevel.UnmarshalText([]byte(strings.ToLower(lvl))); err != nil {
			return cfg, fmt.Errorf("SETUBASHI_LOG_LEVEL: %w", err)
		}
	}
	if s := getenv("SETUBASHI_SLOW_QUERY"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			return cfg, fmt.Errorf("SETUBASHI_SLOW_QUERY must be a positive duration such as 200ms, not %q", s)
		}
		cfg.slowQuery = d
	}
	return cfg, nil
}

// publicAddress is the web app's address for links in e-mails.
func (c config) publicAddress() string {
	if c.publicURL != "" {
		return c.publicURL
	}
	return displayAddr(c.addr)
}

// jobLogger is the logger of the job queue, which reports routine progress
// at the info level: it shows warnings and errors only, unless debugging.
func (c config) jobLogger() *slog.Logger {
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: max(c.logLevel, slog.LevelWarn)}))
}

func (c config) logger() *slog.Logger {
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: c.logLevel}))
}
