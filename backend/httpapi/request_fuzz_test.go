package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/setubashi/setubashi/backend/talent"
)

// requestTypes makes an empty value of every type a request body is decoded
// into. TestEveryRequestTypeIsFuzzed keeps it complete.
var requestTypes = map[string]func() any{
	"registerRequest":         func() any { return new(registerRequest) },
	"loginRequest":            func() any { return new(loginRequest) },
	"codeRequest":             func() any { return new(codeRequest) },
	"updateMeRequest":         func() any { return new(updateMeRequest) },
	"changePasswordRequest":   func() any { return new(changePasswordRequest) },
	"passwordRequest":         func() any { return new(passwordRequest) },
	"profileRequest":          func() any { return new(profileRequest) },
	"consentRequest":          func() any { return new(consentRequest) },
	"eraseRequest":            func() any { return new(eraseRequest) },
	"organizationRequest":     func() any { return new(organizationRequest) },
	"createRoleRequest":       func() any { return new(createRoleRequest) },
	"roleContent":             func() any { return new(roleContent) }, // PATCH /roles/{id}
	"applyRequest":            func() any { return new(applyRequest) },
	"transitionRequest":       func() any { return new(transitionRequest) },
	"withdrawRequest":         func() any { return new(withdrawRequest) },
	"placementRequest":        func() any { return new(placementRequest) },
	"arrivalRequest":          func() any { return new(arrivalRequest) },
	"offerRequest":            func() any { return new(offerRequest) },
	"answerRequest":           func() any { return new(answerRequest) },
	"createRoundRequest":      func() any { return new(createRoundRequest) },
	"candidateRankingRequest": func() any { return new(candidateRankingRequest) },
	"roleRankingRequest":      func() any { return new(roleRankingRequest) },
	"goalDefinitionRequest":   func() any { return new(goalDefinitionRequest) },
	"savedSearchRequest":      func() any { return new(savedSearchRequest) },
	"preferencesJSON":         func() any { return new(preferencesJSON) }, // PUT /me/notification-preferences
}

// FuzzDecodeRequests feeds arbitrary bodies to the strict decoder for every
// request type: nothing panics, and every failure is an ErrInvalid problem.
func FuzzDecodeRequests(f *testing.F) {
	names := slices.Sorted(maps.Keys(requestTypes))
	for i, seed := range []string{
		`{"email":"a@b.in","password":"correct horse","name":"A","role":"candidate"}`, `{"code":"123456"}`,
		`{"purpose":"discoverable","granted":false,"wording_version":"v1"}`, `{"granted":"yes"}`, `{"password":1}`,
		`{"to":"screening","reason":"ok"}`, `{"visa_status":"hsp_1b","start_date":"2027-04-01"}`, `{"arrived_on":"2027-02-30"}`,
		`{"name":"Round","role_ids":[1,2],"ranking_deadline":"2027-01-31T23:59:00Z"}`, `{"role_ids":"1"}`,
		`{"candidate_ids":[1e400]}`, `{"title":{"en":"x","xx":"y"}}`, `{"a":1,"a":2}`, `{}{}`, `null`, ``, `{"name":null}`,
	} {
		f.Add(uint8(i), []byte(seed))
	}
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		name := names[int(which)%len(names)]
		dst := requestTypes[name]()
		if err := decodeBytes(body, dst); err != nil && !errors.Is(err, talent.ErrInvalid) {
			t.Fatalf("%s %q: %v is not an ErrInvalid problem", name, body, err)
		}
	})
}

// TestEveryRequestTypeIsFuzzed fails when the package declares a request
// type (a struct type named …Request) that FuzzDecodeRequests does not cover.
func TestEveryRequestTypeIsFuzzed(t *testing.T) {
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, e.Name(), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			if _, isStruct := ts.Type.(*ast.StructType); isStruct && strings.HasSuffix(ts.Name.Name, "Request") {
				if _, ok := requestTypes[ts.Name.Name]; !ok {
					t.Errorf("%s: request type %s is not in requestTypes (request_fuzz_test.go)", e.Name(), ts.Name.Name)
				}
			}
			return true
		})
	}
}

// FuzzIfMatch checks the If-Match reading: only a strong tag of a positive
// version (as ETag writes it) names that version.
func FuzzIfMatch(f *testing.F) {
	for _, seed := range []string{`"3"`, `W/"3"`, `"03"`, `"-1"`, `*`, `"3", "4"`, `"`, `""`, `"99999999999999999999"`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, tag string) {
		v := parseETagVersion(tag)
		if v == -1 {
			return
		}
		if v <= 0 || etag(v) != tag {
			t.Fatalf("parseETagVersion(%q) = %d, which ETag writes as %s", tag, v, etag(v))
		}
	})
}

// FuzzRequestFingerprint checks that fingerprints are stable, tell
// different paths apart, and do not depend on JSON spacing.
func FuzzRequestFingerprint(f *testing.F) {
	f.Add("/api/v1/roles", []byte(`{"a":1,"b":[1,2]}`))
	f.Add("/api/v1/roles/1/applications", []byte(``))
	f.Add("/x", []byte("\xff{"))
	f.Fuzz(func(t *testing.T, path string, body []byte) {
		a := requestFingerprint("POST", path, body)
		if !bytes.Equal(a, requestFingerprint("POST", path, body)) {
			t.Fatal("fingerprint is not stable")
		}
		if bytes.Equal(a, requestFingerprint("POST", path+"/other", body)) {
			t.Fatal("two paths share a fingerprint")
		}
		if json.Valid(body) {
			spaced := append(append([]byte(" \n"), body...), '\t')
			if !bytes.Equal(a, requestFingerprint("POST", path, spaced)) {
				t.Fatalf("spacing around %q changes the fingerprint", body)
			}
		}
	})
}
