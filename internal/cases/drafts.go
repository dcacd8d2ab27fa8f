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
// are (unchecked: a draft may be incomplete).
func (s *Service) SaveDraft(ctx context.Context, who Citizen, draftID int64, serviceID int64, version int, a form.Answers, pageID string) (*SavedDraft, error) {
	raw, err := json.Marshal(a)
	if err != nil {
		return nil, err
	}
	out := &SavedDraft{Answers: a}
	d := &Draft{}
	if draftID != 0 || who.Secret != "" {
		if d, err = s.ownDraft(ctx, who, draftID); err != nil {
			return nil, err
		}
	} else if who.UserID != nil {
		d.UserID = who.UserID
	} else {
		out.Secret = newSecret()
		d.AccessHash = HashSecret(out.Secret)
	}
	d.ServiceID, d.FormVersion, d.Answers, d.PageID = serviceID, version, raw, pageID
	d.UpdatedAt, d.ExpiresAt = s.now(), s.now().Add(s.draftTTL())
	if err := s.Store.SaveDraft(ctx, d); err != nil {
		return nil, err
	}
	out.Draft = d
	return out, nil
}

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
