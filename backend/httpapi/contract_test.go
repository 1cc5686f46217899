package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/setubashi/setubashi/docs"
)

// contract is docs/openapi.yaml, loaded and validated once per test binary,
// with a router that finds the operation of a request.
type contract struct {
	doc    *openapi3.T
	router routers.Router
}

var loadContract = sync.OnceValues(func() (*contract, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(docs.OpenAPI)
	if err != nil {
		return nil, fmt.Errorf("load docs/openapi.yaml: %w", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("docs/openapi.yaml is not a valid OpenAPI document: %w", err)
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("route docs/openapi.yaml: %w", err)
	}
	return &contract{doc: doc, router: router}, nil
})

// responseOptions make undocumented statuses an error and check formats
// (date, date-time) as well as types.
var responseOptions = &openapi3filter.Options{
	IncludeResponseStatus:   true,
	MultiError:              true,
	SchemaValidationOptions: []openapi3.SchemaValidationOption{openapi3.EnableFormatValidation()},
}

// reporter is the part of *testing.T that checkContract uses.
type reporter interface {
	Helper()
	Errorf(format string, args ...any)
}

// checkContract reports (with t.Errorf, so it is safe from any goroutine)
// every way an answer to req differs from docs/openapi.yaml. Answers to
// paths or methods the spec does not know are not validated against an
// operation, but they must be the router's own 403/404/405 problems: any
// other answer means the server has a route the spec lacks. The one
// exception is the web UI (described as a group under GET /): a GET outside
// /api/ and the operational endpoints may answer with a file or index.html.
func checkContract(t reporter, req *http.Request, status int, header http.Header, body []byte) {
	t.Helper()
	c, err := loadContract()
	if err != nil {
		t.Errorf("contract: %v", err)
		return
	}
	route, params, err := c.router.FindRoute(req)
	if errors.Is(err, routers.ErrPathNotFound) || errors.Is(err, routers.ErrMethodNotAllowed) {
		c.checkUnrouted(t, req, status, header, body)
		return
	}
	if err != nil {
		t.Errorf("contract: %s %s: %v", req.Method, req.URL, err)
		return
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 status,
		Header:                 header,
		Options:                responseOptions,
	}
	in.SetBodyBytes(body)
	if err := openapi3filter.ValidateResponse(req.Context(), in); err != nil {
		t.Errorf("contract: %s %s answered %d, which docs/openapi.yaml does not allow:\n%v\nbody: %.2000s", req.Method, req.URL, status, err, body)
	}
}

// checkUnrouted checks an answer to a request no operation describes.
func (c *contract) checkUnrouted(t reporter, req *http.Request, status int, header http.Header, body []byte) {
	t.Helper()
	if servedByUI(req, status) {
		return
	}
	if !slices.Contains([]int{http.StatusForbidden, http.StatusNotFound, http.StatusMethodNotAllowed}, status) {
		t.Errorf("contract: %s %s is not in docs/openapi.yaml but answered %d: %.500s", req.Method, req.URL.Path, status, body)
		return
	}
	if ct := header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("contract: %s %s answered %d as %q, want application/problem+json", req.Method, req.URL.Path, status, ct)
		return
	}
	var value any
	if err := json.Unmarshal(body, &value); err != nil {
		t.Errorf("contract: %s %s: problem body is not JSON: %v", req.Method, req.URL.Path, err)
		return
	}
	schema := c.doc.Components.Schemas["Problem"].Value
	if err := schema.VisitJSON(value, openapi3.EnableJSONSchema2020(), openapi3.EnableFormatValidation(), openapi3.VisitAsResponse()); err != nil {
		t.Errorf("contract: %s %s: problem body does not match Problem: %v\nbody: %s", req.Method, req.URL.Path, err, body)
	}
}

// servedByUI reports whether an answer may be the web UI's: a GET outside
// /api/, /healthz, /readyz and /metrics answered with a file or index.html
// (200, or 304 when the client's copy is current).
func servedByUI(req *http.Request, status int) bool {
	if req.Method != http.MethodGet || (status != http.StatusOK && status != http.StatusNotModified) {
		return false
	}
	for _, p := range []string{"/api", "/healthz", "/readyz", "/metrics"} {
		if req.URL.Path == p || strings.HasPrefix(req.URL.Path, p+"/") {
			return false
		}
	}
	return true
}

