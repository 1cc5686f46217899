package matching

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// Kinds of jsonError.
const (
	jsonMalformed    = "malformed"
	jsonUnknownField = "unknown_field"
	jsonWrongType    = "wrong_type"
)

// jsonError says why a JSON document was refused: malformed JSON (or not a
// single object), an unknown key, or a value of the wrong type, with the
// key's dotted path and the JSON type wanted.
type jsonError struct {
	kind  string
	field string
	want  string // "string", "integer", "boolean", "array", "object"
}

func (e *jsonError) Error() string {
	switch e.kind {
	case jsonUnknownField:
		return fmt.Sprintf("%s: unknown key", e.field)
	case jsonWrongType:
		return fmt.Sprintf("%s: must be %s", e.field, articleType(e.want))
	}
	return "malformed JSON: the input must be one JSON object"
}

// articleType names a JSON type with its article, for messages.
func articleType(t string) string {
	if t == "integer" || t == "array" || t == "object" {
		return "an " + t
	}
	return "a " + t
}

// decodeObject reads exactly one JSON object from r into dst, strictly: no
// unknown keys, no wrong types, nothing but white space after it. Failures
// are *jsonError.
func decodeObject(r io.Reader, dst any) error {
	br := bufio.NewReader(r)
	if !startsObject(br) {
		return &jsonError{kind: jsonMalformed}
	}
	dec := json.NewDecoder(br)
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return explainJSON(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return &jsonError{kind: jsonMalformed}
	}
	return nil
}

// startsObject skips white space and reports whether an object begins.
func startsObject(br *bufio.Reader) bool {
	for {
		b, err := br.ReadByte()
		if err != nil {
			return false
		}
		switch b {
		case ' ', '\t', '\r', '\n':
			continue
		case '{':
			return br.UnreadByte() == nil
		default:
			return false
		}
	}
}

// explainJSON turns a decoding error into a *jsonError naming the key.
func explainJSON(err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Field != "" {
		return &jsonError{kind: jsonWrongType, field: typeErr.Field, want: jsonTypeOf(typeErr.Type)}
	}
	if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return &jsonError{kind: jsonUnknownField, field: strings.Trim(field, `"`)}
	}
	return &jsonError{kind: jsonMalformed}
}

// jsonTypeOf names the JSON type a Go type is read from.
func jsonTypeOf(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Slice, reflect.Array:
		return "array"
	default:
		return "object"
	}
}
