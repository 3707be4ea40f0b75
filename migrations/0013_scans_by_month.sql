-- Custom SQL migration file, put your code below! --
-- Scans by month (README, "Scans over the years"). A million scans a day is a table that only
-- grows: partitioned by calendar month in Vietnam (UTC+7, no daylight saving), an old month is
-- dropped whole, without a long DELETE or bloat, and the summaries keep what verdicts need. The
-- default partition takes any scan whose month has no partition yet, so no scan is ever refused;
-- `scans_ensure_month` makes a month's partition, moving such rows out of the default first.
-- Names match what drizzle-kit knows of this table (migrations/meta), so later diffs stay clean.
ALTER TABLE "scans" RENAME TO "scans_before_partitioning";
--> statement-breakpoint
ALTER TABLE "scans_before_partitioning" RENAME CONSTRAINT "scans_id_scanned_at_pk" TO "scans_before_partitioning_pk";
--> statement-breakpoint
ALTER INDEX "scans_serial_scanned_at_index" RENAME TO "scans_before_partitioning_serial_index";
--> statement-breakpoint
CREATE TABLE "scans" (
	"id" bigint DEFAULT nextval('scans_id_seq') NOT NULL,
	"serial" bigint NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"place" text,
	"scanner_hash" text,
	"network_hash" text,
	"lat" real,
	"lon" real,
	CONSTRAINT "scans_id_scanned_at_pk" PRIMARY KEY("id","scanned_at")
) PARTITION BY RANGE ("scanned_at");
--> statement-breakpoint
CREATE INDEX "scans_serial_scanned_at_index" ON "scans" USING btree ("serial","scanned_at");
--> statement-breakpoint
CREATE TABLE "scans_default" PARTITION OF "scans" DEFAULT;
--> statement-breakpoint
ALTER SEQUENCE "scans_id_seq" OWNED BY "scans"."id";
--> statement-breakpoint
-- Idempotent and safe to race: writers call it for the months they are about to write, and the
-- advisory lock lets one of them make the partition while the others wait, then find it made.
CREATE FUNCTION scans_ensure_month(month date) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  first_day date := date_trunc('month', month)::date;
  part text := 'scans_' || to_char(first_day, 'YYYY_MM');
  -- Midnight in Vietnam is 17:00 UTC the day before.
  lower_bound timestamptz := (first_day::timestamp - interval '7 hours') AT TIME ZONE 'UTC';
  upper_bound timestamptz := ((first_day + interval '1 month')::timestamp - interval '7 hours') AT TIME ZONE 'UTC';
