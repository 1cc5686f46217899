package main

import (
	"encoding/json"
	"errors"
	"io"
)

// errBadInput marks input on stdin that a command refuses (malformed JSON, a
// missing or out-of-range field, an inconsistent instance): the message is
// printed without the usage, nothing goes to stdout, and the exit code is 2.
var errBadInput = errors.New("bad input")

// writeJSON writes v as one line of JSON, leaving <, > and & as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
