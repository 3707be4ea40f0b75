CREATE TABLE "intake_items" (
	"intake_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"serial" bigint,
	"batch_id" uuid,
	"status" text NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"offline_status" text,
	"offline_as_of" timestamp with time zone,
	CONSTRAINT "intake_items_intake_id_position_pk" PRIMARY KEY("intake_id","position")
);
--> statement-breakpoint
CREATE TABLE "intake_receipts" (
	"intake_id" uuid PRIMARY KEY NOT NULL,
	"kid" text NOT NULL,
	"jws" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intakes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"retailer_id" text NOT NULL,
	"retailer_name" text NOT NULL,
	"province_code" text NOT NULL,
	"point_of_sale" text NOT NULL,
	"session_id" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"item_count" integer NOT NULL,
	"summary" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scans" ADD COLUMN "lat" real;--> statement-breakpoint
ALTER TABLE "scans" ADD COLUMN "lon" real;--> statement-breakpoint
ALTER TABLE "intake_items" ADD CONSTRAINT "intake_items_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_receipts" ADD CONSTRAINT "intake_receipts_intake_id_intakes_id_fk" FOREIGN KEY ("intake_id") REFERENCES "public"."intakes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intake_items_serial_index" ON "intake_items" USING btree ("serial");--> statement-breakpoint
CREATE INDEX "intake_items_batch_id_index" ON "intake_items" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "intakes_retailer_id_session_id_index" ON "intakes" USING btree ("retailer_id","session_id");--> statement-breakpoint
CREATE INDEX "intakes_retailer_id_recorded_at_index" ON "intakes" USING btree ("retailer_id","recorded_at");--> statement-breakpoint
CREATE INDEX "intakes_province_code_recorded_at_index" ON "intakes" USING btree ("province_code","recorded_at");