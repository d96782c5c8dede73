-- storyledger schema 10: the matrix-multiply backend (blis or numpy) the model ran on in a run
-- (issue #21); NULL for runs made before it was recorded.
ALTER TABLE runs ADD COLUMN ops TEXT;
