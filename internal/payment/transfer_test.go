package payment

import (
	"context"
	"net/http"
	"testing"

	"rathaus/internal/fault"
)

func TestTransferProvider(t *testing.T) {
	ctx := context.Background()
	paid := map[string]bool{}
	var p Provider = Transfer{Settled: func(_ context.Context, ref string) (bool, error) { return paid[ref], nil }}
	if p.Name() != "transfer" {
		t.Errorf("name %q", p.Name())
	}
	redirect, ref, err := p.Start(ctx, jenaBill(), "https://jena.example/return")
	if err != nil || redirect != "" || ref != "JENA-2026-000123" {
		t.Fatalf("Start = %q, %q, %v", redirect, ref, err)
	}
	if s, err := p.Status(ctx, ref); err != nil || s != StatusOpen {
		t.Errorf("before the statement: %v, %v", s, err)
	}
	paid[ref] = true
	if s, err := p.Status(ctx, ref); err != nil || s != StatusPaid {
		t.Errorf("after the statement: %v, %v", s, err)
	}
	if _, err := p.Status(ctx, ""); !fault.Is(err, fault.NotFound) {
		t.Errorf("empty reference: %v", err)
	}
	bad := jenaBill()
	bad.IBAN = "DE00"
	if _, _, err := p.Start(ctx, bad, ""); !fault.Is(err, fault.Invalid) {
		t.Errorf("invalid bill started: %v", err)
	}
	if _, err := p.VerifyWebhook(http.Header{}, []byte(`{"ref":"JENA-2026-000123","status":"paid"}`)); !fault.Is(err, fault.Forbidden) {
		t.Errorf("a webhook for transfers must be refused: %v", err)
	}
	if s, _ := (Transfer{}).Status(ctx, ref); s != StatusOpen {
		t.Errorf("without Settled: %v", s)
	}
}
