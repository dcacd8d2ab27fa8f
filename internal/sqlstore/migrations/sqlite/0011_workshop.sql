-- The process workshop: event logs imported from specialist systems (the
-- original file stays in the file store under file_key; settings say how
-- to read it, as JSON) and process models as BPMN 2.0 XML, whose
-- digitisation-check annotations travel inside the XML. version guards
-- concurrent edits of a model.

CREATE TABLE workshop_logs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    format TEXT NOT NULL,
    file_key TEXT NOT NULL,
    size BIGINT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}',
    cases INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0,
    activities INTEGER NOT NULL DEFAULT 0,
    warnings TEXT NOT NULL DEFAULT '[]',
    org_id INTEGER REFERENCES orgs (id) ON DELETE SET NULL,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX workshop_logs_org ON workshop_logs (org_id);

CREATE TABLE workshop_models (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    org_id INTEGER REFERENCES orgs (id) ON DELETE SET NULL,
    source TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL,
    bpmn TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX workshop_models_org ON workshop_models (org_id);
