package httpapi

import (
	"context"
	"time"

	"github.com/gin-gonic/gin"
)

// requestTimeout bounds the work of one request: its context ends then, so
// that every database call it makes ends too (PostgreSQL also bounds each
// statement by statement_timeout; SQLite has only this and busy_timeout).
const requestTimeout = 30 * time.Second

// requestDeadline gives every request's context a deadline.
func requestDeadline(d time.Duration) gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx, cancel := context.WithTimeout(c.Request.Context(), d)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}
