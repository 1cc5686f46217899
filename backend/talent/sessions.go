package talent

import (
	"context"
	"time"
	"unicode/utf8"
)

// Session is a signed-in session as its owner may see it; its token is
// never kept, only the token's SHA-256.
type Session struct {
	ID         int64
	UserID     int64
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
	// SecondFactorAt is when the session's owner proved their second factor,
	// nil for a session opened with the password alone.
	SecondFactorAt *time.Time
	IP             string
	UserAgent      string
}

// SessionOf is a session with its account, as SessionByToken finds them.
type SessionOf struct {
	Session
	User User
	// TOTPEnabled says whether the account has a confirmed authenticator.
	TOTPEnabled bool
}

// PendingSignIn is a sign-in whose password was right and that waits for the
// second factor. It is no session: its token opens nothing but the second step.
type PendingSignIn struct {
	ID        int64
	UserID    int64
	Attempts  int
	CreatedAt time.Time
	ExpiresAt time.Time
	IP        string
	UserAgent string
}

// SessionStore keeps sessions and the sign-ins waiting for a second factor.
type SessionStore interface {
	// CreateSession stores s under the hash of its token and sets s.ID.
	CreateSession(ctx context.Context, s *Session, tokenHash []byte) error
	// SessionByToken returns the session with that token hash and its
	// account, whatever their state; ErrNotFound if there is none.
	SessionByToken(ctx context.Context, tokenHash []byte) (SessionOf, error)
	// TouchSession sets a session's last-seen time to now if it is older
	// than before (so that busy sessions are written at most once a minute).
	TouchSession(ctx context.Context, id int64, now, before time.Time) error
	// DeleteSession ends a session by its token hash; ending an unknown one
	// is not an error.
	DeleteSession(ctx context.Context, tokenHash []byte) error
	// DeleteSessionOf ends one of a user's sessions; ErrNotFound if the user
	// has no session with that id.
	DeleteSessionOf(ctx context.Context, userID, sessionID int64) error
	// DeleteSessions ends every session of a user but keepID (0: all of
	// them) and every sign-in of theirs waiting for a second factor.
	DeleteSessions(ctx context.Context, userID, keepID int64) error
	// DeleteExpiredSessions removes a user's sessions that expired by now or
	// were last seen before idleSince.
	DeleteExpiredSessions(ctx context.Context, userID int64, now, idleSince time.Time) error
	// SessionsOf returns a page of a user's unexpired sessions, newest first.
	SessionsOf(ctx context.Context, userID int64, now time.Time, p Page) ([]Session, error)
	// CreatePendingSignIn stores p under the hash of its token and sets p.ID.
	CreatePendingSignIn(ctx context.Context, p *PendingSignIn, tokenHash []byte) error
	// PendingSignInByToken returns a pending sign-in; ErrNotFound if none.
	PendingSignInByToken(ctx context.Context, tokenHash []byte) (PendingSignIn, error)
	// CountPendingAttempt counts one code attempt on a pending sign-in and
	// reports false (counting nothing) once it has had limit attempts.
	CountPendingAttempt(ctx context.Context, id int64, limit int) (bool, error)
	// DeletePendingSignIn removes a pending sign-in.
	DeletePendingSignIn(ctx context.Context, id int64) error
}

// Session lifetimes (OWASP ASVS 5.0 V7.3). Accounts that must use a second
// factor (organisation members, ministry viewers, administrators) reach
// other people's personal data or the whole platform: their sessions end
// after 30 minutes without a request and 12 hours after sign-in at the
// latest (NIST SP 800-63B AAL2). Candidates see only their own data: 24
// hours idle, and the platform's absolute lifetime (7 days) at most.
const (
	StaffIdleTimeout     = 30 * time.Minute
	StaffSessionLifetime = 12 * time.Hour
	CandidateIdleTimeout = 24 * time.Hour
	// PendingSignInLifetime is how long the second step of a sign-in waits.
	PendingSignInLifetime = 5 * time.Minute
	// PendingSignInAttempts is how many codes a pending sign-in takes.
	PendingSignInAttempts = 5
	// lastSeenEvery is how stale a session's last-seen time may get before a
	// request writes it again.
	lastSeenEvery = time.Minute
)

