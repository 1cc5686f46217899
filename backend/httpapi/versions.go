package httpapi

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

// Optimistic concurrency: roles and applications carry a version, answered as
// a `version` field and as a strong ETag ("3"), the same in every language
// (it names the stored state, not the rendering). A write sent with If-Match
// is refused with 412 when the object has moved on; a write that raced
// another without If-Match is 409 (version_changed / stage_changed).

// etag returns the ETag of an object at a version.
func etag(version int) string { return `"` + strconv.Itoa(version) + `"` }

// setETag announces an object's version.
func setETag(c *gin.Context, version int) {
	if version > 0 {
		c.Header("ETag", etag(version))
	}
}

// ifMatchVersion reads If-Match: 0 when absent or "*" (any version), else
// the version its first entity tag names (-1 when it names none: it can
// never match). Weak tags never match (RFC 9110 13.1.1).
func ifMatchVersion(c *gin.Context) (version int, present bool) {
	raw := strings.TrimSpace(c.GetHeader("If-Match"))
	if raw == "" {
		return 0, false
	}
	first := strings.TrimSpace(strings.Split(raw, ",")[0])
	if first == "*" {
		return 0, true
	}
	return parseETagVersion(first), true
}

// parseETagVersion returns the version a strong entity tag "N" names, or -1.
func parseETagVersion(tag string) int {
	inner, ok := strings.CutPrefix(tag, `"`)
	if !ok {
		return -1
	}
	inner, ok = strings.CutSuffix(inner, `"`)
	if !ok {
		return -1
	}
	n, err := strconv.Atoi(inner)
	if err != nil || n <= 0 || strconv.Itoa(n) != inner {
		return -1
	}
	return n
}

// preconditionFailed turns a lost race into 412 when the caller sent
// If-Match: the object is not at the version they named.
func preconditionFailed(err error, ifMatch bool) error {
	if !ifMatch {
		return err
	}
	if p, ok := talent.AsProblem(err); ok && (p.Code == talent.CodeVersionChanged || p.Code == talent.CodeStageChanged) {
		return newHTTPProblem(http.StatusPreconditionFailed, "title.precondition_failed", talent.ErrConflict, codePreconditionFailed)
	}
	return err
}
