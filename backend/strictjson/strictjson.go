// Package strictjson reads one JSON object strictly (no unknown keys, no
// values of the wrong type, nothing after the object) and explains a refusal
// by the path of the offending key, such as roles[0].capacity.
//
// encoding/json reports where a value went wrong differently from one Go
// release to the next (Go 1.27 adds array indexes and drops the field of
// errors returned by UnmarshalJSON), so the path is found here, by walking
// the document against the destination type, and is the same on every
// release.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
)

// Kind says why a document was refused.
type Kind int

// Kinds of Error.
const (
	// Malformed: not JSON, not a single object, or something after it.
	Malformed Kind = iota
	// UnknownField: a key the destination has no field for.
	UnknownField
	// WrongType: a value that cannot be read into its field's type.
	WrongType
)

// Error says why a document was refused and, but for Malformed, where.
type Error struct {
	Kind  Kind
	Field string       // path of the key: name, name.inner, list[2].name
	Type  reflect.Type // for WrongType: the Go type the value did not fit
}

// Error describes the refusal in English, for logs and command-line tools.
func (e *Error) Error() string {
	switch e.Kind {
	case UnknownField:
		return fmt.Sprintf("%s: unknown key", e.Field)
	case WrongType:
		return fmt.Sprintf("%s: must be %s", e.Field, withArticle(TypeName(e.Type)))
	}
	return "malformed JSON: the input must be one JSON object"
}

// Decode reads body, which must hold exactly one JSON object, into dst (a
// pointer to a struct). Failures are *Error.
func Decode(body []byte, dst any) error {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return &Error{Kind: Malformed}
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return explain(trimmed, reflect.TypeOf(dst))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return &Error{Kind: Malformed}
	}
	return nil
}

// explain finds the first key of body that does not fit t. A document that
// is not valid JSON, or whose fault cannot be placed, is Malformed.
func explain(body []byte, t reflect.Type) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var tree any
	if err := dec.Decode(&tree); err != nil {
		return &Error{Kind: Malformed}
	}
	if e := locate(tree, t, ""); e != nil {
		return e
	}
	return &Error{Kind: Malformed}
}

// TypeName names the JSON type a Go type is read from: string, boolean,
// integer, number, array or object.
func TypeName(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "object"
	}
	if implementsUnmarshaler(t) {
		return "string"
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return "array"
	default:
		return "object"
	}
}

// withArticle puts "a" or "an" before a JSON type name.
func withArticle(name string) string {
	switch name {
	case "integer", "array", "object":
		return "an " + name
	}
	return "a " + name
}
