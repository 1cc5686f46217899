package store

import (
	"errors"
	"fmt"

	"gorm.io/gorm"

	"github.com/setubashi/setubashi/backend/talent"
)

// translate turns GORM's errors into talent's error kinds: a missing row is
// talent.ErrNotFound, a unique-key violation (either dialect) ErrConflict.
// Anything else is wrapped with what was being done.
func translate(err error, doing string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound):
		return talent.NotFound()
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return talent.Conflict("duplicate")
	case errors.Is(err, talent.ErrNotFound), errors.Is(err, talent.ErrConflict), errors.Is(err, talent.ErrInvalid):
		return err
	default:
		return fmt.Errorf("%s: %w", doing, err)
	}
}
