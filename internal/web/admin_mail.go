package web

import (
	"strings"
)

// MailPart is a piece of a mail's text: plain, or a link into rathaus.
type MailPart struct {
	Text string
	Link bool
}

// MailParts splits a mail's text so that links to this server become
// clickable (in the demo, that is how a verification link is followed);
// any other address stays plain text. Punctuation that ends a sentence
// after a link is not part of it.
func (p adminPage) MailParts(text string) []MailPart {
	base := strings.TrimSuffix(p.BaseURL, "/")
	var parts []MailPart
	for text != "" {
		i := strings.Index(text, base+"/")
		if base == "" || i < 0 {
			parts = append(parts, MailPart{Text: text})
			break
		}
		if i > 0 {
			parts = append(parts, MailPart{Text: text[:i]})
		}
		end := strings.IndexAny(text[i:], " \n\r\t<>\"")
		if end < 0 {
			end = len(text) - i
		}
		link := strings.TrimRight(text[i:i+end], ".,;:!?)")
		parts = append(parts, MailPart{Text: link, Link: true})
		text = text[i+len(link):]
	}
	return parts
}
