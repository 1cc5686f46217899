package httpapi

import (
	"math"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"

	"github.com/setubashi/setubashi/backend/talent"
)

// clientLimiter is a token bucket per client (see clientKey). It keeps its
// buckets in the process: each replica limits on its own, which bounds abuse
// without state shared between replicas (a replica's limit is the
// per-client rate).
type clientLimiter struct {
	every time.Duration
	burst int
	mu    sync.Mutex
	seen  map[string]*clientBucket
	swept time.Time // when idle buckets were last dropped
}

// trackedClients is how many buckets a limiter keeps before it starts
// dropping idle ones (at most once an interval, so that a flood of new
// clients does not make every request scan them all).
const trackedClients = 10_000

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
	if len(l.seen) > trackedClients && now.Sub(l.swept) >= l.every {
		l.forgetIdle(now)
		l.swept = now
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
		ok, wait := l.reserve(clientKey(c.ClientIP()), time.Now())
		if !ok {
			c.Header("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
			s.respondError(c, newHTTPProblem(http.StatusTooManyRequests, "title.rate_limited", talent.ErrRateLimited, codeRateLimited))
			return
		}
		c.Next()
	}
}

// clientKey is the bucket a client address counts against: an IPv4 address
// itself, an IPv6 address by its /64 network (one subscriber's allocation,
// in which every address is equally cheap to use).
func clientKey(ip string) string {
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	addr = addr.Unmap()
	if addr.Is4() {
		return addr.String()
	}
	network, err := addr.WithZone("").Prefix(64)
	if err != nil {
		return ip
	}
	return network.String()
}
