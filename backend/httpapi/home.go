package httpapi

import (
	"html/template"
	"net/http"

	"github.com/gin-gonic/gin"
)

var noUIPage = template.Must(template.New("home").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title></head>
<body><main><h1>{{.Title}}</h1><p>{{.Body}}</p>
<p><a href="/api/openapi.yaml">/api/openapi.yaml</a> · <a href="/api/v1/roles">/api/v1/roles</a></p></main></body></html>
`))

// home serves the web UI when it was built into the binary, and otherwise a
// page saying how to build it.
func (s *Server) home(c *gin.Context) {
	if s.frontend != nil {
		s.frontend.writeIndex(c)
		return
	}
	lang := languageOf(c)
	c.Header("Content-Type", "text/html; charset=utf-8")
	c.Status(http.StatusOK)
	_ = noUIPage.Execute(c.Writer, map[string]string{
		"Lang": lang, "Title": s.catalog.Text(lang, "ui.no_ui_title"), "Body": s.catalog.Text(lang, "ui.no_ui_body"),
	})
}
