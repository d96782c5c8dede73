-- storyledger schema 2: how a quote's speaker was resolved, and where it is written.
ALTER TABLE quotes ADD COLUMN speaker_resolved TEXT;
ALTER TABLE quotes ADD COLUMN speaker_start INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_end INTEGER;
ALTER TABLE quotes ADD COLUMN speaker_mention TEXT;
ALTER TABLE quotes ADD COLUMN affiliation TEXT;
CREATE INDEX quotes_article ON quotes(article);
CREATE INDEX quotes_speaker ON quotes(speaker_actor);
