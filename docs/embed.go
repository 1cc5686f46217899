// Package docs embeds the API description served at /api/openapi.yaml and
// used by the tests that check every response against it.
package docs

import _ "embed"

// OpenAPI is docs/openapi.yaml.
//
//go:embed openapi.yaml
var OpenAPI []byte
