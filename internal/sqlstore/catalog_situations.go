package sqlstore

import (
	"context"
	"database/sql"

	"rathaus/internal/catalog"
)

const lifeSituationCols = "id, slug, name, description, position"

func scanLifeSituation(row scanner) (*catalog.LifeSituation, error) {
	var l catalog.LifeSituation
	err := row.Scan(&l.ID, &l.Slug, &l.Name, &l.Description, &l.Position)
	return &l, err
}

// SaveLifeSituation inserts l or, when its slug exists, updates that one;
// l.ID is set either way.
func (d *DB) SaveLifeSituation(ctx context.Context, l *catalog.LifeSituation) error {
	return d.tx(ctx, func(tx *sql.Tx) error {
		id, err := d.insertID(ctx, tx, `INSERT INTO life_situations (slug, name, description, position) VALUES (?, ?, ?, ?)
			ON CONFLICT (slug) DO UPDATE SET name = excluded.name, description = excluded.description, position = excluded.position`,
			l.Slug, l.Name, l.Description, l.Position)
		if err != nil {
			return err
		}
		l.ID = id
		return d.bumpCatalog(ctx, tx)
	})
}

// FindLifeSituationBySlug returns a life situation or NotFound.
func (d *DB) FindLifeSituationBySlug(ctx context.Context, slug string) (*catalog.LifeSituation, error) {
	l, err := scanLifeSituation(d.queryRow(ctx, d.db, "SELECT "+lifeSituationCols+" FROM life_situations WHERE slug = ?", slug))
	if err != nil {
		return nil, d.mapErr(err)
	}
	return l, nil
}

// FindLifeSituations lists life situations in display order.
func (d *DB) FindLifeSituations(ctx context.Context) ([]*catalog.LifeSituation, error) {
	return list(ctx, d, scanLifeSituation, "SELECT "+lifeSituationCols+" FROM life_situations ORDER BY position, name, id")
}
