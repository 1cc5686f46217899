package strictjson_test

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/strictjson"
)

// day is a value that reads itself and refuses anything but YYYY-MM-DD, as
// talent.Date does.
type day struct{ time.Time }

func (d *day) UnmarshalJSON(b []byte) error {
	t, err := time.Parse(`"2006-01-02"`, string(b))
	if err != nil {
		return fmt.Errorf("not a day: %s", b)
	}
	d.Time = t
	return nil
}

type common struct {
	Name string `json:"name"`
}

type document struct {
	common
	Roles []struct {
		Capacity int    `json:"capacity"`
		Opens    *day   `json:"opens"`
		Tags     []bool `json:"tags"`
	} `json:"roles"`
	Score  float64        `json:"score"`
	Limits map[string]int `json:"limits"`
	Hidden string         `json:"-"`
}

func TestDecodeExplainsWhereAValueIsWrong(t *testing.T) {
	cases := []struct {
		body  string
		kind  strictjson.Kind
		field string
		typ   string
	}{
		{`{"name":1}`, strictjson.WrongType, "name", "string"},
		{`{"roles":[{"capacity":1},{"capacity":"x"}]}`, strictjson.WrongType, "roles[1].capacity", "integer"},
		{`{"roles":[{"opens":"2026-02-30"}]}`, strictjson.WrongType, "roles[0].opens", "string"},
		{`{"roles":[{"opens":"2026-02-03","tags":[true,"no"]}]}`, strictjson.WrongType, "roles[0].tags[1]", "boolean"},
		{`{"roles":{"capacity":1}}`, strictjson.WrongType, "roles", "array"},
		{`{"score":"high"}`, strictjson.WrongType, "score", "number"},
		{`{"limits":{"a":1,"b":"two"}}`, strictjson.WrongType, "limits.b", "integer"},
		{`{"roles":[{"capacity":1,"colour":"red"}]}`, strictjson.UnknownField, "roles[0].colour", ""},
		{`{"Hidden":"x"}`, strictjson.UnknownField, "Hidden", ""},
		{`{"common":{}}`, strictjson.UnknownField, "common", ""},
		{`{"":""}`, strictjson.UnknownField, `""`, ""},
		{`{"limits":{"":"x"}}`, strictjson.WrongType, `limits.""`, "integer"},
		{`{"name":"a"} {}`, strictjson.Malformed, "", ""},
		{`{"name":"a"`, strictjson.Malformed, "", ""},
		{`[1]`, strictjson.Malformed, "", ""},
		{``, strictjson.Malformed, "", ""},
	}
	for _, c := range cases {
		var doc document
		err := strictjson.Decode([]byte(c.body), &doc)
		var e *strictjson.Error
		if !errors.As(err, &e) {
			t.Fatalf("%s: error %v, want *strictjson.Error", c.body, err)
		}
		if e.Kind != c.kind || e.Field != c.field {
			t.Errorf("%s: kind %d field %q, want %d %q (%v)", c.body, e.Kind, e.Field, c.kind, c.field, e)
		}
		if c.typ != "" && strictjson.TypeName(e.Type) != c.typ {
			t.Errorf("%s: type %s, want %s", c.body, strictjson.TypeName(e.Type), c.typ)
		}
		if e.Error() == "" {
			t.Errorf("%s: empty message", c.body)
		}
	}
}

func TestDecodeAcceptsAGoodDocument(t *testing.T) {
	var doc document
	body := `{"name":"n","roles":[{"capacity":2,"opens":"2026-02-03","tags":[true]}],"score":1.5,"limits":{"a":1}}`
	if err := strictjson.Decode([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Name != "n" || len(doc.Roles) != 1 || doc.Roles[0].Opens == nil || doc.Score != 1.5 || doc.Limits["a"] != 1 {
		t.Errorf("decoded %+v", doc)
	}
}

func TestErrorMessagesNameTheKey(t *testing.T) {
	e := &strictjson.Error{Kind: strictjson.WrongType, Field: "roles[0].capacity", Type: reflect.TypeFor[int]()}
	if got := e.Error(); got != "roles[0].capacity: must be an integer" {
		t.Errorf("message %q", got)
	}
}

func FuzzDecode(f *testing.F) {
	for _, seed := range []string{`{"name":"a","roles":[{"capacity":1,"opens":"2026-01-01"}]}`, `{"roles":[{"tags":[1]}]}`, `{`} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		var doc document
		err := strictjson.Decode([]byte(body), &doc)
		var e *strictjson.Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("error of type %T", err)
		}
		if e != nil && e.Kind != strictjson.Malformed && e.Field == "" {
			t.Fatalf("%q: %v names no field", body, e)
		}
	})
}
