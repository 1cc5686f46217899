package talent

import (
	"context"
	"time"
)

// AdminUserStore is what administrators change about accounts.
type AdminUserStore interface {
	// ListUsers returns a page of accounts, newest first; a non-empty email
	// keeps only the account with that address.
	ListUsers(ctx context.Context, p Page, email string) ([]User, error)
	// SetUserDisabled disables or enables an account; disabling also ends
	// every session and pending sign-in of it, in the same transaction.
	// ErrNotFound if there is no such account.
	SetUserDisabled(ctx context.Context, userID int64, disabled bool, now time.Time) error
	// SetPassword replaces an account's password hash and ends every
	// session and pending sign-in of it, in the same transaction.
	SetPassword(ctx context.Context, userID int64, hash string, now time.Time) error
}

// Users returns a page of accounts for an administrator, newest first, or
// the one with the given e-mail address. Other actors are ErrForbidden
// (wrong_role), anonymous ones ErrUnauthenticated.
func (a *Accounts) Users(ctx context.Context, actor Actor, p Page, email string) ([]User, error) {
	if err := adminOnly(actor); err != nil {
		return nil, err
	}
	return a.store.ListUsers(ctx, p, normalizeEmail(email))
}

// SetDisabled disables an account (ending all its sessions at once) or
// enables it again, as an administrator. Others may not see accounts
// (ErrNotFound); an administrator cannot disable themselves (ErrConflict,
// cannot_disable_self).
func (a *Accounts) SetDisabled(ctx context.Context, actor Actor, userID int64, disabled bool) (User, error) {
	if err := adminSees(actor); err != nil {
		return User{}, err
	}
	if disabled && userID == actor.UserID {
		return User{}, Conflict(CodeCannotDisableSelf)
	}
	if err := a.store.SetUserDisabled(ctx, userID, disabled, a.now()); err != nil {
		return User{}, err
	}
	return a.store.UserByID(ctx, userID)
}

// ResetSecondFactor removes an account's authenticator and recovery codes
// and ends its sessions, as an administrator, for a person who lost both
// (after proving who they are as at enrolment, outside the platform). An
// account whose kind requires a second factor must enrol again at its next
// sign-in. Others get ErrNotFound; an account without one ErrConflict
// (totp_not_enabled).
func (a *Accounts) ResetSecondFactor(ctx context.Context, actor Actor, userID int64) error {
	if err := adminSees(actor); err != nil {
		return err
	}
	if _, err := a.store.UserByID(ctx, userID); err != nil {
		return err
	}
	st, err := a.secondFactorState(ctx, userID)
	if err != nil {
		return err
	}
	if !st.Enabled && !st.EnrolmentStarted {
		return Conflict(CodeTOTPNotEnabled)
	}
	if err := a.store.DeleteTOTP(ctx, userID); err != nil {
		return err
	}
	return a.store.DeleteSessions(ctx, userID, 0)
}

// adminOnly lets administrators through: anonymous actors are
// ErrUnauthenticated, others ErrForbidden (wrong_role).
func adminOnly(actor Actor) error {
	switch {
	case actor.Anonymous():
		return Unauthenticated()
	case !actor.Is(AccountAdmin):
		return Forbidden(CodeWrongKind)
	}
	return nil
}

// adminSees lets administrators see an account: anonymous actors are
// ErrUnauthenticated, others ErrNotFound (accounts are not theirs to see).
func adminSees(actor Actor) error {
	switch {
	case actor.Anonymous():
		return Unauthenticated()
	case !actor.Is(AccountAdmin):
		return NotFound()
	}
	return nil
}
