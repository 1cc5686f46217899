package mail

import (
	"errors"
	"fmt"
	"maps"
	"net"
	netmail "net/mail"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// The connection security an SMTP URL asks for with tls=.
const (
	securityStartTLS = "starttls" // plain connection upgraded with STARTTLS, which must succeed
	securityTLS      = "tls"      // TLS from the first byte (implicit TLS, smtps)
	securityNone     = "none"     // no encryption: development servers
)

// smtpConfig is what an SMTP URL says.
type smtpConfig struct {
	host     string
	port     int
	security string
	user     string
	password string
	from     netmail.Address
}

// parseSMTPURL reads smtp://[user[:password]@]host[:port][?from=&from_name=&tls=]
// or smtps://…. Its errors never repeat the URL, which may hold a password.
func parseSMTPURL(rawURL string) (smtpConfig, error) {
	var cfg smtpConfig
	u, err := url.Parse(rawURL)
	if err != nil {
		if strings.Contains(rawURL, "@") {
			// The parser's reason may quote a piece of a password that was
			// not percent-encoded.
			return cfg, errors.New("mail: SMTP URL does not parse (percent-encode reserved characters in the user name and password)")
		}
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err // without the URL
		}
		return cfg, fmt.Errorf("mail: SMTP URL does not parse: %w", err)
	}
	switch u.Scheme {
	case "smtp":
		cfg.security = securityStartTLS
	case "smtps":
		cfg.security = securityTLS
	default:
		return cfg, fmt.Errorf("mail: SMTP URL scheme must be smtp or smtps, not %q", u.Scheme)
	}
	cfg.host = u.Hostname()
	if u.Opaque != "" || cfg.host == "" {
		return cfg, errors.New("mail: SMTP URL has no host (want smtp://host[:port])")
	}
	if u.Path != "" && u.Path != "/" || u.Fragment != "" {
		return cfg, errors.New("mail: SMTP URL must not have a path or a fragment")
	}
	if err := readQuery(&cfg, u.RawQuery); err != nil {
		return cfg, err
	}
	if err := readPort(&cfg, u.Port()); err != nil {
		return cfg, err
	}
	if u.User != nil {
		cfg.user = u.User.Username()
		cfg.password, _ = u.User.Password()
		if cfg.user == "" {
			return cfg, errors.New("mail: SMTP URL has a password but no user name")
		}
		if cfg.security == securityNone && !isLoopback(cfg.host) {
			return cfg, errors.New("mail: SMTP URL sends credentials without encryption (tls=none) to a host that is not loopback")
		}
	}
	return cfg, nil
}

// readQuery applies from, from_name and tls and refuses any other key, so
// that a misspelt one is not silently ignored.
func readQuery(cfg *smtpConfig, rawQuery string) error {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return fmt.Errorf("mail: SMTP URL query does not parse: %w", err)
	}
	for _, key := range slices.Sorted(maps.Keys(q)) {
		values := q[key]
		if len(values) > 1 {
			return fmt.Errorf("mail: SMTP URL repeats %q", key)
		}
		switch key {
		case "from", "from_name":
		case "tls":
			switch v := values[0]; {
			case v != securityStartTLS && v != securityTLS && v != securityNone:
				return fmt.Errorf("mail: SMTP URL tls must be starttls, tls or none, not %q", v)
			case cfg.security == securityTLS && v != securityTLS:
				return fmt.Errorf("mail: SMTP URL scheme smtps is implicit TLS and cannot have tls=%s", v)
			default:
				cfg.security = v
			}
		default:
			return fmt.Errorf("mail: SMTP URL has unknown parameter %q (known: from, from_name, tls)", key)
		}
	}
	from := q.Get("from")
	if from == "" {
		from = "no-reply@" + cfg.host
	}
	a, err := netmail.ParseAddress(from)
	if err != nil || a.Name != "" || a.Address != from {
		return fmt.Errorf("mail: SMTP URL from %q is not a bare e-mail address", from)
	}
	if hasControl(q.Get("from_name")) {
		return errors.New("mail: SMTP URL from_name contains control characters")
	}
	cfg.from = netmail.Address{Name: q.Get("from_name"), Address: from}
	return nil
}

// readPort sets the port, or the default for the connection security: 465
// for implicit TLS, 587 (submission) otherwise.
func readPort(cfg *smtpConfig, port string) error {
	if port == "" {
		cfg.port = 587
		if cfg.security == securityTLS {
			cfg.port = 465
		}
		return nil
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 1 || n > 65535 {
		return errors.New("mail: SMTP URL port must be a number between 1 and 65535")
	}
	cfg.port = n
	return nil
}

// isLoopback reports whether host names this machine.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
