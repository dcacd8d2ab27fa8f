-- Boundary files an admin checked ("Nur prüfen") but has not yet taken
-- over: kept so that "Übernehmen" needs no second upload, on whichever
-- instance it lands. Rows older than a day are deleted on the next check.

CREATE TABLE report_boundaries_checked (
    token TEXT PRIMARY KEY,
    outline TEXT NOT NULL,
    districts TEXT NOT NULL,
    key_property TEXT NOT NULL,
    name_property TEXT NOT NULL,
    district_count INTEGER NOT NULL,
    checked_by INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    checked_at TIMESTAMP NOT NULL
);
