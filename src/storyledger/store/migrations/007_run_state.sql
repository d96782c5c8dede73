-- storyledger schema 7: how each run ended and which process ran it, and whether the
-- cross-article records (actors, stories, comparisons) are as current as the articles.
ALTER TABLE runs ADD COLUMN status TEXT NOT NULL DEFAULT 'finished';
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN host TEXT;
-- a run an older storyledger never finished cannot be running any more
UPDATE runs SET status = 'interrupted' WHERE finished IS NULL;
CREATE TABLE corpus_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    articles_version INTEGER NOT NULL,
    refreshed_version INTEGER NOT NULL
);
-- a store that already holds articles is refreshed once by the next `analyze`
INSERT INTO corpus_state (id, articles_version, refreshed_version)
VALUES (1, 1, CASE WHEN EXISTS (SELECT 1 FROM articles) THEN 0 ELSE 1 END);
CREATE TRIGGER articles_version_insert AFTER INSERT ON articles BEGIN
    UPDATE corpus_state SET articles_version = articles_version + 1;
END;
CREATE TRIGGER articles_version_delete AFTER DELETE ON articles BEGIN
    UPDATE corpus_state SET articles_version = articles_version + 1;
END;
CREATE TRIGGER articles_version_update AFTER UPDATE ON articles BEGIN
    UPDATE corpus_state SET articles_version = articles_version + 1;
END;
