package talent

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// TOTPState is an account's authenticator: its secret (base32), when it was
// confirmed (nil while enrolment waits for the first code) and the last time
// step whose code was accepted (no code is accepted twice).
type TOTPState struct {
	Secret      string
	ConfirmedAt *time.Time
	LastStep    int64
	CreatedAt   time.Time
}

// RecoveryCode is an unused recovery code's hash.
type RecoveryCode struct {
	ID   int64
	Hash string
}

// SecondFactorStore keeps authenticators and recovery codes.
type SecondFactorStore interface {
	// SaveTOTPSecret starts an enrolment with secret, replacing an
	// unconfirmed one; ErrConflict (totp_already_enabled) if the account has
	// a confirmed authenticator.
	SaveTOTPSecret(ctx context.Context, userID int64, secret string, now time.Time) error
	// TOTPOf returns the account's authenticator; ErrNotFound if none.
	TOTPOf(ctx context.Context, userID int64) (TOTPState, error)
	// ConfirmTOTP confirms an unconfirmed authenticator with the step of its
	// first code and stores the recovery codes' hashes, replacing any;
	// ErrConflict (totp_not_started) if nothing waits for confirmation.
	ConfirmTOTP(ctx context.Context, userID, step int64, now time.Time, recoveryHashes []string) error
	// UseTOTPStep records that the code of step was used, and reports false
	// if a code of that step or a later one was used already.
	UseTOTPStep(ctx context.Context, userID, step int64) (bool, error)
	// DeleteTOTP removes the account's authenticator and recovery codes.
	DeleteTOTP(ctx context.Context, userID int64) error
	// RecoveryCodesOf returns the account's unused recovery codes.
	RecoveryCodesOf(ctx context.Context, userID int64) ([]RecoveryCode, error)
	// UseRecoveryCode marks a recovery code used, reporting false if it was already.
	UseRecoveryCode(ctx context.Context, id int64, now time.Time) (bool, error)
	// ReplaceRecoveryCodes replaces the account's recovery codes.
	ReplaceRecoveryCodes(ctx context.Context, userID int64, hashes []string, now time.Time) error
}

// TOTP parameters (RFC 6238 as authenticator apps implement it): HMAC-SHA1,
// six digits, 30-second steps, a 160-bit secret; codes of the step before
// and after are accepted too, for clocks that drift.
const (
	totpIssuer     = "Setubashi"
	totpPeriod     = 30
	totpSecretSize = 20
	// RecoveryCodeCount is how many recovery codes an account gets at once.
	RecoveryCodeCount = 10
)

var totpOptions = totp.ValidateOpts{Period: totpPeriod, Skew: 0, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}

// TOTPEnrolment is what an authenticator app needs: the secret in base32
// and the otpauth:// URI (the QR code's content).
type TOTPEnrolment struct {
	Secret string
	URI    string
}

// SecondFactorStatus says where an account stands with its second factor.
type SecondFactorStatus struct {
	// Enabled: the account has a confirmed authenticator.
	Enabled bool
	// Required: the account's kind must use one (and it is not exempted).
	Required bool
	// EnrolmentStarted: a secret waits for its first code.
	EnrolmentStarted bool
	// EnabledAt is when the authenticator was confirmed.
	EnabledAt *time.Time
	// RecoveryCodesLeft counts the unused recovery codes.
	RecoveryCodesLeft int
}

// SecondFactor returns where the actor stands with the second factor.
// Anonymous actors are ErrUnauthenticated.
func (a *Accounts) SecondFactor(ctx context.Context, actor Actor) (SecondFactorStatus, error) {
	if actor.Anonymous() {
		return SecondFactorStatus{}, Unauthenticated()
	}
	u, err := a.store.UserByID(ctx, actor.UserID)
	if err != nil {
		return SecondFactorStatus{}, err
	}
	st, err := a.secondFactorState(ctx, u.ID)
	if err != nil {
		return SecondFactorStatus{}, err
	}
	st.Required = SecondFactorRequired(u.Kind) && !a.exempt[u.Email]
	if st.Enabled {
		codes, err := a.store.RecoveryCodesOf(ctx, u.ID)
		if err != nil {
			return SecondFactorStatus{}, err
		}
		st.RecoveryCodesLeft = len(codes)
	}
	return st, nil
}

// secondFactorState reads whether an account has an authenticator.
func (a *Accounts) secondFactorState(ctx context.Context, userID int64) (SecondFactorStatus, error) {
	t, err := a.store.TOTPOf(ctx, userID)
	if isNotFound(err) {
		return SecondFactorStatus{}, nil
	}
	if err != nil {
		return SecondFactorStatus{}, err
	}
	return SecondFactorStatus{Enabled: t.ConfirmedAt != nil, EnrolmentStarted: t.ConfirmedAt == nil, EnabledAt: t.ConfirmedAt}, nil
}