// SecondFactorRequired reports whether accounts of a kind must use a second
// factor: everyone but candidates, for whom it is optional.
func SecondFactorRequired(kind AccountKind) bool { return kind != AccountCandidate }

// IdleTimeout returns how long a session of the kind lasts without requests.
func IdleTimeout(kind AccountKind) time.Duration {
	if SecondFactorRequired(kind) {
		return StaffIdleTimeout
	}
	return CandidateIdleTimeout
}

// Client is where a request comes from: its address, its user agent and the
// device token the browser holds (see Login).
type Client struct {
	IP        string
	UserAgent string
	Device    string
}

// Authenticated is the account behind a live session.
type Authenticated struct {
	User    User
	Session Session
	// EnrolmentRequired says that the account must use a second factor and
	// has none yet: until it enrols one it may do nothing else.
	EnrolmentRequired bool
}

// Actor returns the actor of the session.
func (a Authenticated) Actor() Actor {
	return Actor{UserID: a.User.ID, Kind: a.User.Kind, SessionID: a.Session.ID}
}

// Authenticate returns the account of a live session: unexpired, used within
// its idle timeout, of an enabled account, and with the second factor proven
// when the account has one. Anything else is ErrUnauthenticated (a dead
// session is deleted). A session is marked as seen at most once a minute.
func (a *Accounts) Authenticate(ctx context.Context, token string) (Authenticated, error) {
	now := a.now()
	s, err := a.store.SessionByToken(ctx, HashToken(token))
	if isNotFound(err) {
		return Authenticated{}, Unauthenticated()
	}
	if err != nil {
		return Authenticated{}, err
	}
	dead := !now.Before(s.ExpiresAt) || now.Sub(s.LastSeenAt) > IdleTimeout(s.User.Kind) ||
		s.User.Disabled || (s.TOTPEnabled && s.SecondFactorAt == nil)
	if dead {
		if err := a.store.DeleteSession(ctx, HashToken(token)); err != nil {
			return Authenticated{}, err
		}
		return Authenticated{}, Unauthenticated()
	}
	if now.Sub(s.LastSeenAt) >= lastSeenEvery {
		if err := a.store.TouchSession(ctx, s.ID, now, now.Add(-lastSeenEvery)); err != nil {
			return Authenticated{}, err
		}
		s.LastSeenAt = now
	}
	return Authenticated{User: s.User, Session: s.Session, EnrolmentRequired: a.mustEnrol(s.User, s.TOTPEnabled)}, nil
}

// mustEnrol reports whether an account without an authenticator must enrol
// one before doing anything else.
func (a *Accounts) mustEnrol(u User, totpEnabled bool) bool {
	return !totpEnabled && SecondFactorRequired(u.Kind) && !a.exempt[u.Email]
}

// ExemptFromSecondFactor lets the accounts with these e-mail addresses use
// the platform without a second factor although their role requires one.
// Only the development demo accounts in development mode are exempted (see
// the serve command); a production start exempts nobody. Call it before
// serving requests.
func (a *Accounts) ExemptFromSecondFactor(emails ...string) {
	if a.exempt == nil {
		a.exempt = map[string]bool{}
	}
	for _, e := range emails {
		a.exempt[normalizeEmail(e)] = true
	}
}

// openSession starts a session for u from client c and returns its token.
// secondFactor says whether u proved a second factor on the way.
func (a *Accounts) openSession(ctx context.Context, u User, c Client, secondFactor bool) (string, Session, error) {
	now := a.now()
	ttl := a.sessionTTL
	if SecondFactorRequired(u.Kind) {
		ttl = min(ttl, StaffSessionLifetime)
	}
	if err := a.store.DeleteExpiredSessions(ctx, u.ID, now, now.Add(-IdleTimeout(u.Kind))); err != nil {
		return "", Session{}, err
	}
	token, err := newToken()
	if err != nil {
		return "", Session{}, err
	}
	s := Session{UserID: u.ID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(ttl), IP: clip(c.IP, 64), UserAgent: clip(c.UserAgent, 256)}
	if secondFactor {
		s.SecondFactorAt = &now
	}
	if err := a.store.CreateSession(ctx, &s, HashToken(token)); err != nil {
		return "", Session{}, err
	}
	return token, s, nil
}

