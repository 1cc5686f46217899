package mail

import (
	"context"
	"slices"
	"sync"
	"time"
)

// Catcher keeps the last messages in memory instead of sending them: the
// Sender of development mode, shown by its Handler. It is safe for
// concurrent use.
type Catcher struct {
	mu       sync.Mutex
	capacity int
	next     int
	kept     []Caught // oldest first
}

// Caught is one message a Catcher kept.
type Caught struct {
	ID int       // sequence number, from 1, in the order of Send
	At time.Time // when Send was called (UTC)
	Message
}

// NewCatcher returns a Catcher that keeps the last capacity messages (at
// least one), dropping the oldest.
func NewCatcher(capacity int) *Catcher {
	return &Catcher{capacity: max(capacity, 1)}
}

// Send keeps m. It refuses what SMTP would refuse (a malformed message)
// and does nothing once ctx has ended.
func (c *Catcher) Send(ctx context.Context, m Message) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := m.check(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next++
	c.kept = append(c.kept, Caught{ID: c.next, At: time.Now().UTC(), Message: m})
	if over := len(c.kept) - c.capacity; over > 0 {
		c.kept = slices.Delete(c.kept, 0, over)
	}
	return nil
}

// Messages returns the kept messages, newest first.
func (c *Catcher) Messages() []Caught {
	c.mu.Lock()
	defer c.mu.Unlock()
	list := slices.Clone(c.kept)
	slices.Reverse(list)
	return list
}

// find returns the kept message with the given id.
func (c *Catcher) find(id int) (Caught, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i := slices.IndexFunc(c.kept, func(x Caught) bool { return x.ID == id })
	if i < 0 {
		return Caught{}, false
	}
	return c.kept[i], true
}
