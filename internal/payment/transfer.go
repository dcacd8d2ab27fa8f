package payment

import (
	"context"
	"net/http"

	"rathaus/internal/fault"
)

// Transfer is the built-in provider: the citizen gets the bill with its EPC
// QR code and pays by SEPA credit transfer; the money is found when staff
// import the bank's camt.053 statement (ParseCAMT053, Reconcile). The
// provider reference is the bill's reference, and the provider itself keeps
// no state: Status looks the reference up in Settled, which the caller backs
// with its store of reconciled payments.
type Transfer struct {
	// Settled reports whether the bill with this reference is paid. Nil
	// means nothing is known yet, so every payment is open.
	Settled func(ctx context.Context, reference string) (bool, error)
}

// Name returns "transfer".
func (Transfer) Name() string { return "transfer" }

// Start checks that the bill can be printed with a QR code and returns no
// redirect: the caller shows the bill on its own page.
func (Transfer) Start(_ context.Context, b Bill, _ string) (string, string, error) {
	if _, err := EPCPayload(b); err != nil {
		return "", "", err
	}
	return "", b.Reference, nil
}

// Status is StatusPaid once Settled says so, else StatusOpen.
func (t Transfer) Status(ctx context.Context, providerRef string) (Status, error) {
	if providerRef == "" {
		return "", fault.New(fault.NotFound, "error.payment.not_found")
	}
	if t.Settled == nil {
		return StatusOpen, nil
	}
	paid, err := t.Settled(ctx, providerRef)
	if err != nil {
		return "", err
	}
	if paid {
		return StatusPaid, nil
	}
	return StatusOpen, nil
}

// VerifyWebhook always fails: bank transfers arrive by statement import,
// never by webhook, so any notification claiming one is forged.
func (Transfer) VerifyWebhook(http.Header, []byte) (string, error) {
	return "", fault.New(fault.Forbidden, "error.payment.signature")
}
