-- Participation: spaces (and processes), ideas, their supports, comments,
-- public timeline, followers, reports, votes, and pseudonyms.
-- Phases, categories and places are JSON text. The counters of an idea
-- (supports, comments, votes) are columns kept exact in the transaction
-- of each change; supports and votes are counted by triggers, so they
-- stay right when an account's supports and votes go with the account.

CREATE TABLE participation_spaces (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    title_en TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    org_id INTEGER REFERENCES orgs (id) ON DELETE SET NULL,
    moderation TEXT NOT NULL,
    support_threshold INTEGER NOT NULL DEFAULT 0,
    answer_days INTEGER NOT NULL DEFAULT 0,
    phases TEXT NOT NULL DEFAULT '[]',
    votes_per_person INTEGER NOT NULL DEFAULT 0,
    categories TEXT NOT NULL DEFAULT '[]',
    created_at TIMESTAMP NOT NULL
);

-- author_name is the pseudonym at the time of writing and stays when the
-- account is deleted; search is the lower-cased title and body.
-- service_id has no foreign key, as with cases: it names a catalogue entry.
CREATE TABLE ideas (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    space_id INTEGER NOT NULL REFERENCES participation_spaces (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    search TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    service_id INTEGER,
    place TEXT NOT NULL DEFAULT '',
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    answer TEXT NOT NULL DEFAULT '',
    moderation TEXT NOT NULL,
    hidden_reason TEXT NOT NULL DEFAULT '',
    merged_into INTEGER REFERENCES ideas (id) ON DELETE SET NULL,
    supports INTEGER NOT NULL DEFAULT 0,
    comments INTEGER NOT NULL DEFAULT 0,
    votes INTEGER NOT NULL DEFAULT 0,
    threshold_at TIMESTAMP,
    answer_due TIMESTAMP,
    answered_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ideas_space ON ideas (space_id, moderation, created_at);
CREATE INDEX ideas_author ON ideas (author_id, created_at);
CREATE INDEX ideas_due ON ideas (answer_due) WHERE answered_at IS NULL;

CREATE TABLE idea_supports (
    idea_id INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    PRIMARY KEY (idea_id, user_id)
);
CREATE INDEX idea_supports_user ON idea_supports (user_id);

CREATE TABLE idea_comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    idea_id INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES idea_comments (id) ON DELETE SET NULL,
    author_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    author_name TEXT NOT NULL DEFAULT '',
    official INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL,
    moderation TEXT NOT NULL,
    hidden_reason TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX idea_comments_idea ON idea_comments (idea_id, created_at);
CREATE INDEX idea_comments_author ON idea_comments (author_id, created_at);

CREATE TABLE idea_status_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    idea_id INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    answer TEXT NOT NULL DEFAULT '',
    actor_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    at TIMESTAMP NOT NULL
);
CREATE INDEX idea_status_changes_idea ON idea_status_changes (idea_id, at);

CREATE TABLE idea_followers (
    idea_id INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (idea_id, user_id)
);
CREATE INDEX idea_followers_user ON idea_followers (user_id);

-- target_id is an idea's or a comment's id, after target.
CREATE TABLE participation_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    target TEXT NOT NULL,
    target_id INTEGER NOT NULL,
    reporter_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reason TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    at TIMESTAMP NOT NULL,
    resolved_at TIMESTAMP,
    resolved_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    outcome TEXT NOT NULL DEFAULT ''
);
CREATE INDEX participation_reports_target ON participation_reports (target, target_id);

-- space_id is the idea's, for the limit of votes per person and space.
CREATE TABLE idea_votes (
    idea_id INTEGER NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    space_id INTEGER NOT NULL REFERENCES participation_spaces (id) ON DELETE CASCADE,
    at TIMESTAMP NOT NULL,
    PRIMARY KEY (idea_id, user_id)
);
CREATE INDEX idea_votes_space_user ON idea_votes (space_id, user_id);

-- pseudonym_key is the lower-cased pseudonym: unique, so no two accounts
-- share a name in any case.
CREATE TABLE participation_profiles (
    user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    pseudonym TEXT NOT NULL,
    pseudonym_key TEXT NOT NULL UNIQUE,
    updated_at TIMESTAMP NOT NULL
);

CREATE TRIGGER idea_supports_insert AFTER INSERT ON idea_supports BEGIN
    UPDATE ideas SET supports = supports + 1 WHERE id = NEW.idea_id;
END;
CREATE TRIGGER idea_supports_delete AFTER DELETE ON idea_supports BEGIN
    UPDATE ideas SET supports = supports - 1 WHERE id = OLD.idea_id;
END;
CREATE TRIGGER idea_votes_insert AFTER INSERT ON idea_votes BEGIN
    UPDATE ideas SET votes = votes + 1 WHERE id = NEW.idea_id;
END;
CREATE TRIGGER idea_votes_delete AFTER DELETE ON idea_votes BEGIN
    UPDATE ideas SET votes = votes - 1 WHERE id = OLD.idea_id;
END;
