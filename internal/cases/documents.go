package cases

import (
	"bytes"
	"context"
	"fmt"

	"rathaus/internal/filestore"
)

// ReceiptPDF renders the receipt of a case: every answer, the files, and
// how to pay an open fee. It is made from the stored answers and form
// version whenever asked, so it always shows what was submitted.
func (s *Service) ReceiptPDF(v *View, lang string) ([]byte, error) {
	bill := s.Bill(v)
	return Receipt(s.T, lang, s.CityName, v.Case, v.Form, v.Answers, bill).Bytes()
}

// decide renders the decision document of a case and stores it; the
// caller writes the returned file with the decision.
func (s *Service) decide(ctx context.Context, v *View, outcome, reason, lang string) (*File, error) {
	var tmpl map[string]string
	if v.Form != nil {
		tmpl = v.Form.Settings.Decisions[outcome]
	}
	doc := Decision(s.T, lang, s.CityName, v.Case, v.Service.Name, outcome, reason, tmpl, s.now())
	b, err := doc.Bytes()
	if err != nil {
		return nil, err
	}
	key := fmt.Sprintf("cases/%d/decision-%s.pdf", v.Case.ID, randomHex(8))
	info, err := s.Files.Put(ctx, key, bytes.NewReader(b), filestore.Meta{ContentType: "application/pdf"})
	if err != nil {
		return nil, err
	}
	name := s.T.T(lang, "cases.decision.file", v.Case.Reference)
	return &File{Kind: FileDecision, Key: key, Name: name, ContentType: "application/pdf", Size: info.Size,
		SHA256: info.SHA256, CreatedAt: s.now()}, nil
}
