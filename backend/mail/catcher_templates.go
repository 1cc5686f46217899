package mail

import (
	"html/template"
	"time"
)

// The catcher's pages. html/template escapes every value for where it
// stands; the HTML part goes into the srcdoc attribute of an iframe whose
// empty sandbox attribute forbids scripts, forms, plugins, popups and
// same-origin access. No script, no inline style: the site's CSP
// (script-src 'self'; style-src 'self') holds, and an srcdoc document
// inherits it, so the HTML part shows without its inline styles or remote
// images.
var (
	pageFuncs = template.FuncMap{
		"when":     func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05 UTC") },
		"datetime": func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	}
	listPage    = template.Must(template.New("list").Funcs(pageFuncs).Parse(pageHead + listBody))
	messagePage = template.Must(template.New("message").Funcs(pageFuncs).Parse(pageHead + messageBody))
)

const pageHead = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>{{.Title}}</title>
</head>
<body>
`

const listBody = `<h1>Development mail catcher</h1>
<p>Development mode: nothing is sent. The e-mails the platform would have sent are kept here instead, in memory: the last {{.Capacity}}, newest first.</p>
<p><a href="{{.Prefix}}/latest.json">The same as JSON</a></p>
{{if .Messages}}<table>
<thead><tr><th scope="col">#</th><th scope="col">Time</th><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Language</th></tr></thead>
<tbody>
{{range .Messages}}<tr>
<td>{{.ID}}</td>
<td><time datetime="{{datetime .At}}">{{when .At}}</time></td>
<td>{{if .ToName}}{{.ToName}} &lt;{{.To}}&gt;{{else}}{{.To}}{{end}}</td>
<td><a href="{{$.Prefix}}/{{.ID}}"{{with .Language}} lang="{{.}}"{{end}}>{{.Subject}}</a></td>
<td>{{.Language}}</td>
</tr>
{{end}}</tbody>
</table>
{{else}}<p>No messages yet.</p>
{{end}}</body>
</html>
`

const messageBody = `{{with .Message}}<p><a href="{{$.Prefix}}">All messages</a> · Development mode: this message was not sent.</p>
<h1{{with .Language}} lang="{{.}}"{{end}}>{{.Subject}}</h1>
<dl>
<dt>Caught</dt><dd><time datetime="{{datetime .At}}">{{when .At}}</time> (#{{.ID}})</dd>
<dt>To</dt><dd>{{if .ToName}}{{.ToName}} &lt;{{.To}}&gt;{{else}}{{.To}}{{end}}</dd>
<dt>Subject</dt><dd{{with .Language}} lang="{{.}}"{{end}}>{{.Subject}}</dd>
<dt>Content-Language</dt><dd>{{or .Language "(none)"}}</dd>
<dt>Message-ID</dt><dd>{{if .MessageID}}&lt;{{.MessageID}}&gt;{{else}}(generated when sent){{end}}</dd>
<dt>List-Unsubscribe</dt><dd>{{if .ListUnsubscribe}}&lt;{{.ListUnsubscribe}}&gt; (List-Unsubscribe-Post: List-Unsubscribe=One-Click){{else}}(none){{end}}</dd>
</dl>
<h2>Plain text</h2>
<pre{{with .Language}} lang="{{.}}"{{end}}>{{.Text}}</pre>
<h2>HTML</h2>
{{if .HTML}}<iframe sandbox srcdoc="{{.HTML}}" title="HTML part of the message" width="100%" height="600"></iframe>
{{else}}<p>(no HTML part)</p>
{{end}}{{end}}</body>
</html>
`
