package httpapi

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

// Cache lifetimes of the web UI's files. Vite names everything under
// assets/ by a hash of its content, so those never change; index.html and
// the few unhashed files are revalidated on every use (by ETag).
const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
)

// reservedPrefixes are paths the UI never answers, even when nothing else
// does: unknown API paths keep their 404 problem.
var reservedPrefixes = []string{"/api", "/healthz", "/readyz", "/metrics"}

// staticSite serves a built single-page app: its files as they are, and
// index.html for every other GET path so that client-side routes survive a
// reload. Files are read once from an immutable fs.FS (the embedded build)
// and gzip-compressed on first request.
type staticSite struct {
	files fs.FS
	index []byte

	mu    sync.Mutex
	cache map[string]*staticFile
}

// staticFile is one file ready to send, with its gzip form when that is smaller.
type staticFile struct {
	body, gzipped []byte
	contentType   string
	etag          string
}

// newStaticSite returns the site in fsys, or nil when fsys is nil or holds
// no index.html (the UI was not built).
func newStaticSite(fsys fs.FS) *staticSite {
	if fsys == nil {
		return nil
	}
	index, err := fs.ReadFile(fsys, "index.html")
	if err != nil {
		return nil
	}
	return &staticSite{files: fsys, index: index, cache: map[string]*staticFile{}}
}

// answers reports whether the site answers this request: a GET for a path
// outside the API and the operational endpoints.
func (s *staticSite) answers(r *http.Request) bool {
	if r.Method != http.MethodGet {
		return false
	}
	for _, p := range reservedPrefixes {
		if r.URL.Path == p || strings.HasPrefix(r.URL.Path, p+"/") {
			return false
		}
	}
	return true
}

// serveStatic answers a GET the router has no route for: a file of the build, or
// index.html for a client-side route. A missing file (a path whose last
// segment has an extension, or anything under assets/) is a 404 problem,
// never the app's HTML.
func (s *Server) serveStatic(c *gin.Context) {
	name := strings.TrimPrefix(path.Clean("/"+c.Request.URL.Path), "/")
	if name != "" && name != "index.html" {
		if f, ok := s.frontend.file(name); ok {
			cache := cacheRevalidate
			if strings.HasPrefix(name, "assets/") {
				cache = cacheImmutable
			}
			s.frontend.write(c, f, cache)
			return
		}
		if name == "assets" || strings.HasPrefix(name, "assets/") || strings.Contains(path.Base(name), ".") {
			s.noRoute404(c)
			return
		}
	}
	s.frontend.writeIndex(c)
}

// writeIndex sends index.html, which the browser must revalidate each time
// (it names the current hashed assets).
func (s *staticSite) writeIndex(c *gin.Context) {
	f, _ := s.file("index.html")
	s.write(c, f, cacheRevalidate)
}

// file returns a file of the build, loading and compressing it on first use.
func (s *staticSite) file(name string) (*staticFile, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f, ok := s.cache[name]; ok {
		return f, true
	}
	info, err := fs.Stat(s.files, name)
	if err != nil || !info.Mode().IsRegular() {
		return nil, false
	}
	body, err := fs.ReadFile(s.files, name)
	if err != nil {
		return nil, false
	}
	sum := sha256.Sum256(body)
	f := &staticFile{body: body, etag: `"` + hex.EncodeToString(sum[:12]) + `"`, contentType: contentTypeOf(name, body)}
	if compressible(f.contentType) && len(body) > 512 {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		_, _ = zw.Write(body)
		if zw.Close() == nil && buf.Len() < len(body) {
			f.gzipped = buf.Bytes()
		}
	}
	s.cache[name] = f
	return f, true
}

// write sends a file with its caching headers, gzip-compressed when the
// client accepts it, or 304 when the client's copy is current.
func (s *staticSite) write(c *gin.Context, f *staticFile, cacheControl string) {
	h := c.Writer.Header()
	// The files do not depend on the caller's language or session.
	h.Set("Vary", "Accept-Encoding")
	h.Set("Cache-Control", cacheControl)
	h.Set("Content-Type", f.contentType)
	body, etag := f.body, f.etag
	if f.gzipped != nil && acceptsGzip(c.Request) {
		body, etag = f.gzipped, strings.TrimSuffix(f.etag, `"`)+`-gz"`
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("ETag", etag)
	if match := c.GetHeader("If-None-Match"); match != "" && etagMatches(match, etag) {
		h.Del("Content-Type")
		h.Del("Content-Encoding")
		c.Status(http.StatusNotModified)
		return
	}
	c.Data(http.StatusOK, f.contentType, body)
}

func (s *Server) noRoute404(c *gin.Context) {
	s.respondError(c, newHTTPProblem(http.StatusNotFound, "title.not_found", talent.ErrNotFound, codeRouteNotFound))
}

func contentTypeOf(name string, body []byte) string {
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return http.DetectContentType(body)
}

func compressible(contentType string) bool {
	for _, p := range []string{"text/", "application/javascript", "application/json", "image/svg+xml", "application/manifest+json"} {
		if strings.HasPrefix(contentType, p) {
			return true
		}
	}
	return false
}

// acceptsGzip reports whether Accept-Encoding allows gzip (and not with q=0).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		for _, p := range strings.Split(params, ";") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(p), "q="); ok {
				q, err := strconv.ParseFloat(v, 64)
				return err == nil && q > 0
			}
		}
		return true
	}
	return false
}

func etagMatches(header, etag string) bool {
	for _, candidate := range strings.Split(header, ",") {
		candidate = strings.TrimSpace(candidate)
		if candidate == "*" || strings.TrimPrefix(candidate, "W/") == etag {
			return true
		}
	}
	return false
}
