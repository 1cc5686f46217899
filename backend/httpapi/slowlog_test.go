package httpapi_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/store"
	"github.com/setubashi/setubashi/backend/store/storetest"
)

// TestSlowQueriesNameTheirRequest logs every statement as slow: those a
// request runs carry the request's ID, the caller's X-Request-ID, from the
// middleware through the services to the store.
func TestSlowQueriesNameTheirRequest(t *testing.T) {
	for _, dialect := range storetest.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			var logs lockedBuffer
			db := storetest.OpenWith(t, dialect, store.Options{Logger: slog.New(slog.NewJSONHandler(&logs, nil)), SlowQuery: time.Nanosecond})
			a := newAPI(t, db)
			r := a.do(request{method: http.MethodGet, path: "/api/v1/roles", header: map[string]string{"X-Request-ID": "req-roles-7"}})
			if r.Status != http.StatusOK {
				t.Fatalf("roles: %d %s", r.Status, r.Body)
			}
			if got := logs.String(); !strings.Contains(got, `"msg":"slow query"`) || !strings.Contains(got, `"request_id":"req-roles-7"`) {
				t.Errorf("no slow query logged with the request's ID:\n%s", got)
			}
		})
	}
}

// lockedBuffer is a log destination that requests may write to while the
// test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
