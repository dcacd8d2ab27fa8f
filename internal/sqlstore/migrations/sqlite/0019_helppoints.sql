-- Help points ("assisted digital"): places where people get help with the
-- digital services, fixed (opening hours as the hours JSON, like offices)
-- or mobile (dated stops). Phone and e-mail are the help point's, never a
-- person's. An assisted application names its help point in the process
-- event of its submission (attribute "helppoint"), not here.

CREATE TABLE help_points (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    street TEXT NOT NULL,
    postcode TEXT NOT NULL,
    city TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    hours TEXT NOT NULL DEFAULT '{}',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    offers TEXT NOT NULL DEFAULT '',
    access TEXT NOT NULL DEFAULT '',
    languages TEXT NOT NULL DEFAULT '[]',
    org_id INTEGER REFERENCES orgs (id) ON DELETE SET NULL,
    demo BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE help_point_stops (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    help_point_id INTEGER NOT NULL REFERENCES help_points (id) ON DELETE CASCADE,
    place TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL
);
CREATE INDEX help_point_stops_point ON help_point_stops (help_point_id, starts_at);
