package httpapi_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/setubashi/setubashi/backend/httpapi"
	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/docs"
	"github.com/setubashi/setubashi/locales"
)

// builtUI is a small stand-in for frontend/dist after `npm run build`.
func builtUI() fstest.MapFS {
	script := strings.Repeat("console.log('setubashi');\n", 200)
	return fstest.MapFS{
		"index.html":                {Data: []byte(`<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>`)},
		"favicon.svg":               {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"></svg>`)},
		"assets/index-abc123.js":    {Data: []byte(script)},
		"assets/index-abc123.css":   {Data: []byte(`body{margin:0}`)},
		"assets/nested/chunk-ff.js": {Data: []byte(`export default 1;`)},
		".gitkeep":                  {Data: nil},
	}
}

// staticServer is a server whose UI is fsys. The static paths touch neither
// the database nor the services, so none are wired.
func staticServer(t *testing.T, fsys fstest.MapFS) *httpapi.Server {
	t.Helper()
	catalog, err := i18n.Load(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return httpapi.New(httpapi.Config{Development: true, SessionTTL: time.Hour}, log, catalog, nil, nil, nil, docs.OpenAPI, fsys)
}

// get sends a GET (or another method) and checks the answer against the contract.
func get(t *testing.T, srv http.Handler, method, target string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, http.NoBody)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	checkContract(t, req, rec.Code, rec.Header(), rec.Body.Bytes())
	return rec
}

func TestStaticUIServing(t *testing.T) {
	ui := builtUI()
	srv := staticServer(t, ui)
	index := string(ui["index.html"].Data)
	cases := []struct {
		name, method, path string
		status             int
		cache, body        string // body: "" for a problem document
		contentType        string
	}{
		{"home", "GET", "/", http.StatusOK, "no-cache", index, "text/html; charset=utf-8"},
		{"client route", "GET", "/roles/12", http.StatusOK, "no-cache", index, "text/html; charset=utf-8"},
		{"client route with query", "GET", "/roles?q=vision&type=job", http.StatusOK, "no-cache", index, "text/html; charset=utf-8"},
		{"deep client route", "GET", "/organization/roles/7/applicants", http.StatusOK, "no-cache", index, "text/html; charset=utf-8"},
		{"index by name", "GET", "/index.html", http.StatusOK, "no-cache", index, "text/html; charset=utf-8"},
		{"hashed asset", "GET", "/assets/index-abc123.js", http.StatusOK, "public, max-age=31536000, immutable", string(ui["assets/index-abc123.js"].Data), "text/javascript; charset=utf-8"},
		{"nested hashed asset", "GET", "/assets/nested/chunk-ff.js", http.StatusOK, "public, max-age=31536000, immutable", `export default 1;`, "text/javascript; charset=utf-8"},
		{"stylesheet", "GET", "/assets/index-abc123.css", http.StatusOK, "public, max-age=31536000, immutable", `body{margin:0}`, "text/css; charset=utf-8"},
		{"unhashed root file", "GET", "/favicon.svg", http.StatusOK, "no-cache", string(ui["favicon.svg"].Data), "image/svg+xml"},
		{"missing asset", "GET", "/assets/gone-123.js", http.StatusNotFound, "", "", "application/problem+json"},
		{"asset folder", "GET", "/assets/", http.StatusNotFound, "", "", "application/problem+json"},
		{"missing file with extension", "GET", "/robots.txt", http.StatusNotFound, "", "", "application/problem+json"},
		{"unknown API path", "GET", "/api/v1/nothing-here", http.StatusNotFound, "", "", "application/problem+json"},
		{"API root", "GET", "/api", http.StatusNotFound, "", "", "application/problem+json"},
		{"unknown API version", "GET", "/api/v2/roles", http.StatusNotFound, "", "", "application/problem+json"},
		{"below healthz", "GET", "/healthz/deep", http.StatusNotFound, "", "", "application/problem+json"},
		{"below metrics", "GET", "/metrics/x", http.StatusNotFound, "", "", "application/problem+json"},
		{"unsafe method on a UI path", "POST", "/roles", http.StatusNotFound, "", "", "application/problem+json"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := get(t, srv, c.method, c.path, nil)
			if rec.Code != c.status {
				t.Fatalf("%s %s: status %d, want %d; body %.300s", c.method, c.path, rec.Code, c.status, rec.Body.String())
			}
			if got := rec.Header().Get("Content-Type"); got != c.contentType {
				t.Errorf("Content-Type %q, want %q", got, c.contentType)
			}
			if c.body == "" {
				var p struct{ Code string }
				if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || p.Code != "route_not_found" {
					t.Errorf("want a route_not_found problem, got %.300s", rec.Body.String())
				}
				return
			}
			if rec.Body.String() != c.body {
				t.Errorf("body %.200q, want %.200q", rec.Body.String(), c.body)
			}
			if got := rec.Header().Get("Cache-Control"); got != c.cache {
				t.Errorf("Cache-Control %q, want %q", got, c.cache)
			}
			if rec.Header().Get("ETag") == "" {
				t.Error("no ETag")
			}
			if !strings.Contains(rec.Header().Get("Content-Security-Policy"), "script-src 'self'") {
				t.Error("the UI must be sent with the content security policy")
			}
		})
	}
}

