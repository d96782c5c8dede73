-- storyledger schema 3: a figure's unit (currency, %, time unit) and the quote it comes from.
ALTER TABLE figures ADD COLUMN unit TEXT;
ALTER TABLE figures ADD COLUMN source_quote TEXT;
CREATE INDEX figures_article ON figures(article);
