package search

import "strings"

// rawPosting collects a document's weighted term frequency per field while
// the index is built.
type rawPosting struct {
	doc int32
	tf  [numFields]float32
}

// derived is a term a written word implies at a discount: the tails and
// modifiers of a compound.
type derived struct {
	stem string
	w    float32
}

// wordInfo is the analysis of one folded word.
type wordInfo struct {
	stem    string
	derived []derived
}

// builder turns documents into raw postings; it lives for one NewIndex.
type builder struct {
	ix     *Index
	raw    [][]rawPosting
	cache  map[string]*wordInfo
	groups []int32 // group -> term id, -1 until used
	cur    map[int32]*[numFields]float32
}

func newBuilder(ix *Index) *builder {
	return &builder{ix: ix, cache: make(map[string]*wordInfo)}
}

// docTokens is a document's words per field.
type docTokens [numFields][]token

// collectWords tokenises the documents and returns their tokens and every
// folded word, with its document frequency, plus the curated synonyms'
// words.
func collectWords(docs []Doc, syn *synonyms) ([]docTokens, map[string]*wordEntry) {
	vocab := make(map[string]*wordEntry)
	all := make([]docTokens, len(docs))
	for i, d := range docs {
		seen := make(map[string]bool)
		for f, text := range docTexts(d) {
			all[i][f] = tokenize(text)
			for _, t := range all[i][f] {
				if stopWords[t.folded] || seen[t.folded] {
					continue
				}
				seen[t.folded] = true
				w := vocab[t.folded]
				if w == nil {
					w = &wordEntry{folded: t.folded, display: t.raw}
					vocab[t.folded] = w
				}
				w.df++
			}
		}
	}
	for f, raw := range syn.words {
		if vocab[f] == nil && !stopWords[f] {
			vocab[f] = &wordEntry{folded: f, display: raw}
		}
	}
	return all, vocab
}

// docTexts returns a document's fields in field order.
func docTexts(d Doc) [numFields]string {
	return [numFields]string{d.Name, strings.Join(d.Keywords, ", "), d.Summary, d.Text}
}

// addDoc indexes document number doc and returns its field lengths.
func (b *builder) addDoc(doc int32, toks docTokens) [numFields]int {
	b.cur = make(map[int32]*[numFields]float32)
	var lengths [numFields]int
	for f, ts := range toks {
		lengths[f] = b.addField(f, ts)
	}
	for term, tf := range b.cur {
		b.raw[term] = append(b.raw[term], rawPosting{doc: doc, tf: *tf})
	}
	return lengths
}

// addField indexes one field's words and returns how many there are.
func (b *builder) addField(f int, toks []token) int {
	stems := make([]string, 0, len(toks))
	prev := ""
	for _, t := range toks {
		if stopWords[t.folded] {
			prev = ""
			continue
		}
		info := b.info(t.folded)
		b.addStem(info.stem, f, 1)
		for _, d := range info.derived {
			b.addStem(d.stem, f, d.w)
		}
		if t.joined && prev != "" {
			b.addStem(stem(prev+t.folded), f, wJoined)
		}
		stems = append(stems, info.stem)
		prev = t.folded
	}
	for i := range stems {
		for _, ph := range b.ix.syn.phraseAt(stems, i) {
			b.add(b.groupTerm(ph.group), f, 1)
		}
	}
	return len(stems)
}

// addStem adds a stem and the synonym groups it belongs to.
func (b *builder) addStem(s string, f int, w float32) {
	b.add(b.termID(s), f, w)
	for _, g := range b.ix.syn.single[s] {
		b.add(b.groupTerm(g), f, w)
	}
}

func (b *builder) add(term int32, f int, w float32) {
	tf := b.cur[term]
	if tf == nil {
		tf = new([numFields]float32)
		b.cur[term] = tf
	}
	tf[f] += w
}

func (b *builder) termID(t string) int32 {
	id, ok := b.ix.terms[t]
	if !ok {
		id = int32(len(b.raw))
		b.ix.terms[t] = id
		b.raw = append(b.raw, nil)
	}
	return id
}

func (b *builder) groupTerm(g int32) int32 {
	for int(g) >= len(b.groups) {
		b.groups = append(b.groups, -1)
	}
	if b.groups[g] < 0 {
		b.groups[g] = b.termID(groupTerm(g))
	}
	return b.groups[g]
}

// info analyses a folded word once per build.
func (b *builder) info(folded string) *wordInfo {
	if wi, ok := b.cache[folded]; ok {
		return wi
	}
	wi := &wordInfo{stem: stem(folded), derived: compoundTerms(b.ix.split, folded)}
	b.cache[folded] = wi
	return wi
}

// compoundTerms returns the stems of a compound's tails and modifiers:
// "bewohnerparkausweis" gives parkausweis and ausweis (tails), bewohner and
// park (modifiers).
func compoundTerms(sp *splitter, w string) []derived {
	leaves := sp.leaves(w)
	if leaves == nil {
		return nil
	}
	var out []derived
	seen := map[string]bool{stem(w): true}
	add := func(s string, weight float32) {
		if !seen[s] {
			seen[s] = true
			out = append(out, derived{s, weight})
		}
	}
	for k := 1; k < len(leaves); k++ {
		add(stem(w[leaves[k].start:]), wTail)
	}
	for _, l := range leaves[:len(leaves)-1] {
		add(stem(w[l.start:l.end]), wModifier)
	}
	return out
}

// nameWords returns, per word of a name, its term and synonym group terms,
// to measure how much of a name a query covers.
func (b *builder) nameWords(name string) [][]int32 {
	var out [][]int32
	for _, t := range tokenize(name) {
		if stopWords[t.folded] {
			continue
		}
		s := b.info(t.folded).stem
		ids := []int32{b.termID(s)}
		for _, g := range b.ix.syn.single[s] {
			ids = append(ids, b.groupTerm(g))
		}
		out = append(out, ids)
	}
	return out
}

// addPhrases records a document's keywords as stem sequences, so a query
// that contains one of them word for word can be rewarded.
func (b *builder) addPhrases(doc int32, keywords []string) {
	for _, k := range keywords {
		key := strings.Join(b.stemsOf(k), " ")
		ds := b.ix.phrases[key]
		if key != "" && (len(ds) == 0 || ds[len(ds)-1] != doc) {
			b.ix.phrases[key] = append(ds, doc)
		}
	}
}

// stemsOf returns the stems of a text's words, without stop words.
func (b *builder) stemsOf(text string) []string {
	var out []string
	for _, t := range tokenize(text) {
		if !stopWords[t.folded] {
			out = append(out, b.info(t.folded).stem)
		}
	}
	return out
}
