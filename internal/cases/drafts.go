package cases

import (
	"context"
	"encoding/json"

	"rathaus/internal/fault"
	"rathaus/internal/form"
)

// SavedDraft is a draft as the citizen flow uses it.
type SavedDraft struct {
	Draft   *Draft
	Answers form.Answers
	// Secret opens a draft saved without an account; set only when the
	// draft was created by this call (it is shown once, never stored).
	Secret string
}

// SaveDraft keeps a citizen's unfinished application: in the account, or
// without one behind a secret link. who.Secret (or draftID for an
// account) names an existing draft to update; answers are stored as they
// are (unchecked: a draft may be incomplete). It counts nothing in the
// form funnel; the online flow saves with SaveStep.
func (s *Service) SaveDraft(ctx context.Context, who Citizen, draftID int64, serviceID int64, version int, a form.Answers, pageID string) (*SavedDraft, error) {
	return s.saveDraft(ctx, DraftSave{Who: who, DraftID: draftID, ServiceID: serviceID, Answers: a, PageID: pageID}, version)
}

// DraftSave is one step of an application in the online flow.
type DraftSave struct {
	Who       Citizen
	DraftID   int64 // the account's draft to update; 0: who.Secret's, or a new one
	ServiceID int64
	Form      *form.Form // the published form filled in
	Answers   form.Answers
	PageID    string // the page the applicant goes on with ("pruefen": the check page)
	// Campaign is the code of the promotion campaign the applicant came
	// from (checked by the caller); kept only when the draft is created.
	Campaign string
}

// SaveStep saves a draft like SaveDraft and moves the form funnel on in
// the same transaction: a new draft counts as a started application (and
// for its campaign), and each page of the applicant's path before PageID
// counts as passed, once per draft.
func (s *Service) SaveStep(ctx context.Context, st DraftSave) (*SavedDraft, error) {
	return s.saveDraft(ctx, st, st.Form.Version)
}

func (s *Service) saveDraft(ctx context.Context, st DraftSave, version int) (*SavedDraft, error) {
	raw, err := json.Marshal(st.Answers)
	if err != nil {
		return nil, err
	}
	who := st.Who
	out := &SavedDraft{Answers: st.Answers}
	d := &Draft{}
	if st.DraftID != 0 || who.Secret != "" {
		if d, err = s.ownDraft(ctx, who, st.DraftID); err != nil {
			return nil, err
		}
	} else {
		if who.UserID != nil {
			d.UserID = who.UserID
		} else {
			out.Secret = newSecret()
			d.AccessHash = HashSecret(out.Secret)
		}
		d.Campaign = st.Campaign
	}
	d.ServiceID, d.FormVersion, d.Answers, d.PageID = st.ServiceID, version, raw, st.PageID
	d.UpdatedAt, d.ExpiresAt = s.now(), s.now().Add(s.draftTTL())
	d.Progress = nil
	if st.Form != nil {
		d.Progress = FormProgress(st.Form, st.Answers, st.PageID)
	}
	if err := s.Store.SaveDraft(ctx, d); err != nil {
		return nil, err
	}
	d.Progress = nil
	out.Draft = d
	return out, nil
}

// FormProgress is how far an applicant with answers a who goes on with
// page pageID of f got: the pages of their path before it are passed. At
// the check page ("pruefen", or any ID not in the path) every page of the
// path is passed; an unknown page passes none.
func FormProgress(f *form.Form, a form.Answers, pageID string) *Progress {
	index := func(id string) int {
		for i := range f.Pages {
			if f.Pages[i].ID == id {
				return i
			}
		}
		return -1
	}
	at := index(pageID)
	if at < 0 && pageID != CheckPage {
		return &Progress{}
	}
	if at < 0 {
		at = len(f.Pages)
	}
	p := &Progress{Reached: at}
	for _, id := range f.Path(a) {
		if i := index(id); i < at {
			p.Passed = append(p.Passed, PagePassed{ID: id, Index: i})
		}
	}
	return p
}

// CheckPage is the page ID of "check your answers" in drafts.
const CheckPage = "pruefen"

// OpenDraft returns a draft its owner asks for.
func (s *Service) OpenDraft(ctx context.Context, who Citizen, draftID int64) (*SavedDraft, error) {
	d, err := s.ownDraft(ctx, who, draftID)
	if err != nil {
		return nil, err
	}
	out := &SavedDraft{Draft: d, Answers: form.Answers{}}
	if len(d.Answers) > 0 {
		if err := json.Unmarshal(d.Answers, &out.Answers); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// MyDrafts lists an account's drafts.
func (s *Service) MyDrafts(ctx context.Context, userID int64) ([]*Draft, error) {
	return s.Store.FindDrafts(ctx, userID)
}

// DiscardDraft deletes a draft its owner no longer wants.
func (s *Service) DiscardDraft(ctx context.Context, who Citizen, draftID int64) error {
	d, err := s.ownDraft(ctx, who, draftID)
	if err != nil {
		return err
	}
	return s.Store.DeleteDraft(ctx, d.ID)
}

// ownDraft loads a draft of who; anything else is NotFound.
func (s *Service) ownDraft(ctx context.Context, who Citizen, draftID int64) (*Draft, error) {
	var d *Draft
	var err error
	if who.Secret != "" {
		d, err = s.Store.FindDraftByAccessHash(ctx, HashSecret(who.Secret))
	} else if who.UserID != nil {
		d, err = s.Store.FindDraft(ctx, draftID)
		if err == nil && (d.UserID == nil || *d.UserID != *who.UserID) {
			err = fault.New(fault.NotFound, "error.not_found")
		}
	} else {
		err = fault.New(fault.NotFound, "error.not_found")
	}
	if err != nil || d.ExpiresAt.Before(s.now()) {
		return nil, fault.New(fault.NotFound, "error.not_found")
	}
	return d, nil
}
