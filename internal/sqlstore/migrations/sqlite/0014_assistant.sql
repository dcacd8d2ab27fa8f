-- The assistant "Frag die Stadt": conversations with their answers, kept
-- until expires_at (the retention, a day by default) and then deleted by
-- a job, and the feedback per answer. Answers are JSON (the question, the
-- sentences, citations, services); nothing of them is queried in SQL.
-- Feedback is kept apart and longer, without question or conversation:
-- the turn points to its feedback row, not the other way round, so
-- deleting a conversation leaves only counts (service, kind, helpful,
-- time). service_id names a catalogue entry and has no foreign key, as
-- with feedback_helpful.

CREATE TABLE assistant_conversations (
    id TEXT PRIMARY KEY,
    lang TEXT NOT NULL,
    handover_ref TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX assistant_conversations_expires ON assistant_conversations (expires_at);

CREATE TABLE assistant_feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    service_id INTEGER NOT NULL DEFAULT 0,
    kind TEXT NOT NULL,
    helpful BOOLEAN NOT NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX assistant_feedback_at ON assistant_feedback (at);

CREATE TABLE assistant_answers (
    conversation_id TEXT NOT NULL REFERENCES assistant_conversations (id) ON DELETE CASCADE,
    turn INTEGER NOT NULL,
    answer TEXT NOT NULL,
    feedback_id INTEGER REFERENCES assistant_feedback (id) ON DELETE SET NULL,
    PRIMARY KEY (conversation_id, turn)
);
