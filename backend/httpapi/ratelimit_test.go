package httpapi

import (
	"fmt"
	"testing"
	"time"
)

// TestClientKey checks that IPv4 clients are limited per address and IPv6
// clients per /64 network.
func TestClientKey(t *testing.T) {
	cases := []struct{ a, b string }{
		{"2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff"},
		{"::ffff:192.0.2.1", "192.0.2.1"},
		{"fe80::1%eth0", "fe80::2"},
	}
	for _, c := range cases {
		if clientKey(c.a) != clientKey(c.b) {
			t.Errorf("%s and %s count apart: %q, %q", c.a, c.b, clientKey(c.a), clientKey(c.b))
		}
	}
	apart := []struct{ a, b string }{
		{"192.0.2.1", "192.0.2.2"},
		{"2001:db8:1:2::1", "2001:db8:1:3::1"},
		{"not an address", "192.0.2.1"},
	}
	for _, c := range apart {
		if clientKey(c.a) == clientKey(c.b) {
			t.Errorf("%s and %s count together as %q", c.a, c.b, clientKey(c.a))
		}
	}
}

// TestClientLimiterForgetsIdleClients checks that past trackedClients the
// limiter drops clients whose buckets have refilled, at most once an
// interval, and that the rate holds across a sweep.
func TestClientLimiterForgetsIdleClients(t *testing.T) {
	l := newClientLimiter(3*time.Second, 2)
	start := time.Unix(1_800_000_000, 0)
	for i := range trackedClients + 1 {
		l.reserve(fmt.Sprint("idle-", i), start)
	}
	l.reserve("busy", start)
	l.reserve("busy", start)
	later := start.Add(2 * time.Second) // busy has used its burst; a token takes 3 s
	if ok, wait := l.reserve("busy", later); ok || wait <= 0 {
		t.Fatalf("busy client over its burst: allowed %v, wait %v", ok, wait)
	}
	if n := len(l.seen); n != trackedClients+2 {
		t.Fatalf("%d clients tracked before their buckets refilled, want %d", n, trackedClients+2)
	}
	swept := start.Add(7 * time.Second)
	l.reserve("new", swept)
	if _, ok := l.seen["busy"]; len(l.seen) != 2 || !ok {
		t.Fatalf("after the sweep %d clients are tracked, want busy and new", len(l.seen))
	}
	for i := range trackedClients {
		l.reserve(fmt.Sprint("flood-", i), swept)
	}
	// By now busy is idle too, but the last sweep was under an interval ago.
	n := len(l.seen)
	l.reserve("one more", swept.Add(1500*time.Millisecond))
	if _, ok := l.seen["busy"]; len(l.seen) != n+1 || !ok {
		t.Errorf("swept again within an interval: %d clients, want %d", len(l.seen), n+1)
	}
}
