package mail_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/setubashi/setubashi/backend/mail"
)

// get asks h for path and returns the recorded answer.
func get(t *testing.T, h http.Handler, method, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	return rec
}

// caughtCatcher holds a hostile English message (the first) and a Japanese
// one (the second).
func caughtCatcher(t *testing.T) *mail.Catcher {
	t.Helper()
	c := mail.NewCatcher(10)
	for _, m := range []mail.Message{
		{To: "eve@example.org", ToName: `Eve "<b>"`, Subject: `Offer <script>alert("x")</script>`,
			Text: "line 1\n<script>alert(1)</script>\n", HTML: `<html><body><p onclick="x()">Hi</p><script>alert("html")</script></body></html>`,
			Language: "en", MessageID: "notification-1@setubashi", ListUnsubscribe: "https://setubashi.test/unsubscribe?t=a&u=b"},
		{To: "hanako@example.org", ToName: "山田 花子", Subject: japanese, Text: "山田様\n", Language: "ja", MessageID: "notification-2@setubashi"},
	} {
		if err := c.Send(context.Background(), m); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// checkPage checks what every catcher page answers with: HTML, not cached,
// no script and no inline style (the site's CSP forbids both).
func checkPage(t *testing.T, rec *httptest.ResponseRecorder) string {
	t.Helper()
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "text/html; charset=utf-8" || rec.Header().Get("Cache-Control") != "no-store" {
		t.Fatalf("answer %d %v", rec.Code, rec.Header())
	}
	body := rec.Body.String()
	for _, bad := range []string{"<script", "<style", "style=", "<p onclick"} {
		if strings.Contains(body, bad) {
			t.Errorf("page contains %q:\n%s", bad, body)
		}
	}
	return body
}

// TestCatcherListPage lists the messages, newest first, escaped.
func TestCatcherListPage(t *testing.T) {
	h := caughtCatcher(t).Handler("/dev/mail")
	for _, path := range []string{"/dev/mail", "/dev/mail/"} {
		body := checkPage(t, get(t, h, http.MethodGet, path))
		for _, want := range []string{
			"<title>Development mail catcher</title>",
			"nothing is sent",
			`Offer &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`,
			`Eve &#34;&lt;b&gt;&#34; &lt;eve@example.org&gt;`,
			`<a href="/dev/mail/1" lang="en">`,
			`<a href="/dev/mail/2" lang="ja">` + japanese + `</a>`,
			`href="/dev/mail/latest.json"`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("GET %s lacks %q:\n%s", path, want, body)
			}
		}
		if strings.Index(body, "/dev/mail/2") > strings.Index(body, "/dev/mail/1") {
			t.Errorf("GET %s: not newest first", path)
		}
	}
	empty := checkPage(t, get(t, mail.NewCatcher(3).Handler("/dev/mail"), http.MethodGet, "/dev/mail"))
	if !strings.Contains(empty, "No messages yet") {
		t.Errorf("empty list page:\n%s", empty)
	}
}

// TestCatcherMessagePage shows one message's headers, its text in a pre and
// its HTML only inside a sandboxed srcdoc iframe.
func TestCatcherMessagePage(t *testing.T) {
	h := caughtCatcher(t).Handler("/dev/mail/") // a trailing slash changes nothing
	body := checkPage(t, get(t, h, http.MethodGet, "/dev/mail/1"))
	for _, want := range []string{
		"<title>Offer &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; – Development mail catcher</title>",
		"Eve &#34;&lt;b&gt;&#34; &lt;eve@example.org&gt;",
		"&lt;notification-1@setubashi&gt;",
		"&lt;https://setubashi.test/unsubscribe?t=a&amp;u=b&gt;",
		"List-Unsubscribe=One-Click",
		"<pre lang=\"en\">line 1\n&lt;script&gt;alert(1)&lt;/script&gt;\n</pre>",
		`<iframe sandbox srcdoc="&lt;html&gt;&lt;body&gt;&lt;p onclick=&#34;x()&#34;&gt;Hi&lt;/p&gt;&lt;script&gt;alert(&#34;html&#34;)&lt;/script&gt;&lt;/body&gt;&lt;/html&gt;"`,
		`<a href="/dev/mail">All messages</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("message page lacks %q:\n%s", want, body)
		}
	}
	ja := checkPage(t, get(t, h, http.MethodGet, "/dev/mail/2"))
	for _, want := range []string{`<h1 lang="ja">` + japanese + `</h1>`, "山田 花子 &lt;hanako@example.org&gt;", "(no HTML part)"} {
		if !strings.Contains(ja, want) {
			t.Errorf("Japanese message page lacks %q:\n%s", want, ja)
		}
	}
}

// TestCatcherLatestJSON answers the kept messages as JSON, newest first.
func TestCatcherLatestJSON(t *testing.T) {
	h := caughtCatcher(t).Handler("/dev/mail")
	rec := get(t, h, http.MethodGet, "/dev/mail/latest.json")
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("answer %d %v", rec.Code, rec.Header())
	}
	var got []struct {
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
	dec := json.NewDecoder(rec.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != 2 || got[1].ID != 1 {
		t.Fatalf("latest.json: %+v", got)
	}
	ja, en := got[0], got[1]
	if ja.Subject != japanese || ja.Language != "ja" || ja.To != "hanako@example.org" || ja.ToName != "山田 花子" ||
		ja.Text != "山田様\n" || ja.HTML != "" || ja.MessageID != "notification-2@setubashi" || ja.At.IsZero() {
		t.Errorf("Japanese message: %+v", ja)
	}
	if en.ListUnsubscribe != "https://setubashi.test/unsubscribe?t=a&u=b" || !strings.Contains(en.HTML, `<script>alert("html")</script>`) {
		t.Errorf("English message: %+v", en)
	}
	empty := get(t, mail.NewCatcher(3).Handler("/dev/mail"), http.MethodGet, "/dev/mail/latest.json")
	if strings.TrimSpace(empty.Body.String()) != "[]" {
		t.Errorf("empty latest.json: %q", empty.Body)
	}
}

// TestCatcherHandlerRefuses answers 404 for what is not a kept message and
// 405 for methods other than GET and HEAD.
func TestCatcherHandlerRefuses(t *testing.T) {
	h := caughtCatcher(t).Handler("/dev/mail")
	for _, path := range []string{"/dev/mail/3", "/dev/mail/0", "/dev/mail/-1", "/dev/mail/01", "/dev/mail/+1",
		"/dev/mail/abc", "/dev/mail/1/", "/dev/mail/1.json", "/dev/mail1", "/dev/mailbox", "/elsewhere"} {
		if rec := get(t, h, http.MethodGet, path); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, rec.Code)
		}
	}
	if rec := get(t, h, http.MethodHead, "/dev/mail/1"); rec.Code != http.StatusOK {
		t.Errorf("HEAD: %d", rec.Code)
	}
	rec := get(t, h, http.MethodPost, "/dev/mail")
	if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d, Allow %q", rec.Code, rec.Header().Get("Allow"))
	}
}
