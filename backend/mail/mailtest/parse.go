package mailtest

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"testing"

	"golang.org/x/text/encoding/htmlindex"
)

// Message is a received message, parsed and decoded.
type Message struct {
	Header  mail.Header // net/mail header of the received message (raw, still RFC 2047-encoded)
	Subject string      // decoded (RFC 2047)
	From    string      // decoded From: "Name <address>", or the bare address without a display name; addresses separated by ", "
	To      string      // decoded To, like From
	Text    string      // decoded body of the first text/plain part (quoted-printable/base64 and charset undone, CRLF turned into LF)
	HTML    string      // decoded body of the first text/html part, like Text
	Parts   []Part      // every leaf part in order (multiparts flattened); a message that is not multipart is one part
}

// Part is one leaf part of a received message, decoded.
type Part struct {
	ContentType string // media type, lower case, such as "text/plain"
	Charset     string // charset parameter, lower case, "" when absent
	Disposition string // Content-Disposition type, lower case, such as "attachment"; "" when absent
	Body        string // decoded body: transfer encoding undone; for text/* also the charset (to UTF-8) and CRLF turned into LF
}

// Parse parses and decodes a received message (such as Envelope.Data). It
// fails the test with t.Fatalf on anything it cannot parse: the header,
// encoded words, address lists, media types, multipart structure, transfer
// encodings or charsets. Text and HTML are the first text/plain and
// text/html parts that are not attachments.
func Parse(t testing.TB, data []byte) Message {
	t.Helper()
	m, err := parse(data)
	if err != nil {
		t.Fatalf("mailtest: received message does not parse: %v\n%s", err, data)
	}
	return m
}

// decoder decodes RFC 2047 encoded words in any charset x/text knows.
var decoder = &mime.WordDecoder{CharsetReader: charsetReader}

// charsetReader converts from charset to UTF-8.
func charsetReader(charset string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "", "utf-8", "us-ascii":
		return r, nil
	}
	enc, err := htmlindex.Get(charset)
	if err != nil {
		return nil, fmt.Errorf("unknown charset %q", charset)
	}
	return enc.NewDecoder().Reader(r), nil
}

// parse is Parse returning an error.
func parse(data []byte) (Message, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return Message{}, err
	}
	m := Message{Header: msg.Header}
	if m.Subject, err = decoder.DecodeHeader(msg.Header.Get("Subject")); err != nil {
		return m, fmt.Errorf("header Subject: %w", err)
	}
	if m.From, err = addresses(msg.Header, "From"); err != nil {
		return m, err
	}
	if m.To, err = addresses(msg.Header, "To"); err != nil {
		return m, err
	}
	if m.Parts, err = parts(msg.Header, msg.Body, 0); err != nil {
		return m, err
	}
	for _, p := range m.Parts {
		if p.Disposition == "attachment" {
			continue
		}
		switch {
		case p.ContentType == "text/plain" && m.Text == "":
			m.Text = p.Body
		case p.ContentType == "text/html" && m.HTML == "":
			m.HTML = p.Body
		}
	}
	return m, nil
}

// addresses decodes an address header into its display form; "" when the
// header is absent.
func addresses(h mail.Header, name string) (string, error) {
	if h.Get(name) == "" {
		return "", nil
	}
	p := mail.AddressParser{WordDecoder: decoder}
	list, err := p.ParseList(h.Get(name))
	if err != nil {
		return "", fmt.Errorf("header %s %q: %w", name, h.Get(name), err)
	}
	forms := make([]string, len(list))
	for i, a := range list {
		forms[i] = a.Address
		if a.Name != "" {
			forms[i] = a.Name + " <" + a.Address + ">"
		}
	}
	return strings.Join(forms, ", "), nil
}

// header is what parts needs of a part's header: a net/mail header or a
// part's textproto.MIMEHeader.
type header interface{ Get(key string) string }

// maxDepth bounds multipart nesting.
const maxDepth = 10

// parts decodes a body with the given header into its leaf parts.
func parts(h header, body io.Reader, depth int) ([]Part, error) {
	if depth > maxDepth {
		return nil, errors.New("multipart nested too deeply")
	}
	contentType := h.Get("Content-Type")
	if contentType == "" {
		contentType = "text/plain; charset=us-ascii" // RFC 2045 default
	}
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return nil, fmt.Errorf("header Content-Type %q: %w", contentType, err)
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		if params["boundary"] == "" {
			return nil, fmt.Errorf("header Content-Type %q has no boundary", contentType)
		}
		r := multipart.NewReader(body, params["boundary"])
		var out []Part
		for {
			p, err := r.NextRawPart() // the transfer encoding is undone below, for every part alike
			if errors.Is(err, io.EOF) {
				if out == nil {
					return nil, fmt.Errorf("%s without parts", mediaType)
				}
				return out, nil
			}
			if err != nil {
				return nil, fmt.Errorf("%s: %w", mediaType, err)
			}
			leaves, err := parts(p.Header, p, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, leaves...)
		}
	}
	raw, err := io.ReadAll(body)
	if err != nil {
		return nil, err
	}
	b, err := undoTransferEncoding(h.Get("Content-Transfer-Encoding"), raw)
	if err != nil {
		return nil, fmt.Errorf("%s part: %w", mediaType, err)
	}
	p := Part{ContentType: mediaType, Charset: strings.ToLower(params["charset"])}
	if d := h.Get("Content-Disposition"); d != "" {
		if p.Disposition, _, err = mime.ParseMediaType(d); err != nil {
			return nil, fmt.Errorf("header Content-Disposition %q: %w", d, err)
		}
	}
	if strings.HasPrefix(mediaType, "text/") {
		r, err := charsetReader(p.Charset, bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("%s part: %w", mediaType, err)
		}
		if b, err = io.ReadAll(r); err != nil {
			return nil, fmt.Errorf("%s part in %s: %w", mediaType, p.Charset, err)
		}
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	}
	p.Body = string(b)
	return []Part{p}, nil
}

// undoTransferEncoding decodes a body by its Content-Transfer-Encoding.
func undoTransferEncoding(encoding string, raw []byte) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "7bit", "8bit", "binary":
		return raw, nil
	case "quoted-printable":
		b, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(raw)))
		if err != nil {
			return nil, fmt.Errorf("quoted-printable: %w", err)
		}
		return b, nil
	case "base64":
		clean := strings.Map(func(r rune) rune {
			if r == '\r' || r == '\n' || r == ' ' || r == '\t' {
				return -1
			}
			return r
		}, string(raw))
		b, err := base64.StdEncoding.DecodeString(clean)
		if err != nil {
			return nil, fmt.Errorf("base64: %w", err)
		}
		return b, nil
	default:
		return nil, fmt.Errorf("unknown transfer encoding %q", encoding)
	}
}

// subjectOf is the decoded Subject of raw message data, if it parses.
func subjectOf(data []byte) (string, bool) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return "", false
	}
	s, err := decoder.DecodeHeader(msg.Header.Get("Subject"))
	return s, err == nil
}
