package seed

import (
	"errors"
	"time"
)

// Options say how much data to generate, from which seed, as of which day.
type Options struct {
	Candidates    int
	Organizations int
	Roles         int
	Applications  int
	// Seed selects the data: the same Options give the same data.
	Seed uint64
	// Now is "today" for the data: accounts, roles and applications lie
	// before it, deadlines and start dates around it, arrivals not after it.
	Now time.Time
}

// DevelopmentOptions returns the sizes `make run` seeds on first start: big
// enough to explore every screen, small enough to take a few seconds.
func DevelopmentOptions(now time.Time) Options {
	return Options{Candidates: 400, Organizations: 40, Roles: 160, Applications: 1500, Seed: 1, Now: now}
}

// Validate reports options Generate cannot honour: no Now, a negative size,
// or roles without organisations to offer them.
func (o Options) Validate() error {
	switch {
	case o.Now.IsZero():
		return errors.New("seed: Options.Now is required")
	case o.Candidates < 0 || o.Organizations < 0 || o.Roles < 0 || o.Applications < 0:
		return errors.New("seed: sizes must not be negative")
	case o.Roles > 0 && o.Organizations == 0:
		return errors.New("seed: roles need at least one organisation")
	}
	return nil
}
