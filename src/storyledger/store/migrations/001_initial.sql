-- storyledger schema 1: articles, layout, actors, and the record tables later stages fill.
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    command TEXT NOT NULL,
    storyledger_version TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    model_name TEXT NOT NULL,
    model_version TEXT NOT NULL,
    stages TEXT NOT NULL
);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT, title TEXT, outlet TEXT, published TEXT,
    date_source TEXT, title_source TEXT, outlet_source TEXT, url_source TEXT,
    encoding TEXT,
    text TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
);
CREATE TABLE blocks (
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    "index" INTEGER NOT NULL, kind TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (article, "index")
);
CREATE TABLE cited_sources (
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (article, start)
);
CREATE TABLE sentences (
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    "index" INTEGER NOT NULL, block INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (article, "index")
);
CREATE TABLE mentions (
    id TEXT PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    label TEXT NOT NULL, kind TEXT NOT NULL, actor_id TEXT NOT NULL
);
CREATE INDEX mentions_actor ON mentions(actor_id);
CREATE INDEX mentions_article ON mentions(article);
CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL, kind TEXT NOT NULL, aliases TEXT NOT NULL, mentions INTEGER NOT NULL,
    article TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    kind TEXT NOT NULL, speaker TEXT, speaker_actor TEXT, anonymous INTEGER NOT NULL, cue TEXT
);
CREATE TABLE figures (
    id TEXT PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    value REAL, low REAL, high REAL, qualifier TEXT NOT NULL,
    counted TEXT, measure TEXT, place TEXT, attributed_to TEXT
);
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    action TEXT NOT NULL, actor TEXT, actor_id TEXT, mode TEXT, target TEXT, target_id TEXT,
    date TEXT, negated INTEGER NOT NULL, aux TEXT
);
CREATE TABLE comparisons (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL, topic TEXT NOT NULL, relation TEXT NOT NULL, items TEXT NOT NULL
);
CREATE TABLE framing (
    article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    loaded_terms TEXT NOT NULL, hedges INTEGER NOT NULL,
    attributed_share REAL, anonymous_share REAL, cited_sources TEXT NOT NULL
);
CREATE TABLE ingest_log (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    source TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('stored', 'unchanged', 'duplicate', 'skipped', 'failed')),
    reason TEXT,
    article TEXT
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
