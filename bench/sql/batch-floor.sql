-- The database's part of one 1,000-event batch and nothing else, for pgbench (bench/README.md
-- "What 30,000 events/s would need"): the same rows batchCreate writes (an event with one attribute
-- each, random customers of tenant 1), in one transaction, with no application in front.
-- pgbench -n -c 4 -T 20 -f bench/sql/batch-floor.sql <database seeded by bench/run.ts>
BEGIN;
WITH e AS (
  INSERT INTO "CustomerEvent" ("tenantId", "customerId", "eventTypeId", "eventKey", "eventName", "happenTime", "recordedBy")
  SELECT 1, 2 + ((g * 7919 + (random() * 1e6)::int) % 99999), 1, 'page_view', '浏览页面', now(), 'ak_floor'
  FROM generate_series(1, 1000) g
  RETURNING "id"
)
INSERT INTO "CustomerEventAttribute" ("eventId", "tenantId", "eventTypeId", "attrKey", "type", "value")
SELECT "id", 1, 1, 'url', 'text', '/batch' FROM e;
COMMIT;
