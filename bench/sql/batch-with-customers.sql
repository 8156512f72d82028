-- batch-floor.sql plus the customer write a scoring event type makes (score + 1, updatedAt) for
-- each event's customer, as batchCreate's flush does: the whole database part of a batch.
-- pgbench -n -c 4 -T 20 -f bench/sql/batch-with-customers.sql <database seeded by bench/run.ts>
BEGIN;
-- the customers by their primary key, as the flush's statement is planned (not a scan of them all)
SET LOCAL enable_hashjoin = off;
SET LOCAL enable_mergejoin = off;
CREATE TEMP TABLE IF NOT EXISTS batch_customers ("id" int) ON COMMIT DELETE ROWS;
INSERT INTO batch_customers SELECT DISTINCT 2 + ((g * 7919 + (random() * 1e6)::int) % 99999) FROM generate_series(1, 1000) g;
WITH e AS (
  INSERT INTO "CustomerEvent" ("tenantId", "customerId", "eventTypeId", "eventKey", "eventName", "happenTime", "recordedBy")
  SELECT 1, "id", 1, 'page_view', '浏览页面', now(), 'ak_floor' FROM batch_customers
  RETURNING "id"
)
INSERT INTO "CustomerEventAttribute" ("eventId", "tenantId", "eventTypeId", "attrKey", "type", "value")
SELECT "id", 1, 1, 'url', 'text', '/batch' FROM e;
UPDATE "Customer" AS c SET "score" = c."score" + 1, "updatedAt" = now() FROM batch_customers b WHERE c."id" = b."id";
COMMIT;
