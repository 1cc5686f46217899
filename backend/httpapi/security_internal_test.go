package httpapi

import "testing"

// TestSummarizeUserAgent checks the browser and system names a session list shows.
func TestSummarizeUserAgent(t *testing.T) {
	cases := []struct{ ua, browser, os string }{
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0", "Edge", "Windows"},
		{"Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox", "Linux"},
		{"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari", "iOS"},
		{"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome", "macOS"},
		{"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome", "Android"},
		{"curl/8.5.0", "curl", ""},
		{"", "", ""},
	}
	for _, c := range cases {
		if b, o := summarizeUserAgent(c.ua); b != c.browser || o != c.os {
			t.Errorf("%.40q: %q %q, want %q %q", c.ua, b, o, c.browser, c.os)
		}
	}
}

// TestAuditedRoutes pins which requests the audit log records.
func TestAuditedRoutes(t *testing.T) {
	for _, c := range []struct {
		method, route string
		want          bool
	}{
		{"POST", "/api/v1/auth/login", true}, {"PUT", "/api/v1/me/profile", true}, {"PATCH", "/api/v1/roles/:id", true},
		{"DELETE", "/api/v1/me/sessions/:id", true}, {"GET", "/api/v1/me/export", true}, {"GET", "/api/v1/progress/export.csv", true},
		{"GET", "/api/v1/roles", false}, {"HEAD", "/api/v1/roles", false}, {"OPTIONS", "/api/v1/roles", false}, {"GET", "/api/v1/exporters", false},
	} {
		if got := audited(c.method, c.route); got != c.want {
			t.Errorf("%s %s audited %v, want %v", c.method, c.route, got, c.want)
		}
	}
}
