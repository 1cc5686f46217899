package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

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
		return nil, newHTTPProblem(http.StatusRequestEntityTooLarge, "title.too_large", talent.ErrInvalid, "body_too_large", "Max", maxBodyBytes)
	}
	if err != nil {
		return nil, newHTTPProblem(http.StatusBadRequest, "title.invalid", talent.ErrInvalid, "malformed_json")
	}
	if len(bytes.TrimSpace(body)) > 0 {
		mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || (mediaType != "application/json" && !strings.HasSuffix(mediaType, "+json")) {
			return nil, newHTTPProblem(http.StatusUnsupportedMediaType, "title.unsupported_media_type", talent.ErrInvalid, "unsupported_media_type")
		}
	}
	return body, nil
}

func decodeBytes(body []byte, dst any) error {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return talent.NewProblem(talent.ErrInvalid, "malformed_json")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return jsonProblem(err, embeddedNames(reflect.TypeOf(dst)))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return talent.NewProblem(talent.ErrInvalid, "malformed_json")
	}
	return nil
}

// jsonProblem explains a decoding error: a wrong type or an unknown field
// names the field (by its JSON path, leaving out the Go names of embedded
// structs); anything else is malformed JSON.
func jsonProblem(err error, embedded map[string]bool) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Field != "" {
		var path []string
		for _, part := range strings.Split(typeErr.Field, ".") {
			if !embedded[part] {
				path = append(path, part)
			}
		}
		var v talent.Validator
		if code, ok := formatCodes[baseType(typeErr.Type)]; ok {
			v.Add(strings.Join(path, "."), code)
		} else {
			v.Add(strings.Join(path, "."), "wrong_type", "Type", talent.Term{Set: "type", Code: jsonTypeName(typeErr.Type)})
		}
		return v.Err()
	}
	if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		var v talent.Validator
		v.Add(strings.Trim(field, `"`), "unknown_field")
		return v.Err()
	}
	return talent.NewProblem(talent.ErrInvalid, "malformed_json")
}

// embeddedNames returns the Go names of the structs embedded (at any depth)
// in the struct t points to; encoding/json puts them in error field paths.
func embeddedNames(t reflect.Type) map[string]bool {
	names := map[string]bool{}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for f := range t.Fields() {
			if f.Anonymous {
				names[f.Name] = true
			}
			walk(f.Type)
		}
	}
	walk(t)
	return names
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
// value is a type error naming its field.
type timestamp time.Time

// UnmarshalJSON reads an RFC 3339 string.
func (t *timestamp) UnmarshalJSON(b []byte) error {
	var parsed time.Time
	if err := parsed.UnmarshalJSON(b); err != nil || string(b) == "null" {
		return &json.UnmarshalTypeError{Value: string(b), Type: reflect.TypeFor[timestamp]()}
	}
	*t = timestamp(parsed)
	return nil
}

// jsonTypeName names the JSON type a Go type is read from.
func jsonTypeName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return "array"
	default:
		return "object"
	}
}
