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
	groups [][]string          // group -> its members as written
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
		var members []string
		for _, member := range strings.Split(line, ",") {
			s.addMember(member, g)
			members = append(members, strings.TrimSpace(member))
		}
		s.groups = append(s.groups, members)
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

// Synonyms returns the other members of the curated synonym groups that
// hold word (in any inflection the stemmer folds together), in list order
// and without duplicates: Synonyms("Personalausweis") includes "perso".
func Synonyms(word string) []string {
	toks := tokenize(word)
	if len(toks) != 1 {
		return nil
	}
	st := stem(toks[0].folded)
	seen := map[string]bool{}
	var out []string
	for _, g := range curatedSynonyms.single[st] {
		for _, m := range curatedSynonyms.groups[g] {
			mt := tokenize(m)
			if len(mt) == 1 && stem(mt[0].folded) == st || seen[m] {
				continue
			}
			seen[m] = true
			out = append(out, m)
		}
	}
	return out
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
