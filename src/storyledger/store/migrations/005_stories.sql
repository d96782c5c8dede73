-- storyledger schema 5: stories, the user's names and merges for them, and richer comparisons.
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_source TEXT NOT NULL CHECK (name_source IN ('auto', 'user')),
    articles TEXT NOT NULL,
    copies TEXT NOT NULL,
    first_published TEXT,
    last_published TEXT
);
-- What the user said; kept by article so it survives regrouping as articles arrive.
CREATE TABLE story_names (
    article TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE story_merges (
    article TEXT NOT NULL,
    other TEXT NOT NULL,
    PRIMARY KEY (article, other)
);
ALTER TABLE comparisons ADD COLUMN story TEXT;
ALTER TABLE comparisons ADD COLUMN note TEXT;
CREATE INDEX comparisons_story ON comparisons(story);
