package httpapi

import (
	"encoding/json"
	"io"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/talent"
)

// listResponse is one page of a list with the cursor of the next page ("" at
// the end).
type listResponse[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
}

// pathID reads the :id path parameter; an id that is not a positive integer
// names nothing, so it is ErrNotFound.
func pathID(c *gin.Context) (int64, error) { return parseID(c.Param("id")) }

// parseID reads a path id; anything but a positive integer is ErrNotFound.
func parseID(raw string) (int64, error) {
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return 0, talent.NotFound()
	}
	return id, nil
}

// pageOf reads ?cursor= and ?limit= into a page.
func pageOf(c *gin.Context) (talent.Page, error) {
	raw, limitSet := c.GetQuery("limit")
	limit := 0
	if limitSet {
		n, err := strconv.Atoi(raw)
		if err != nil {
			var v talent.Validator
			v.Add("limit", "out_of_range", "Min", 1, "Max", talent.MaxPageSize)
			return talent.Page{}, v.Err()
		}
		limit = n
	}
	return talent.NewPage(c.Query("cursor"), limit, limitSet)
}

// page builds a list response from a page of domain values.
func page[D, T any](p talent.Page, items []D, id func(D) int64, convert func(D) T) listResponse[T] {
	out := listResponse[T]{Items: make([]T, len(items))}
	for i, it := range items {
		out.Items[i] = convert(it)
	}
	if len(items) > 0 {
		out.NextCursor = talent.NextCursor(p, len(items), id(items[len(items)-1]))
	}
	return out
}

func jsonEncode(w io.Writer, v any) error { return json.NewEncoder(w).Encode(v) }

// handlerFunc is a handler that returns its answer (or nil for no body) and
// an error, leaving the writing to answer.
type handlerFunc func(c *gin.Context) (any, error)

// answer adapts fn to gin: its result is written as JSON with status (or an
// empty answer when it returns nil), its error as a problem document.
func (s *Server) answer(status int, fn handlerFunc) gin.HandlerFunc {
	return func(c *gin.Context) {
		out, err := fn(c)
		switch {
		case err != nil:
			s.respondError(c, err)
		case out == nil:
			c.Status(status)
		default:
			if a, ok := out.(answerWith); ok {
				c.JSON(a.status, a.body)
				return
			}
			c.JSON(status, out)
		}
	}
}

// answerWith is a handler's answer with a status other than the route's
// usual one (a sign-in that continues with a second step answers 202).
type answerWith struct {
	status int
	body   any
}

// withBody decodes the request body strictly into a Req before calling fn.
func withBody[Req any](fn func(c *gin.Context, req Req) (any, error)) handlerFunc {
	return func(c *gin.Context) (any, error) {
		var req Req
		if err := decodeJSON(c, &req); err != nil {
			return nil, err
		}
		return fn(c, req)
	}
}

// withID reads the :id path parameter before calling fn.
func withID(fn func(c *gin.Context, id int64) (any, error)) handlerFunc {
	return func(c *gin.Context) (any, error) {
		id, err := pathID(c)
		if err != nil {
			return nil, err
		}
		return fn(c, id)
	}
}

// withIDAndBody reads the :id path parameter and decodes the body.
func withIDAndBody[Req any](optional bool, fn func(c *gin.Context, id int64, req Req) (any, error)) handlerFunc {
	return withID(func(c *gin.Context, id int64) (any, error) {
		var req Req
		decode := decodeJSON
		if optional {
			decode = decodeOptionalJSON
		}
		if err := decode(c, &req); err != nil {
			return nil, err
		}
		return fn(c, id, req)
	})
}
