package mail_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/mail"
)

// TestCatcherKeepsTheNewest keeps the last capacity messages, newest
// first, numbered in the order they came.
func TestCatcherKeepsTheNewest(t *testing.T) {
	c := mail.NewCatcher(3)
	if got := c.Messages(); len(got) != 0 {
		t.Fatalf("new catcher holds %d messages", len(got))
	}
	before := time.Now().Add(-time.Second)
	for i := 1; i <= 5; i++ {
		if err := c.Send(context.Background(), message(fmt.Sprintf("notification-%d@setubashi", i))); err != nil {
			t.Fatal(err)
		}
	}
	got := c.Messages()
	if len(got) != 3 {
		t.Fatalf("kept %d messages, want 3", len(got))
	}
	for i, want := range []int{5, 4, 3} {
		m := got[i]
		if m.ID != want || m.MessageID != fmt.Sprintf("notification-%d@setubashi", want) {
			t.Errorf("messages[%d] = #%d %s, want #%d", i, m.ID, m.MessageID, want)
		}
		if m.At.Before(before) || m.At.Location() != time.UTC {
			t.Errorf("messages[%d].At = %v", i, m.At)
		}
	}
	got[0].Subject = "changed by the caller"
	if c.Messages()[0].Subject == "changed by the caller" {
		t.Error("Messages shares its slice with the catcher")
	}
}

// TestCatcherCapacityAtLeastOne keeps one message for a capacity below 1.
func TestCatcherCapacityAtLeastOne(t *testing.T) {
	c := mail.NewCatcher(0)
	for i := 1; i <= 2; i++ {
		if err := c.Send(context.Background(), message(fmt.Sprintf("n-%d@setubashi", i))); err != nil {
			t.Fatal(err)
		}
	}
	if got := c.Messages(); len(got) != 1 || got[0].ID != 2 {
		t.Fatalf("kept %+v", got)
	}
}

// TestCatcherConcurrentSends gives every concurrent Send its own number.
func TestCatcherConcurrentSends(t *testing.T) {
	c := mail.NewCatcher(10)
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() {
			if err := c.Send(context.Background(), message(fmt.Sprintf("n-%d@setubashi", i))); err != nil {
				t.Error(err)
			}
			_ = c.Messages()
		})
	}
	wg.Wait()
	got := c.Messages()
	if len(got) != 10 {
		t.Fatalf("kept %d messages, want 10", len(got))
	}
	for i, m := range got {
		if m.ID != 50-i {
			t.Errorf("messages[%d].ID = %d, want %d", i, m.ID, 50-i)
		}
	}
}

// TestCatcherHonoursContext keeps nothing once the context has ended.
func TestCatcherHonoursContext(t *testing.T) {
	c := mail.NewCatcher(3)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := c.Send(ctx, message("n-1@setubashi")); err == nil {
		t.Fatal("Send with an ended context succeeded")
	}
	if len(c.Messages()) != 0 {
		t.Fatal("kept a message")
	}
}
