package httpapi

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/setubashi/setubashi/backend/strictjson"
	"github.com/setubashi/setubashi/backend/talent"
)

// maxBodyBytes bounds every request body.
const maxBodyBytes = 1 << 20

// decodeJSON reads the request body into dst strictly: the body must be one
// JSON object of at most maxBodyBytes, in application/json, with no unknown
// fields and no trailing data. Failures are problems naming what is wrong.
func decodeJSON(c *gin.Context, dst any) error {
	body, err := readBody(c)
	if err != nil {
		return err
	}
	return decodeBytes(body, dst)
}

// decodeOptionalJSON is decodeJSON for endpoints whose body may be empty.
func decodeOptionalJSON(c *gin.Context, dst any) error {
	body, err := readBody(c)
	if err != nil || len(bytes.TrimSpace(body)) == 0 {
		return err
	}
	return decodeBytes(body, dst)
}

func readBody(c *gin.Context) ([]byte, error) {
	r := c.Request
	r.Body = http.MaxBytesReader(c.Writer, r.Body, maxBodyBytes)
	body, err := io.ReadAll(r.Body)
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return nil, newHTTPProblem(http.StatusRequestEntityTooLarge, "title.too_large", talent.ErrInvalid, codeBodyTooLarge, "Max", maxBodyBytes)
	}
	if err != nil {
		return nil, newHTTPProblem(http.StatusBadRequest, "title.invalid", talent.ErrInvalid, talent.CodeMalformedJSON)
	}
	if len(bytes.TrimSpace(body)) > 0 {
		mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || (mediaType != "application/json" && !strings.HasSuffix(mediaType, "+json")) {
			return nil, newHTTPProblem(http.StatusUnsupportedMediaType, "title.unsupported_media_type", talent.ErrInvalid, codeUnsupportedMediaType)
		}
	}
	return body, nil
}

// decodeBytes reads one strict JSON object into dst; a refusal is a problem
// naming the key at fault.
func decodeBytes(body []byte, dst any) error {
	err := strictjson.Decode(body, dst)
	var refused *strictjson.Error
	if err == nil || !errors.As(err, &refused) {
		return err
	}
	var v talent.Validator
	switch refused.Kind {
	case strictjson.UnknownField:
		v.Add(refused.Field, "unknown_field")
	case strictjson.WrongType:
		if code, ok := formatCodes[baseType(refused.Type)]; ok {
			v.Add(refused.Field, code)
		} else {
			v.Add(refused.Field, "wrong_type", "Type", talent.Term{Set: "type", Code: strictjson.TypeName(refused.Type)})
		}
	default:
		return talent.NewProblem(talent.ErrInvalid, talent.CodeMalformedJSON)
	}
	return v.Err()
}

// formatCodes are the field codes of values that are strings in a set form.
var formatCodes = map[reflect.Type]string{
	reflect.TypeFor[talent.Date](): "invalid_date",
	reflect.TypeFor[timestamp]():   "invalid_datetime",
}

func baseType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// timestamp is an instant in a request, written in RFC 3339 form; any other
// value is refused, and decodeBytes names its field.
type timestamp time.Time

// UnmarshalJSON reads an RFC 3339 string.
func (t *timestamp) UnmarshalJSON(b []byte) error {
	var parsed time.Time
	if string(b) == "null" {
		return errors.New("null is not an instant")
	}
	if err := parsed.UnmarshalJSON(b); err != nil {
		return err
	}
	*t = timestamp(parsed)
	return nil
}
