package cases

import (
	"context"
	"time"

	"rathaus/internal/audit"
	"rathaus/internal/catalog"
	"rathaus/internal/filestore"
	"rathaus/internal/form"
	"rathaus/internal/org"
	"rathaus/internal/payment"
)

// Catalog is what applications need from the service catalogue.
type Catalog interface {
	PublicService(ctx context.Context, id int64) (*catalog.Service, error)
}

// Service applies the rules of online applications: submitting a form,
// the citizen's view of their cases and mailbox, the staff's queues,
// transitions, notes, deadlines and decisions, and payments.
type Service struct {
	Store   Store
	Forms   form.Store
	Files   filestore.Store
	Catalog Catalog
	Orgs    *org.Service
	Audit   audit.Store
	T       Translator
	Now     func() time.Time

	BaseURL  string // public address, for links in mails
	CityName string // on receipts, decisions and mails
	Prefix   string // of reference numbers; default "JENA"
	// Creditor receives fees by bank transfer; an empty IBAN means fees
	// are shown but no transfer bill is offered.
	Creditor payment.Bill
	// DeliveryURL, when set, receives every submitted case as a signed
	// webhook (see delivery.go); DeliverySecret keys the signature.
	DeliveryURL    string
	DeliverySecret []byte

	// WarnBefore is how long before a deadline queues warn; default 3 days.
	WarnBefore time.Duration
	// DraftTTL is how long a draft is kept after its last change; default
	// 30 days.
	DraftTTL time.Duration
}

// Defaults of Service's settings.
const (
	DefaultWarnBefore = 3 * 24 * time.Hour
	DefaultDraftTTL   = 30 * 24 * time.Hour
	// UploadTTL is how long an uploaded file that no submitted case
	// references is kept (it belongs to a draft at most).
	UploadTTL = DefaultDraftTTL
)

func (s *Service) now() time.Time { return s.Now().UTC() }

func (s *Service) prefix() string {
	if s.Prefix == "" {
		return "JENA"
	}
	return s.Prefix
}

// WarnPeriod is how long before a deadline queues warn.
func (s *Service) WarnPeriod() time.Duration {
	if s.WarnBefore <= 0 {
		return DefaultWarnBefore
	}
	return s.WarnBefore
}

func (s *Service) draftTTL() time.Duration {
	if s.DraftTTL <= 0 {
		return DefaultDraftTTL
	}
	return s.DraftTTL
}
