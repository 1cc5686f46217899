package talent

import (
	_ "embed" // the common-password list
	"strings"
	"sync"
	"unicode/utf8"
)

// Password length limits (characters). Longer passphrases are welcome: the
// upper bound only keeps hashing cheap for the server.
const (
	MinPasswordLen = 8
	MaxPasswordLen = 128
)

//go:embed commonpasswords.txt
var commonPasswordsFile string

// commonPasswords is the set of refused passwords, lower-cased.
var commonPasswords = sync.OnceValue(func() map[string]struct{} {
	set := make(map[string]struct{}, 10_000)
	for line := range strings.Lines(commonPasswordsFile) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		set[line] = struct{}{}
	}
	return set
})

// IsCommonPassword reports whether pw is one of the most common passwords
// (commonpasswords.txt), compared case-insensitively.
func IsCommonPassword(pw string) bool {
	_, found := commonPasswords()[strings.ToLower(pw)]
	return found
}

// contextWords are words no password may be built on: the service's own name.
var contextWords = []string{"setubashi"}

// validatePassword checks a new password: 8 to 128 characters of any kind
// (no composition rules, nothing trimmed or changed), not one of the most
// common passwords, and not the account's e-mail address, its name part, or
// the service's name (OWASP ASVS 5.0 V6.2.1, 6.2.4, 6.2.5, 6.2.9, 6.2.11).
// Passwords never expire (V6.2.10).
func validatePassword(v *Validator, field, pw, email string) {
	n := utf8.RuneCountInString(pw)
	switch {
	case n == 0:
		v.Add(field, "required")
		return
	case !utf8.ValidString(pw):
		v.Add(field, "invalid_text")
		return
	case n < MinPasswordLen || n > MaxPasswordLen:
		v.Add(field, "password_length", "Min", MinPasswordLen, "Max", MaxPasswordLen)
		return
	}
	if IsCommonPassword(pw) {
		v.Add(field, "password_common")
		return
	}
	lower := strings.ToLower(pw)
	words := contextWords
	if email = normalizeEmail(email); email != "" {
		words = append([]string{email}, words...)
		if local, _, ok := strings.Cut(email, "@"); ok && utf8.RuneCountInString(local) >= 4 {
			words = append(words, local)
		}
	}
	for _, w := range words {
		if strings.Contains(lower, w) {
			v.Add(field, "password_context")
			return
		}
	}
}
