package pdf

// winAnsiHigh maps the characters of code page 1252 in 0x80-0x9F to their
// byte. 0xA0-0xFF equal Unicode U+00A0-U+00FF.
var winAnsiHigh = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86,
	'‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C,
	'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
	'–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B,
	'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// winAnsi returns the WinAnsiEncoding byte of r and whether r has one.
// Control characters have none; a tab counts as a space.
func winAnsi(r rune) (byte, bool) {
	switch {
	case r == '\t':
		return ' ', true
	case r >= 0x20 && r < 0x7F, r >= 0xA0 && r <= 0xFF:
		return byte(r), true
	}
	b, ok := winAnsiHigh[r]
	return b, ok
}

// encode converts s to WinAnsiEncoding, replacing characters without a
// code by '?'.
func encode(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		b, ok := winAnsi(r)
		if !ok {
			b = '?'
		}
		out = append(out, b)
	}
	return out
}

// Unsupported returns the characters of s, each once and in order of first
// appearance, that the PDF cannot show and prints as '?'. Newlines are
// allowed in paragraphs and not reported.
func Unsupported(s string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if _, ok := winAnsi(r); ok || r == '\n' || r == '\r' || seen[r] {
			continue
		}
		seen[r] = true
		out = append(out, r)
	}
	return out
}

// Unsupported returns the characters anywhere in d that Render prints as
// '?', each once.
func (d Document) Unsupported() []rune {
	var all []rune
	seen := map[rune]bool{}
	add := func(s string) {
		for _, r := range Unsupported(s) {
			if !seen[r] {
				seen[r] = true
				all = append(all, r)
			}
		}
	}
	add(d.Header)
	add(d.Footer)
	for _, b := range d.Blocks {
		for _, s := range blockTexts(b) {
			add(s)
		}
	}
	return all
}

func blockTexts(b Block) []string {
	switch b := b.(type) {
	case Heading:
		return []string{b.Text}
	case Paragraph:
		return []string{b.Text}
	case KeyValue:
		var s []string
		for _, r := range b.Rows {
			s = append(s, r.Label, r.Value)
		}
		return s
	case Table:
		s := append([]string(nil), b.Header...)
		for _, r := range b.Rows {
			s = append(s, r...)
		}
		return s
	}
	return nil
}