// BeginTOTP starts enrolling an authenticator app after checking the actor's
// password (field password, see Reauthenticate): it makes a new random
// secret and returns it with its otpauth:// URI. Starting again replaces a
// secret not yet confirmed. An account with a confirmed authenticator is
// ErrConflict (totp_already_enabled).
func (a *Accounts) BeginTOTP(ctx context.Context, actor Actor, password string) (TOTPEnrolment, error) {
	if actor.Anonymous() {
		return TOTPEnrolment{}, Unauthenticated()
	}
	st, err := a.secondFactorState(ctx, actor.UserID)
	if err != nil {
		return TOTPEnrolment{}, err
	}
	if st.Enabled {
		return TOTPEnrolment{}, Conflict(CodeTOTPAlreadyEnabled)
	}
	if err := a.Reauthenticate(ctx, actor, "password", password); err != nil {
		return TOTPEnrolment{}, err
	}
	u, err := a.store.UserByID(ctx, actor.UserID)
	if err != nil {
		return TOTPEnrolment{}, err
	}
	key, err := totp.Generate(totp.GenerateOpts{Issuer: totpIssuer, AccountName: u.Email, Period: totpPeriod,
		SecretSize: totpSecretSize, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1, Rand: rand.Reader})
	if err != nil {
		return TOTPEnrolment{}, err
	}
	if err := a.store.SaveTOTPSecret(ctx, u.ID, key.Secret(), a.now()); err != nil {
		return TOTPEnrolment{}, err
	}
	return TOTPEnrolment{Secret: key.Secret(), URI: key.URL()}, nil
}

// ConfirmTOTP finishes enrolment with the first code the app shows. It
// returns RecoveryCodeCount recovery codes (shown once, stored hashed) and
// the token of a new session that counts as signed in with the second
// factor; every other session and pending sign-in of the account ends. No
// enrolment started is ErrConflict (totp_not_started; totp_already_enabled
// once confirmed); a wrong code is ErrInvalid (code: second_factor_invalid).
func (a *Accounts) ConfirmTOTP(ctx context.Context, actor Actor, code string, c Client) ([]string, string, error) {
	if actor.Anonymous() {
		return nil, "", Unauthenticated()
	}
	t, err := a.store.TOTPOf(ctx, actor.UserID)
	if isNotFound(err) {
		return nil, "", Conflict(CodeTOTPNotStarted)
	}
	if err != nil {
		return nil, "", err
	}
	if t.ConfirmedAt != nil {
		return nil, "", Conflict(CodeTOTPAlreadyEnabled)
	}
	if err := a.attempt(ctx, secondFactorKey(actor.UserID)); err != nil {
		return nil, "", err
	}
	step, ok := matchTOTP(t.Secret, t.LastStep, code, a.now())
	if !ok {
		return nil, "", invalidCode()
	}
	codes, hashes, err := a.newRecoveryCodes()
	if err != nil {
		return nil, "", err
	}
	if err := a.store.ConfirmTOTP(ctx, actor.UserID, step, a.now(), hashes); err != nil {
		return nil, "", err
	}
	if err := a.store.ClearThrottle(ctx, secondFactorKey(actor.UserID)); err != nil {
		return nil, "", err
	}
	u, err := a.store.UserByID(ctx, actor.UserID)
	if err != nil {
		return nil, "", err
	}
	if err := a.store.DeleteSessions(ctx, u.ID, 0); err != nil {
		return nil, "", err
	}
	token, _, err := a.openSession(ctx, u, c, true)
	return codes, token, err
}

// DisableTOTP removes the actor's authenticator and recovery codes after
// checking a code from it (or a recovery code), and ends every other session
// of the account. An account whose kind requires a second factor can then
// only enrol again. No authenticator is ErrConflict (totp_not_enabled); a
// wrong code is ErrInvalid (code: second_factor_invalid).
func (a *Accounts) DisableTOTP(ctx context.Context, actor Actor, code string) error {
	if err := a.checkOwnSecondFactor(ctx, actor, code); err != nil {
		return err
	}
	if err := a.store.DeleteTOTP(ctx, actor.UserID); err != nil {
		return err
	}
	return a.store.DeleteSessions(ctx, actor.UserID, actor.SessionID)
}

// RegenerateRecoveryCodes replaces the actor's recovery codes with new ones
// after checking a code, as DisableTOTP does, and returns them.
func (a *Accounts) RegenerateRecoveryCodes(ctx context.Context, actor Actor, code string) ([]string, error) {
	if err := a.checkOwnSecondFactor(ctx, actor, code); err != nil {
		return nil, err
	}
	codes, hashes, err := a.newRecoveryCodes()
	if err != nil {
		return nil, err
	}
	return codes, a.store.ReplaceRecoveryCodes(ctx, actor.UserID, hashes, a.now())
}

