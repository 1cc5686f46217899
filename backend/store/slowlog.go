package store

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"time"

	"gorm.io/gorm/logger"

	"github.com/setubashi/setubashi/backend/talent"
)

// DefaultSlowQuery is how long a statement may take before it is logged as
// slow, unless Options.SlowQuery says otherwise.
const DefaultSlowQuery = 200 * time.Millisecond

// slowLog is GORM's logger: it logs each statement that took at least
// threshold at warn level, with the ID of the request it served, and GORM's
// own warnings and errors. Failed statements are not logged here: their
// errors reach the callers, which log what needs it.
type slowLog struct {
	log       *slog.Logger
	threshold time.Duration
}

// gormLogger returns the logger for opt: nothing without a Logger.
func gormLogger(opt Options) logger.Interface {
	if opt.Logger == nil {
		return logger.Discard
	}
	threshold := opt.SlowQuery
	if threshold == 0 {
		threshold = DefaultSlowQuery
	}
	return slowLog{log: opt.Logger, threshold: threshold}
}

// LogMode keeps the logger as it is: the slog handler chooses the levels.
func (l slowLog) LogMode(logger.LogLevel) logger.Interface { return l }

// Info drops GORM's informational messages.
func (slowLog) Info(context.Context, string, ...any) {}

// Warn logs one of GORM's warnings.
func (l slowLog) Warn(ctx context.Context, msg string, args ...any) {
	l.log.WarnContext(ctx, fmt.Sprintf(msg, args...))
}

// Error logs one of GORM's errors.
func (l slowLog) Error(ctx context.Context, msg string, args ...any) {
	l.log.ErrorContext(ctx, fmt.Sprintf(msg, args...))
}

// Trace logs a statement that took threshold or longer.
func (l slowLog) Trace(ctx context.Context, begin time.Time, fc func() (sql string, rowsAffected int64), err error) {
	elapsed := time.Since(begin)
	if elapsed < l.threshold {
		return
	}
	sql, rows := fc()
	sql = unfilledPlaceholder.ReplaceAllString(sql, "$$$1")
	attrs := []slog.Attr{slog.Duration("elapsed", elapsed), slog.String("sql", sql), slog.Int64("rows", rows)}
	if id := talent.RequestIDFrom(ctx); id != "" {
		attrs = append(attrs, slog.String("request_id", id))
	}
	if err != nil {
		attrs = append(attrs, slog.Any("error", err))
	}
	l.log.LogAttrs(ctx, slog.LevelWarn, "slow query", attrs...)
}

// ParamsFilter leaves the values out of logged statements: they may be
// personal data or secrets.
func (slowLog) ParamsFilter(_ context.Context, sql string, _ ...any) (string, []any) {
	return sql, nil
}

// unfilledPlaceholder is how GORM's PostgreSQL dialect shows a placeholder
// whose value was left out ($1 as $1$).
var unfilledPlaceholder = regexp.MustCompile(`\$(\d+)\$`)
