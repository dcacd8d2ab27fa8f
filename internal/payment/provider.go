package payment

import (
	"context"
	"net/http"
)

// Status is where a payment stands at a provider.
type Status string

// The statuses of a payment.
const (
	StatusOpen     Status = "open"     // started, nothing arrived yet
	StatusPaid     Status = "paid"     // the money arrived (or the provider guarantees it)
	StatusFailed   Status = "failed"   // refused or aborted by the payer
	StatusCanceled Status = "canceled" // withdrawn by the city
)

// Provider is a way to pay a bill: the built-in SEPA transfer or a city's
// e-payment platform (in Germany e.g. pmPayment or ePayBL, which offer
// giropay, card and PayPal on one hosted page). The flow:
//
//  1. Start registers the bill with the provider and returns where to send
//     the citizen (an empty redirectURL means: show the bill on our own page)
//     and the provider's reference, which the caller stores with the bill.
//  2. The provider reports the result by a webhook (server to server) that
//     VerifyWebhook authenticates before anything is believed, and/or the
//     citizen returns to returnURL.
//  3. Status asks the provider for the current state, e.g. after the return
//     or from a periodic job; it never trusts the return URL alone.
//
// Implementations must be safe for concurrent use and idempotent: starting
// the same bill twice may return the same providerRef.
type Provider interface {
	// Name identifies the provider in storage and configuration, e.g. "transfer".
	Name() string
	Start(ctx context.Context, b Bill, returnURL string) (redirectURL, providerRef string, err error)
	Status(ctx context.Context, providerRef string) (Status, error)
	// VerifyWebhook checks the signature of a notification (its headers and
	// raw body) and returns the provider reference it is about. A forged or
	// unsigned request is a fault with key error.payment.signature.
	VerifyWebhook(header http.Header, body []byte) (providerRef string, err error)
}