BEGIN
  IF to_regclass(part) IS NOT NULL THEN RETURN false; END IF;
  PERFORM pg_advisory_xact_lock(hashtext('scans_ensure_month'));
  IF to_regclass(part) IS NOT NULL THEN RETURN false; END IF;
  EXECUTE format('CREATE TABLE %I (LIKE scans INCLUDING DEFAULTS)', part);
  EXECUTE format('WITH moved AS (DELETE FROM scans_default WHERE scanned_at >= %L AND scanned_at < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
    lower_bound, upper_bound, part);
  EXECUTE format('ALTER TABLE scans ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lower_bound, upper_bound);
  RETURN true;
END $$;
--> statement-breakpoint
SELECT scans_ensure_month(month) FROM (
  SELECT DISTINCT date_trunc('month', scanned_at AT TIME ZONE 'UTC' + interval '7 hours')::date AS month FROM "scans_before_partitioning"
  UNION SELECT date_trunc('month', now() AT TIME ZONE 'UTC' + interval '7 hours')::date
  UNION SELECT (date_trunc('month', now() AT TIME ZONE 'UTC' + interval '7 hours') + interval '1 month')::date
) AS months;
--> statement-breakpoint
INSERT INTO "scans" ("id", "serial", "scanned_at", "place", "scanner_hash", "network_hash", "lat", "lon")
SELECT "id", "serial", "scanned_at", "place", "scanner_hash", "network_hash", "lat", "lon" FROM "scans_before_partitioning";
--> statement-breakpoint
DROP TABLE "scans_before_partitioning";
--> statement-breakpoint
-- The read summaries of everything recorded so far, as the writers would have kept them
-- (src/domain/read-summary.ts): distinct scanners per network (and day, through the hashes),
-- the newest 100 located scans and intake reads, and up to 100 distinct retailers.
INSERT INTO "stamp_scanners" ("serial", "network_key", "scanner_hash", "day")
SELECT "serial", coalesce("network_hash", "scanner_hash"), "scanner_hash", min(("scanned_at" AT TIME ZONE 'UTC' + interval '7 hours')::date)
FROM "scans" WHERE "scanner_hash" IS NOT NULL GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO "stamp_networks" ("serial", "network_key", "scanners", "day")
SELECT "serial", "network_key", count(*), min("day") FROM "stamp_scanners" GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO "stamp_summaries" ("serial", "scan_count", "last_scan_at", "first_scan_at", "first_scan_place")
SELECT s.serial, s.n, s.last_at, f.scanned_at, f.place
FROM (SELECT "serial", count(*) AS n, max("scanned_at") AS last_at FROM "scans" GROUP BY "serial") s
CROSS JOIN LATERAL (SELECT "scanned_at", "place" FROM "scans" WHERE "scans"."serial" = s.serial ORDER BY "scanned_at" LIMIT 1) f;
--> statement-breakpoint
INSERT INTO "stamp_summaries" ("serial") SELECT DISTINCT "serial" FROM "intake_items" WHERE "serial" IS NOT NULL ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE "stamp_summaries" ss SET "scanners_by_network" = h.pairs FROM (
  SELECT serial, jsonb_agg(jsonb_build_array(scanners, networks) ORDER BY scanners) AS pairs
  FROM (SELECT "serial", "scanners", count(*) AS networks FROM "stamp_networks" GROUP BY 1, 2) by_size GROUP BY serial
) h WHERE ss.serial = h.serial;
--> statement-breakpoint
UPDATE "stamp_summaries" ss SET "scan_reads" = r.reads FROM (
  SELECT serial, jsonb_agg(jsonb_build_object('at', to_char(scanned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'lat', lat, 'lon', lon, 'place', place) ORDER BY scanned_at DESC) AS reads
  FROM (SELECT "serial", "scanned_at", "lat", "lon", "place", row_number() OVER (PARTITION BY "serial" ORDER BY "scanned_at" DESC) AS k
    FROM "scans" WHERE "lat" IS NOT NULL AND "lon" IS NOT NULL) located
  WHERE k <= 100 GROUP BY serial
) r WHERE ss.serial = r.serial;
--> statement-breakpoint
UPDATE "stamp_summaries" ss SET "intake_reads" = r.reads FROM (
  SELECT serial, jsonb_agg(jsonb_build_object('retailer', retailer_id, 'at', to_char(scanned_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'province', province_code) ORDER BY scanned_at DESC) AS reads
  FROM (SELECT ii."serial", i."retailer_id", ii."scanned_at", i."province_code", row_number() OVER (PARTITION BY ii."serial" ORDER BY ii."scanned_at" DESC) AS k
    FROM "intake_items" ii JOIN "intakes" i ON i."id" = ii."intake_id" WHERE ii."serial" IS NOT NULL) reads
  WHERE k <= 100 GROUP BY serial
) r WHERE ss.serial = r.serial;
--> statement-breakpoint
UPDATE "stamp_summaries" ss SET "retailers" = r.retailers FROM (
  SELECT serial, jsonb_agg(retailer_id ORDER BY first_at, retailer_id) AS retailers
  FROM (SELECT serial, retailer_id, first_at, row_number() OVER (PARTITION BY serial ORDER BY first_at, retailer_id) AS k
    FROM (SELECT ii."serial", i."retailer_id", min(i."recorded_at") AS first_at FROM "intake_items" ii JOIN "intakes" i ON i."id" = ii."intake_id"
      WHERE ii."serial" IS NOT NULL GROUP BY 1, 2) firsts) numbered
  WHERE k <= 100 GROUP BY serial
) r WHERE ss.serial = r.serial;
