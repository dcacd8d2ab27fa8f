-- Appointments: each office's booking setup, the bookings, the waiting-room
-- tickets, the waiting list for earlier slots, and the process log.
-- Lists (windows, services, service ids, attributes) are JSON text, read
-- alike by both engines; hashes are lower-case hex.

-- The setup row is also the office's lock: writes that decide capacity or
-- ticket numbers select it FOR UPDATE first.
CREATE TABLE appointment_setups (
    office_id INTEGER PRIMARY KEY REFERENCES offices (id) ON DELETE CASCADE,
    enabled INTEGER NOT NULL DEFAULT 0,
    counters INTEGER NOT NULL DEFAULT 0,
    windows TEXT NOT NULL DEFAULT '[]',
    walk_in_counters INTEGER NOT NULL DEFAULT 0,
    slot_minutes INTEGER NOT NULL,
    min_days INTEGER NOT NULL DEFAULT 0,
    max_days INTEGER NOT NULL DEFAULT 0,
    release_minute INTEGER NOT NULL DEFAULT 0,
    max_persons INTEGER NOT NULL DEFAULT 1,
    max_active_per_email INTEGER NOT NULL DEFAULT 0,
    services TEXT NOT NULL DEFAULT '[]',
    -- bumped by the triggers below on every change to the office's
    -- bookings, so every instance knows when its cached claims are stale
    bookings_version BIGINT NOT NULL DEFAULT 0,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE bookings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    office_id INTEGER NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
    service_ids TEXT NOT NULL,
    persons INTEGER NOT NULL,
    start_at TIMESTAMP NOT NULL,
    end_at TIMESTAMP NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    lang TEXT NOT NULL,
    status TEXT NOT NULL,
    hold_until TIMESTAMP,
    confirm_hash TEXT NOT NULL DEFAULT '',
    manage_hash TEXT NOT NULL DEFAULT '',
    client_hash TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    cancelled_at TIMESTAMP,
    checked_in_at TIMESTAMP,
    finished_at TIMESTAMP
);
CREATE INDEX bookings_office_start ON bookings (office_id, start_at);
CREATE INDEX bookings_email ON bookings (lower(email));
CREATE INDEX bookings_client ON bookings (client_hash, created_at);
CREATE INDEX bookings_status_hold ON bookings (status, hold_until);
CREATE INDEX bookings_end ON bookings (end_at);
CREATE INDEX bookings_user ON bookings (user_id);
CREATE UNIQUE INDEX bookings_confirm_hash ON bookings (confirm_hash) WHERE confirm_hash <> '';
CREATE UNIQUE INDEX bookings_manage_hash ON bookings (manage_hash) WHERE manage_hash <> '';

-- Numbers count per office and local day ('YYYY-MM-DD').
CREATE TABLE tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    office_id INTEGER NOT NULL REFERENCES offices (id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    number INTEGER NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    booking_id INTEGER REFERENCES bookings (id) ON DELETE CASCADE,
    service_ids TEXT NOT NULL,
    status TEXT NOT NULL,
    counter INTEGER NOT NULL DEFAULT 0,
    issued_at TIMESTAMP NOT NULL,
    called_at TIMESTAMP,
    finished_at TIMESTAMP,
    UNIQUE (office_id, day, number)
);
CREATE INDEX tickets_booking ON tickets (booking_id);

CREATE TABLE wait_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    lang TEXT NOT NULL,
    service_ids TEXT NOT NULL,
    persons INTEGER NOT NULL,
    office_id INTEGER REFERENCES offices (id) ON DELETE CASCADE,
    before_at TIMESTAMP NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    notified_at TIMESTAMP
);
CREATE INDEX wait_entries_before ON wait_entries (before_at);

-- Written in the same transaction as the change each event records.
CREATE TABLE process_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    process TEXT NOT NULL,
    case_id TEXT NOT NULL,
    activity TEXT NOT NULL,
    at TIMESTAMP NOT NULL,
    org_id INTEGER REFERENCES orgs (id) ON DELETE SET NULL,
    resource TEXT NOT NULL DEFAULT '',
    attrs TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX process_events_at ON process_events (process, at);
CREATE INDEX process_events_case ON process_events (process, case_id);

-- Every change to an office's bookings bumps its bookings_version.
CREATE TRIGGER bookings_version_insert AFTER INSERT ON bookings BEGIN
    UPDATE appointment_setups SET bookings_version = bookings_version + 1 WHERE office_id = NEW.office_id;
END;
CREATE TRIGGER bookings_version_update AFTER UPDATE ON bookings BEGIN
    UPDATE appointment_setups SET bookings_version = bookings_version + 1 WHERE office_id IN (OLD.office_id, NEW.office_id);
END;
CREATE TRIGGER bookings_version_delete AFTER DELETE ON bookings BEGIN
    UPDATE appointment_setups SET bookings_version = bookings_version + 1 WHERE office_id = OLD.office_id;
END;
