package demo

import (
	"context"
	"fmt"

	"rathaus/internal/catalog"
)

// SeedCatalog imports the demo catalogue of Jena: services, offices and
// life situations. Importing is idempotent, so it runs on every start and
// leaves unchanged services alone.
func SeedCatalog(ctx context.Context, c *catalog.Catalog) error {
	b, err := Catalog()
	if err != nil {
		return err
	}
	if _, err := c.Import(ctx, b); err != nil {
		return fmt.Errorf("demo catalogue: %w", err)
	}
	return nil
}
