CREATE TYPE "public"."revocation_grounds" AS ENUM('no_reevaluation', 'failed_criteria', 'violation', 'production_stopped', 'mark_misuse');--> statement-breakpoint
CREATE TYPE "public"."inspection_result" AS ENUM('pass', 'violations');--> statement-breakpoint
CREATE TYPE "public"."inspection_scope" AS ENUM('subject', 'product', 'batch', 'area');--> statement-breakpoint
CREATE TYPE "public"."batch_event_kind" AS ENUM('recalled', 'recall_corrected');--> statement-breakpoint
CREATE TYPE "public"."report_problem" AS ENUM('counterfeit', 'quality', 'label', 'expired_or_recalled', 'other');--> statement-breakpoint
CREATE TYPE "public"."report_state" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"province_code" text NOT NULL,
	"scope" "inspection_scope" NOT NULL,
	"product_id" uuid,
	"batch_id" uuid,
	"area_id" uuid,
	"inspected_on" date NOT NULL,
	"agency" text NOT NULL,
	"findings" text NOT NULL,
	"samples" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"result" "inspection_result" NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "batch_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"kind" "batch_event_kind" NOT NULL,
	"effective_on" date NOT NULL,
	"reason" text NOT NULL,
	"basis" text NOT NULL,
	"decided_by" text,
	"inspection_id" uuid,
	"corrects_event_id" bigint,
	"actor" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "area_flags" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"area_id" uuid NOT NULL,
	"standard" text NOT NULL,
	"flagged_on" date NOT NULL,
	"reason" text NOT NULL,
	"inspection_id" uuid,
	"actor" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"serial" bigint,
	"verdict_status" text NOT NULL,
	"province_code" text,
	"subject_id" uuid,
	"product_id" uuid,
	"problem" "report_problem" NOT NULL,
	"details" text NOT NULL,
	"place_of_purchase" text,
	"contact" text,
	"state" "report_state" DEFAULT 'open' NOT NULL,
	"closed_note" text,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_list_snapshots" (
	"version" integer PRIMARY KEY NOT NULL,
	"content_hash" text NOT NULL,
	"jws" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certificate_events" ADD COLUMN "decided_by" text;--> statement-breakpoint
ALTER TABLE "certificate_events" ADD COLUMN "grounds" "revocation_grounds";--> statement-breakpoint
ALTER TABLE "certificate_events" ADD COLUMN "from_status" "certificate_status";--> statement-breakpoint
ALTER TABLE "certificate_events" ADD COLUMN "to_status" "certificate_status";--> statement-breakpoint
ALTER TABLE "certificate_events" ADD COLUMN "inspection_id" uuid;--> statement-breakpoint
ALTER TABLE "certificate_events" ADD COLUMN "corrects_event_id" bigint;--> statement-breakpoint
ALTER TABLE "certificate_events" ADD COLUMN "related_certificate_id" uuid;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_area_id_raw_material_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."raw_material_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_events" ADD CONSTRAINT "batch_events_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_events" ADD CONSTRAINT "batch_events_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_events" ADD CONSTRAINT "batch_events_corrects_event_id_batch_events_id_fk" FOREIGN KEY ("corrects_event_id") REFERENCES "public"."batch_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_flags" ADD CONSTRAINT "area_flags_area_id_raw_material_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."raw_material_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "area_flags" ADD CONSTRAINT "area_flags_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspections_subject_id_index" ON "inspections" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "inspections_product_id_index" ON "inspections" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "inspections_province_code_inspected_on_index" ON "inspections" USING btree ("province_code","inspected_on");--> statement-breakpoint
CREATE INDEX "batch_events_batch_id_index" ON "batch_events" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "area_flags_area_id_index" ON "area_flags" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "reports_province_code_state_created_at_index" ON "reports" USING btree ("province_code","state","created_at");--> statement-breakpoint
CREATE INDEX "reports_serial_index" ON "reports" USING btree ("serial");--> statement-breakpoint
ALTER TABLE "certificate_events" ADD CONSTRAINT "certificate_events_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_events" ADD CONSTRAINT "certificate_events_corrects_event_id_certificate_events_id_fk" FOREIGN KEY ("corrects_event_id") REFERENCES "public"."certificate_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_events" ADD CONSTRAINT "certificate_events_related_certificate_id_certificates_id_fk" FOREIGN KEY ("related_certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;