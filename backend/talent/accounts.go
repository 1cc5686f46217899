package talent

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"
)

// AccountStore keeps users and their sessions.
type AccountStore interface {
	// CreateUser inserts u with the password hash and sets u.ID and
	// u.CreatedAt; an e-mail already in use is an ErrConflict.
	CreateUser(ctx context.Context, u *User, passwordHash string) error
	// UserByEmail returns the user and password hash; ErrNotFound if none.
	UserByEmail(ctx context.Context, email string) (User, string, error)
	// UserByID returns the user; ErrNotFound if none.
	UserByID(ctx context.Context, id int64) (User, error)
	// UpdateUser saves a user's name and locale.
	UpdateUser(ctx context.Context, u User) error
	// PasswordHash returns a user's password hash; ErrNotFound if none.
	PasswordHash(ctx context.Context, userID int64) (string, error)
	SessionStore
	SecondFactorStore
	ThrottleStore
	AdminUserStore
}

// Accounts signs people up, in and out, and keeps their sessions and second
// factors.
type Accounts struct {
	store      AccountStore
	argon      Argon2Params
	sessionTTL time.Duration
	now        func() time.Time
	dummyHash  string
	// exempt holds the e-mail addresses that may skip the second factor
	// (the development demo accounts; see ExemptFromSecondFactor).
	exempt map[string]bool
}

// NewAccounts returns the account service. sessionTTL is how long a session
// lasts after sign-in.
func NewAccounts(store AccountStore, argon Argon2Params, sessionTTL time.Duration) (*Accounts, error) {
	dummy, err := HashPassword("setubashi-timing-equaliser", argon)
	if err != nil {
		return nil, err
	}
	return &Accounts{store: store, argon: argon, sessionTTL: sessionTTL, now: time.Now, dummyHash: dummy}, nil
}

// Registration is what a person gives to sign up.
type Registration struct {
	Email    string
	Password string
	Name     string
	Kind     AccountKind
	Locale   string
}

// Register creates a candidate or organisation-member account. Bad fields are
// ErrInvalid; an e-mail already registered is ErrConflict (email_taken).
func (a *Accounts) Register(ctx context.Context, r Registration) (User, error) {
	return a.create(ctx, r, SelfRegisterKinds)
}

// CreateStaff creates a ministry viewer or administrator account, as the
// `setubashi admin create` command does. Same errors as Register.
func (a *Accounts) CreateStaff(ctx context.Context, r Registration) (User, error) {
	return a.create(ctx, r, []AccountKind{AccountMinistry, AccountAdmin})
}

// create validates a registration for one of the allowed kinds and stores it.
func (a *Accounts) create(ctx context.Context, r Registration, kinds []AccountKind) (User, error) {
	r.Email = normalizeEmail(r.Email)
	if r.Locale == "" {
		r.Locale = "en"
	}
	var v Validator
	v.Email("email", r.Email)
	validatePassword(&v, "password", r.Password, r.Email)
	v.Text("name", r.Name, 1, 120)
	v.OneOf("role", string(r.Kind), Codes(kinds))
	v.OneOf("locale", r.Locale, Locales)
	if err := v.Err(); err != nil {
		return User{}, err
	}
	hash, err := HashPassword(r.Password, a.argon)
	if err != nil {
		return User{}, err
	}
	u := User{Email: r.Email, Name: strings.TrimSpace(r.Name), Kind: r.Kind, Locale: r.Locale}
	if err := a.store.CreateUser(ctx, &u, hash); err != nil {
		return User{}, err
	}
	return u, nil
}

// Me returns the signed-in user, or ErrUnauthenticated for an anonymous actor.
func (a *Accounts) Me(ctx context.Context, actor Actor) (User, error) {
	if actor.Anonymous() {
		return User{}, Unauthenticated()
	}
	return a.store.UserByID(ctx, actor.UserID)
}

// AccountChanges are the settings a user may change about their own account;
// nil fields stay as they are.
type AccountChanges struct {
	Name   *string
	Locale *string
}

// UpdateMe changes the signed-in user's name or preferred language.
func (a *Accounts) UpdateMe(ctx context.Context, actor Actor, c AccountChanges) (User, error) {
	u, err := a.Me(ctx, actor)
	if err != nil {
		return User{}, err
	}
	var v Validator
	if c.Name != nil {
		v.Text("name", *c.Name, 1, 120)
		u.Name = strings.TrimSpace(*c.Name)
	}
	if c.Locale != nil {
		v.OneOf("locale", *c.Locale, Locales)
		u.Locale = *c.Locale
	}
	if err := v.Err(); err != nil {
		return User{}, err
	}
	return u, a.store.UpdateUser(ctx, u)
}

// HashToken returns the SHA-256 of a session token, the form it is stored in.
func HashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

func newToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("read token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func normalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
