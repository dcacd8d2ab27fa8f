package smtptest

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"regexp"
	"slices"
	"strings"
)

// Message is one mail the server received.
type Message struct {
	From     string   // envelope sender (MAIL FROM)
	To       []string // envelope recipients (RCPT TO)
	AuthUser string   // the AUTH PLAIN user name, empty without AUTH
	Header   mail.Header
	Subject  string // decoded from RFC 2047 encoded words
	Text     string // the decoded text/plain body, lines ending in "\n"
	Raw      []byte // the message as sent over DATA
}

// To matches messages with addr among their envelope recipients.
func To(addr string) func(Message) bool {
	return func(m Message) bool {
		return slices.ContainsFunc(m.To, func(s string) bool { return strings.EqualFold(s, addr) })
	}
}

// SubjectContains matches messages whose subject contains s.
func SubjectContains(s string) func(Message) bool {
	return func(m Message) bool { return strings.Contains(m.Subject, s) }
}

var urlPattern = regexp.MustCompile(`https?://[^\s<>"]+`)

// URLs returns the http and https links in the text body, in order.
func (m Message) URLs() []string {
	return urlPattern.FindAllString(m.Text, -1)
}

// parse decodes raw. A message that is not valid RFC 5322 keeps its raw
// bytes as text, so a test still sees what arrived.
func parse(raw []byte) Message {
	m := Message{Raw: raw}
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		m.Text = normalize(string(raw))
		return m
	}
	m.Header = msg.Header
	m.Subject = decodeHeader(msg.Header.Get("Subject"))
	m.Text = normalize(textBody(msg.Header.Get("Content-Type"), msg.Header.Get("Content-Transfer-Encoding"), msg.Body))
	return m
}

func decodeHeader(v string) string {
	s, err := new(mime.WordDecoder).DecodeHeader(v)
	if err != nil {
		return v
	}
	return s
}

// textBody returns the first text/plain part of a body, decoded.
func textBody(contentType, encoding string, body io.Reader) string {
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		mediaType, params = "text/plain", map[string]string{}
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err != nil {
				return ""
			}
			ct := p.Header.Get("Content-Type")
			if ct == "" || strings.HasPrefix(ct, "text/plain") || strings.HasPrefix(ct, "multipart/") {
				if s := textBody(ct, p.Header.Get("Content-Transfer-Encoding"), p); s != "" {
					return s
				}
			}
		}
	}
	if mediaType != "text/plain" {
		return ""
	}
	b, err := io.ReadAll(decodeTransfer(encoding, body))
	if err != nil {
		return ""
	}
	return toUTF8(params["charset"], b)
}

func decodeTransfer(encoding string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, r) // skips line breaks itself
	default:
		return r
	}
}

// toUTF8 converts Latin-1, the one legacy charset a sender might still
// use; anything else is taken as UTF-8.
func toUTF8(charset string, b []byte) string {
	switch strings.ToLower(charset) {
	case "iso-8859-1", "latin1":
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return string(r)
	default:
		return string(b)
	}
}

func normalize(s string) string {
	return strings.ReplaceAll(s, "\r\n", "\n")
}
