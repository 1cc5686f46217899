package talent

import (
	"context"
	"time"
)

// Sign-in stages.
const (
	// SignedIn: a session is open; SignIn.Token is its token.
	SignedIn = "signed_in"
	// SecondFactorPending: the password was right and the account has an
	// authenticator; SignIn.Token is the pending sign-in's token, to be sent
	// with a code to CompleteSignIn within PendingSignInLifetime.
	SecondFactorPending = "second_factor"
)

// SignIn is the outcome of a successful sign-in step.
type SignIn struct {
	Stage     string
	User      User
	Token     string
	ExpiresAt time.Time
	// EnrolmentRequired says that the new session may only enrol a second
	// factor until the account has one (see Authenticated).
	EnrolmentRequired bool
	// Device is the device token the browser should keep (a new one when it
	// sent none); empty when the password was not proven.
	Device string
}

// Login checks an e-mail and password. For an account with an authenticator
// it starts a pending sign-in that CompleteSignIn finishes; otherwise it
// opens a session. A wrong e-mail or password, or a disabled account, is
// ErrUnauthenticated (invalid_credentials), answered as slowly whether or not
// the e-mail exists.
//
// Failed attempts slow further ones down exponentially (see attempt): per
// account, except that a browser that has signed in to the account before
// (it holds a device token the account trusts) has a back-off of its own,
// so that a stranger guessing passwords cannot lock the owner out of the
// browser they use (OWASP's "device cookies"). While the back-off is in
// force the answer is ErrRateLimited (too_many_attempts) with the wait.
func (a *Accounts) Login(ctx context.Context, email, password string, c Client) (SignIn, error) {
	email = normalizeEmail(email)
	u, hash, err := a.store.UserByEmail(ctx, email)
	found := err == nil
	if err != nil && !isNotFound(err) {
		return SignIn{}, err
	}
	key := accountKey(email)
	if found && c.Device != "" {
		trusted, err := a.store.IsTrustedDevice(ctx, u.ID, HashToken(c.Device))
		if err != nil {
			return SignIn{}, err
		}
		if trusted {
			key = deviceKey(u.ID, c.Device)
		}
	}
	if err := a.attempt(ctx, key); err != nil {
		return SignIn{}, err
	}
	if !found {
		CheckPassword(password, a.dummyHash)
		return SignIn{}, NewProblem(ErrUnauthenticated, CodeInvalidCredentials)
	}
	if !CheckPassword(password, hash) || u.Disabled {
		return SignIn{}, NewProblem(ErrUnauthenticated, CodeInvalidCredentials)
	}
	if err := a.store.ClearThrottle(ctx, key); err != nil {
		return SignIn{}, err
	}
	device, err := a.trustDevice(ctx, u.ID, c.Device)
	if err != nil {
		return SignIn{}, err
	}
	status, err := a.secondFactorState(ctx, u.ID)
	if err != nil {
		return SignIn{}, err
	}
	if status.Enabled {
		token, err := newToken()
		if err != nil {
			return SignIn{}, err
		}
		now := a.now()
		p := PendingSignIn{UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(PendingSignInLifetime), IP: clip(c.IP, 64), UserAgent: clip(c.UserAgent, 256)}
		if err := a.store.CreatePendingSignIn(ctx, &p, HashToken(token)); err != nil {
			return SignIn{}, err
		}
		return SignIn{Stage: SecondFactorPending, User: u, Token: token, ExpiresAt: p.ExpiresAt, Device: device}, nil
	}
	token, s, err := a.openSession(ctx, u, c, false)
	if err != nil {
		return SignIn{}, err
	}
	return SignIn{Stage: SignedIn, User: u, Token: token, ExpiresAt: s.ExpiresAt, Device: device,
		EnrolmentRequired: a.mustEnrol(u, false)}, nil
}

// CompleteSignIn finishes a pending sign-in with a code from the account's
// authenticator app or one of its recovery codes, and opens a session. An
// unknown, expired or exhausted pending sign-in (PendingSignInAttempts codes)
// is ErrUnauthenticated (sign_in_expired: sign in again); a wrong code is
// ErrInvalid (code: second_factor_invalid). Wrong codes also slow further
// ones down per account (ErrRateLimited), since a pending sign-in needs only
// the password.
func (a *Accounts) CompleteSignIn(ctx context.Context, pendingToken, code string, c Client) (SignIn, error) {
	if pendingToken == "" {
		return SignIn{}, Unauthenticated()
	}
	expired := NewProblem(ErrUnauthenticated, CodeSignInExpired)
	p, err := a.store.PendingSignInByToken(ctx, HashToken(pendingToken))
	if isNotFound(err) {
		return SignIn{}, expired
	}
	if err != nil {
		return SignIn{}, err
	}
	if !a.now().Before(p.ExpiresAt) {
		return SignIn{}, unlessCleanupFails(expired, a.store.DeletePendingSignIn(ctx, p.ID))
	}
	var v Validator
	if code == "" {
		v.Add("code", "required")
		return SignIn{}, v.Err()
	}
	ok, err := a.store.CountPendingAttempt(ctx, p.ID, PendingSignInAttempts)
	if err != nil {
		return SignIn{}, err
	}
	if !ok {
		return SignIn{}, unlessCleanupFails(expired, a.store.DeletePendingSignIn(ctx, p.ID))
	}
	u, err := a.store.UserByID(ctx, p.UserID)
	if err != nil {
		return SignIn{}, err
	}
	if u.Disabled {
		return SignIn{}, unlessCleanupFails(expired, a.store.DeletePendingSignIn(ctx, p.ID))
	}
	if err := a.checkSecondFactor(ctx, u.ID, code); err != nil {
		return SignIn{}, err
	}
	if err := a.store.DeletePendingSignIn(ctx, p.ID); err != nil {
		return SignIn{}, err
	}
	token, s, err := a.openSession(ctx, u, c, true)
	if err != nil {
		return SignIn{}, err
	}
	return SignIn{Stage: SignedIn, User: u, Token: token, ExpiresAt: s.ExpiresAt}, nil
}

// unlessCleanupFails returns err unless cleaning up failed, in which case that failure
// is the error.
func unlessCleanupFails(err, cleanup error) error {
	if cleanup != nil {
		return cleanup
	}
	return err
}

// trustDevice records that the browser holding device (a new device token
// when it is empty) has proven the account's password, and returns the token.
func (a *Accounts) trustDevice(ctx context.Context, userID int64, device string) (string, error) {
	if device == "" || len(device) > 64 {
		var err error
		if device, err = newToken(); err != nil {
			return "", err
		}
	}
	return device, a.store.TrustDevice(ctx, userID, HashToken(device), a.now())
}
