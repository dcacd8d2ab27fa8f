// Package payment holds bills for fees and how they get paid: the SEPA
// transfer QR code (EPC QR, "GiroCode") printed on a bill, the parser for the
// bank's end-of-day statement (ISO 20022 camt.053) and the reconciliation of
// statement credits against open bills, and the Provider interface for an
// e-payment platform (pmPayment, ePayBL, ...).
//
// The package is pure domain: no HTTP, no SQL. Amounts are int64 cents,
// never floats.
package payment
