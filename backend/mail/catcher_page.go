package mail

import (
	"bytes"
	"encoding/json"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Handler serves the catcher's pages under prefix (such as "/dev/mail";
// a trailing slash is ignored), for GET and HEAD:
//
//	prefix, prefix+"/"   the list of kept messages, newest first
//	prefix+"/{id}"       one message: headers, the text part, the HTML part in a sandboxed iframe
//	prefix+"/latest.json" the kept messages as JSON, newest first
//
// Anything else under prefix is 404. The handler reads the full request
// path, so mount it at prefix and prefix+"/" without stripping the prefix.
// The pages use no script and no inline style, so they pass the site's
// Content-Security-Policy.
func (c *Catcher) Handler(prefix string) http.Handler {
	prefix = strings.TrimSuffix(prefix, "/")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		rest, ok := strings.CutPrefix(r.URL.Path, prefix)
		switch {
		case !ok:
			http.NotFound(w, r)
		case rest == "" || rest == "/":
			c.serveList(w, prefix)
		case rest == "/latest.json":
			c.serveJSON(w)
		case strings.HasPrefix(rest, "/"):
			c.serveMessage(w, r, prefix, rest[1:])
		default: // prefix+"xyz" is another path
			http.NotFound(w, r)
		}
	})
}

// pageTitle names the catcher's pages.
const pageTitle = "Development mail catcher"

// caughtJSON is one kept message in latest.json.
type caughtJSON struct {
	ID              int       `json:"id"`
	At              time.Time `json:"at"`
	To              string    `json:"to"`
	ToName          string    `json:"to_name"`
	Subject         string    `json:"subject"`
	Language        string    `json:"language"`
	Text            string    `json:"text"`
	HTML            string    `json:"html"`
	ListUnsubscribe string    `json:"list_unsubscribe"`
	MessageID       string    `json:"message_id"`
}

func (c *Catcher) serveJSON(w http.ResponseWriter) {
	list := c.Messages()
	out := make([]caughtJSON, 0, len(list))
	for _, m := range list {
		out = append(out, caughtJSON{ID: m.ID, At: m.At, To: m.To, ToName: m.ToName, Subject: m.Subject,
			Language: m.Language, Text: m.Text, HTML: m.HTML, ListUnsubscribe: m.ListUnsubscribe, MessageID: m.MessageID})
	}
	body, err := json.Marshal(out)
	if err != nil {
		http.Error(w, "cannot encode the messages", http.StatusInternalServerError)
		return
	}
	writeBody(w, "application/json; charset=utf-8", body)
}

func (c *Catcher) serveList(w http.ResponseWriter, prefix string) {
	render(w, listPage, map[string]any{"Title": pageTitle, "Prefix": prefix, "Capacity": c.capacity, "Messages": c.Messages()})
}

func (c *Catcher) serveMessage(w http.ResponseWriter, r *http.Request, prefix, id string) {
	n, err := strconv.Atoi(id)
	if err != nil || strconv.Itoa(n) != id {
		http.NotFound(w, r)
		return
	}
	m, ok := c.find(n)
	if !ok {
		http.NotFound(w, r)
		return
	}
	render(w, messagePage, map[string]any{"Title": m.Subject + " – " + pageTitle, "Prefix": prefix, "Message": m})
}

// render executes a page completely before writing, so that a failure is a
// clean 500 rather than half a page.
func render(w http.ResponseWriter, page *template.Template, data any) {
	var buf bytes.Buffer
	if err := page.Execute(&buf, data); err != nil {
		http.Error(w, "cannot render the page", http.StatusInternalServerError)
		return
	}
	writeBody(w, "text/html; charset=utf-8", buf.Bytes())
}

// writeBody answers 200 with a body that is never cached (the messages
// hold personal data and change all the time).
func writeBody(w http.ResponseWriter, contentType string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	_, _ = w.Write(body)
}
