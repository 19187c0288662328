-- Bumped on every write of an item, so a cache of its JSON can tell when it is stale.
ALTER TABLE items ADD COLUMN revision integer NOT NULL DEFAULT 1;
