package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/mail"
	"github.com/setubashi/setubashi/backend/notify"
	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/talent"
)

// devMailCapacity is how many messages the development mail catcher keeps.
const devMailCapacity = 200

// mailSender returns where e-mail goes: the SMTP server of
// SETUBASHI_SMTP_URL, or in development mode without one, the catcher page
// (returned as a handler for /dev/mail). Production needs an SMTP server.
func mailSender(cfg config) (mail.Sender, http.Handler, error) {
	if cfg.smtpURL != "" {
		sender, err := mail.NewSMTP(cfg.smtpURL)
		return sender, nil, err
	}
	if !cfg.development {
		return nil, nil, errors.New("SETUBASHI_SMTP_URL must name the SMTP server outside development mode (smtp://user:password@host:587?from=no-reply@example.org)")
	}
	catcher := mail.NewCatcher(devMailCapacity)
	return catcher, catcher.Handler("/dev/mail"), nil
}

// startNotifications starts the job queue's worker, which delivers
// notifications, runs saved searches and round reminders, and purges expired
// idempotency records; stop it with the returned function.
func startNotifications(ctx context.Context, cfg config, db *store.DB, platform *talent.Platform, catalog *i18n.Catalog, sender mail.Sender, log *slog.Logger) (func(context.Context), error) {
	worker, err := notify.NewWorker(notify.Config{DB: db, Platform: platform, Catalog: catalog, Sender: sender, BaseURL: cfg.publicAddress(), Logger: cfg.jobLogger()})
	if err != nil {
		return nil, err
	}
	// Started without ctx's cancellation: River stops hard when the start
	// context ends, cancelling jobs whose e-mail may have gone out already
	// (they would be sent again); the returned function stops it softly,
	// letting running jobs finish within the shutdown grace.
	if err := worker.Start(context.WithoutCancel(ctx)); err != nil {
		return nil, err
	}
	return func(stopCtx context.Context) {
		if err := worker.Stop(stopCtx); err != nil {
			log.Warn("notification worker did not stop cleanly", slog.Any("error", err))
		}
	}, nil
}
