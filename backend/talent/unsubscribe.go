package talent

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// unsubscribeSecret names the key that signs unsubscribe links.
const unsubscribeSecret = "unsubscribe"

// UnsubscribeToken returns the token of a one-click unsubscribe link that
// turns one kind of e-mail off for one person: "user.kind.signature", signed
// with a key the server keeps, so it needs no sign-in and cannot be forged.
func (s *Notifications) UnsubscribeToken(ctx context.Context, userID int64, kind NoticeKind) (string, error) {
	key, err := s.unsubscribeKey(ctx)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d.%s.%s", userID, kind, unsubscribeSignature(key, userID, kind)), nil
}

// Unsubscribe turns off the e-mail a token names (its kind becomes in-app
// only) and returns the kind. A token that is not one the server signed is
// ErrNotFound. Repeating it changes nothing.
func (s *Notifications) Unsubscribe(ctx context.Context, token string) (NoticeKind, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 || !slices.Contains(NotificationKinds, NoticeKind(parts[1])) {
		return "", NotFound()
	}
	kind := NoticeKind(parts[1])
	userID, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil || userID <= 0 {
		return "", NotFound()
	}
	key, err := s.unsubscribeKey(ctx)
	if err != nil {
		return "", err
	}
	if !hmac.Equal([]byte(parts[2]), []byte(unsubscribeSignature(key, userID, kind))) {
		return "", NotFound()
	}
	if err := s.store.SetPreferences(ctx, userID, map[NoticeKind]Delivery{kind: DeliverInApp}, s.now().UTC()); err != nil {
		return "", err
	}
	return kind, nil
}

// unsubscribeKey returns the key that signs unsubscribe links, read from the
// store once (every e-mail needs it; it never changes once made).
func (s *Notifications) unsubscribeKey(ctx context.Context) ([]byte, error) {
	s.keyMu.Lock()
	defer s.keyMu.Unlock()
	if s.key == nil {
		key, err := s.store.ServerSecret(ctx, unsubscribeSecret, 32)
		if err != nil {
			return nil, err
		}
		s.key = key
	}
	return s.key, nil
}

func unsubscribeSignature(key []byte, userID int64, kind NoticeKind) string {
	mac := hmac.New(sha256.New, key)
	fmt.Fprintf(mac, "unsubscribe:%d:%s", userID, kind)
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}
