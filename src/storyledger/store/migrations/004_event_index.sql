-- storyledger schema 4: an event's trigger word, and event look-ups by article and actor.
ALTER TABLE events ADD COLUMN trigger TEXT;
ALTER TABLE events ADD COLUMN trigger_start INTEGER;
ALTER TABLE events ADD COLUMN trigger_end INTEGER;
CREATE INDEX events_article ON events(article);
CREATE INDEX events_actor ON events(actor_id);
CREATE INDEX events_target ON events(target_id);
