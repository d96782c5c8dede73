-- storyledger schema 8: the ingest log also keeps warnings (an input read, but changed on the
-- way: bytes replaced, a field dropped), so that no change to an input is silent.
CREATE TABLE ingest_log_new (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    source TEXT NOT NULL,
    status TEXT NOT NULL
        CHECK (status IN ('stored', 'unchanged', 'duplicate', 'skipped', 'failed', 'warning')),
    reason TEXT,
    article TEXT
);
INSERT INTO ingest_log_new (rowid, run_id, source, status, reason, article)
SELECT rowid, run_id, source, status, reason, article FROM ingest_log;
DROP TABLE ingest_log;
ALTER TABLE ingest_log_new RENAME TO ingest_log;
