package participation

import (
	"context"
	"time"

	"rathaus/internal/search"
)

// similarTTL is how long a space's index of ideas is reused for
// suggestions; a new idea shows up in suggestions after it at the latest.
const similarTTL = 30 * time.Second

type similarEntry struct {
	built time.Time
	index *search.Index
	ideas map[int64]*Idea
}

// Similar suggests published ideas of a space like the text a person is
// typing, best first, so that they support an existing idea instead of
// proposing it twice.
func (s *Service) Similar(ctx context.Context, spaceID int64, text string, n int) ([]*Idea, error) {
	e, err := s.similarIndex(ctx, spaceID)
	if err != nil {
		return nil, err
	}
	res := e.index.Search(search.Query{Text: text, Limit: n})
	out := make([]*Idea, 0, len(res.Hits))
	for _, h := range res.Hits {
		if i := e.ideas[h.ID]; i != nil {
			out = append(out, i)
		}
	}
	return out, nil
}

func (s *Service) similarIndex(ctx context.Context, spaceID int64) (*similarEntry, error) {
	c := &s.similar
	c.mu.Lock()
	e := c.entries[spaceID]
	c.mu.Unlock()
	if e != nil && s.now().Sub(e.built) < similarTTL {
		return e, nil
	}
	ideas, _, err := s.Store.FindIdeas(ctx, IdeaFilter{SpaceID: spaceID, Limit: 5000})
	if err != nil {
		return nil, err
	}
	docs := make([]search.Doc, len(ideas))
	e = &similarEntry{built: s.now(), ideas: map[int64]*Idea{}}
	for k, i := range ideas {
		docs[k] = search.Doc{ID: i.ID, Name: i.Title, Summary: i.Category, Text: i.Body}
		e.ideas[i.ID] = i
	}
	e.index = search.NewIndex(docs)
	c.mu.Lock()
	if c.entries == nil {
		c.entries = map[int64]*similarEntry{}
	}
	c.entries[spaceID] = e
	c.mu.Unlock()
	return e, nil
}
