-- The city's outline and district boundaries for defect reports, imported
-- by an admin as GeoJSON (kept as checked on import). Each import is a new
-- version and replaces the one before; every instance reads the latest.

CREATE TABLE report_boundaries (
    version INTEGER PRIMARY KEY AUTOINCREMENT,
    outline TEXT NOT NULL,
    districts TEXT NOT NULL,
    key_property TEXT NOT NULL,
    name_property TEXT NOT NULL,
    district_count INTEGER NOT NULL,
    imported_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    imported_by_name TEXT NOT NULL,
    imported_at TIMESTAMP NOT NULL
);
