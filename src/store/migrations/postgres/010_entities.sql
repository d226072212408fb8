-- Analysis v1.1 (issue 10): the entities layer — PER, ORG and LOC spans from the trained recogniser — gets a
-- table of its own, with the label as a column (queries filter on it; `data` rebuilds the item).
CREATE TABLE entities (
  doc        bigint NOT NULL REFERENCES documents(pk) ON DELETE CASCADE,
  ord        integer NOT NULL,
  span_start integer NOT NULL,
  span_end   integer NOT NULL,
  label      text,
  data       json NOT NULL,
  PRIMARY KEY (doc, ord)
);
CREATE INDEX entities_label ON entities(label);

-- Entities stored before this table existed were kept as a generic layer (layer_items, and named in the
-- document's `extra`): move them here.
INSERT INTO entities (doc, ord, span_start, span_end, label, data)
  SELECT doc, ord, span_start, span_end, data->>'label', data FROM layer_items WHERE layer = 'entities';
DELETE FROM layer_items WHERE layer = 'entities';
UPDATE documents
  SET extra = jsonb_set(extra::jsonb, '{layers}',
    coalesce((SELECT jsonb_agg(l) FROM jsonb_array_elements(extra::jsonb -> 'layers') AS l WHERE l <> '"entities"'::jsonb), '[]'::jsonb))::json
  WHERE extra IS NOT NULL AND (extra::jsonb -> 'layers') @> '["entities"]'::jsonb;
