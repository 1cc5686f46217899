package store_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
	"github.com/setubashi/setubashi/backend/talent"
)

// TestSlowQueriesAreLoggedWithTheRequestID logs every statement as slow
// (a threshold of 1 ns): the statement is logged at warn level with the ID of
// the request it served, and without its values, which may be personal data.
func TestSlowQueriesAreLoggedWithTheRequestID(t *testing.T) {
	for _, dialect := range storetest.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			var buf bytes.Buffer
			db := storetest.OpenWith(t, dialect, store.Options{Logger: slog.New(slog.NewJSONHandler(&buf, nil)), SlowQuery: time.Nanosecond})
			ctx := talent.WithRequestID(context.Background(), "req-slow-1")
			if _, _, err := db.UserByEmail(ctx, "private@example.org"); !errors.Is(err, talent.ErrNotFound) {
				t.Fatalf("user by e-mail: %v, want not found", err)
			}
			var found bool
			for line := range strings.Lines(buf.String()) {
				var rec struct {
					Level, Msg, SQL string
					RequestID       string `json:"request_id"`
				}
				if err := json.Unmarshal([]byte(line), &rec); err != nil {
					t.Fatalf("log line %q: %v", line, err)
				}
				if rec.RequestID != "req-slow-1" {
					continue
				}
				found = true
				if rec.Level != "WARN" || rec.Msg != "slow query" || !strings.Contains(rec.SQL, "users") {
					t.Errorf("logged %s %q: %s", rec.Level, rec.Msg, rec.SQL)
				}
				if strings.Contains(line, "private@example.org") {
					t.Errorf("the statement's values are in the log: %s", line)
				}
			}
			if !found {
				t.Errorf("no slow query logged with the request ID:\n%s", buf.String())
			}
		})
	}
}
