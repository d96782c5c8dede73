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
