package form

// Path returns the IDs of the pages the applicant sees, in order, given the
// answers so far. A page's condition sees only the answers of earlier
// visible pages, so an answer left on a page that is now hidden has no
// effect.
func (f *Form) Path(a Answers) []string {
	var ids []string
	f.walk(a, func(p *Page) { ids = append(ids, p.ID) })
	return ids
}

// walk calls fn for every visible page in order.
func (f *Form) walk(a Answers, fn func(*Page)) {
	seen := Answers{}
	for i := range f.Pages {
		p := &f.Pages[i]
		if p.ShowIf != nil && !p.ShowIf.Eval(seen) {
			continue
		}
		for _, q := range p.Questions {
			if v, ok := a[q.ID]; ok {
				seen[q.ID] = v
			}
		}
		fn(p)
	}
}

// Visible returns the answers of visible pages only: what a submission keeps.
func (f *Form) Visible(a Answers) Answers {
	out := Answers{}
	f.walk(a, func(p *Page) {
		for _, q := range p.Questions {
			if v, ok := a[q.ID]; ok {
				out[q.ID] = v
			}
		}
	})
	return out
}

// Next returns the visible page after pageID, or "" when pageID is the
// last one (next comes "check your answers"). An unknown or hidden pageID
// leads to the first visible page after its position.
func (f *Form) Next(pageID string, a Answers) string {
	path := f.Path(a)
	pos := f.index(pageID)
	for _, id := range path {
		if f.index(id) > pos {
			return id
		}
	}
	return ""
}

// Prev returns the visible page before pageID, or "" on the first page.
func (f *Form) Prev(pageID string, a Answers) string {
	path := f.Path(a)
	pos := f.index(pageID)
	prev := ""
	for _, id := range path {
		if f.index(id) >= pos {
			break
		}
		prev = id
	}
	return prev
}

// index returns the position of page id, or -1.
func (f *Form) index(id string) int {
	for i := range f.Pages {
		if f.Pages[i].ID == id {
			return i
		}
	}
	return -1
}
