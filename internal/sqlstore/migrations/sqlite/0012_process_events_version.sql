-- The process workshop asks for the newest event of a process on every
-- analysis (its cache key); this index answers MAX(id) per process
-- without reading the process's events.
CREATE INDEX process_events_process_id ON process_events (process, id);
