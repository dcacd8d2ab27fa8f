-- Surveys: definitions, responses, and who took part in account surveys.

-- definition is the JSON text of title, intro and questions; status,
-- dates and settings are columns. created_by is kept for staff, and
-- forgotten with the account.
CREATE TABLE surveys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id INTEGER NOT NULL REFERENCES orgs (id),
    status TEXT NOT NULL,
    anonymous INTEGER NOT NULL DEFAULT 1,
    results_live INTEGER NOT NULL DEFAULT 0,
    opens_at TIMESTAMP,
    closes_at TIMESTAMP,
    definition TEXT NOT NULL,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX surveys_status ON surveys (status);

-- A response holds answers only, never the person; at is to the hour.
CREATE TABLE survey_responses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    answers TEXT NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX survey_responses_survey ON survey_responses (survey_id, id);

-- That an account took part in an account survey, apart from its answers:
-- one response per account.
CREATE TABLE survey_participants (
    survey_id INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (survey_id, user_id)
);
