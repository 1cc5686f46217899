package main

import (
	"context"
	"net"
	"net/http"
	"path/filepath"
	"testing"
	"time"
)

// TestServeDevelopmentSeedsAndShutsDown starts the server as `make run` does
// on an empty database: it seeds, answers, and stops cleanly when asked.
func TestServeDevelopmentSeedsAndShutsDown(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	cfg := config{databaseURL: filepath.Join(t.TempDir(), "dev.db"), addr: addr, development: true, demoPassword: defaultDemoPassword}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, cfg) }()
	client := &http.Client{Timeout: 5 * time.Second}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		resp, err := client.Get("http://" + addr + "/readyz")
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("server not ready: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	resp, err := client.Get("http://" + addr + "/api/v1/roles?limit=1")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("roles: %v %v", resp, err)
	}
	_ = resp.Body.Close()
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("serve returned %v after shutdown", err)
	}
}
