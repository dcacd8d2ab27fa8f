-- Dashboard rollups: what happened per month (Europe/Berlin, "2006-01"),
-- service and organisation unit, so a dashboard reads a few thousand rows
-- however many cases there are. Nothing here names a person.
--
-- Levels: service_id > 0 with org_id > 0 (or -1: no unit known) holds one
-- service at one unit; service_id 0 sums all services of a unit (org_id >
-- 0 or -1), and service_id 0 with org_id 0 the whole city. A ticket for
-- several services counts once for each service but once only in the
-- service_id 0 rows; ratings without a service (service_id -1) only there.
--
-- metric names a count ("cases:online", "deadline_due", "deadline_met",
-- "visits_booked", "visits_walk_in", "rating:1".."rating:5") or a duration
-- histogram ("processing", "wait", "lead": n durations summing to sum_ms
-- milliseconds here, their buckets of dashboard.Bounds in dashboard_hist,
-- nonzero buckets only).
CREATE TABLE dashboard_counts (
    service_id BIGINT NOT NULL,
    org_id BIGINT NOT NULL,
    month TEXT NOT NULL,
    metric TEXT NOT NULL,
    n BIGINT NOT NULL,
    sum_ms BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (service_id, org_id, month, metric)
);
CREATE INDEX dashboard_counts_month ON dashboard_counts (month);

CREATE TABLE dashboard_hist (
    service_id BIGINT NOT NULL,
    org_id BIGINT NOT NULL,
    month TEXT NOT NULL,
    metric TEXT NOT NULL,
    bucket INTEGER NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (service_id, org_id, month, metric, bucket)
);
CREATE INDEX dashboard_hist_month ON dashboard_hist (month);

-- The one row is the refresh's lock (FOR UPDATE) and watermark: process
-- events up to event_id are rolled up; refreshed_at is NULL until the
-- first refresh, which computes every month.
CREATE TABLE dashboard_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    event_id BIGINT NOT NULL DEFAULT 0,
    refreshed_at TIMESTAMPTZ
);
INSERT INTO dashboard_state (id) VALUES (1);

-- A month's figures are read by ranges of these columns (cases'
-- submitted_at and closed_at have theirs since 0006 and 0007).
CREATE INDEX tickets_issued ON tickets (issued_at);
CREATE INDEX feedback_satisfaction_at ON feedback_satisfaction (at);
