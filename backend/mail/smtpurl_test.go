package mail_test

import (
	"strings"
	"testing"

	"github.com/setubashi/setubashi/backend/mail"
)

// TestNewSMTPRefusesBadURLs checks that each bad URL is refused with an
// error naming the fault and never quoting the password.
func TestNewSMTPRefusesBadURLs(t *testing.T) {
	for _, tc := range []struct{ name, rawURL, want string }{
		{"empty", "", "scheme"},
		{"http scheme", "http://mail.example.org", `scheme must be smtp or smtps, not "http"`},
		{"no scheme", "mail.example.org:587", "scheme"},
		{"missing host", "smtp://", "no host"},
		{"missing host with port", "smtp://:587", "no host"},
		{"opaque", "smtp:mail.example.org", "no host"},
		{"bad tls value", "smtp://mail.example.org?tls=ssl", `tls must be starttls, tls or none, not "ssl"`},
		{"smtps with starttls", "smtps://mail.example.org?tls=starttls", "implicit TLS"},
		{"repeated tls", "smtp://mail.example.org?tls=none&tls=tls", `repeats "tls"`},
		{"port not a number", "smtp://mail.example.org:abc", "invalid port"},
		{"port zero", "smtp://mail.example.org:0", "port must be a number between 1 and 65535"},
		{"port too big", "smtp://mail.example.org:65536", "port must be a number between 1 and 65535"},
		{"unknown parameter", "smtp://mail.example.org?form=a@example.org", `unknown parameter "form"`},
		{"bad from", "smtp://mail.example.org?from=not-an-address", "from"},
		{"from with a name", "smtp://mail.example.org?from=Me%20%3Cme@example.org%3E", "from"},
		{"from_name with a line break", "smtp://mail.example.org?from_name=a%0D%0ABcc:%20x@example.org", "from_name"},
		{"path", "smtp://mail.example.org/inbox", "path"},
		{"password without user", "smtp://:s3cr3t-Zq@mail.example.org", "no user name"},
		{"credentials in clear to a remote host", "smtp://u:s3cr3t-Zq@mail.example.org?tls=none", "not loopback"},
		{"password with an unencoded slash", "smtp://u:s3cr3t/Zq@mail.example.org", "percent-encode"},
		{"password with an unencoded hash", "smtp://u:s3cr3t#Zq@mail.example.org", "percent-encode"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := mail.NewSMTP(tc.rawURL)
			if err == nil {
				t.Fatalf("NewSMTP(%q) = %v, want an error", tc.rawURL, s)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("NewSMTP(%q): %q, want it to say %q", tc.rawURL, err, tc.want)
			}
			if strings.Contains(err.Error(), "s3cr3t") {
				t.Errorf("NewSMTP(%q): %q quotes the password", tc.rawURL, err)
			}
		})
	}
}

// TestNewSMTPDefaults checks the defaults of port, connection security and
// sender, as String shows them.
func TestNewSMTPDefaults(t *testing.T) {
	for rawURL, want := range map[string]string{
		"smtp://mail.example.org":                                "smtp://mail.example.org:587?tls=starttls",
		"smtp://mail.example.org/":                               "smtp://mail.example.org:587?tls=starttls",
		"smtps://mail.example.org":                               "smtp://mail.example.org:465?tls=tls",
		"smtp://mail.example.org?tls=tls":                        "smtp://mail.example.org:465?tls=tls",
		"smtps://u:p%40ss@mail.example.org:2465?tls=tls":         "smtp://u@mail.example.org:2465?tls=tls",
		"smtp://mail.example.org:25?tls=none":                    "smtp://mail.example.org:25?tls=none",
		"smtp://u:p@127.0.0.1:1025?tls=none":                     "smtp://u@127.0.0.1:1025?tls=none",
		"smtp://u:p@localhost:1025?tls=none&from=a@example.org":  "smtp://u@localhost:1025?tls=none",
		"smtp://u:p@[::1]:1025?tls=none&from=a@example.org":      "smtp://u@[::1]:1025?tls=none",
		"smtp://u@mail.example.org?from_name=%E6%A9%8B&from=a@b": "smtp://u@mail.example.org:587?tls=starttls",
	} {
		s, err := mail.NewSMTP(rawURL)
		if err != nil {
			t.Errorf("NewSMTP(%q): %v", rawURL, err)
			continue
		}
		if got := s.String(); got != want {
			t.Errorf("NewSMTP(%q).String() = %q, want %q", rawURL, got, want)
		}
	}
}
