CREATE TABLE "stamp_networks" (
	"serial" bigint NOT NULL,
	"network_key" text NOT NULL,
	"scanners" integer NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "stamp_networks_serial_network_key_pk" PRIMARY KEY("serial","network_key")
);
--> statement-breakpoint
CREATE TABLE "stamp_scanners" (
	"serial" bigint NOT NULL,
	"network_key" text NOT NULL,
	"scanner_hash" text NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "stamp_scanners_serial_network_key_scanner_hash_pk" PRIMARY KEY("serial","network_key","scanner_hash")
);
--> statement-breakpoint
CREATE TABLE "stamp_summaries" (
	"serial" bigint PRIMARY KEY NOT NULL,
	"scan_count" bigint DEFAULT 0 NOT NULL,
	"first_scan_at" timestamp with time zone,
	"first_scan_place" text,
	"last_scan_at" timestamp with time zone,
	"scanners_by_network" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scan_reads" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"intake_reads" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"retailers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suspected_copies" (
	"serial" bigint PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"signals" jsonb NOT NULL,
	"flagged_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- drizzle-kit cannot name the old primary key; PostgreSQL named it scans_pkey (0000_init).
ALTER TABLE "scans" DROP CONSTRAINT "scans_pkey";--> statement-breakpoint
ALTER TABLE "scans" ADD CONSTRAINT "scans_id_scanned_at_pk" PRIMARY KEY("id","scanned_at");--> statement-breakpoint
ALTER TABLE "suspected_copies" ADD CONSTRAINT "suspected_copies_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stamp_networks_day_index" ON "stamp_networks" USING btree ("day");--> statement-breakpoint
CREATE INDEX "stamp_scanners_day_index" ON "stamp_scanners" USING btree ("day");--> statement-breakpoint
CREATE INDEX "suspected_copies_province_code_flagged_at_index" ON "suspected_copies" USING btree ("province_code","flagged_at");--> statement-breakpoint
CREATE INDEX "suspected_copies_flagged_at_index" ON "suspected_copies" USING btree ("flagged_at");--> statement-breakpoint
CREATE INDEX "suspected_copies_batch_id_index" ON "suspected_copies" USING btree ("batch_id");