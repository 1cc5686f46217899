package matching_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/setubashi/setubashi/backend/matching"
)

// FuzzDecodeInstance checks that the instance decoder never panics, that
// its errors are *InstanceError, and that every instance it accepts solves
// into a result that passes Verify.
func FuzzDecodeInstance(f *testing.F) {
	for _, seed := range []string{
		`{"candidates":[{"id":"c1","ranking":["r2","r1"]}],"roles":[{"id":"r1","capacity":2,"ranking":["c1"]}]}`,
		`{"candidates":[{"id":"a","ranking":["x","y"]},{"id":"b","ranking":["x"]}],"roles":[{"id":"x","capacity":1,"ranking":["b","a"]},{"id":"y","capacity":1,"ranking":["a"]}]}`,
		`{"candidates":[],"roles":[]}`, `{}`, `{"candidates":null}`, `{"roles":[{"id":"r","capacity":100000}]}`,
		`{"candidates":[{"id":"c","ranking":["c","c"]}]}`, `[`, `{"candidates":[{"id":"<&>"}]}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		inst, err := matching.DecodeInstance(strings.NewReader(string(data)))
		if err != nil {
			var ie *matching.InstanceError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v (%T) is not an *InstanceError", err, err)
			}
			return
		}
		res, err := matching.Solve(inst)
		if err != nil {
			t.Fatalf("decoded instance does not solve: %v", err)
		}
		if err := matching.Verify(inst, res); err != nil {
			t.Fatalf("unstable result: %v", err)
		}
		if len(res.Assignments)+len(res.Unmatched) != len(inst.Candidates) {
			t.Fatalf("%d assigned + %d unmatched of %d candidates", len(res.Assignments), len(res.Unmatched), len(inst.Candidates))
		}
	})
}
