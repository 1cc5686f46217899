package matching

import (
	"io"

	"github.com/setubashi/setubashi/backend/strictjson"
)

// decodeObject reads exactly one JSON object from r into dst, strictly: no
// unknown keys, no wrong types, nothing but white space after it. Failures
// are *strictjson.Error; reading failures too are Malformed.
func decodeObject(r io.Reader, dst any) error {
	body, err := io.ReadAll(r)
	if err != nil {
		return &strictjson.Error{Kind: strictjson.Malformed}
	}
	return strictjson.Decode(body, dst)
}
