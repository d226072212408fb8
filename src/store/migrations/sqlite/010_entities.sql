-- Analysis v1.1 (issue 10): the entities layer — PER, ORG and LOC spans from the trained recogniser — gets a
-- table of its own, with the label as a column (queries filter on it; `data` rebuilds the item).
CREATE TABLE entities (
  doc        INTEGER NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
  ord        INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  label      TEXT,
  data       TEXT NOT NULL,
  PRIMARY KEY (doc, ord)
) WITHOUT ROWID;
CREATE INDEX entities_label ON entities(label);

-- Entities stored before this table existed were kept as a generic layer (layer_items, and named in the
-- document's `extra`): move them here.
INSERT INTO entities (doc, ord, span_start, span_end, label, data)
  SELECT doc, ord, span_start, span_end, json_extract(data, '$.label'), data FROM layer_items WHERE layer = 'entities';
DELETE FROM layer_items WHERE layer = 'entities';
UPDATE documents
  SET extra = json_set(extra, '$.layers', json((SELECT json_group_array(value) FROM json_each(extra, '$.layers') WHERE value <> 'entities')))
  WHERE extra IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(extra, '$.layers') WHERE value = 'entities');
