package talent

import (
	"encoding/base32"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// rfc6238Secret is the SHA-1 seed of RFC 6238 Appendix B, "12345678901234567890".
var rfc6238Secret = base32.StdEncoding.EncodeToString([]byte("12345678901234567890"))

// TestTOTPMatchesRFC6238 checks the code generator against the SHA-1 test
// vectors of RFC 6238 Appendix B (eight digits), and matchTOTP against their
// six-digit forms (the last six digits: both truncate the same number).
func TestTOTPMatchesRFC6238(t *testing.T) {
	vectors := []struct {
		unix int64
		code string
	}{
		{59, "94287082"}, {1111111109, "07081804"}, {1111111111, "14050471"},
		{1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"},
	}
	for _, v := range vectors {
		at := time.Unix(v.unix, 0)
		got, err := totp.GenerateCodeCustom(rfc6238Secret, at, totp.ValidateOpts{Period: 30, Digits: otp.DigitsEight, Algorithm: otp.AlgorithmSHA1})
		if err != nil || got != v.code {
			t.Errorf("T=%d: %q %v, want %s", v.unix, got, err, v.code)
		}
		six := v.code[2:]
		step, ok := matchTOTP(rfc6238Secret, 0, six, at)
		if !ok || step != v.unix/30 {
			t.Errorf("T=%d: matchTOTP(%s) = %d %v", v.unix, six, step, ok)
		}
		if _, ok := matchTOTP(rfc6238Secret, v.unix/30, six, at); ok {
			t.Errorf("T=%d: a code was accepted for a step already used", v.unix)
		}
		if _, ok := matchTOTP(rfc6238Secret, 0, six, at.Add(90*time.Second)); ok {
			t.Errorf("T=%d: a code three steps old was accepted", v.unix)
		}
		if _, ok := matchTOTP(rfc6238Secret, 0, six, at.Add(30*time.Second)); !ok {
			t.Errorf("T=%d: a code one step old (clock drift) was refused", v.unix)
		}
	}
}

// TestBackoffDoubles pins the back-off schedule: five free attempts, then
// 1 s doubling up to 15 minutes.
func TestBackoffDoubles(t *testing.T) {
	want := map[int]time.Duration{1: 0, 4: 0, 5: time.Second, 6: 2 * time.Second, 7: 4 * time.Second, 14: 512 * time.Second,
		15: 15 * time.Minute, 40: 15 * time.Minute, 1000: 15 * time.Minute}
	for n, d := range want {
		if got := backoff(n); got != d {
			t.Errorf("backoff(%d) = %v, want %v", n, got, d)
		}
	}
}

// TestPasswordPolicyUnits checks the common-password list and the rules.
func TestPasswordPolicyUnits(t *testing.T) {
	if n := len(commonPasswords()); n != 10_000 {
		t.Errorf("%d common passwords, want 10,000", n)
	}
	for _, pw := range []string{"password", "PASSWORD", "Password", "iloveyou", "qwertyuiop", "1qaz2wsx"} {
		if !IsCommonPassword(pw) {
			t.Errorf("%q is not refused as common", pw)
		}
	}
	for pw, want := range map[string]string{
		"correct horse battery":   "",
		"12345678":                "password_common",
		"short":                   "password_length",
		strings.Repeat("é", 128):  "",
		strings.Repeat("é", 129):  "password_length",
		"priya.sharma is me 2026": "password_context",
		"PRIYA.SHARMA@EXAMPLE.IN": "password_context",
		"love SetuBashi always":   "password_context",
		"bad \xff utf-8 here":     "invalid_text",
	} {
		var v Validator
		validatePassword(&v, "password", pw, "priya.sharma@example.in")
		got := ""
		if len(v.fields) > 0 {
			got = v.fields[0].Code
		}
		if got != want {
			t.Errorf("%.20q: %q, want %q", pw, got, want)
		}
	}
}

// TestRecoveryCodes checks the shape and normalisation of recovery codes.
func TestRecoveryCodes(t *testing.T) {
	a := &Accounts{argon: Argon2Params{MemoryKiB: 64, Iterations: 1, Parallelism: 1}}
	codes, hashes, err := a.newRecoveryCodes()
	if err != nil || len(codes) != RecoveryCodeCount || len(hashes) != RecoveryCodeCount {
		t.Fatal(len(codes), err)
	}
	seen := map[string]bool{}
	for i, c := range codes {
		if len(c) != 14 || c[4] != '-' || c[9] != '-' || seen[c] {
			t.Errorf("code %q", c)
		}
		seen[c] = true
		if !CheckPassword(normalizeRecoveryCode(" "+strings.ToUpper(c)+" "), hashes[i]) {
			t.Errorf("code %q does not match its hash when typed in capitals", c)
		}
	}
}

// TestStaffSessionsAreShorter pins the session lifetimes by account kind.
func TestStaffSessionsAreShorter(t *testing.T) {
	for role, idle := range map[AccountKind]time.Duration{AccountCandidate: 24 * time.Hour, AccountOrgMember: 30 * time.Minute, AccountMinistry: 30 * time.Minute, AccountAdmin: 30 * time.Minute} {
		if IdleTimeout(role) != idle {
			t.Errorf("%s idle timeout %v, want %v", role, IdleTimeout(role), idle)
		}
		if SecondFactorRequired(role) != (role != AccountCandidate) {
			t.Errorf("%s: second factor required %v", role, SecondFactorRequired(role))
		}
	}
	if StaffSessionLifetime != 12*time.Hour {
		t.Errorf("staff sessions last %v", StaffSessionLifetime)
	}
}
