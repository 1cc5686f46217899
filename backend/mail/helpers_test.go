package mail_test

import (
	"errors"
	"io"
	"mime"
	"mime/multipart"
	netmail "net/mail"
	"strings"
	"testing"

	"github.com/setubashi/setubashi/backend/mail"
)

// message is a valid English message with the given id.
func message(id string) mail.Message {
	return mail.Message{To: "candidate@example.org", Subject: "Your application moved", Text: "Hello\n",
		HTML: htmlBody, Language: "en", MessageID: id, ListUnsubscribe: unsubLink}
}

// part is one decoded part of a multipart/alternative body.
type part struct{ contentType, charset, body string }

// readAlternative decodes a multipart/alternative body (multipart.Reader
// undoes quoted-printable by itself).
func readAlternative(t *testing.T, contentType string, body io.Reader) []part {
	t.Helper()
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil || mediaType != "multipart/alternative" {
		t.Fatalf("Content-Type %q (%v)", contentType, err)
	}
	r := multipart.NewReader(body, params["boundary"])
	var parts []part
	for {
		p, err := r.NextPart()
		if errors.Is(err, io.EOF) {
			return parts
		}
		if err != nil {
			t.Fatalf("NextPart: %v", err)
		}
		b, err := io.ReadAll(p)
		if err != nil {
			t.Fatal(err)
		}
		mt, ps, err := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, part{contentType: mt, charset: strings.ToLower(ps["charset"]), body: string(b)})
	}
}

// checkAddress checks a decoded address header.
func checkAddress(t *testing.T, h netmail.Header, name, wantName, wantAddr string) {
	t.Helper()
	list, err := h.AddressList(name)
	if err != nil || len(list) != 1 || list[0].Name != wantName || list[0].Address != wantAddr {
		t.Errorf("%s: %q decodes to %v (%v), want %q <%s>", name, h.Get(name), list, err, wantName, wantAddr)
	}
}

// isASCII reports whether s is 7-bit.
func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