// checkOwnSecondFactor checks a code of the signed-in actor's authenticator.
func (a *Accounts) checkOwnSecondFactor(ctx context.Context, actor Actor, code string) error {
	if actor.Anonymous() {
		return Unauthenticated()
	}
	st, err := a.secondFactorState(ctx, actor.UserID)
	if err != nil {
		return err
	}
	if !st.Enabled {
		return Conflict(CodeTOTPNotEnabled)
	}
	return a.checkSecondFactor(ctx, actor.UserID, code)
}

// checkSecondFactor checks a code of an account's authenticator (six digits)
// or one of its unused recovery codes, using it up. Attempts are throttled
// per account; a wrong code is ErrInvalid (code: second_factor_invalid).
func (a *Accounts) checkSecondFactor(ctx context.Context, userID int64, code string) error {
	if code = strings.TrimSpace(code); code == "" {
		var v Validator
		v.Add("code", "required")
		return v.Err()
	}
	key := secondFactorKey(userID)
	if err := a.attempt(ctx, key); err != nil {
		return err
	}
	ok, err := a.useSecondFactor(ctx, userID, code)
	if err != nil {
		return err
	}
	if !ok {
		return invalidCode()
	}
	return a.store.ClearThrottle(ctx, key)
}

// useSecondFactor reports whether code is a current, unused code of the
// account's authenticator or one of its unused recovery codes, and uses it.
func (a *Accounts) useSecondFactor(ctx context.Context, userID int64, code string) (bool, error) {
	if digits := strings.ReplaceAll(code, " ", ""); len(digits) == 6 && isDigits(digits) {
		t, err := a.store.TOTPOf(ctx, userID)
		if err != nil || t.ConfirmedAt == nil {
			return false, ignoreNotFound(err)
		}
		step, ok := matchTOTP(t.Secret, t.LastStep, digits, a.now())
		if !ok {
			return false, nil
		}
		return a.store.UseTOTPStep(ctx, userID, step)
	}
	normal := normalizeRecoveryCode(code)
	if len(normal) != recoveryCodeLen {
		return false, nil
	}
	codes, err := a.store.RecoveryCodesOf(ctx, userID)
	if err != nil {
		return false, err
	}
	for _, rc := range codes {
		if CheckPassword(normal, rc.Hash) {
			return a.store.UseRecoveryCode(ctx, rc.ID, a.now())
		}
	}
	return false, nil
}

// matchTOTP returns the time step whose code is code, trying the current
// step and one either side, but none at or before lastStep (a code is good
// once). The comparison takes the same time whatever the code.
func matchTOTP(secret string, lastStep int64, code string, now time.Time) (int64, bool) {
	code = strings.ReplaceAll(strings.TrimSpace(code), " ", "")
	current := now.Unix() / totpPeriod
	matched, found := int64(0), 0
	for _, step := range []int64{current - 1, current, current + 1} {
		want, err := totp.GenerateCodeCustom(secret, time.Unix(step*totpPeriod, 0), totpOptions)
		if err != nil {
			return 0, false
		}
		if subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 && step > lastStep && found == 0 {
			matched, found = step, 1
		}
	}
	return matched, found == 1
}

// Recovery codes: 12 characters of a 32-letter alphabet without look-alikes
// (60 random bits), shown as xxxx-xxxx-xxxx; stored as argon2id hashes with
// a salt each, since they have fewer than 112 bits (ASVS 5.0 V6.5.2).
const (
	recoveryAlphabet = "0123456789abcdefghjkmnpqrstvwxyz"
	recoveryCodeLen  = 12
)

// newRecoveryCodes returns fresh recovery codes for display and their hashes.
func (a *Accounts) newRecoveryCodes() ([]string, []string, error) {
	codes := make([]string, RecoveryCodeCount)
	hashes := make([]string, RecoveryCodeCount)
	for i := range codes {
		b := make([]byte, recoveryCodeLen)
		if _, err := rand.Read(b); err != nil {
			return nil, nil, err
		}
		for j := range b {
			b[j] = recoveryAlphabet[b[j]%32]
		}
		raw := string(b)
		hash, err := HashPassword(raw, a.argon)
		if err != nil {
			return nil, nil, err
		}
		codes[i], hashes[i] = raw[:4]+"-"+raw[4:8]+"-"+raw[8:], hash
	}
	return codes, hashes, nil
}

// normalizeRecoveryCode lower-cases a typed recovery code and drops spaces
// and hyphens.
func normalizeRecoveryCode(s string) string {
	return strings.NewReplacer("-", "", " ", "").Replace(strings.ToLower(strings.TrimSpace(s)))
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func ignoreNotFound(err error) error {
	if isNotFound(err) {
		return nil
	}
	return err
}

// invalidCode is the error of a wrong second-factor code.
func invalidCode() error {
	var v Validator
	v.Add("code", "second_factor_invalid")
	return v.Err()
}