// Logout ends the session of token; an unknown token is not an error.
func (a *Accounts) Logout(ctx context.Context, token string) error {
	return a.store.DeleteSession(ctx, HashToken(token))
}

// LogoutEverywhere ends every session of the actor, the current one too
// ("sign out everywhere"). Anonymous actors are ErrUnauthenticated.
func (a *Accounts) LogoutEverywhere(ctx context.Context, actor Actor) error {
	if actor.Anonymous() {
		return Unauthenticated()
	}
	return a.store.DeleteSessions(ctx, actor.UserID, 0)
}

// Sessions returns a page of the actor's live sessions, newest first.
// Anonymous actors are ErrUnauthenticated.
func (a *Accounts) Sessions(ctx context.Context, actor Actor, p Page) ([]Session, error) {
	if actor.Anonymous() {
		return nil, Unauthenticated()
	}
	now := a.now()
	if err := a.store.DeleteExpiredSessions(ctx, actor.UserID, now, now.Add(-IdleTimeout(actor.Kind))); err != nil {
		return nil, err
	}
	return a.store.SessionsOf(ctx, actor.UserID, now, p)
}

// RevokeSession ends one of the actor's sessions (the current one too, which
// signs them out). Another person's session, or none, is ErrNotFound.
func (a *Accounts) RevokeSession(ctx context.Context, actor Actor, id int64) error {
	if actor.Anonymous() {
		return Unauthenticated()
	}
	return a.store.DeleteSessionOf(ctx, actor.UserID, id)
}

// ChangePassword replaces the actor's password after checking the current
// one, ends every session and pending sign-in of the account, and opens a
// new session for this client, whose token it returns. A wrong current
// password is ErrInvalid (current_password: password_incorrect) and counts
// as a failed sign-in (so ErrRateLimited after too many); a new password
// that breaks the policy is ErrInvalid on new_password.
func (a *Accounts) ChangePassword(ctx context.Context, actor Actor, current, next string, c Client) (string, error) {
	if actor.Anonymous() {
		return "", Unauthenticated()
	}
	u, err := a.store.UserByID(ctx, actor.UserID)
	if err != nil {
		return "", err
	}
	var v Validator
	if current == "" {
		v.Add("current_password", "required")
	}
	validatePassword(&v, "new_password", next, u.Email)
	if err := v.Err(); err != nil {
		return "", err
	}
	if err := a.Reauthenticate(ctx, actor, "current_password", current); err != nil {
		return "", err
	}
	hash, err := HashPassword(next, a.argon)
	if err != nil {
		return "", err
	}
	if err := a.store.SetPassword(ctx, u.ID, hash, a.now()); err != nil {
		return "", err
	}
	status, err := a.secondFactorState(ctx, u.ID)
	if err != nil {
		return "", err
	}
	token, _, err := a.openSession(ctx, u, c, status.Enabled)
	return token, err
}

// Reauthenticate checks the signed-in actor's password before a sensitive
// change (OWASP ASVS 5.0 V7.5.1). A wrong password is ErrInvalid naming
// field (password_incorrect); attempts count toward the account's sign-in
// back-off, so that a stolen session cannot be used to guess the password
// (ErrRateLimited once it is in force).
func (a *Accounts) Reauthenticate(ctx context.Context, actor Actor, field, password string) error {
	if actor.Anonymous() {
		return Unauthenticated()
	}
	u, err := a.store.UserByID(ctx, actor.UserID)
	if err != nil {
		return err
	}
	var v Validator
	if password == "" {
		v.Add(field, "required")
		return v.Err()
	}
	key := accountKey(u.Email)
	if err := a.attempt(ctx, key); err != nil {
		return err
	}
	hash, err := a.store.PasswordHash(ctx, u.ID)
	if err != nil {
		return err
	}
	if !CheckPassword(password, hash) {
		v.Add(field, "password_incorrect")
		return v.Err()
	}
	return a.store.ClearThrottle(ctx, key)
}

// clip cuts s to at most n bytes without splitting a character.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
