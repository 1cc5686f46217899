package notify

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"strings"
	texttemplate "text/template"

	"github.com/setubashi/setubashi/backend/i18n"
	"github.com/setubashi/setubashi/backend/mail"
	"github.com/setubashi/setubashi/backend/notice"
	"github.com/setubashi/setubashi/backend/talent"
)

// composer turns notifications into e-mails in their recipient's language.
type composer struct {
	catalog *i18n.Catalog
	baseURL string // the web app's address, such as https://setubashi.example
	host    string // for Message-IDs
}

func newComposer(cat *i18n.Catalog, baseURL string) (composer, error) {
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return composer{}, fmt.Errorf("notify: the public address %q must be an http(s) URL", baseURL)
	}
	return composer{catalog: cat, baseURL: strings.TrimRight(baseURL, "/"), host: u.Hostname()}, nil
}

// item is one event in an e-mail.
type item struct {
	Title, Body, Link string
}

// mailPage is what the e-mail templates are filled with.
type mailPage struct {
	Lang, Greeting, Intro, Open, Why, Preferences, PreferencesURL, Unsubscribe, UnsubscribeURL string
	Items                                                                                      []item
}

// one composes the e-mail of one notification.
func (c composer) one(r talent.Recipient, n talent.Notification, unsubscribeToken string) mail.Message {
	lang := c.language(r)
	title, body := notice.Text(c.catalog, lang, r.Kind, n)
	page := c.page(lang, r, []item{{Title: title, Body: body, Link: c.baseURL + notice.Link(n)}}, unsubscribeToken)
	return c.message(r, lang, title, fmt.Sprintf("notification-%d@%s", n.ID, c.host), page, unsubscribeToken)
}

// digest composes one e-mail gathering a person's waiting notifications,
// grouped by kind in the order settings show them.
func (c composer) digest(r talent.Recipient, ns []talent.Notification, day string) mail.Message {
	lang := c.language(r)
	var items []item
	for _, kind := range talent.NotificationKinds {
		for _, n := range ns {
			if n.Kind == kind {
				title, body := notice.Text(c.catalog, lang, r.Kind, n)
				items = append(items, item{Title: title, Body: body, Link: c.baseURL + notice.Link(n)})
			}
		}
	}
	subject := c.catalog.Message(lang, "mail.digest_subject", map[string]any{"Count": len(items)})
	page := c.page(lang, r, items, "")
	page.Intro = c.catalog.Message(lang, "mail.digest_intro", map[string]any{"Count": len(items)})
	return c.message(r, lang, subject, fmt.Sprintf("digest-%d-%s@%s", r.UserID, day, c.host), page, "")
}

func (c composer) language(r talent.Recipient) string {
	for _, lang := range i18n.Supported {
		if r.Locale == lang {
			return lang
		}
	}
	return i18n.Supported[0]
}

// displayName is how the greeting names the recipient: their name, or the
// part of their address before the @.
func displayName(r talent.Recipient) string {
	if r.Name != "" {
		return r.Name
	}
	local, _, _ := strings.Cut(r.Email, "@")
	return local
}

func (c composer) page(lang string, r talent.Recipient, items []item, unsubscribeToken string) mailPage {
	page := mailPage{
		Lang:           lang,
		Greeting:       c.catalog.Message(lang, "mail.greeting", map[string]any{"Name": displayName(r)}),
		Open:           c.catalog.Message(lang, "mail.open", nil),
		Why:            c.catalog.Message(lang, "mail.why", nil),
		Preferences:    c.catalog.Message(lang, "mail.preferences", nil),
		PreferencesURL: c.baseURL + "/account/notifications",
		Items:          items,
	}
	if unsubscribeToken != "" {
		page.Unsubscribe = c.catalog.Message(lang, "mail.unsubscribe", nil)
		page.UnsubscribeURL = c.baseURL + "/unsubscribe?token=" + url.QueryEscape(unsubscribeToken)
	}
	return page
}

func (c composer) message(r talent.Recipient, lang, subject, messageID string, page mailPage, unsubscribeToken string) mail.Message {
	m := mail.Message{To: r.Email, ToName: r.Name, Subject: subject, Language: lang, MessageID: messageID,
		Text: fill(textMail, page), HTML: fill(htmlMail, page)}
	// RFC 8058 one-click unsubscribe needs an https address; a plain http
	// one (development) keeps only the link in the text.
	if unsubscribeToken != "" && strings.HasPrefix(c.baseURL, "https://") {
		m.ListUnsubscribe = c.baseURL + "/api/v1/unsubscribe?token=" + url.QueryEscape(unsubscribeToken)
	}
	return m
}

// executor is a text or HTML template.
type executor interface {
	Execute(w io.Writer, data any) error
}

func fill(t executor, page mailPage) string {
	var b bytes.Buffer
	// The templates are fixed and their data plain strings: executing them
	// cannot fail.
	_ = t.Execute(&b, page)
	return b.String()
}

// htmlMail is the HTML part; html/template escapes every text.
var htmlMail = template.Must(template.New("html").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{with index .Items 0}}{{.Title}}{{end}}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">
<p>{{.Greeting}}</p>
{{if .Intro}}<p>{{.Intro}}</p>{{end}}
{{range .Items}}<h2 style="font-size: 1.1em">{{.Title}}</h2>
<p style="white-space: pre-line">{{.Body}}</p>
<p><a href="{{.Link}}">{{$.Open}}</a></p>
{{end}}<hr>
<p style="font-size: 0.9em; color: #555">{{.Why}}<br>
<a href="{{.PreferencesURL}}">{{.Preferences}}</a>{{if .UnsubscribeURL}} · <a href="{{.UnsubscribeURL}}">{{.Unsubscribe}}</a>{{end}}</p>
</body></html>
`))

// textMail is the plain-text part.
var textMail = texttemplate.Must(texttemplate.New("text").Parse(`{{.Greeting}}
{{if .Intro}}
{{.Intro}}
{{end}}{{range .Items}}
{{.Title}}
{{.Body}}
{{$.Open}}: {{.Link}}
{{end}}
--
{{.Why}}
{{.Preferences}}: {{.PreferencesURL}}
{{if .UnsubscribeURL}}{{.Unsubscribe}}: {{.UnsubscribeURL}}
{{end}}`))
