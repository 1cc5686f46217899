package httpapi

import (
	"errors"
	"testing"

	"github.com/setubashi/setubashi/backend/talent"
)

// FuzzDecodeProfile feeds arbitrary bodies to the strict decoder and the
// profile conversion: nothing panics, and every failure is an ErrInvalid
// problem (never an internal error).
func FuzzDecodeProfile(f *testing.F) {
	for _, seed := range []string{
		`{"name":"Asha","education":[{"level":"master","year":2024}],"date_of_birth":"1998-05-17"}`,
		`{"name":1}`, `{"unknown":true}`, `[]`, `{"skills":[{"skill":"nlp","proficiency":"x"}]}`,
		`{"earliest_start":"2026-02-30"}`, `{} {}`, `{"research":{"papers":1e99}}`, "",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var req profileRequest
		err := decodeBytes(body, &req)
		if err != nil && !errors.Is(err, talent.ErrInvalid) {
			t.Fatalf("%q: %v is not an ErrInvalid problem", body, err)
		}
	})
}

// FuzzDecodeRole does the same for role bodies.
func FuzzDecodeRole(f *testing.F) {
	for _, seed := range []string{
		`{"organization_id":1,"type":"job","title":{"ja":"エンジニア"},"start_date":"2027-04-01"}`,
		`{"organization_id":"1"}`, `{"title":"x"}`, `{"japanese":{"level":null}}`, `{"salary_min_jpy":-1}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		var req createRoleRequest
		err := decodeBytes(body, &req)
		if err != nil && !errors.Is(err, talent.ErrInvalid) {
			t.Fatalf("%q: %v is not an ErrInvalid problem", body, err)
		}
	})
}
