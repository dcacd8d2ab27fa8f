package workshop

import (
	"context"

	"rathaus/internal/org"
)

// RecordExport notes in the audit log that a exported the log of the
// source key in format (imported logs may hold personal data). It checks
// that a may see the source, so an export that would be refused leaves
// no entry.
func (s *Service) RecordExport(ctx context.Context, a org.Actor, key, format string) error {
	if _, err := s.Scope(ctx, a); err != nil {
		return err
	}
	return s.record(ctx, a, AuditLogExported, key+" ("+format+")")
}