// TestContractMatchesRoutes checks that docs/openapi.yaml describes exactly
// the routes the server registers, no more and no fewer, and that the server
// serves the same document.
func TestContractMatchesRoutes(t *testing.T) {
	c, err := loadContract()
	if err != nil {
		t.Fatal(err)
	}
	var spec []string
	for path, item := range c.doc.Paths.Map() {
		for method := range item.Operations() {
			spec = append(spec, method+" "+path)
		}
	}
	eachAPI(t, func(t *testing.T, a *api) {
		var served []string
		for _, r := range a.server.Routes() {
			served = append(served, r.Method+" "+openAPIPath(r.Path))
		}
		for _, op := range served {
			if !slices.Contains(spec, op) {
				t.Errorf("%s is served but not described in docs/openapi.yaml", op)
			}
		}
		for _, op := range spec {
			if !slices.Contains(served, op) {
				t.Errorf("%s is described in docs/openapi.yaml but not served", op)
			}
		}
		r := a.do(request{method: "GET", path: "/api/openapi.yaml"})
		if r.Status != http.StatusOK || !bytes.Equal(r.Body, docs.OpenAPI) {
			t.Errorf("GET /api/openapi.yaml: status %d, %d bytes; want 200 and docs/openapi.yaml", r.Status, len(r.Body))
		}
	})
}

// openAPIPath turns a gin path (/roles/:id) into an OpenAPI one (/roles/{id}).
func openAPIPath(ginPath string) string {
	parts := strings.Split(ginPath, "/")
	for i, p := range parts {
		if name, ok := strings.CutPrefix(p, ":"); ok {
			parts[i] = "{" + name + "}"
		}
	}
	return strings.Join(parts, "/")
}

// TestContractCatchesMismatch makes sure the validator wired into every
// api.do call really rejects answers the spec does not allow.
func TestContractCatchesMismatch(t *testing.T) {
	cases := []struct {
		name, method, path string
		status             int
		contentType        string
		body               string
	}{
		{"undocumented status", "GET", "/api/v1/roles", http.StatusTeapot, "application/problem+json", `{}`},
		{"missing field", "GET", "/api/v1/me", http.StatusOK, "application/json", `{"id":1}`},
		{"extra field", "GET", "/healthz", http.StatusOK, "application/json", `{"status":"ok","extra":1}`},
		{"bad date", "GET", "/api/v1/placements/1", http.StatusOK, "application/json",
			`{"id":1,"application_id":1,"candidate_id":1,"role_id":1,"organization_id":1,"visa_status":"hsp_1b","start_date":"01/04/2027","arrived_on":null,"created_at":"2026-01-01T00:00:00Z"}`},
		{"wrong media type", "GET", "/api/v1/roles/1", http.StatusNotFound, "application/json", `{}`},
		{"route missing from spec", "GET", "/api/v1/secret", http.StatusOK, "application/json", `{}`},
		{"operational path is not the UI's", "GET", "/metrics/extra", http.StatusOK, "text/html", `<html>`},
		{"the UI answers GET only", "POST", "/roles", http.StatusOK, "text/html", `<html>`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var probe probeReporter
			req := httptest.NewRequest(c.method, c.path, http.NoBody)
			header := http.Header{"Content-Type": {c.contentType}, "Content-Language": {"en"}}
			checkContract(&probe, req, c.status, header, []byte(c.body))
			if len(probe.errors) == 0 {
				t.Errorf("checkContract accepted %s %s → %d %s", c.method, c.path, c.status, c.body)
			}
		})
	}
}

// probeReporter records what checkContract reports.
type probeReporter struct{ errors []string }

func (p *probeReporter) Helper() {}

func (p *probeReporter) Errorf(format string, args ...any) {
	p.errors = append(p.errors, fmt.Sprintf(format, args...))
}
