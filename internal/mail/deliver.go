package mail

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Payload is the job payload of JobKind.
type Payload struct {
	MessageID int64 `json:"message_id"`
}

// Deliverer is the job handler that sends queued messages.
type Deliverer struct {
	Store  Store
	Sender Sender
	From   string
	Now    func() time.Time
}

// Handle sends the message named in payload. A message already sent is
// skipped, so a retried job never mails twice after a recorded success.
func (d *Deliverer) Handle(ctx context.Context, payload []byte) error {
	var p Payload
	if err := json.Unmarshal(payload, &p); err != nil {
		return fmt.Errorf("mail payload: %w", err)
	}
	m, err := d.Store.FindMessageByID(ctx, p.MessageID)
	if err != nil {
		return err
	}
	if m.SentAt != nil {
		return nil
	}
	if err := d.Sender.Send(ctx, d.From, m); err != nil {
		_ = d.Store.MarkMessageFailed(ctx, m.ID, err.Error())
		return err
	}
	return d.Store.MarkMessageSent(ctx, m.ID, d.Now())
}
