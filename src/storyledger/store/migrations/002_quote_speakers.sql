-- storyledger schema 2: how a quote's speaker was resolved, and where speaker and cue are written.
ALTER TABLE quotes ADD COLUMN speaker_resolved TEXT;
ALTER TABLE quotes ADD COLUMN speaker_start INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_end INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_mention TEXT;
ALTER TABLE quotes ADD COLUMN affiliation TEXT;
ALTER TABLE quotes ADD COLUMN cue_start INTEGER;
ALTER TABLE quotes ADD COLUMN cue_end INTEGER;
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker ON quotes(speaker_actor);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker, speaker_resolved, content='quotes', content_rowid='rowid',
    tokenize='porter unicode61'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker, speaker_resolved)
    VALUES (new.rowid, new.text, new.speaker, new.speaker_resolved);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker, speaker_resolved)
    VALUES ('delete', old.rowid, old.text, old.speaker, old.speaker_resolved);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker, speaker_resolved)
    VALUES ('delete', old.rowid, old.text, old.speaker, old.speaker_resolved);
    INSERT INTO quotes_fts(rowid, text, speaker, speaker_resolved)
    VALUES (new.rowid, new.text, new.speaker, new.speaker_resolved);
END;
