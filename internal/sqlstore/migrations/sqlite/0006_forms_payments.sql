-- Online applications: the versions of every service's form, incoming
-- payments of cases, and an index for exports by submission period.

-- Every version of a service's form. definition is the form as JSON text
-- (encoding/json of form.Form); title (JSON text of form.Text) and status
-- are copied out of it for lists. A published row is never changed again:
-- cases point at it. service_id has no foreign key, like cases.service_id.
CREATE TABLE forms (
    service_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    status TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '{}',
    definition TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (service_id, version)
);

-- Payments booked against a case. (source, entry_ref) identifies a payment
-- at its source, so a bank statement imported twice books it once.
CREATE TABLE case_payments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    cents BIGINT NOT NULL,
    source TEXT NOT NULL,
    entry_ref TEXT NOT NULL,
    debtor TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    booked_at TIMESTAMP NOT NULL,
    at TIMESTAMP NOT NULL,
    UNIQUE (source, entry_ref)
);
CREATE INDEX case_payments_case ON case_payments (case_id);

CREATE INDEX cases_submitted ON cases (submitted_at);
