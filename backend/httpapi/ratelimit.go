package httpapi

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"

	"github.com/setubashi/setubashi/backend/talent"
)

// clientLimiter is a token bucket per client address. It keeps its buckets
// in the process: each replica limits on its own, which bounds abuse without
// state shared between replicas (a replica's limit is the per-client rate).
type clientLimiter struct {
	every time.Duration
	burst int
	mu    sync.Mutex
	seen  map[string]*clientBucket
}

type clientBucket struct {
	limiter *rate.Limiter
	last    time.Time
}

// newClientLimiter allows each client burst requests at once and one more
// every interval after that.
func newClientLimiter(every time.Duration, burst int) *clientLimiter {
	return &clientLimiter{every: every, burst: burst, seen: map[string]*clientBucket{}}
}

// reserve takes a token for client, or says how long until one is free.
func (l *clientLimiter) reserve(client string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.seen) > 10_000 {
		l.forgetIdle(now)
	}
	b, ok := l.seen[client]
	if !ok {
		b = &clientBucket{limiter: rate.NewLimiter(rate.Every(l.every), l.burst)}
		l.seen[client] = b
	}
	b.last = now
	r := b.limiter.ReserveN(now, 1)
	if delay := r.DelayFrom(now); delay > 0 {
		r.CancelAt(now)
		return false, delay
	}
	return true, 0
}

// forgetIdle drops buckets that have refilled completely.
func (l *clientLimiter) forgetIdle(now time.Time) {
	full := l.every * time.Duration(l.burst)
	for k, b := range l.seen {
		if now.Sub(b.last) > full {
			delete(l.seen, k)
		}
	}
}

// limit answers 429 with Retry-After to a client over its rate.
func (s *Server) limit(l *clientLimiter) gin.HandlerFunc {
	return func(c *gin.Context) {
		ok, wait := l.reserve(c.ClientIP(), time.Now())
		if !ok {
			c.Header("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
			s.respondError(c, newHTTPProblem(http.StatusTooManyRequests, "title.rate_limited", talent.ErrRateLimited, "rate_limited"))
			return
		}
		c.Next()
	}
}
