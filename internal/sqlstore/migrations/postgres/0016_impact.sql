-- Impact: the assumptions behind the effect figures (visits avoided,
-- distance, modal split, emission factors with sources, speeds, waiting,
-- paper). One row per scope: service_id 0 holds the city's assumptions,
-- other rows a service's overrides (service_id names a catalogue entry,
-- without a foreign key, as with cases). doc is the JSON document.
-- version is the city row's save counter, for optimistic locking; the
-- override rows are replaced with every save.
CREATE TABLE impact_assumptions (
    service_id BIGINT PRIMARY KEY,
    doc TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    updated_at TIMESTAMPTZ NOT NULL
);
