package search

import (
	_ "embed"
	"strconv"
	"strings"
)

//go:embed synonyms.txt
var synonymsText string

// synonyms are the curated groups, analysed like any text. A group becomes
// the term "#g<n>" in documents and queries that mention a member.
type synonyms struct {
	single map[string][]int32  // stem -> groups with that one-word member
	multi  map[string][]phrase // first stem -> members of several words
	words  map[string]string   // folded word -> display form, for typo correction
}

type phrase struct {
	stems []string
	group int32
}

var curatedSynonyms = parseSynonyms(synonymsText)

func parseSynonyms(text string) *synonyms {
	s := &synonyms{
		single: make(map[string][]int32),
		multi:  make(map[string][]phrase),
		words:  make(map[string]string),
	}
	var g int32
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		for _, member := range strings.Split(line, ",") {
			s.addMember(member, g)
		}
		g++
	}
	return s
}

func (s *synonyms) addMember(member string, g int32) {
	var stems []string
	for _, t := range tokenize(member) {
		if stopWords[t.folded] {
			continue
		}
		stems = append(stems, stem(t.folded))
		if _, ok := s.words[t.folded]; !ok {
			s.words[t.folded] = t.raw
		}
	}
	switch {
	case len(stems) == 1:
		if !containsGroup(s.single[stems[0]], g) {
			s.single[stems[0]] = append(s.single[stems[0]], g)
		}
	case len(stems) > 1:
		s.multi[stems[0]] = append(s.multi[stems[0]], phrase{stems, g})
	}
}

func containsGroup(gs []int32, g int32) bool {
	for _, x := range gs {
		if x == g {
			return true
		}
	}
	return false
}

// groupTerm is the index term standing for group g.
func groupTerm(g int32) string { return "#g" + strconv.Itoa(int(g)) }

// phraseAt returns the multi-word members that start at stems[i].
func (s *synonyms) phraseAt(stems []string, i int) []phrase {
	var gs []phrase
	for _, p := range s.multi[stems[i]] {
		if i+len(p.stems) > len(stems) {
			continue
		}
		match := true
		for k, st := range p.stems {
			if stems[i+k] != st {
				match = false
				break
			}
		}
		if match {
			gs = append(gs, p)
		}
	}
	return gs
}
