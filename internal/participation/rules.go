package participation

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"rathaus/internal/fault"
)

// Limits of contributions, in characters.
const (
	MaxTitle     = 140
	MinTitle     = 8
	MaxBody      = 5000
	MinBody      = 20
	MaxComment   = 3000
	MaxPseudonym = 40
	MinPseudonym = 3
	MaxReason    = 500
)

// checkIdea validates what a citizen proposes.
func checkIdea(i *Idea, sp *Space) error {
	var v fault.Validator
	i.Title, i.Body, i.Category = strings.TrimSpace(i.Title), strings.TrimSpace(i.Body), strings.TrimSpace(i.Category)
	n := utf8.RuneCountInString(i.Title)
	v.Check(n >= MinTitle && n <= MaxTitle, "title", "error.participation.title", MinTitle, MaxTitle)
	n = utf8.RuneCountInString(i.Body)
	v.Check(n >= MinBody && n <= MaxBody, "body", "error.participation.body", MinBody, MaxBody)
	if len(sp.Categories) > 0 {
		v.Check(i.Category == "" || slices.Contains(sp.Categories, i.Category), "category", "error.participation.category")
	}
	if p := i.Place; p != nil {
		p.Label = strings.TrimSpace(p.Label)
		v.Check(utf8.RuneCountInString(p.Label) <= 200, "place", "error.participation.place")
		v.Check(p.Lat == nil || *p.Lat >= -90 && *p.Lat <= 90, "place", "error.participation.place")
		v.Check(p.Lon == nil || *p.Lon >= -180 && *p.Lon <= 180, "place", "error.participation.place")
		if p.Label == "" && p.Lat == nil {
			i.Place = nil
		}
	}
	return v.Err()
}

// checkComment validates a comment's text.
func checkComment(body string) (string, error) {
	body = strings.TrimSpace(body)
	n := utf8.RuneCountInString(body)
	if n < 2 || n > MaxComment {
		return body, fault.Fields(fault.FieldError{Field: "body", Key: "error.participation.comment", Args: []any{MaxComment}})
	}
	return body, nil
}

// pseudonymRE allows letters, digits, spaces and a few joiners.
var pseudonymRE = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N} ._\-]*$`)

func checkPseudonym(name string) (string, error) {
	name = strings.Join(strings.Fields(name), " ")
	n := utf8.RuneCountInString(name)
	if n < MinPseudonym || n > MaxPseudonym || !pseudonymRE.MatchString(name) || strings.Contains(name, "@") {
		return name, fault.Fields(fault.FieldError{Field: "pseudonym", Key: "error.participation.pseudonym", Args: []any{MinPseudonym, MaxPseudonym}})
	}
	return name, nil
}

// linkRE finds links in a text.
var linkRE = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+`)

// offensive is a short built-in list of insults (lower case, folded);
// operators extend it (Service.Offensive). Matching is by whole word.
var offensive = []string{"arschloch", "idiot", "idioten", "wichser", "hurensohn", "fotze", "schlampe", "missgeburt",
	"spast", "vollidiot", "drecksau", "penner", "scheißkerl", "scheisskerl", "nazi", "nazis", "asshole", "fuck", "bitch"}

// Flags returns the automatic moderation flags of a text: "auto:offensive"
// for a listed word, "auto:links" for more than MaxLinks links.
func (s *Service) Flags(texts ...string) []string {
	var flags []string
	all := strings.ToLower(strings.Join(texts, " "))
	words := strings.FieldsFunc(all, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == 'ä' || r == 'ö' || r == 'ü' || r == 'ß')
	})
	bad := append(append([]string{}, offensive...), s.Offensive...)
	for _, w := range words {
		if slices.Contains(bad, w) {
			flags = append(flags, "auto:offensive")
			break
		}
	}
	if len(linkRE.FindAllString(all, -1)) > MaxLinks {
		flags = append(flags, "auto:links")
	}
	return flags
}
