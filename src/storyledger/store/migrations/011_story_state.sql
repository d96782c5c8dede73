-- storyledger schema 11: the online story grouping's state (issue #17). The batches articles
-- arrived in (a full recompute replays them in order) and what the next batch needs to join
-- stories (`compare.grouping`: vocabularies, document frequencies, vectors, centroid lengths).
CREATE TABLE story_batches (
    article TEXT PRIMARY KEY,
    batch INTEGER NOT NULL
);
CREATE INDEX story_batches_batch ON story_batches(batch);
CREATE TABLE story_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    state BLOB NOT NULL
);
-- The actors' name index: each mention's comparison key and the words actor resolution looks
-- names up by, so new mentions re-resolve only the names they can change.
CREATE TABLE mention_names (
    mention TEXT PRIMARY KEY,
    article TEXT NOT NULL,
    norm TEXT NOT NULL,
    first TEXT NOT NULL,
    last TEXT NOT NULL,
    words INTEGER NOT NULL,
    initials TEXT,
    letters TEXT
);
CREATE INDEX mention_names_norm ON mention_names(norm);
CREATE INDEX mention_names_first ON mention_names(first, words);
CREATE INDEX mention_names_last ON mention_names(last, words);
CREATE INDEX mention_names_initials ON mention_names(initials);
CREATE INDEX mention_names_letters ON mention_names(letters);
CREATE INDEX mention_names_article ON mention_names(article);
