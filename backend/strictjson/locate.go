package strictjson

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// locate walks the decoded document v (objects as map[string]any, numbers as
// json.Number) against the Go type t and returns the first key that does not
// fit, or nil. Object keys are checked in sorted order, fields in declaration
// order, so the answer is the same on every run.
func locate(v any, t reflect.Type, path string) *Error {
	for t.Kind() == reflect.Pointer {
		if v == nil {
			return nil
		}
		t = t.Elem()
	}
	if implementsUnmarshaler(t) || isLeaf(t) {
		return fitsLeaf(v, t, path)
	}
	switch t.Kind() {
	case reflect.Struct:
		return locateInStruct(v, t, path)
	case reflect.Slice, reflect.Array:
		items, ok := v.([]any)
		if v == nil {
			return nil
		}
		if !ok {
			return &Error{Kind: WrongType, Field: path, Type: t}
		}
		for i, item := range items {
			if e := locate(item, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); e != nil {
				return e
			}
		}
		return nil
	case reflect.Map:
		entries, ok := v.(map[string]any)
		if v == nil {
			return nil
		}
		if !ok {
			return &Error{Kind: WrongType, Field: path, Type: t}
		}
		for _, key := range sortedKeys(entries) {
			if e := locate(entries[key], t.Elem(), join(path, key)); e != nil {
				return e
			}
		}
		return nil
	}
	return fitsLeaf(v, t, path)
}

// locateInStruct checks an object against a struct: every key must name a
// field (as encoding/json matches them, ignoring case), and every value must
// fit its field.
func locateInStruct(v any, t reflect.Type, path string) *Error {
	if v == nil {
		return nil
	}
	object, ok := v.(map[string]any)
	if !ok {
		return &Error{Kind: WrongType, Field: path, Type: t}
	}
	fields := jsonFields(t)
	keys := sortedKeys(object)
	for _, key := range keys {
		if !slices.ContainsFunc(fields, func(f field) bool { return strings.EqualFold(f.name, key) }) {
			return &Error{Kind: UnknownField, Field: join(path, key)}
		}
	}
	for _, f := range fields {
		for _, key := range keys {
			if strings.EqualFold(f.name, key) {
				if e := locate(object[key], f.typ, join(path, f.name)); e != nil {
					return e
				}
			}
		}
	}
	return nil
}

// fitsLeaf reports whether the value v can be read into a fresh t, using
// encoding/json itself.
func fitsLeaf(v any, t reflect.Type, path string) *Error {
	raw, err := json.Marshal(v)
	if err == nil {
		err = json.Unmarshal(raw, reflect.New(t).Interface())
	}
	if err != nil {
		return &Error{Kind: WrongType, Field: path, Type: t}
	}
	return nil
}

// field is one key a struct accepts and the type of its value.
type field struct {
	name string
	typ  reflect.Type
}

// jsonFields lists the keys encoding/json reads into a struct, flattening
// embedded structs without a name tag.
func jsonFields(t reflect.Type) []field {
	var fields []field
	for f := range t.Fields() {
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if f.Anonymous && name == "" && ft.Kind() == reflect.Struct {
			fields = append(fields, jsonFields(ft)...)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields = append(fields, field{name: name, typ: f.Type})
	}
	return fields
}

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// implementsUnmarshaler reports whether t reads itself from JSON.
func implementsUnmarshaler(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	return p.Implements(jsonUnmarshaler) || p.Implements(textUnmarshaler)
}

// isLeaf reports whether t holds a single JSON value rather than an object
// or array to walk into.
func isLeaf(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Struct, reflect.Slice, reflect.Array, reflect.Map:
		return t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8
	}
	return true
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// join appends a key to a path; an empty key is written "" so that the path
// still names it.
func join(path, key string) string {
	if key == "" {
		key = `""`
	}
	if path == "" {
		return key
	}
	return path + "." + key
}
