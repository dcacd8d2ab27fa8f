-- Client applications of the Open311 GeoReport v2 API: one key per
-- application, issued by an admin and shown once; only the key's SHA-256
-- is kept. Revoked keys stay listed. open311_client_usage counts the
-- service requests per client and hour, so every instance shares the limit.

CREATE TABLE open311_clients (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    contact TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    key_hint TEXT NOT NULL,
    hourly_limit INTEGER NOT NULL,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);

CREATE TABLE open311_client_usage (
    client_id INTEGER NOT NULL REFERENCES open311_clients (id) ON DELETE CASCADE,
    window_start TIMESTAMP NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (client_id, window_start)
);
CREATE INDEX open311_client_usage_window ON open311_client_usage (window_start);
