-- storyledger schema 9: quotes found by their speaker's mention, so an incremental refresh
-- relinks the speakers of the mentions it regrouped without scanning every quote (#17).
CREATE INDEX quotes_speaker_mention ON quotes(speaker_mention);