func TestStaticUICompressionAndRevalidation(t *testing.T) {
	ui := builtUI()
	srv := staticServer(t, ui)
	const asset = "/assets/index-abc123.js"

	rec := get(t, srv, "GET", asset, map[string]string{"Accept-Encoding": "br, gzip"})
	if rec.Header().Get("Content-Encoding") != "gzip" || rec.Header().Get("Vary") != "Accept-Encoding" {
		t.Fatalf("want gzip with Vary: Accept-Encoding, got %v", rec.Header())
	}
	zr, err := gzip.NewReader(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(plain, ui["assets/index-abc123.js"].Data) {
		t.Fatalf("gzip body does not decompress to the file (%v)", err)
	}
	if rec.Body.Len() >= len(plain) {
		t.Errorf("compressed %d bytes ≥ plain %d", rec.Body.Len(), len(plain))
	}

	refused := get(t, srv, "GET", asset, map[string]string{"Accept-Encoding": "gzip;q=0"})
	if refused.Header().Get("Content-Encoding") != "" || !bytes.Equal(refused.Body.Bytes(), plain) {
		t.Error("gzip;q=0 must get the identity encoding")
	}

	plainTag := get(t, srv, "GET", asset, nil).Header().Get("ETag")
	gzipTag := rec.Header().Get("ETag")
	if plainTag == gzipTag {
		t.Errorf("identity and gzip answers share the ETag %s", plainTag)
	}
	for _, c := range []struct{ encoding, etag string }{{"", plainTag}, {"gzip", gzipTag}} {
		again := get(t, srv, "GET", asset, map[string]string{"Accept-Encoding": c.encoding, "If-None-Match": c.etag})
		if again.Code != http.StatusNotModified || again.Body.Len() != 0 {
			t.Errorf("If-None-Match %s: status %d with %d bytes, want 304 and none", c.etag, again.Code, again.Body.Len())
		}
	}

	home := get(t, srv, "GET", "/", nil)
	again := get(t, srv, "GET", "/", map[string]string{"If-None-Match": home.Header().Get("ETag")})
	if again.Code != http.StatusNotModified {
		t.Errorf("GET / revalidation: status %d, want 304", again.Code)
	}
}

func TestStaticUINotBuilt(t *testing.T) {
	srv := staticServer(t, fstest.MapFS{".gitkeep": {Data: nil}})
	home := get(t, srv, "GET", "/", map[string]string{"Accept-Language": "ja"})
	if home.Code != http.StatusOK || !strings.Contains(home.Body.String(), "npm run build") || home.Header().Get("Content-Language") != "ja" {
		t.Errorf("GET / without a build: %d %s %.300s", home.Code, home.Header().Get("Content-Language"), home.Body.String())
	}
	for _, path := range []string{"/roles/12", "/assets/index-abc123.js"} {
		if rec := get(t, srv, "GET", path, nil); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s without a build: status %d, want 404", path, rec.Code)
		}
	}
}
